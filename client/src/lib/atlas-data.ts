import { area, bbox, booleanPointInPolygon, centerOfMass, pointOnFeature } from '@turf/turf';
import type { Accuracy, AtlasFeature, AtlasFeatureCollection, GeometryKind, LayerInfo } from '@contract/api';
import type { LayerDataSummary } from './layer-style';

/** [minLng, minLat, maxLng, maxLat] in WGS84. */
export type BBoxWgs84 = [number, number, number, number];

/** A feature together with the catalogue layer it belongs to. */
export interface IndexedFeature {
  layer: LayerInfo;
  feature: AtlasFeature;
}

/** Geometry kind of a GeoJSON geometry, or null for collections the map does not draw. */
export function geometryKind(geometry: GeoJSON.Geometry | null): GeometryKind | null {
  switch (geometry?.type) {
    case 'Polygon':
    case 'MultiPolygon':
      return 'polygon';
    case 'LineString':
    case 'MultiLineString':
      return 'line';
    case 'Point':
    case 'MultiPoint':
      return 'point';
    default:
      return null;
  }
}

/** Which geometry kinds and accuracies a layer's data holds (drives the layer builder and legend). */
export function summarise(fc: AtlasFeatureCollection | undefined): LayerDataSummary {
  const kinds = new Set<GeometryKind>();
  const accuracies = new Set<Accuracy>();
  const featureIds: string[] = [];
  const accuracyById = new Map<string, Accuracy>();
  for (const f of fc?.features ?? []) {
    const k = geometryKind(f.geometry);
    if (k) kinds.add(k);
    accuracies.add(f.properties.accuracy);
    featureIds.push(String(f.id));
    accuracyById.set(String(f.id), f.properties.accuracy);
  }
  return { kinds, accuracies, featureIds, accuracyById };
}

/** The properties the map needs; citations and long text stay out of the tiles. */
function slimProperties(f: AtlasFeature): GeoJSON.GeoJsonProperties {
  const p = f.properties;
  return {
    fid: String(f.id),
    layer_id: p.layer_id,
    name_zh: p.name_zh,
    name_en: p.name_en,
    accuracy: p.accuracy,
    area_km2: typeof p.area_km2 === 'number' ? p.area_km2 : null,
    // The inventory's status: the Sites layer is coloured by it (layer-style.ts).
    status: typeof p.status === 'string' ? p.status : null,
  };
}

/** The map source data of a layer: every feature with a string `fid` for promoteId and feature-state. */
export function toMapData(fc: AtlasFeatureCollection | undefined): GeoJSON.FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: (fc?.features ?? [])
      .filter((f) => f.geometry)
      .map((f) => ({ type: 'Feature', geometry: f.geometry, properties: slimProperties(f) })),
  };
}

/** The largest polygon of a (multi)polygon, where a single label belongs. */
function largestPolygon(geometry: GeoJSON.Polygon | GeoJSON.MultiPolygon): GeoJSON.Polygon {
  if (geometry.type === 'Polygon') return geometry;
  let best: GeoJSON.Polygon = { type: 'Polygon', coordinates: geometry.coordinates[0] ?? [] };
  let bestArea = -1;
  for (const coords of geometry.coordinates) {
    const poly: GeoJSON.Polygon = { type: 'Polygon', coordinates: coords };
    const a = area(poly);
    if (a > bestArea) {
      bestArea = a;
      best = poly;
    }
  }
  return best;
}

/**
 * One label point per polygon feature: the centre of mass of its largest part when that lies inside,
 * else a point guaranteed on the surface. One point per feature avoids MapLibre's per-part and
 * per-tile duplicate labels, and gives tests a known label anchor.
 */
export function labelPoints(fc: AtlasFeatureCollection | undefined): GeoJSON.FeatureCollection<GeoJSON.Point> {
  const out: GeoJSON.Feature<GeoJSON.Point>[] = [];
  for (const f of fc?.features ?? []) {
    if (geometryKind(f.geometry) !== 'polygon') continue;
    const poly = largestPolygon(f.geometry as GeoJSON.Polygon | GeoJSON.MultiPolygon);
    if (!poly.coordinates.length) continue;
    let point = centerOfMass(poly).geometry;
    if (!booleanPointInPolygon(point, poly)) point = pointOnFeature(poly).geometry;
    out.push({ type: 'Feature', geometry: point, properties: slimProperties(f) });
  }
  return { type: 'FeatureCollection', features: out };
}

/** WGS84 bounds of a feature, or null when it has no geometry. */
export function featureBBox(f: AtlasFeature): BBoxWgs84 | null {
  if (!f.geometry) return null;
  const b = bbox(f.geometry);
  return [b[0], b[1], b[2], b[3]];
}

/** Every character any label can show, so the web font files for them can be loaded up front. */
export function labelText(collections: Array<AtlasFeatureCollection | undefined>): string {
  const chars = new Set<string>();
  for (const fc of collections) {
    for (const f of fc?.features ?? []) {
      for (const c of `${f.properties.name_zh ?? ''}${f.properties.name_en ?? ''}`) chars.add(c);
    }
  }
  return [...chars].join('');
}
