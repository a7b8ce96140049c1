/**
 * `npm run bench`: measures the API on both engines side by side in one run and writes
 * bench/report.json and bench/report.md. Ratios, not absolute times, are what to compare:
 * the machines are shared and noisy.
 *
 * Environment: BENCH_SIZES (synthetic parcel counts, default 1000,10000,100000,1000000),
 * BENCH_PGLITE_MAX (largest size loaded into PGlite, default 10000: 100k take ~100 s to load there), BENCH_N (sequential requests
 * per measurement, default 30), BENCH_LOAD_S (seconds per autocannon run, default 4),
 * ATLAS_CLIENT_DIR (the built client, default dist/client).
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import autocannon from 'autocannon';
import type { Database } from '../server/src/db/database.js';
import { migrate } from '../server/src/db/migrate.js';
import { openPglite } from '../server/src/db/open.js';
import { loadSeeds } from '../server/src/seed/load.js';
import { createApp } from '../server/src/app.js';
import { TilesRepository } from '../server/src/tiles/tiles.repository.js';
import { TilesService } from '../server/src/tiles/tiles.service.js';
import { LruCache } from '../server/src/tiles/lru.js';
import { parseCrs } from '../server/src/ogc/crs.js';
import { match } from '../server/src/match/match.service.js';
import type { CacheInvalidation } from '../server/src/tiles/invalidation.js';
import { percentile, round, timeRuns } from './stats.js';
import { loadParcels, PARCEL_DETAIL_ZOOM, PARCEL_LAYER, PARCEL_MINZOOM } from './parcels.js';
import { ensureMapServer, startMapServer, type MapServerPeer } from './mapserver.js';
import { mapIdle } from './map-idle.js';
import { sharedLinkProfile } from './shared-link.js';
import { measureStartup } from './startup.js';
import { headline, measureTestWall } from './headline.js';
import { openEngine, type Engine } from './engines.js';
import { benchMatch } from './match.js';
import { benchSites } from './sites.js';
import { benchImports } from './imports.js';

const N = Number(process.env.BENCH_N ?? 30);
const SIZES = (process.env.BENCH_SIZES ?? '1000,10000,100000,1000000').split(',').map(Number).filter((n) => n > 0).sort((a, b) => a - b);
const PGLITE_MAX = Number(process.env.BENCH_PGLITE_MAX ?? 10000);
const LOAD_S = Number(process.env.BENCH_LOAD_S ?? 4);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const clientDir = path.resolve(process.env.ATLAS_CLIENT_DIR ?? path.join(root, 'dist/client'));
const sql = (p: string) => fs.readFileSync(path.join(root, p), 'utf8');
const layerSql = sql('server/src/layers/layer-features.sql');
const itemsSql = sql('server/src/ogc/items.sql');
const searchSql = sql('server/src/search/search.sql');
const t0All = performance.now();

const ms = (s: number[]) => ({ p50_ms: round(percentile(s, 50)), p99_ms: round(percentile(s, 99)) });

// ---- Tile arithmetic (XYZ, Web Mercator, y down). ----
const lon2x = (lon: number, z: number) => ((lon + 180) / 360) * 2 ** z;
const lat2y = (lat: number, z: number) => {
  const r = (lat * Math.PI) / 180;
  return ((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * 2 ** z;
};
/** Where the tiles are measured: set after each load to the parcel nearest the parcels' centroid (inside the district). */
let CENTER: [number, number] = [119.9456, 32.2972];
/** Up to `count` tiles at zoom z nearest the centre, spiralling out, all inside the district's box. */
function tilesAround(z: number, count: number): { z: number; x: number; y: number }[] {
  const cx = Math.floor(lon2x(CENTER[0], z));
  const cy = Math.floor(lat2y(CENTER[1], z));
  const [x0, x1] = [Math.floor(lon2x(119.8142, z)), Math.floor(lon2x(120.0769, z))];
  const [y0, y1] = [Math.floor(lat2y(32.4599, z)), Math.floor(lat2y(32.1545, z))];
  const out: { z: number; x: number; y: number }[] = [];
  for (let r = 0; out.length < count && r < 64; r++) {
    for (let dx = -r; dx <= r; dx++) for (let dy = -r; dy <= r; dy++) {
      if (Math.max(Math.abs(dx), Math.abs(dy)) !== r) continue;
      const x = cx + dx;
      const y = cy + dy;
      if (x >= x0 && x <= x1 && y >= y0 && y <= y1 && out.length < count) out.push({ z, x, y });
    }
  }
  return out;
}

