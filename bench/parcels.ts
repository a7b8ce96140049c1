/**
 * Synthetic land parcels for the benchmark — NOT data. They are generated inside the district's
 * outline (geodata/district.geojson) from a fixed seed, marked synthetic three ways (their own layer
 * `synthetic-parcels`, accuracy 'schematic', property `synthetic: true`), and loaded only by
 * `npm run bench` into its own throw-away database; the app's seeds never contain them.
 *
 * Layout: the district's bounding box is cut into a k×k grid sized so that about n cells have their
 * centre inside the outline; each such cell holds one quadrilateral whose corners are jittered
 * (deterministically, by hashing the cell number with the seed) inside the cell's four corner zones,
 * so every parcel is a valid simple polygon and no two overlap. The whole set is made by one
 * INSERT … SELECT in the database (no row crosses the wire), with the versioning trigger off for the
 * load and the GiST index rebuilt afterwards — the bulk-load path, not the editing path.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from '../server/src/db/database.js';

export const PARCEL_LAYER = 'synthetic-parcels';
export const SEED = 20261122;
/** The synthetic layer's `style.minzoom`: its tiles below this zoom are empty. */
export const PARCEL_MINZOOM = 10;
/** The synthetic layer's `style.generalise_below`: below it (from PARCEL_MINZOOM) its tiles are cells (migration 016). */
export const PARCEL_DETAIL_ZOOM = 15;
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

/** The district outline as GeoJSON geometry text (the same file the seeds load). */
function districtGeometry(): string {
  const gj = JSON.parse(fs.readFileSync(path.join(root, 'geodata/district.geojson'), 'utf8')) as { features?: { geometry: unknown }[]; geometry?: unknown };
  const geoms = gj.features ? gj.features.map((f) => f.geometry) : [gj.geometry];
  return JSON.stringify(geoms[0]);
}

/**
 * Registers the synthetic layer (bench database only). Like a real parcel layer it is generalised below
 * z15 (`style.generalise_below`): a z13 tile over a million 20 m parcels held 41 585 of them (6.4 MB,
 * 5 s cold); as cells it holds at most 34 × 34.
 */
async function registerLayer(db: Database) {
  await db.query(
    `INSERT INTO layers (id, title_zh, title_en, theme, kind, geometry_type, style, sort, description_zh, description_en)
     VALUES ($1, '合成地块（基准测试）', 'Synthetic parcels (benchmark)', 'benchmark', 'synthetic', 'polygon', $2::jsonb, 999,
             '基准测试用的合成地块，不是数据', 'Generated for the benchmark; not data')
     ON CONFLICT (id) DO NOTHING`,
    [PARCEL_LAYER, JSON.stringify({ color: '#9e9e9e', minzoom: PARCEL_MINZOOM, generalise_below: PARCEL_DETAIL_ZOOM })],
  );
}

