import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import * as maplibregl from 'maplibre-gl';
import type { Map as MapLibreMap, StyleSpecification } from 'maplibre-gl';
import { useI18n } from '../../hooks/use-i18n';

/** Colours of the two sides in the swipe and overlay views (the browser test reads them back). */
export const SIDE_COLORS = { a: '#ca0020', b: '#0571b0' } as const;

/** A transparent style holding one geometry: the atlas map shows through around it. */
function sideStyle(geometry: GeoJSON.Geometry, color: string): StyleSpecification {
  return {
    version: 8,
    sources: { side: { type: 'geojson', data: { type: 'Feature', geometry, properties: {} } } },
    layers: [
      { id: 'side-fill', type: 'fill', source: 'side', paint: { 'fill-color': color, 'fill-opacity': 0.4 } },
      { id: 'side-line', type: 'line', source: 'side', paint: { 'line-color': color, 'line-width': 3 } },
    ],
  };
}

/** A second, non-interactive map that follows the atlas map's camera. */
function useFollowerMap(main: MapLibreMap, container: HTMLDivElement | null, geometry: GeoJSON.Geometry, color: string): void {
  useEffect(() => {
    if (!container) return;
    const follower = new maplibregl.Map({
      container, style: sideStyle(geometry, color), interactive: false, attributionControl: false,
      center: main.getCenter(), zoom: main.getZoom(), bearing: main.getBearing(), pitch: main.getPitch(),
    });
    const sync = () => follower.jumpTo({ center: main.getCenter(), zoom: main.getZoom(), bearing: main.getBearing(), pitch: main.getPitch() });
    const resize = () => follower.resize();
    main.on('move', sync);
    main.on('resize', resize);
    return () => {
      main.off('move', sync);
      main.off('resize', resize);
      follower.remove();
    };
  }, [main, container, geometry, color]);
}

/**
 * Swipe view over the atlas map: two synced transparent maps, A clipped to the left of a draggable
 * vertical divider and B to its right (CSS clip-path), so the atlas and its basemap show on both sides.
 */
export function SwipeMaps({ map, a, b }: { map: MapLibreMap; a: GeoJSON.Geometry; b: GeoJSON.Geometry }) {
  const { t } = useI18n();
  const host = map.getContainer();
  const [aEl, setAEl] = useState<HTMLDivElement | null>(null);
  const [bEl, setBEl] = useState<HTMLDivElement | null>(null);
  const [x, setX] = useState(() => host.clientWidth / 2);
  const dragging = useRef(false);
  useFollowerMap(map, aEl, a, SIDE_COLORS.a);
  useFollowerMap(map, bEl, b, SIDE_COLORS.b);

  const moveTo = (clientX: number) => {
    const r = host.getBoundingClientRect();
    setX(Math.min(Math.max(clientX - r.left, 0), r.width));
  };

  return createPortal(
    <div className="swipe-root" data-divider-x={Math.round(x)}>
      <div className="swipe-side" data-side="a" ref={setAEl} style={{ clipPath: `inset(0 calc(100% - ${x}px) 0 0)` }} />
      <div className="swipe-side" data-side="b" ref={setBEl} style={{ clipPath: `inset(0 0 0 ${x}px)` }} />
      <div
        className="swipe-divider"
        role="slider"
        tabIndex={0}
        aria-label={t.io.divider}
        aria-valuemin={0}
        aria-valuemax={Math.round(host.clientWidth)}
        aria-valuenow={Math.round(x)}
        style={{ left: `${x}px` }}
        onPointerDown={(e) => {
          dragging.current = true;
          e.currentTarget.setPointerCapture(e.pointerId);
        }}
        onPointerMove={(e) => dragging.current && moveTo(e.clientX)}
        onPointerUp={() => (dragging.current = false)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowLeft') setX((v) => Math.max(0, v - 20));
          if (e.key === 'ArrowRight') setX((v) => Math.min(host.clientWidth, v + 20));
        }}
      >
        <span className="swipe-tag" data-side="a">A</span>
        <span className="swipe-grip" aria-hidden="true" />
        <span className="swipe-tag" data-side="b">B</span>
      </div>
    </div>,
    host,
  );
}
