import type { Queryable } from '../../server/src/db/database.js';

/** Largest distance in metres (PostGIS, on the spheroid) from a vertex of `got` to the nearest vertex of `want` (both WGS 84 GeoJSON). */
export async function maxOffsetM(db: Queryable, got: unknown, want: unknown): Promise<number> {
  const { rows } = await db.query<{ d: number }>(
    `SELECT max(ST_Distance(p.geom::geography, ST_ClosestPoint(ST_Points(w), p.geom)::geography)) AS d
     FROM ST_DumpPoints(ST_SetSRID(ST_GeomFromGeoJSON($1), 4326)) p, (SELECT ST_SetSRID(ST_GeomFromGeoJSON($2), 4326) AS w) x`,
    [JSON.stringify(got), JSON.stringify(want)]);
  return rows[0].d;
}