/** Replaces the synthetic layer's parcels with `n` of them; returns the load time and the count. */
export async function loadParcels(db: Database, n: number, seed = SEED): Promise<{ ms: number; count: number }> {
  const t0 = performance.now();
  await registerLayer(db);
  const district = districtGeometry();
  // Share of the bounding box inside the outline, to size the grid.
  const { rows: [fill] } = await db.query<{ share: number }>(
    `SELECT ST_Area(g) / ST_Area(ST_Envelope(g)) AS share FROM (SELECT ST_SetSRID(ST_GeomFromGeoJSON($1), 4326) AS g) d`,
    [district],
  );
  const k = Math.ceil(Math.sqrt((n / fill.share) * 1.08));
  await db.exec(`ALTER TABLE features DISABLE TRIGGER features_versioning; ALTER TABLE features DISABLE TRIGGER features_cells`);
  try {
    await db.query(`DELETE FROM features WHERE layer_id = $1`, [PARCEL_LAYER]);
    // Indexes are rebuilt after the load (much faster than maintaining them row by row).
    await db.exec(`DROP INDEX IF EXISTS features_geom_gix; DROP INDEX IF EXISTS features_layer_size_idx; DROP INDEX IF EXISTS features_layer_idx;
      DROP INDEX IF EXISTS features_name_zh_trgm_idx; DROP INDEX IF EXISTS features_name_en_trgm_idx`);
    // hashint8extended(i, seed) is PostgreSQL's own 64-bit hash: the same parcels on every engine and run.
    await db.query(
      `WITH d AS (SELECT ST_SetSRID(ST_GeomFromGeoJSON($1), 4326) AS g),
       b AS (SELECT g, $2::bigint AS k, ST_XMin(g) AS x0, ST_YMin(g) AS y0,
                    (ST_XMax(g) - ST_XMin(g)) / $2::bigint AS dx, (ST_YMax(g) - ST_YMin(g)) / $2::bigint AS dy FROM d),
       cells AS (
         SELECT i, b.x0 + (i % b.k) * b.dx AS cx, b.y0 + (i / b.k) * b.dy AS cy, b.dx, b.dy
         FROM b, generate_series(0::bigint, $2::bigint * $2::bigint - 1) AS i
         WHERE ST_Intersects(b.g, ST_Point(b.x0 + (i % b.k + 0.5) * b.dx, b.y0 + (i / b.k + 0.5) * b.dy, 4326))
         ORDER BY i LIMIT $3::bigint
       ),
       j AS (
         SELECT c.*, row_number() OVER (ORDER BY i) AS n,
                array(SELECT 0.04 + 0.2 * ((hashint8extended(c.i, $4::bigint + s) & 65535) / 65535.0) FROM generate_series(0, 9) s) AS r
         FROM cells c
       )
       INSERT INTO features (id, layer_id, name_zh, name_en, geom, accuracy, properties, updated_by)
       SELECT 'sp-' || lpad(n::text, 7, '0'), $5, '合成地块 ' || n, 'Synthetic parcel ' || n,
              ST_MakePolygon(ST_MakeLine(ARRAY[
                ST_Point(cx + r[1] * dx, cy + r[2] * dy, 4326),
                ST_Point(cx + r[3] * dx, cy + (1 - r[4]) * dy, 4326),
                ST_Point(cx + (1 - r[5]) * dx, cy + (1 - r[6]) * dy, 4326),
                ST_Point(cx + (1 - r[7]) * dx, cy + r[8] * dy, 4326),
                ST_Point(cx + r[1] * dx, cy + r[2] * dy, 4326)])),
              'schematic',
              jsonb_build_object('synthetic', true,
                                 'land_use', (ARRAY['industrial', 'warehouse', 'research', 'utility', 'reserve'])[1 + (r[9] * 1000)::int % 5],
                                 'plot_ratio', round((0.8 + r[10] * 8)::numeric, 2)),
              'bench'
       FROM j`,
      [district, k, n, seed, PARCEL_LAYER],
    );
    // The same definitions as migrations 001, 008 and 009.
    await db.exec(`CREATE INDEX IF NOT EXISTS features_geom_gix ON features USING gist (geom);
      CREATE INDEX IF NOT EXISTS features_layer_idx ON features (layer_id);
      CREATE INDEX IF NOT EXISTS features_layer_size_idx ON features (layer_id, public.atlas_geom_size(geom));
      CREATE INDEX IF NOT EXISTS features_name_zh_trgm_idx ON features USING gin (lower(name_zh) public.gin_trgm_ops);
      CREATE INDEX IF NOT EXISTS features_name_en_trgm_idx ON features USING gin (lower(name_en) public.gin_trgm_ops)`);
    // The cells of every generalised zoom in one pass (the row trigger was off for the load).
    await db.query(`SELECT atlas_cells_rebuild($1)`, [PARCEL_LAYER]);
    await db.exec(`ANALYZE features; ANALYZE layer_cells`);
  } finally {
    await db.exec(`ALTER TABLE features ENABLE TRIGGER features_versioning; ALTER TABLE features ENABLE TRIGGER features_cells`);
  }
  // One version bump for the whole load (the trigger was off), so caches and tile URLs move on.
  await db.query(`SELECT atlas_bump_version($1)`, [`layer:${PARCEL_LAYER}`]);
  const { rows: [c] } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM features WHERE layer_id = $1`, [PARCEL_LAYER]);
  return { ms: Math.round(performance.now() - t0), count: c.n };
}
