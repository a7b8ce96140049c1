/**
 * What `npm start` costs with no configuration: the server process (node + tsx + the embedded PGlite)
 * started on a fresh data directory until it answers `/api/health`, then stopped with SIGTERM and started
 * again on the same directory ("later starts"). The client build that `npm start` runs when the client's
 * sources are newer than dist/ is not included: it happens once per checkout, not per start.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { slimPostgis } from '../server/src/db/pglite-cache.js';
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

/** Starts server/src/main.ts on `dataDir`, returns the ms until /api/health answered 200, and stops it. */
async function startOnce(dataDir: string, timeoutMs: number): Promise<number> {
  const port = await freePort();
  const t0 = performance.now();
  const proc = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'server/src/main.ts')], {
    cwd: root,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, DATABASE_URL: '', DATABASE_READ_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
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
    proc.kill('SIGTERM');
    await exited;
  }
}

/**
 * The floors under a start, in-process: creating an empty PGlite data directory with PostGIS (fresh),
 * then reopening that directory without and with the PostGIS extension loaded (later starts).
 */
async function bare(): Promise<{ fresh: number; reopen: number; reopenPostgis: number }> {
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
    const reopen = [await open(false), await open(false), await open(false)];
    const reopenPostgis = [await open(true), await open(true), await open(true)];
    return { fresh, reopen: percentile(reopen, 50), reopenPostgis: percentile(reopenPostgis, 50) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export interface StartupResult {
  bare_pglite_postgis_ms: number;
  /** Reopening an existing PGlite directory without extensions, and with PostGIS (median of 3 each). */
  reopen_pglite_ms: number;
  reopen_pglite_postgis_ms: number;
  fresh_ms: number;
  later_ms: number;
  later_samples_ms: number[];
  note: string;
}

/** One fresh start and `later` starts on the same directory, each in a new server process. */
export async function measureStartup(later = 5): Promise<StartupResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-bench-start-'));
  try {
    // What a fresh clone has after `npm ci` (its postinstall runs db:prepare): the ready dumps.
    await prepareDumps(() => undefined);
    const floor = await bare();
    const fresh = await startOnce(dir, 600_000);
    const samples: number[] = [];
    for (let i = 0; i < later; i++) samples.push(round(await startOnce(dir, 120_000), 0));
    return {
      bare_pglite_postgis_ms: round(floor.fresh, 0),
      reopen_pglite_ms: round(floor.reopen, 0),
      reopen_pglite_postgis_ms: round(floor.reopenPostgis, 0),
      fresh_ms: round(fresh, 0),
      later_ms: round(percentile(samples, 50), 0),
      later_samples_ms: samples,
      note: `server/src/main.ts as npm start runs it (node + tsx + embedded PGlite, no DATABASE_URL), spawn to the first 200 from /api/health; fresh = empty data directory, cloned from the seeded dump npm install prepares (migrations and seeds then check and skip), later = median of ${later} restarts on that directory after SIGTERM; the floor, measured just before: PGlite.create on an empty directory plus CREATE EXTENSION postgis, in-process`,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
