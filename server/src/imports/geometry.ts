import type { Geometry, Position } from 'geojson';

/** Vertices in a GeoJSON geometry (what ST_NPoints would count). */
export function countVertices(g: Geometry): number {
  switch (g.type) {
    case 'Point':
      return g.coordinates.length ? 1 : 0;
    case 'MultiPoint':
    case 'LineString':
      return g.coordinates.length;
    case 'MultiLineString':
    case 'Polygon':
      return g.coordinates.reduce((n, r) => n + r.length, 0);
    case 'MultiPolygon':
      return g.coordinates.reduce((n, p) => n + p.reduce((m, r) => m + r.length, 0), 0);
    case 'GeometryCollection':
      return g.geometries.reduce((n, x) => n + countVertices(x), 0);
  }
}

const finite = (p: Position) => Array.isArray(p) && p.length >= 2 && Number.isFinite(p[0]) && Number.isFinite(p[1]);

/**
 * Why PostGIS could not even build this geometry (non-numeric coordinates, a line of one point,
 * a ring of fewer than four points or not closed), or null. Validity proper (self-intersection
 * and the like) is PostGIS's to judge, later.
 */
export function structuralProblem(g: Geometry): string | null {
  const line = (l: Position[]) => (l.length < 2 ? 'a line needs at least 2 points' : null);
  const ring = (r: Position[]) => {
    if (r.length < 4) return `a polygon ring needs at least 4 points, this one has ${r.length}`;
    const [a, b] = [r[0], r[r.length - 1]];
    return a[0] === b[0] && a[1] === b[1] ? null : 'a polygon ring is not closed';
  };
  const all = (ps: Position[]) => (ps.every(finite) ? null : 'coordinates must be finite numbers');
  const first = (xs: Array<string | null>) => xs.find((x) => x !== null) ?? null;
  switch (g.type) {
    case 'Point':
      return g.coordinates.length === 0 ? 'empty point' : all([g.coordinates]);
    case 'MultiPoint':
      return g.coordinates.length === 0 ? 'empty geometry' : all(g.coordinates);
    case 'LineString':
      return all(g.coordinates) ?? line(g.coordinates);
    case 'MultiLineString':
      return g.coordinates.length === 0 ? 'empty geometry' : first(g.coordinates.map((l) => all(l) ?? line(l)));
    case 'Polygon':
      return g.coordinates.length === 0 ? 'empty geometry' : first(g.coordinates.map((r) => all(r) ?? ring(r)));
    case 'MultiPolygon':
      return g.coordinates.length === 0 ? 'empty geometry' : first(g.coordinates.flatMap((p) => (p.length === 0 ? ['empty polygon'] : p.map((r) => all(r) ?? ring(r)))));
    case 'GeometryCollection':
      return g.geometries.length === 0 ? 'empty geometry' : first(g.geometries.map(structuralProblem));
    default:
      return `unknown geometry type "${(g as { type: unknown }).type}"`;
  }
}

/** Drops Z/M from every position: features are stored in 2D. */
export function force2d<G extends Geometry>(g: G): G {
  const p2 = (p: Position): Position => [p[0], p[1]];
  switch (g.type) {
    case 'Point':
      return { ...g, coordinates: g.coordinates.length ? p2(g.coordinates) : [] };
    case 'MultiPoint':
    case 'LineString':
      return { ...g, coordinates: g.coordinates.map(p2) };
    case 'MultiLineString':
    case 'Polygon':
      return { ...g, coordinates: g.coordinates.map((r) => r.map(p2)) };
    case 'MultiPolygon':
      return { ...g, coordinates: g.coordinates.map((pl) => pl.map((r) => r.map(p2))) };
    case 'GeometryCollection':
      return { ...g, geometries: g.geometries.map(force2d) };
  }
  return g;
}

/** [xmin, ymin, xmax, ymax] of a geometry's positions, or null when it has none. */
export function extent(g: Geometry): [number, number, number, number] | null {
  const e = [Infinity, Infinity, -Infinity, -Infinity] as [number, number, number, number];
  const visit = (x: unknown): void => {
    if (Array.isArray(x) && typeof x[0] === 'number') {
      e[0] = Math.min(e[0], x[0]);
      e[1] = Math.min(e[1], x[1] as number);
      e[2] = Math.max(e[2], x[0]);
      e[3] = Math.max(e[3], x[1] as number);
    } else if (Array.isArray(x)) x.forEach(visit);
  };
  const geom = (x: Geometry): void => (x.type === 'GeometryCollection' ? x.geometries.forEach(geom) : visit(x.coordinates));
  geom(g);
  return Number.isFinite(e[0]) ? e : null;
}

/** A collection of one kind of part as the matching Multi* geometry (KML MultiGeometry, DXF layers), else unchanged. */
export function homogenise(g: Geometry): Geometry {
  if (g.type !== 'GeometryCollection' || g.geometries.length === 0) return g;
  const parts = g.geometries.map(homogenise);
  const flat = (t: string) => parts.flatMap((p) => {
    const c = (p as unknown as { coordinates: unknown[] }).coordinates;
    return p.type === t ? [c] : p.type === `Multi${t}` ? c : [];
  });
  for (const t of ['Point', 'LineString', 'Polygon'] as const) {
    if (parts.every((p) => p.type === t || p.type === `Multi${t}`)) return { type: `Multi${t}`, coordinates: flat(t) } as Geometry;
  }
  return { type: 'GeometryCollection', geometries: parts };
}
