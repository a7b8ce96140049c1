/**
 * Load: 200 concurrent connections for 60 s on a mix of reads and edits, against the PostGIS server and
 * against the embedded engine, each server in its own process. Zero errors (5xx, resets, unexpected
 * statuses; 412 on a lost edit race is expected), p50/p95/p99 reported, server RSS after a forced GC
 * before and after the run, and every acknowledged edit present in the history afterwards.
 *
 *   npm run test:load                       # both engines (starts a private PostgreSQL)
 *   LOAD_ENGINES=pglite LOAD_CONNECTIONS=50 LOAD_SECONDS=10 npm run test:load
 *
 * Exit code 1 when any guarantee fails. Prints one JSON line per engine for docs/reliability.md.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startServer } from './child.js';
import { login, makeEditors, pickTargets, runLoad } from './run.js';

const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 200);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const ENGINES = (process.env.LOAD_ENGINES ?? 'postgres,pglite').split(',');
/**
 * Growth of the JS heap after the run (after a forced GC) beyond which memory is said to grow. RSS is
 * reported too, with a looser bound: the allocator keeps freed native memory (socket buffers) mapped.
 */
const MAX_HEAP_GROWTH_MB = Number(process.env.LOAD_MAX_HEAP_GROWTH_MB ?? 16);
const MAX_RSS_GROWTH_MB = Number(process.env.LOAD_MAX_RSS_GROWTH_MB ?? 128);
const MB = 1024 * 1024;

async function runEngine(engine: string): Promise<boolean> {
  const env: Record<string, string | undefined> = { ATLAS_ADMIN_USER: 'load-admin', ATLAS_ADMIN_PASSWORD: 'load-admin-password-0123' };
  let cleanup: () => Promise<void>;
  if (engine === 'postgres') {
    const admin = process.env.TEST_DATABASE_URL;
    if (!admin) throw new Error('TEST_DATABASE_URL is not set: run through scripts/with-postgres.sh (npm run test:load does).');
    const name = `atlas_load_${crypto.randomBytes(4).toString('hex')}`;
    const c = new pg.Client({ connectionString: admin });
    await c.connect();
    await c.query(`CREATE DATABASE ${name}`);
    await c.end();
    const u = new URL(admin);
    u.pathname = `/${name}`;
    env.DATABASE_URL = u.toString();
    cleanup = async () => {
      const c2 = new pg.Client({ connectionString: admin });
      await c2.connect();
      await c2.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c2.end();
    };
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-load-'));
    env.DATA_DIR = dir;
    env.DATABASE_URL = '';
    cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
  }
  const server = await startServer(env);
  try {
    const admin = await login(server.url, 'load-admin', 'load-admin-password-0123');
    const editors = await makeEditors(server.url, admin, 20);
    const { features, layers } = await pickTargets(server.url, 20);
    // Warm up (caches, JIT), then measure memory after a forced GC.
    await runLoad({ url: server.url, connections: 20, durationMs: 3000, editors, features, layers });
    const before = await server.memory();
    const r = await runLoad({ url: server.url, connections: CONNECTIONS, durationMs: SECONDS * 1000, editors, features, layers });
    await new Promise((res) => setTimeout(res, 2000));
    const after = await server.memory();
    // Every acknowledged edit is in the history under its version.
    let lost = 0;
    for (const [f, versions] of Object.entries(r.acked)) {
      const hist = (await (await fetch(`${server.url}/api/features/${f}/history`)).json()) as Array<{ version: number }>;
      const have = new Set(hist.map((h) => h.version));
      lost += versions.filter((v) => !have.has(v)).length;
      const sorted = hist.map((h) => h.version);
      if (sorted.some((v, i) => v !== i + 1)) lost++;
    }
    const growth = (after.rss - before.rss) / MB;
    const heapGrowth = (after.heapUsed - before.heapUsed) / MB;
    const ok = r.errorCount === 0 && lost === 0 && heapGrowth <= MAX_HEAP_GROWTH_MB && growth <= MAX_RSS_GROWTH_MB && r.edits.ok > 0;
    const report = {
      engine, connections: CONNECTIONS, seconds: r.seconds, requests: r.requests, rps: r.rps, latency_ms: r.latencyMs, statuses: r.statuses,
      edits: r.edits, errors: r.errorCount, lost_edits: lost, rss_mb: { before: Math.round(before.rss / MB), after: Math.round(after.rss / MB), growth: Math.round(growth) },
      heap_mb: { before: Math.round(before.heapUsed / MB), after: Math.round(after.heapUsed / MB) }, ok,
    };
    console.log(JSON.stringify(report));
    if (r.errors.length) console.error(`[load] ${engine} errors:\n  ${r.errors.join('\n  ')}`);
    return ok;
  } finally {
    await server.stop();
    await cleanup();
  }
}

let allOk = true;
for (const e of ENGINES) allOk = (await runEngine(e.trim())) && allOk;
process.exit(allOk ? 0 : 1);