async function serve(db: Database, opts: { clientDir?: string } = {}) {
  const app = createApp(db, opts);
  const server: Server = await new Promise((r) => {
    const s = app.listen(0, '127.0.0.1', () => r(s));
  });
  // Long pauses between measurements must not race the default 5 s keep-alive close (ECONNRESET).
  server.keepAliveTimeout = 120_000;
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async close() {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      await (app.locals.invalidation as CacheInvalidation).close();
    },
  };
}

async function get(url: string): Promise<{ status: number; bytes: number; cache: string | null }> {
  // A pooled keep-alive socket the server closed during a long pause fails once (ECONNRESET): retry on a new one.
  const res = await fetch(url).catch(() => fetch(url));
  const body = await res.arrayBuffer();
  if (res.status !== 200 && res.status !== 204) throw new Error(`${url} → ${res.status}`);
  return { status: res.status, bytes: body.byteLength, cache: res.headers.get('x-tile-cache') };
}

/** autocannon with 50 connections for LOAD_S seconds; the server's RSS sampled meanwhile (it runs in this process). */
async function load(url: string) {
  let rss = process.memoryUsage().rss;
  const timer = setInterval(() => (rss = Math.max(rss, process.memoryUsage().rss)), 100);
  try {
    const r = await autocannon({ url, connections: 50, duration: LOAD_S });
    return {
      rps: round(r.requests.average, 0),
      p50_ms: r.latency.p50,
      p99_ms: r.latency.p99,
      errors: r.errors + r.non2xx,
      peak_rss_mb: Math.round(rss / 2 ** 20),
    };
  } finally {
    clearInterval(timer);
  }
}

/** The URL of the benchmark's PostgreSQL database (for the MapServer peer), once opened. */
let benchDatabaseUrl = '';

const baseEndpoints: Array<{ path: string; raw?: [string, unknown[]] }> = [
  { path: '/api/health' },
  { path: '/api/layers' },
  { path: '/api/layers/parks', raw: [layerSql, ['parks']] },
  { path: '/api/layers/district', raw: [layerSql, ['district']] },
  { path: '/api/layers/roads', raw: [layerSql, ['roads']] },
  { path: '/api/features/park-biomed' },
  { path: '/api/chains' },
];

/** A layer's FeatureCollection built in JS from rows (the alternative to json_agg in PostGIS). */
async function layerInJs(db: Database, layer: string): Promise<string> {
  const { rows } = await db.query<{ id: string; name_zh: string; name_en: string; accuracy: string; parent_id: string | null; properties: Record<string, unknown>; g: string }>(
    'SELECT id, name_zh, name_en, accuracy, parent_id, properties, ST_AsGeoJSON(geom, 6)::text AS g FROM features WHERE layer_id = $1 ORDER BY id',
    [layer],
  );
  const parts = rows.map((r) => `{"type":"Feature","id":${JSON.stringify(r.id)},"geometry":${r.g},"properties":${JSON.stringify({ id: r.id, name_zh: r.name_zh, name_en: r.name_en, accuracy: r.accuracy, parent_id: r.parent_id, ...r.properties })}}`);
  return `{"type":"FeatureCollection","features":[${parts.join(',')}]}`;
}

/** The zooms tiles are measured at: the generalised z10–z14 and the first detail zooms. */
const TILE_ZOOMS = [10, 11, 12, 13, 14, PARCEL_DETAIL_ZOOM, 16];

let mapServerUnavailable: string | null | undefined;

