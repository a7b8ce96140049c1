/**
 * The figures issue 19 asks bench/report.json to carry at its top level, each taken from this run's own
 * measurements (null with a reason in `headline_notes` when a part was not measured).
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- the report is plain JSON assembled by run.ts */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { round } from './stats.js';

export interface Headline {
  map_idle_ratio: number | null;
  initial_js_gz_kb: number | null;
  tile_cold_z14_1m_p50_ms: number | null;
  tile_raw_ratio: number | null;
  mapserver_features_ratio: number | null;
  mapserver_tiles_ratio: number | null;
  first_start_s: number | null;
  later_start_s: number | null;
  test_wall_s: number | null;
}

/** The headline figures from a report's parts; `notes` says where one is missing and why. */
export function headline(r: any, testWall: { seconds: number | null; note: string }): { headline: Headline; notes: Record<string, string> } {
  const notes: Record<string, string> = {};
  const pg = r.engines?.find((e: any) => e.engine === 'postgres');
  const largest = [...(pg?.sizes ?? [])].reverse().find((s: any) => !s.skipped);
  const at1m = pg?.sizes?.find((s: any) => s.parcels === 1_000_000 && !s.skipped);
  const tile = (s: any, z: number) => s?.tiles?.find((t: any) => t.z === z);
  if (!at1m) notes.tile_cold_z14_1m_p50_ms = 'no 1M-parcel run on PostgreSQL (BENCH_SIZES)';
  const generalised = (at1m ?? largest)?.tiles?.filter((t: any) => t.z >= 10 && t.z <= 14 && !t.below_minzoom) ?? [];
  const rawRatio = generalised.length ? Math.max(...generalised.map((t: any) => t.cold_api_over_raw)) : null;
  const ms = largest?.mapserver;
  if (!ms || ms.skipped) notes.mapserver_features_ratio = notes.mapserver_tiles_ratio = ms?.skipped ?? 'MapServer not measured';
  const sameContent = ms?.tiles?.find((t: any) => t.same_content);
  const idle = r.map_idle;
  if (!idle?.bare_maplibre_geojson_ms) notes.map_idle_ratio = 'map idle not measured';
  const b = r.initial_bundle;
  if (b?.maplibre_js_gzip_kb) {
    notes.initial_js_gz_kb = `everything index.html loads: the app's own ${b.app_js_gzip_kb} KB and MapLibre's ${b.maplibre_js_gzip_kb} KB (preloaded, its own chunk; its worker, ${b.maplibre_worker_gzip_kb} KB, apart): MapLibre alone is near the 300 KB target`;
  }
  if (!r.startup) notes.first_start_s = notes.later_start_s = 'start-up not measured';
  if (testWall.seconds === null) notes.test_wall_s = testWall.note;
  return {
    headline: {
      map_idle_ratio: idle?.bare_maplibre_geojson_ms ? round(idle.ms / idle.bare_maplibre_geojson_ms) : null,
      initial_js_gz_kb: r.initial_bundle?.js_gzip_kb ?? null,
      tile_cold_z14_1m_p50_ms: tile(at1m, 14)?.cold.p50_ms ?? null,
      tile_raw_ratio: rawRatio,
      mapserver_features_ratio: ms && !ms.skipped ? ms.items.ratio : null,
      mapserver_tiles_ratio: sameContent ? sameContent.ratio : null,
      first_start_s: r.startup ? round(r.startup.fresh_ms / 1000, 1) : null,
      later_start_s: r.startup ? round(r.startup.later_ms / 1000, 1) : null,
      test_wall_s: testWall.seconds,
    },
    notes,
  };
}

/**
 * `npm test` run from here, start to exit, as CI runs it after `npm ci` (typecheck, lint, client build,
 * both engines, Chromium). Only its wall time and outcome are kept; BENCH_SKIP_TESTS=1 skips it.
 */
/**
 * The files that took longest in a vitest run, from its default reporter's lines
 * (" ✓  api-pglite  test/api/fuzz.test.ts (3 tests) 41639ms"), with the sum over all files: against the
 * wall time that sum says how much the parallel workers overlapped.
 */
export function slowestFiles(log: string, n = 8): { files: Array<{ project: string; file: string; s: number }>; sum_s: number } {
  const rows = [...log.replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g'), '').matchAll(/^ [✓❯×] +(\S+) +(test\/\S+\.test\.ts) .*?(\d+(?:\.\d+)?)(ms|s)$/gm)].map((m) => ({
    project: m[1], file: m[2], s: round(Number(m[3]) / (m[4] === 'ms' ? 1000 : 1), 1),
  }));
  return { files: rows.sort((a, b) => b.s - a.s).slice(0, n), sum_s: round(rows.reduce((t, r) => t + r.s, 0), 0) };
}

export async function measureTestWall(root: string): Promise<{ seconds: number | null; passed: boolean | null; note: string; slowest_files?: ReturnType<typeof slowestFiles> }> {
  if (process.env.BENCH_SKIP_TESTS === '1') return { seconds: null, passed: null, note: 'skipped (BENCH_SKIP_TESTS=1)' };
  const logPath = path.join(os.tmpdir(), `atlas-bench-npm-test-${Date.now()}.log`);
  const t0 = performance.now();
  const code = await new Promise<number>((resolve) => {
    // The bench's own PostgreSQL (TEST_DATABASE_URL of with-postgres.sh) is not the suite's: it starts its own.
    const env = { ...process.env };
    delete env.TEST_DATABASE_URL;
    // The suite's output goes to a log, so a failing run in the bench can be read afterwards.
    const log = fs.openSync(logPath, 'w');
    const p = spawn('npm', ['test'], { cwd: root, env, stdio: ['ignore', log, log] });
    p.on('exit', (c) => {
      fs.closeSync(log);
      resolve(c ?? 1);
    });
  });
  const seconds = round((performance.now() - t0) / 1000, 0);
  return { seconds, passed: code === 0, slowest_files: slowestFiles(fs.readFileSync(logPath, 'utf8')), note: `${code === 0 ? 'npm test passed' : `npm test exited ${code}`}; its output: ${logPath}` };
}
