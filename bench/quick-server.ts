/**
 * A quick side-by-side check of the server-side fixes on PostgreSQL, without the full `npm run bench`:
 * `bash scripts/with-postgres.sh tsx bench/quick-server.ts` (BENCH_SIZES, default 100000; BENCH_N, default 20).
 * For each size, in the same run: OGC items (1 km bbox, 100 per page) API against its raw query and against
 * the collection-extent query the route used to run first; a warm z13/z14 tile with gzip cached (what a
 * browser gets) against gzipping its body per request (what the compression middleware did); z13/z14 tiles
 * cold with and without the layer's minzoom; search with the trigram index against the old position() scan.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { PostgresDatabase, type Database } from '../server/src/db/database.js';
import { migrate } from '../server/src/db/migrate.js';
import { loadSeeds } from '../server/src/seed/load.js';
import { createApp } from '../server/src/app.js';
import { parseCrs } from '../server/src/ogc/crs.js';
import type { CacheInvalidation } from '../server/src/tiles/invalidation.js';
import { percentile, round, timeRuns } from './stats.js';
import { loadParcels, PARCEL_LAYER } from './parcels.js';
import { adminQuery, databaseUrl, postgresAdminUrl } from '../test/support/engine.js';

const N = Number(process.env.BENCH_N ?? 20);
const SIZES = (process.env.BENCH_SIZES ?? '100000').split(',').map(Number);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const sql = (p: string) => fs.readFileSync(path.join(root, p), 'utf8');
const itemsSql = sql('server/src/ogc/items.sql');
const collectionsSql = sql('server/src/ogc/collections.sql');
const searchSql = sql('server/src/search/search.sql');
/** The search before migration 009: position() over every name (and the same total order, so bodies compare). */
const searchScanSql = searchSql
  .replace(/WHERE lower\(f\.name_zh\) LIKE[^\n]*\n\s*OR lower\(f\.name_en\) LIKE[^\n]*/, 'WHERE position($1 IN lower(f.name_zh)) > 0 OR position($1 IN lower(f.name_en)) > 0');
if (searchScanSql === searchSql) throw new Error('search.sql changed: update the scan variant');
const p50 = (s: number[]) => round(percentile(s, 50));
const lon2x = (lon: number, z: number) => ((lon + 180) / 360) * 2 ** z;
const lat2y = (lat: number, z: number) => {
  const r = (lat * Math.PI) / 180;
  return ((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * 2 ** z;
};

function get(url: string, headers: Record<string, string> = {}): Promise<{ status: number; body: Buffer; encoding?: string }> {
  return new Promise((resolve, reject) => {
    http.get(url, { headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, body: Buffer.concat(chunks), encoding: res.headers['content-encoding'] }));
      res.on('error', reject);
    }).on('error', reject);
  });
}
const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });

