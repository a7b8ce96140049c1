import { useEffect, useRef, useState } from 'react';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { TerraDraw } from 'terra-draw';
import { TerraDrawMapLibreGLAdapter } from 'terra-draw-maplibre-gl-adapter';

/** Decimal places terra-draw keeps (9 ≈ 0.1 mm): coordinates with more are rejected, so inputs are rounded to it. */
export const DRAW_PRECISION = 9;

/** Rounds a position to DRAW_PRECISION decimals. */
export function roundPosition(p: GeoJSON.Position): [number, number] {
  const k = 10 ** DRAW_PRECISION;
  return [Math.round(p[0] * k) / k, Math.round(p[1] * k) / k];
}

/** The modes one TerraDraw instance is built with. */
export type DrawModes = ConstructorParameters<typeof TerraDraw>[0]['modes'];

/**
 * A started TerraDraw instance on the map for as long as the calling tool is mounted (null before the
 * map exists). `makeModes` is read once: one tool, one set of modes. Only one tool uses the map at a
 * time, so one instance exists at a time.
 */
export function useTerraDraw(map: MapLibreMap | null, makeModes: () => DrawModes): TerraDraw | null {
  const [draw, setDraw] = useState<TerraDraw | null>(null);
  const factory = useRef(makeModes);
  useEffect(() => {
    if (!map) return;
    const instance = new TerraDraw({
      adapter: new TerraDrawMapLibreGLAdapter({ map, coordinatePrecision: DRAW_PRECISION, prefixId: 'staff-draw' }),
      modes: factory.current(),
    });
    instance.start();
    setDraw(instance);
    return () => {
      setDraw(null);
      instance.stop();
    };
  }, [map]);
  return draw;
}