/**
 * The same requests to MapServer 8 (bench/mapserver.ts) and to us, on the same table, one after the other
 * per sample: OGC API items in the ~1 km box at the centre (limit 100), and MVT tiles around the centre at
 * z14 (we send cells there, MapServer every parcel: reported, not the comparison) and at z16 (both send
 * every parcel, with the same attributes: the comparison). Our tiles are cold (version bumped before each),
 * as MapServer has no tile cache.
 */
async function versusMapServer(db: Database, base: string, n: number) {
  if (mapServerUnavailable === undefined) mapServerUnavailable = ensureMapServer();
  if (mapServerUnavailable) return { skipped: mapServerUnavailable };
  const url = benchDatabaseUrl;
  let peer: MapServerPeer | null = null;
  try {
    peer = await startMapServer(url, PARCEL_LAYER, ['synthetic', 'land_use', 'plot_ratio']);
    const [lon, lat] = CENTER;
    const box = [lon - 0.005, lat - 0.005, lon + 0.005, lat + 0.005].join(',');
    const oursItems = `${base}/ogc/collections/${PARCEL_LAYER}/items?bbox=${box}&limit=100`;
    const theirsItems = `${peer.itemsUrl}&bbox=${box}&limit=100`;
    const count = async (u: string) => ((await (await fetch(u)).json()) as { features: unknown[] }).features.length;
    const items = { ours: [] as number[], theirs: [] as number[], ours_features: await count(oursItems), theirs_features: await count(theirsItems) };
    for (let i = 0; i < 5; i++) { await get(oursItems); await get(theirsItems); }
    for (let i = 0; i < N; i++) {
      let t = performance.now();
      await get(oursItems);
      items.ours.push(performance.now() - t);
      t = performance.now();
      await get(theirsItems);
      items.theirs.push(performance.now() - t);
    }
    const tiles = [];
    for (const z of [14, 16]) {
      const set = tilesAround(z, 12);
      const ours: number[] = [];
      const theirs: number[] = [];
      const samples = Math.min(N, n >= 100000 ? 12 : 20);
      let oursBytes = 0;
      let theirsBytes = 0;
      for (let i = 0; i < samples; i++) {
        const t = set[i % set.length];
        await db.query('SELECT atlas_bump_version($1)', [`layer:${PARCEL_LAYER}`]);
        const { rows: [bumped] } = await db.query<{ v: string }>('SELECT version::text AS v FROM data_versions WHERE scope = $1', [`layer:${PARCEL_LAYER}`]);
        let t0 = performance.now();
        oursBytes = Math.max(oursBytes, (await get(`${base}/tiles/${PARCEL_LAYER}/${t.z}/${t.x}/${t.y}.mvt?v=${bumped.v}`)).bytes);
        ours.push(performance.now() - t0);
        t0 = performance.now();
        theirsBytes = Math.max(theirsBytes, (await get(peer.tileUrl(t.z, t.x, t.y))).bytes);
        theirs.push(performance.now() - t0);
      }
      const row = { z, same_content: z >= PARCEL_DETAIL_ZOOM, ours: ms(ours), theirs: ms(theirs), ratio: round(percentile(ours, 50) / percentile(theirs, 50)), ours_max_bytes: oursBytes, theirs_max_bytes: theirsBytes };
      tiles.push(row);
      console.log(`[bench] mapserver ${n} z${z}: ${JSON.stringify(row)}`);
    }
    const out = { version: peer.version, items: { ours: ms(items.ours), theirs: ms(items.theirs), ratio: round(percentile(items.ours, 50) / percentile(items.theirs, 50)), ours_features: items.ours_features, theirs_features: items.theirs_features }, tiles };
    console.log(`[bench] mapserver ${n} items: ${JSON.stringify(out.items)}`);
    return out;
  } catch (e) {
    return { skipped: `MapServer failed: ${(e as Error).message.split('\n')[0]}` };
  } finally {
    await peer?.close();
  }
}

