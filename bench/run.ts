/**
 * `npm run bench`: measures the API on both engines side by side in one run and writes
 * bench/report.json and bench/report.md. Ratios, not absolute times, are what to compare:
 * the machines are shared and noisy.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { PgliteDatabase, PostgresDatabase, type Database } from '../server/src/db/database.js';
import { migrate } from '../server/src/db/migrate.js';
import { loadSeeds } from '../server/src/seed/load.js';
import { createApp } from '../server/src/app.js';
import { percentile, round, throughput, timeRuns } from './stats.js';
import { adminQuery, databaseUrl, postgresAdminUrl } from '../test/support/engine.js';

const N = Number(process.env.BENCH_N ?? 200);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const layerSql = fs.readFileSync(path.join(root, 'server/src/layers/layer-features.sql'), 'utf8');

interface EndpointResult {
  path: string;
  bytes: number;
  p50_ms: number;
  p99_ms: number;
  rps_c10: number;
  raw_sql_p50_ms?: number;
  api_over_raw?: number;
}

const endpoints: Array<{ path: string; raw?: [string, unknown[]] }> = [
  { path: '/api/health' },
  { path: '/api/layers' },
  { path: '/api/layers/parks', raw: [layerSql, ['parks']] },
  { path: '/api/layers/district', raw: [layerSql, ['district']] },
  { path: '/api/layers/roads', raw: [layerSql, ['roads']] },
  { path: '/api/features/park-biomed' },
  { path: '/api/chains' },
];

async function benchEngine(engine: 'pglite' | 'postgres') {
  const t0 = performance.now();
  let db: Database;
  let dropDb = async () => {};
  if (engine === 'pglite') {
    db = await PgliteDatabase.open({});
  } else {
    const name = `atlas_bench_${process.pid}`;
    await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await adminQuery(`CREATE DATABASE ${name}`);
    db = PostgresDatabase.connect(databaseUrl(postgresAdminUrl(), name), 20);
    dropDb = () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
  await migrate(db);
  await loadSeeds(db);
  const setupMs = performance.now() - t0;
  const app = createApp(db, { clientDir: path.join(root, 'dist/client') });
  const server = await new Promise<import('node:http').Server>((r) => {
    const s = app.listen(0, '127.0.0.1', () => r(s));
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const results: EndpointResult[] = [];
  for (const ep of endpoints) {
    const call = async () => {
      const res = await fetch(base + ep.path);
      const body = await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`${ep.path} → ${res.status}`);
      return body.byteLength;
    };
    const bytes = await call();
    const lat = await timeRuns(call, N);
    const tp = await throughput(call, 10, 2000);
    const r: EndpointResult = { path: ep.path, bytes, p50_ms: round(percentile(lat, 50)), p99_ms: round(percentile(lat, 99)), rps_c10: round(tp.rps, 0) };
    if (ep.raw) {
      const [sql, values] = ep.raw;
      const rawLat = await timeRuns(() => db.query(sql, values), N);
      r.raw_sql_p50_ms = round(percentile(rawLat, 50));
      r.api_over_raw = round(r.p50_ms / r.raw_sql_p50_ms);
    }
    results.push(r);
    console.log(`[bench] ${engine} ${ep.path}: p50 ${r.p50_ms} ms, p99 ${r.p99_ms} ms, ${r.rps_c10} req/s${r.api_over_raw ? `, API/raw ${r.api_over_raw}` : ''}`);
  }
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  await db.close();
  await dropDb();
  return { engine, setup_ms: Math.round(setupMs), endpoints: results, base };
}

/** Time from navigation to the map's first `idle`, in headless Chromium, against a PGlite-backed server. */
async function mapIdle(): Promise<{ ms: number | null; note?: string }> {
  if (!fs.existsSync(path.join(root, 'dist/client/index.html'))) return { ms: null, note: 'client not built' };
  const { chromium } = await import('playwright-core');
  const db = await PgliteDatabase.open({});
  await migrate(db);
  await loadSeeds(db);
  const app = createApp(db, { clientDir: path.join(root, 'dist/client') });
  const server = await new Promise<import('node:http').Server>((r) => {
    const s = app.listen(0, '127.0.0.1', () => r(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const samples: number[] = [];
  try {
    for (let i = 0; i < 3; i++) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      const t = Date.now();
      await page.goto(url);
      // Every layer on the map (the client's debug handle), then the map's next `idle`.
      await page.waitForFunction(() => (window as unknown as { __atlas?: { layersReady: boolean } }).__atlas?.layersReady === true, undefined, { timeout: 60_000 });
      await page.evaluate(() => new Promise<void>((resolve) => {
        const map = (window as unknown as { __atlas: { map: { loaded(): boolean; once(e: string, f: () => void): void } } }).__atlas.map;
        if (map.loaded()) resolve();
        else map.once('idle', () => resolve());
      }));
      samples.push(Date.now() - t);
      await page.close();
    }
  } catch (e) {
    return { ms: null, note: `failed: ${(e as Error).message.split('\n')[0]}` };
  } finally {
    await browser.close();
    server.closeAllConnections();
    server.close();
    await db.close();
  }
  return { ms: percentile(samples, 50), note: `median of ${samples.length} cold page loads (fresh page, warm server)` };
}

/** gzip size of the JS and CSS that index.html loads before anything else. */
function initialBundle(): { js_gzip_kb: number; css_gzip_kb: number; files: string[] } | null {
  const dir = path.join(root, 'dist/client');
  const indexFile = path.join(dir, 'index.html');
  if (!fs.existsSync(indexFile)) return null;
  const html = fs.readFileSync(indexFile, 'utf8');
  const refs = [...html.matchAll(/(?:src|href)="\/?([^"]+\.(?:js|css))"/g)].map((m) => m[1]);
  let js = 0;
  let css = 0;
  for (const ref of refs) {
    const size = zlib.gzipSync(fs.readFileSync(path.join(dir, ref)), { level: 9 }).length;
    if (ref.endsWith('.js')) js += size;
    else css += size;
  }
  return { js_gzip_kb: round(js / 1024, 1), css_gzip_kb: round(css / 1024, 1), files: refs };
}

const pglite = await benchEngine('pglite');
const postgres = await benchEngine('postgres');
const idle = await mapIdle();
const bundle = initialBundle();

const report = {
  generated_at: new Date().toISOString(),
  machine: { cpus: (await import('node:os')).cpus().length, node: process.version },
  requests_per_endpoint: N,
  engines: [pglite, postgres].map(({ base: _base, ...r }) => r),
  map_idle: idle,
  initial_bundle: bundle,
};
fs.writeFileSync(path.join(root, 'bench/report.json'), JSON.stringify(report, null, 2) + '\n');

const rows = pglite.endpoints.map((a, i) => {
  const b = postgres.endpoints[i];
  return `| \`${a.path}\` | ${a.bytes} | ${a.p50_ms} / ${a.p99_ms} | ${b.p50_ms} / ${b.p99_ms} | ${a.rps_c10} | ${b.rps_c10} | ${a.api_over_raw ?? '—'} | ${b.api_over_raw ?? '—'} |`;
});
const md = `# Benchmark report

Generated ${report.generated_at} on ${report.machine.cpus} cores, Node ${report.machine.node}, by \`npm run bench\`.
Both engines were measured in the same run, one after the other, on the same seeded data.
Latency: ${N} sequential requests per endpoint after 5 warm-ups; throughput: 10 concurrent clients for 2 s.
"API/raw" divides the API's p50 by the p50 of the same SQL run directly on the database in the same run
(below 1 means the API served a version-keyed cached body).

| endpoint | bytes | PGlite p50 / p99 ms | PostGIS p50 / p99 ms | PGlite req/s | PostGIS req/s | PGlite API/raw | PostGIS API/raw |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${rows.join('\n')}

- Fresh database (migrate + seed): PGlite ${pglite.setup_ms} ms, PostgreSQL ${postgres.setup_ms} ms.
- Time to map idle in headless Chromium: ${idle.ms ?? 'n/a'} ms (${idle.note ?? ''}).
- Initial bundle: ${bundle ? `${bundle.js_gzip_kb} KB JS + ${bundle.css_gzip_kb} KB CSS (gzip), files ${bundle.files.join(', ')}` : 'client not built'}.
`;
fs.writeFileSync(path.join(root, 'bench/report.md'), md);
console.log(md);
