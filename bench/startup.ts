/**
 * What `npm start` costs with no configuration, started as a person starts it: `npm start` (scripts/start.mjs:
 * the client build when its sources are newer than the build, then node + tsx + server/src/main.ts on the
 * embedded PGlite) until `/api/health` answers 200, then stopped with SIGTERM.
 *
 * - first start of a fresh clone: an empty data directory and no client build (ATLAS_CLIENT_DIR points at an
 *   empty folder), with the ready dumps that `npm install` (db:prepare) makes;
 * - first start with the client already built (empty data directory only);
 * - later starts on the same directory (median of five);
 * - side by side, the floors in-process: PGlite + PostGIS on an empty directory (initdb + CREATE EXTENSION),
 *   loading the seeded dump, and reopening the directory without and with PostGIS.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { dumpPath, migrationsKey, readDump, slimPostgis } from '../server/src/db/pglite-cache.js';
import { seedBundleHash } from '../server/src/seed/load.js';
import { readSeedBundle } from '../server/src/seed/sources.js';
import { percentile, round } from './stats.js';
import { prepareDumps } from '../server/src/db/open.js';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

/**
 * Runs `npm start` on `dataDir` serving the client built in `clientDir` (built there first if it is not),
 * returns the ms until /api/health answered 200, and stops it (SIGTERM to its process group: npm, start.mjs
 * and the server).
 */
async function startOnce(dataDir: string, clientDir: string, timeoutMs: number): Promise<number> {
  const port = await freePort();
  const t0 = performance.now();
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), DATA_DIR: dataDir, DATABASE_URL: '', DATABASE_READ_URL: '', ATLAS_CLIENT_DIR: clientDir };
  delete env.CLIENT_DIR;
  const proc = spawn('npm', ['start', '--silent'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let out = '';
  proc.stdout.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  try {
    for (;;) {
      if (proc.exitCode !== null) throw new Error(`the server exited with ${proc.exitCode}:\n${out}`);
      if (performance.now() - t0 > timeoutMs) throw new Error(`no answer in ${timeoutMs} ms:\n${out}`);
      const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.ok, () => false);
      if (ok) return performance.now() - t0;
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    if (proc.exitCode === null) process.kill(-proc.pid!, 'SIGTERM');
    await exited;
  }
}

/**
 * The floors under a start, in-process: creating an empty PGlite data directory with PostGIS (fresh),
 * then reopening that directory without and with the PostGIS extension loaded (later starts).
 */
async function bare(): Promise<{ fresh: number; loadDump: number | null; reopen: number; reopenPostgis: number }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-bench-bare-'));
  // The PostGIS bundle the server loads (the slim one, pglite-cache.ts).
  const postgis = await slimPostgis();
  const open = async (withPostgis: boolean) => {
    const t0 = performance.now();
    const pg = await PGlite.create({ dataDir: dir, extensions: withPostgis ? { postgis } : {} });
    await pg.query('SELECT 1');
    const ms = performance.now() - t0;
    await pg.close();
    return ms;
  };
  try {
    const t0 = performance.now();
    const pg = await PGlite.create({ dataDir: dir, extensions: { postgis } });
    await pg.exec('CREATE EXTENSION IF NOT EXISTS postgis');
    const fresh = performance.now() - t0;
    await pg.close();
    // What a first start costs at least: PGlite + PostGIS loading the seeded dump a fresh data directory is cloned from.
    let loadDump: number | null = null;
    const dump = readDump(dumpPath('seeded', `${migrationsKey()}-${seedBundleHash(readSeedBundle()).slice(0, 12)}`));
    if (dump) {
      const t1 = performance.now();
      const loaded = await PGlite.create({ loadDataDir: dump, extensions: { postgis } });
      await loaded.query('SELECT 1');
      loadDump = performance.now() - t1;
      await loaded.close();
    }
    const reopen = [await open(false), await open(false), await open(false)];
    const reopenPostgis = [await open(true), await open(true), await open(true)];
    return { fresh, loadDump, reopen: percentile(reopen, 50), reopenPostgis: percentile(reopenPostgis, 50) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export interface StartupResult {
  /** Floor: PGlite.create on an empty directory plus CREATE EXTENSION postgis, in-process. */
  bare_pglite_postgis_ms: number;
  /** Floor of a first start: PGlite + PostGIS loading the seeded dump, in-process (null: no dump). */
  load_dump_pglite_postgis_ms: number | null;
  /** Reopening an existing PGlite directory without extensions, and with PostGIS (median of 3 each). */
  reopen_pglite_ms: number;
  reopen_pglite_postgis_ms: number;
  /** `npm start` on a fresh clone: no client build, empty data directory (first_start_s). */
  fresh_ms: number;
  /** `npm start` with the client built, empty data directory. */
  fresh_built_client_ms: number;
  /** `npm start` again on that directory: median of the samples (later_start_s). */
  later_ms: number;
  later_samples_ms: number[];
  note: string;
}

/** One fresh-clone start, one fresh start with the client built, and `later` starts, each `npm start` in a new process group. */
export async function measureStartup(later = 5): Promise<StartupResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-bench-start-'));
  const dataDir = (name: string) => path.join(dir, name);
  const clientDir = path.join(dir, 'client');
  try {
    // What a fresh clone has after `npm ci` (its postinstall runs db:prepare): the ready dumps.
    await prepareDumps(() => undefined);
    const floor = await bare();
    const fresh = await startOnce(dataDir('data-1'), clientDir, 600_000);
    const freshBuilt = await startOnce(dataDir('data-2'), clientDir, 600_000);
    const samples: number[] = [];
    for (let i = 0; i < later; i++) samples.push(round(await startOnce(dataDir('data-2'), clientDir, 120_000), 0));
    return {
      bare_pglite_postgis_ms: round(floor.fresh, 0),
      load_dump_pglite_postgis_ms: floor.loadDump === null ? null : round(floor.loadDump, 0),
      reopen_pglite_ms: round(floor.reopen, 0),
      reopen_pglite_postgis_ms: round(floor.reopenPostgis, 0),
      fresh_ms: round(fresh, 0),
      fresh_built_client_ms: round(freshBuilt, 0),
      later_ms: round(percentile(samples, 50), 0),
      later_samples_ms: samples,
      note: `\`npm start\` (scripts/start.mjs: client build if stale, then node + tsx + server/src/main.ts on the embedded PGlite, no DATABASE_URL), spawn to the first 200 from /api/health; fresh = a fresh clone (no client build, empty data directory cloned from the seeded dump npm install prepares), fresh_built_client = empty data directory only, later = median of ${later} restarts after SIGTERM; the floors, measured just before in-process: PGlite + CREATE EXTENSION postgis on an empty directory, PGlite + PostGIS loading the seeded dump, reopening the directory`,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