async function benchEngine(engine: Engine) {
  const t0 = performance.now();
  const { db, drop, url } = await openEngine(engine);
  if (url) benchDatabaseUrl = url;
  await migrate(db);
  await loadSeeds(db);
  const setupMs = Math.round(performance.now() - t0);
  const srv = await serve(db);
  const base = srv.base;

  // 1. The zone's own endpoints (no parcels yet), API against the same SQL run directly.
  const endpoints = [];
  for (const ep of baseEndpoints) {
    const call = () => get(base + ep.path);
    const { bytes } = await call();
    const r: Record<string, unknown> = { path: ep.path, bytes, ...ms(await timeRuns(call, N)) };
    if (ep.raw) {
      const raw = ms(await timeRuns(() => db.query(ep.raw![0], ep.raw![1]), N));
      r.raw_sql_p50_ms = raw.p50_ms;
      r.api_over_raw = round((r.p50_ms as number) / raw.p50_ms);
    }
    endpoints.push(r);
    console.log(`[bench] ${engine} ${ep.path}: ${JSON.stringify(r)}`);
  }
  // SQL-built GeoJSON (json_agg in PostGIS) against building the same document in JS from rows.
  const geojsonBuild = [];
  for (const layer of ['parks', 'roads', 'district']) {
    const sqlSide = ms(await timeRuns(() => db.query(layerSql, [layer]), N));
    const jsSide = ms(await timeRuns(() => layerInJs(db, layer), N));
    geojsonBuild.push({ layer, sql_p50_ms: sqlSide.p50_ms, js_p50_ms: jsSide.p50_ms, js_over_sql: round(jsSide.p50_ms / sqlSide.p50_ms) });
  }
  console.log(`[bench] ${engine} geojson build`, geojsonBuild);

  // 2. Per parcel count.
  const sizes = [];
  const repo = new TilesRepository(db);
  for (const n of SIZES) {
    if (engine === 'pglite' && n > PGLITE_MAX) {
      sizes.push({ parcels: n, skipped: `not loaded into PGlite (BENCH_PGLITE_MAX=${PGLITE_MAX})` });
      continue;
    }
    const loaded = await loadParcels(db, n);
    console.log(`[bench] ${engine} ${n} parcels loaded in ${loaded.ms} ms`);
    {
      const { rows: [c] } = await db.query<{ x: number; y: number }>(
        `WITH c AS (SELECT ST_Centroid(ST_Collect(ST_Centroid(geom))) AS p FROM features WHERE layer_id = $1)
         SELECT ST_X(ST_Centroid(f.geom)) AS x, ST_Y(ST_Centroid(f.geom)) AS y FROM features f, c
         WHERE f.layer_id = $1 ORDER BY f.geom <-> c.p LIMIT 1`, [PARCEL_LAYER]);
      CENTER = [c.x, c.y];
    }
    const s: Record<string, unknown> = { parcels: loaded.count, load_ms: loaded.ms, tiles: [] as unknown[] };
    const version = async () => (await db.query<{ v: string }>(`SELECT version::text AS v FROM data_versions WHERE scope = $1`, [`layer:${PARCEL_LAYER}`])).rows[0].v;

    for (const z of TILE_ZOOMS) {
      // Below the layer's minzoom the server sends an empty tile without a query; below its detail zoom the
      // tile holds the cells of layer_cells (migration 016), and raw is the same cells query run directly.
      const belowMinzoom = z < PARCEL_MINZOOM;
      const generalised = !belowMinzoom && z < PARCEL_DETAIL_ZOOM;
      const set = tilesAround(z, z === 10 ? 4 : 12);
      const url = (t: { z: number; x: number; y: number }, v?: string) => `${base}/tiles/${PARCEL_LAYER}/${t.z}/${t.x}/${t.y}.mvt${v ? `?v=${v}` : ''}`;
      // Cold: a version bump before each request empties this layer's cache (the database's own cache stays warm).
      const cold: number[] = [];
      const raw: number[] = [];
      let bytes = 0;
      // Fewer samples where a single tile takes seconds (the densest tiles of the largest sets).
      const coldN = Math.min(N, n >= 100000 ? 8 : 16);
      for (let i = 0; i < coldN; i++) {
        const t = set[i % set.length];
        await db.query('SELECT atlas_bump_version($1)', [`layer:${PARCEL_LAYER}`]);
        // As the client asks after an edit: its new TileJSON names the new version (an immutable URL).
        const fresh = await version();
        const t1 = performance.now();
        const r = await get(url(t, fresh));
        cold.push(performance.now() - t1);
        if (r.cache !== 'miss') throw new Error(`cold tile was a ${r.cache}`);
        bytes = Math.max(bytes, r.bytes);
        const t2 = performance.now();
        if (generalised) await (engine === 'postgres' ? repo.cellsMvt(PARCEL_LAYER, t.z, t.x, t.y) : repo.cells(PARCEL_LAYER, t.z, t.x, t.y));
        else if (engine === 'postgres') await repo.mvt(PARCEL_LAYER, t.z, t.x, t.y);
        else await repo.features(PARCEL_LAYER, t.z, t.x, t.y);
        raw.push(performance.now() - t2);
      }
      // What the centre tile holds: its features, or its cells and the parcels they count.
      const centreCells = generalised ? await repo.cells(PARCEL_LAYER, set[0].z, set[0].x, set[0].y) : [];
      const features = belowMinzoom ? 0 : generalised ? centreCells.length : (JSON.parse(await repo.features(PARCEL_LAYER, set[0].z, set[0].x, set[0].y)) as { features: unknown[] }).features.length;
      const parcelsInCentre = generalised ? centreCells.reduce((sum, c) => sum + c.n, 0) : features;
      const v = await version();
      for (const t of set) await get(url(t)); // fill the cache
      let k = 0;
      const warm = await timeRuns(() => get(url(set[k++ % set.length])), N);
      k = 0;
      const warmVersioned = await timeRuns(() => get(url(set[k++ % set.length], v)), N);
      // Encoders side by side on the same database, in-process, no cache: ST_AsMVT (PostgreSQL only) and JS.
      const enc: Record<string, number> = {};
      for (const e of engine === 'postgres' ? (['sql', 'js'] as const) : (['js'] as const)) {
        const svc = new TilesService(repo, e, new LruCache(0, 0), false);
        k = 0;
        enc[`${e}_p50_ms`] = round(percentile(await timeRuns(() => svc.tile(PARCEL_LAYER, set[k % set.length].z, set[k % set.length].x, set[k++ % set.length].y), Math.min(N, n >= 100000 ? 4 : 12), 1), 50));
      }
      const row = {
        z, tiles: set.length, max_bytes: bytes, features_in_centre_tile: features, parcels_in_centre_tile: parcelsInCentre, generalised, below_minzoom: belowMinzoom,
        cold: ms(cold), raw_query: ms(raw), cold_api_over_raw: belowMinzoom ? null : round(percentile(cold, 50) / percentile(raw, 50)),
        warm: ms(warm), warm_versioned_url: ms(warmVersioned), encoders: enc,
      };
      (s.tiles as unknown[]).push(row);
      console.log(`[bench] ${engine} ${n} z${z}: ${JSON.stringify(row)}`);
    }

    // OGC items in a ~1 km box at the centre, 100 per page; API against the same SQL.
    const [lon, lat] = CENTER;
    const box = [lon - 0.005, lat - 0.005, lon + 0.005, lat + 0.005];
    const itemsUrl = `${base}/ogc/collections/${PARCEL_LAYER}/items?bbox=${box.join(',')}&limit=100`;
    const crs = parseCrs(undefined, 'crs');
    const itemsApi = ms(await timeRuns(() => get(itemsUrl), N));
    const itemsRaw = ms(await timeRuns(() => db.query(itemsSql, [PARCEL_LAYER, crs.srid, crs.northFirst, crs.digits, 100, 0, ...box, 4326]), N));
    s.items_bbox = { api: itemsApi, raw_query: itemsRaw, api_over_raw: round(itemsApi.p50_ms / itemsRaw.p50_ms) };
    // Full-layer GeoJSON of a zone layer (parcels share the table) and, up to 10k, of the parcels.
    const parksApi = ms(await timeRuns(() => get(`${base}/api/layers/parks`), N));
    const parksRaw = ms(await timeRuns(() => db.query(layerSql, ['parks']), N));
    s.zone_layer_parks = { api: parksApi, raw_query: parksRaw, api_over_raw: round(parksApi.p50_ms / parksRaw.p50_ms) };
    if (n <= (engine === 'postgres' ? 10000 : 1000)) {
      const sqlSide = ms(await timeRuns(() => db.query(layerSql, [PARCEL_LAYER]), 5, 1));
      const jsSide = ms(await timeRuns(() => layerInJs(db, PARCEL_LAYER), 5, 1));
      s.parcels_geojson_build = { sql: sqlSide, js: jsSide, js_over_sql: round(jsSide.p50_ms / sqlSide.p50_ms) };
    }
    // Search and match.
    const q = '生物医药';
    const searchApi = ms(await timeRuns(() => get(`${base}/api/search?q=${encodeURIComponent(q)}`), N));
    const searchRaw = ms(await timeRuns(() => db.query(searchSql, [q, 20]), N));
    s.search = { api: searchApi, raw_query: searchRaw, api_over_raw: round(searchApi.p50_ms / searchRaw.p50_ms) };
    // Two characters: no trigram; the character indexes of migration 011 (a common Chinese query).
    const q2 = '医药';
    const shortApi = ms(await timeRuns(() => get(`${base}/api/search?q=${encodeURIComponent(q2)}`), N));
    const shortRaw = ms(await timeRuns(() => db.query(searchSql, [q2, 20]), N));
    s.search_short = { api: shortApi, raw_query: shortRaw, api_over_raw: round(shortApi.p50_ms / shortRaw.p50_ms) };
    const matchApi = ms(await timeRuns(() => get(`${base}/api/match?chain=high-tech-ships`), N));
    const matchDirect = ms(await timeRuns(() => match(db, { chain: 'high-tech-ships', q: null, code: null }), N));
    s.match = { api: matchApi, service_direct: matchDirect, api_over_direct: round(matchApi.p50_ms / matchDirect.p50_ms) };
    // Under load: 50 connections.
    // The centre tile at the layer's first drawn zoom (z13 before the parcels had a minzoom).
    const zl = tilesAround(PARCEL_MINZOOM, 1)[0];
    const v = await version();
    s.load = {
      tile_zmin: await load(`${base}/tiles/${PARCEL_LAYER}/${zl.z}/${zl.x}/${zl.y}.mvt`),
      tile_zmin_versioned: await load(`${base}/tiles/${PARCEL_LAYER}/${zl.z}/${zl.x}/${zl.y}.mvt?v=${v}`),
      items_bbox: await load(itemsUrl),
      layer_parks: await load(`${base}/api/layers/parks`),
    };
    if (engine === 'postgres') s.mapserver = await versusMapServer(db, base, n);
    console.log(`[bench] ${engine} ${n}: ${JSON.stringify({ ...s, tiles: undefined })}`);
    if (engine === 'postgres' && n === 100000) s.map_idle_parcels = await mapIdle(db, true, CENTER);
    sizes.push(s);
  }
  await srv.close();
  await db.close();
  await drop();
  return { engine, setup_ms: setupMs, endpoints, geojson_build: geojsonBuild, sizes };
}