const name = `atlas_quick_${process.pid}`;
await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
await adminQuery(`CREATE DATABASE ${name}`);
const db: Database = PostgresDatabase.connect(databaseUrl(postgresAdminUrl(), name), 10);
const out: Record<string, unknown>[] = [];
try {
  await migrate(db);
  await loadSeeds(db);
  const app = createApp(db, {});
  const server = await new Promise<http.Server>((r) => {
    const s = app.listen(0, '127.0.0.1', () => r(s));
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  for (const n of SIZES) {
    const loaded = await loadParcels(db, n);
    const { rows: [c] } = await db.query<{ x: number; y: number }>(
      `WITH c AS (SELECT ST_Centroid(ST_Collect(ST_Centroid(geom))) AS p FROM features WHERE layer_id = $1)
       SELECT ST_X(ST_Centroid(f.geom)) AS x, ST_Y(ST_Centroid(f.geom)) AS y FROM features f, c WHERE f.layer_id = $1 ORDER BY f.geom <-> c.p LIMIT 1`, [PARCEL_LAYER]);
    const r: Record<string, unknown> = { parcels: n, load_ms: loaded.ms };
    // OGC items.
    const box = [c.x - 0.005, c.y - 0.005, c.x + 0.005, c.y + 0.005];
    const crs = parseCrs(undefined, 'crs');
    const api = await timeRuns(() => get(`${base}/ogc/collections/${PARCEL_LAYER}/items?bbox=${box.join(',')}&limit=100`, { 'Accept-Encoding': 'gzip' }), N);
    const raw = await timeRuns(() => db.query(itemsSql, [PARCEL_LAYER, crs.srid, crs.northFirst, crs.digits, 100, 0, ...box, 4326]), N);
    const extent = await timeRuns(() => db.query(collectionsSql, [PARCEL_LAYER]), Math.min(N, 10), 1);
    r.items = { api_p50: p50(api), raw_p50: p50(raw), api_over_raw: round(p50(api) / p50(raw)), old_extent_query_p50: p50(extent) };
    // Tiles: minzoom on (the bench layer's 14) and off, cold (version bumped) and warm.
    const bump = () => db.query('SELECT atlas_bump_version($1)', [`layer:${PARCEL_LAYER}`]);
    const tiles: Record<string, unknown>[] = [];
    for (const minzoom of [14, 0]) {
      await db.query(`UPDATE layers SET style = jsonb_set(style, '{minzoom}', to_jsonb($2::int)) WHERE id = $1`, [PARCEL_LAYER, minzoom]);
      for (const z of [13, 14]) {
        const t = `${base}/tiles/${PARCEL_LAYER}/${z}/${Math.floor(lon2x(c.x, z))}/${Math.floor(lat2y(c.y, z))}.mvt`;
        const cold = await timeRuns(async () => { await bump(); await get(t, { 'Accept-Encoding': 'gzip' }); }, Math.min(N, 5), 1);
        const id = await get(t, { 'Accept-Encoding': 'identity' });
        const gz = await get(t, { 'Accept-Encoding': 'gzip' });
        const warmGz = await timeRuns(() => get(t, { 'Accept-Encoding': 'gzip' }), N);
        const warmId = await timeRuns(() => get(t, { 'Accept-Encoding': 'identity' }), N);
        const perRequestGzip = await timeRuns(async () => zlib.gzipSync(id.body), Math.min(N, 10), 1);
        tiles.push({ minzoom, z, status: id.status, bytes: id.body.length, gzip_bytes: gz.encoding === 'gzip' ? gz.body.length : null,
          cold_p50: p50(cold), warm_gzip_cached_p50: p50(warmGz), warm_identity_p50: p50(warmId), gzip_per_request_p50: p50(perRequestGzip) });
      }
    }
    r.tiles = tiles;
    await db.query(`UPDATE layers SET style = jsonb_set(style, '{minzoom}', '14') WHERE id = $1`, [PARCEL_LAYER]);
    // Search: the same body both ways, timed.
    const search: Record<string, unknown>[] = [];
    for (const q of ['生物医药', 'vaccine', '合成地块 4567', '医药']) {
      const a = await db.query<{ body: string }>(searchSql, [q, 20]);
      const b = await db.query<{ body: string }>(searchScanSql, [q, 20]);
      const idx = await timeRuns(() => db.query(searchSql, [q, 20]), N);
      const scan = await timeRuns(() => db.query(searchScanSql, [q, 20]), Math.min(N, 10), 1);
      const apiS = await timeRuns(() => get(`${base}/api/search?q=${encodeURIComponent(q)}`), N);
      search.push({ q, same_body: a.rows[0].body === b.rows[0].body, index_p50: p50(idx), scan_p50: p50(scan), api_p50: p50(apiS) });
    }
    r.search = search;
    console.log(JSON.stringify(r, null, 1));
    out.push(r);
  }
  server.closeAllConnections();
  await new Promise((res) => server.close(res));
  await (app.locals.invalidation as CacheInvalidation).close();
} finally {
  agent.destroy();
  await db.close();
  await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}
fs.writeFileSync(path.join(root, 'bench/quick-server.json'), JSON.stringify({ generated: new Date().toISOString(), n: N, results: out }, null, 1) + '\n');
