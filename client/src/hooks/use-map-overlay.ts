import { useEffect } from 'react';
import type { ExpressionSpecification, GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';

/** How one role of an overlay is drawn: outline colour and width, optional dash and fill. */
export interface OverlayStyle {
  color: string;
  width: number;
  /** Dash pattern in line widths (MapLibre's line-dasharray); solid when absent. */
  dash?: number[];
  /** Polygon fill opacity (0 = outline only). */
  fillOpacity?: number;
}

const polygonFilter: ExpressionSpecification = ['==', ['geometry-type'], 'Polygon'];
const lineFilter: ExpressionSpecification = ['any', ['==', ['geometry-type'], 'Polygon'], ['==', ['geometry-type'], 'LineString']];
const pointFilter: ExpressionSpecification = ['==', ['geometry-type'], 'Point'];

/**
 * Draws features on top of the atlas layers while the caller is mounted: each feature's
 * `properties.role` picks its style, roles drawn in the order of `styles` (last on top).
 */
export function useMapOverlay(
  map: MapLibreMap | null,
  id: string,
  features: GeoJSON.Feature[],
  styles: Record<string, OverlayStyle>,
): void {
  const sourceId = `staff:${id}`;
  const styleKey = JSON.stringify(styles);

  useEffect(() => {
    if (!map) return;
    const roles = JSON.parse(styleKey) as Record<string, OverlayStyle>;
    map.addSource(sourceId, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
    const layerIds: string[] = [];
    for (const [role, s] of Object.entries(roles)) {
      const byRole: ExpressionSpecification = ['==', ['get', 'role'], role];
      if (s.fillOpacity) {
        const fillId = `${sourceId}:${role}:fill`;
        map.addLayer({ id: fillId, type: 'fill', source: sourceId, filter: ['all', byRole, polygonFilter], paint: { 'fill-color': s.color, 'fill-opacity': s.fillOpacity } });
        layerIds.push(fillId);
      }
      const lineId = `${sourceId}:${role}:line`;
      map.addLayer({
        id: lineId,
        type: 'line',
        source: sourceId,
        filter: ['all', byRole, lineFilter],
        layout: { 'line-join': 'round', 'line-cap': s.dash ? 'butt' : 'round' },
        paint: { 'line-color': s.color, 'line-width': s.width, ...(s.dash ? { 'line-dasharray': s.dash } : {}) },
      });
      layerIds.push(lineId);
      const pointId = `${sourceId}:${role}:point`;
      map.addLayer({
        id: pointId,
        type: 'circle',
        source: sourceId,
        filter: ['all', byRole, pointFilter],
        paint: { 'circle-radius': 6, 'circle-color': '#ffffff', 'circle-opacity': 0.6, 'circle-stroke-color': s.color, 'circle-stroke-width': s.width },
      });
      layerIds.push(pointId);
    }
    return () => {
      // The map may already be gone (app unmount).
      if (!map.getStyle()) return;
      for (const layerId of layerIds) if (map.getLayer(layerId)) map.removeLayer(layerId);
      if (map.getSource(sourceId)) map.removeSource(sourceId);
    };
  }, [map, sourceId, styleKey]);

  useEffect(() => {
    if (!map) return;
    // Multi-geometries are split so the geometry-type filters see Polygon / LineString / Point.
    const flat: GeoJSON.Feature[] = [];
    for (const f of features) {
      const g = f.geometry;
      if (!g) continue;
      if (g.type === 'MultiPolygon') for (const c of g.coordinates) flat.push({ ...f, geometry: { type: 'Polygon', coordinates: c } });
      else if (g.type === 'MultiLineString') for (const c of g.coordinates) flat.push({ ...f, geometry: { type: 'LineString', coordinates: c } });
      else if (g.type === 'MultiPoint') for (const c of g.coordinates) flat.push({ ...f, geometry: { type: 'Point', coordinates: c } });
      else flat.push(f);
    }
    (map.getSource(sourceId) as GeoJSONSource | undefined)?.setData({ type: 'FeatureCollection', features: flat });
  }, [map, sourceId, features, styleKey]);
}