/**
 * gzip size of the JS and CSS that index.html loads before anything else: its scripts, stylesheets and
 * modulepreloads, which since MapLibre became its own chunk include that chunk (preloaded, because the
 * first view is the map). `js_gzip_kb` counts everything; `app_js_gzip_kb` and `maplibre_js_gzip_kb`
 * split it; the MapLibre worker (prefetched, started before the map is built) is counted apart.
 */
function initialBundle(): { js_gzip_kb: number; app_js_gzip_kb: number; maplibre_js_gzip_kb: number; maplibre_worker_gzip_kb: number; css_gzip_kb: number; files: string[] } | null {
  const indexFile = path.join(clientDir, 'index.html');
  if (!fs.existsSync(indexFile)) return null;
  const html = fs.readFileSync(indexFile, 'utf8');
  const refs = [...html.matchAll(/(?:src|href)="\/?([^"]+\.(?:m?js|css))"/g)].map((m) => m[1]);
  const gz = (ref: string) => zlib.gzipSync(fs.readFileSync(path.join(clientDir, ref)), { level: 9 }).length;
  let app = 0;
  let lib = 0;
  let worker = 0;
  let css = 0;
  for (const ref of refs) {
    const size = gz(ref);
    if (ref.endsWith('.css')) css += size;
    else if (/maplibre-gl-worker-[\w-]+\.mjs$/.test(ref)) worker += size;
    else if (/maplibre-gl-[\w-]+\.js$/.test(ref)) lib += size;
    else app += size;
  }
  const kb = (b: number) => round(b / 1024, 1);
  return { js_gzip_kb: kb(app + lib), app_js_gzip_kb: kb(app), maplibre_js_gzip_kb: kb(lib), maplibre_worker_gzip_kb: kb(worker), css_gzip_kb: kb(css), files: refs };
}

