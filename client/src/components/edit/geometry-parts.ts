import { roundPosition } from '../../hooks/use-terra-draw';

/*
 * terra-draw edits single Polygons (one ring), LineStrings and Points. A feature's geometry is split
 * into such parts for editing and put back together on save: the parts of a Multi* stay parts, and a
 * polygon's holes are kept aside and returned untouched, so nothing the editor cannot show is lost.
 */

/** The terra-draw mode that edits a part. */
export type PartMode = 'polygon' | 'linestring' | 'point';

/** One editable part: a single-ring Polygon, a LineString or a Point, plus the holes it had. */
export interface GeometryPart {
  mode: PartMode;
  geometry: GeoJSON.Polygon | GeoJSON.LineString | GeoJSON.Point;
  /** Interior rings of a polygon part, kept as they were. */
  holes: GeoJSON.Position[][];
}

/** The parts of a geometry and the type to rebuild. */
export interface SplitGeometry {
  type: 'Polygon' | 'MultiPolygon' | 'LineString' | 'MultiLineString' | 'Point' | 'MultiPoint';
  parts: GeometryPart[];
}

const ring = (r: GeoJSON.Position[]) => r.map(roundPosition);

function polygonPart(rings: GeoJSON.Position[][]): GeometryPart {
  return { mode: 'polygon', geometry: { type: 'Polygon', coordinates: [ring(rings[0] ?? [])] }, holes: rings.slice(1) };
}

/** Splits a WGS84 geometry into parts terra-draw can edit (coordinates rounded to its precision); throws for a GeometryCollection. */
export function splitGeometry(g: GeoJSON.Geometry): SplitGeometry {
  switch (g.type) {
    case 'Polygon':
      return { type: g.type, parts: [polygonPart(g.coordinates)] };
    case 'MultiPolygon':
      return { type: g.type, parts: g.coordinates.map(polygonPart) };
    case 'LineString':
      return { type: g.type, parts: [{ mode: 'linestring', geometry: { type: 'LineString', coordinates: ring(g.coordinates) }, holes: [] }] };
    case 'MultiLineString':
      return { type: g.type, parts: g.coordinates.map((c) => ({ mode: 'linestring', geometry: { type: 'LineString', coordinates: ring(c) }, holes: [] })) };
    case 'Point':
      return { type: g.type, parts: [{ mode: 'point', geometry: { type: 'Point', coordinates: roundPosition(g.coordinates) }, holes: [] }] };
    case 'MultiPoint':
      return { type: g.type, parts: g.coordinates.map((c) => ({ mode: 'point', geometry: { type: 'Point', coordinates: roundPosition(c) }, holes: [] })) };
    default:
      throw new Error(`Cannot edit a ${g.type}`);
  }
}

/** Rebuilds the geometry from edited parts: one part of a single type stays single, otherwise Multi*. */
export function joinParts(type: SplitGeometry['type'], parts: GeometryPart[]): GeoJSON.Geometry {
  const multi = type.startsWith('Multi') || parts.length > 1;
  if (type === 'Polygon' || type === 'MultiPolygon') {
    const polys = parts.map((p) => [(p.geometry as GeoJSON.Polygon).coordinates[0], ...p.holes]);
    return multi ? { type: 'MultiPolygon', coordinates: polys } : { type: 'Polygon', coordinates: polys[0] };
  }
  if (type === 'LineString' || type === 'MultiLineString') {
    const lines = parts.map((p) => (p.geometry as GeoJSON.LineString).coordinates);
    return multi ? { type: 'MultiLineString', coordinates: lines } : { type: 'LineString', coordinates: lines[0] };
  }
  const points = parts.map((p) => (p.geometry as GeoJSON.Point).coordinates);
  return multi ? { type: 'MultiPoint', coordinates: points } : { type: 'Point', coordinates: points[0] };
}

/** The terra-draw mode that draws new features of a layer's geometry kind. */
export function modeForKind(kind: 'polygon' | 'line' | 'point'): PartMode {
  return kind === 'line' ? 'linestring' : kind;
}