// BENCH_ONLY=startup,pglite,postgres,idle,shared,match,sites,imports,tests runs a part (a quick check while working); the report is
// only written by a full run.
const ONLY = new Set((process.env.BENCH_ONLY ?? '').split(',').filter(Boolean));
const part = (name: string) => ONLY.size === 0 || ONLY.has(name);

// First: what `npm start` costs on a fresh data directory and on later starts, before the heavy work below.
const startup = part('startup') ? await measureStartup() : null;
console.log(`[bench] startup: ${JSON.stringify(startup)}`);
const pglite = part('pglite') ? await benchEngine('pglite') : null;
const postgres = part('postgres') ? await benchEngine('postgres') : null;
let idle = null;
if (part('idle')) {
  const idleDb = (await openPglite()).db;
  await migrate(idleDb);
  await loadSeeds(idleDb);
  idle = await mapIdle(idleDb, false);
  await idleDb.close();
}
// Time to a park profile from a shared link, cold browser cache (issue 17).
let sharedLink: Record<string, unknown> | null = null;
if (part('shared')) {
  const linkDb = (await openPglite()).db;
  await migrate(linkDb);
  await loadSeeds(linkDb);
  sharedLink = await sharedLinkProfile(linkDb);
  await linkDb.close();
}
console.log(`[bench] shared link: ${JSON.stringify(sharedLink)}`);
const bundle = initialBundle();
// Last, with nothing else running: the test suite's wall time as CI runs it.
const testWall = part('tests') ? await measureTestWall(root) : { seconds: null, passed: null, note: 'not run (BENCH_ONLY)' };
console.log(`[bench] tests: ${JSON.stringify(testWall)}`);
const matchTaxonomy = part('match') ? await benchMatch() : null;
const sitesInventory = part('sites') ? await benchSites() : null;
const importFormats = part('imports') ? await benchImports() : null;

const report = {
  generated_at: new Date().toISOString(),
  machine: { cpus: (await import('node:os')).cpus().length, node: process.version, load_avg_1m: round((await import('node:os')).loadavg()[0], 1) },
  settings: { sizes: SIZES, pglite_max: PGLITE_MAX, requests_per_measurement: N, load_seconds: LOAD_S, load_connections: 50 },
  duration_s: Math.round((performance.now() - t0All) / 1000),
  engines: [pglite, postgres].filter(Boolean),
  startup,
  map_idle: idle,
  shared_link_profile_ms: sharedLink?.ms ?? null,
  shared_link_profile: sharedLink,
  initial_bundle: bundle,
  tests: testWall,
  match_taxonomy: matchTaxonomy,
  sites_inventory: sitesInventory,
  import_formats: importFormats,
};
const { headline: top, notes } = headline(report, testWall);
Object.assign(report, top, { headline_notes: notes });
if (ONLY.size) {
  console.log(JSON.stringify(report, null, 2));
  process.exit(0);
}
fs.writeFileSync(path.join(root, 'bench/report.json'), JSON.stringify(report, null, 2) + '\n');
fs.writeFileSync(path.join(root, 'bench/report.md'), (await import('./report.js')).renderReport(report));
// The README's figures are this run's (test/unit/readme-figures.test.ts checks the two agree).
(await import('./readme-figures.js')).writeReadmeFigures(path.join(root, 'README.md'), report);
console.log(fs.readFileSync(path.join(root, 'bench/report.md'), 'utf8'));
