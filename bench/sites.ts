/**
 * The sites inventory at 10k sites (issue 14): GET /api/sites filtering and /api/match site ranking, each beside
 * the raw SQL that finds the same rows, on both engines, interleaved call by call in one run.
 *
 * The 10k sites are generated in SQL (below), marked demo (source_kind 'demo', demo = true) in a throw-away
 * database: invented rows for measuring only, never in a user's database. Filtering goes through the service
 * (`parseSiteFilter` + `SitesRepository.collection`, what the route sends); its raw SQL is the same WHERE with
 * every column as GeoJSON Features, built with to_jsonb of the row. Matching calls `match()` as the route does; its raw SQL selects the sites that pass
 * the same need (status, kind, area, chain) without the ranking and its reasons.
 * `bash scripts/with-postgres.sh tsx bench/sites.ts` runs this part alone and merges it into bench/report.json/md.
 *
 * Environment: BENCH_SITES (default 10000), BENCH_SITES_ROUNDS (default 15).
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { migrate } from '../server/src/db/migrate.js';
import { loadSeeds } from '../server/src/seed/load.js';
import { match } from '../server/src/match/match.service.js';
import { SITE_AREA, SitesRepository, siteWhere } from '../server/src/sites/sites.repository.js';
import { parseSiteFilter } from '../server/src/sites/sites.service.js';
import type { Database } from '../server/src/db/database.js';
import { openEngine, type Engine } from './engines.js';
import { percentile, round } from './stats.js';

const N = Number(process.env.BENCH_SITES ?? 10_000);
const ROUNDS = Number(process.env.BENCH_SITES_ROUNDS ?? 15);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

/** N invented sites spread over the parks: every kind and status, areas 1–400 亩, some chains; demo-marked. */
const GENERATE = `
INSERT INTO sites (id, park_id, name_zh, name_en, kind, geom, accuracy, area_m2, floor_area_m2, status, chains, source_kind, source_note, demo)
SELECT 'bench-' || i, p.id, '基准测试载体' || i || '（DEMO）', 'Bench site ' || i || ' (DEMO)', k.kind,
       ST_Translate(p.pt, ((i * 7919) % 2000 - 1000) / 200000.0, ((i * 104729) % 2000 - 1000) / 200000.0), 'schematic',
       CASE WHEN k.kind = 'land' THEN ((i % 400) + 1) * 10000.0 / 15 END,
       CASE WHEN k.kind <> 'land' THEN ((i % 50) + 1) * 200 END,
       (ARRAY['available', 'reserved', 'planned', 'occupied'])[(i / 4) % 4 + 1],
       CASE WHEN i % 3 = 0 THEN ARRAY[c.id] ELSE '{}'::text[] END,
       'demo', 'bench/sites.ts: invented for measuring', true
FROM generate_series(1, $1::int) i
CROSS JOIN LATERAL (SELECT (ARRAY['land', 'factory', 'office', 'warehouse'])[i % 4 + 1] AS kind) k
CROSS JOIN LATERAL (SELECT id, ST_PointOnSurface(geom) AS pt FROM features WHERE layer_id = 'parks' ORDER BY id
                    OFFSET (i % (SELECT count(*) FROM features WHERE layer_id = 'parks')) LIMIT 1) p
CROSS JOIN LATERAL (SELECT id FROM chains ORDER BY id OFFSET (i % (SELECT count(*) FROM chains)) LIMIT 1) c`;

/** The filters measured (query strings as GET /api/sites takes them). */
const FILTERS: Array<Record<string, string>> = [
  {},
  { status: 'available', kind: 'land', min_area_mu: '50' },
  { chain: 'biopharma', status: 'available,planned' },
  { kind: 'factory', min_floor_area_m2: '5000' },
  { bbox: '119.88,32.35,119.91,32.38' },
];

/** Needs measured through /api/match, and the raw SQL of the sites each lets through. */
const NEEDS = [
  { q: 'ADC 50亩', raw: `SELECT id FROM sites WHERE status IN ('available', 'planned', 'reserved') AND kind = 'land' AND (area_m2 IS NULL OR area_m2 >= 50 * 10000.0 / 15)` },
  { q: '医疗器械 5000平方米 厂房', raw: `SELECT id FROM sites WHERE status IN ('available', 'planned', 'reserved') AND kind = 'factory' AND (coalesce(floor_area_m2, area_m2) IS NULL OR coalesce(floor_area_m2, area_m2) >= 5000)` },
];

const stats = (s: number[]) => ({ p50_ms: round(percentile(s, 50)), p99_ms: round(percentile(s, 99)) });
const timed = async <T>(samples: number[], fn: () => Promise<T>): Promise<T> => {
  const t = performance.now();
  const r = await fn();
  samples.push(performance.now() - t);
  return r;
};

async function benchEngine(engine: Engine) {
  const { db, drop } = await openEngine(engine, 'bench_sites');
  try {
    await migrate(db);
    await loadSeeds(db);
    let t = performance.now();
    await (db as Database).query(GENERATE, [N]);
    const generateMs = round(performance.now() - t);
    const count = Number((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM sites')).rows[0].n);
    const repo = new SitesRepository(db);
    const filters = [];
    for (const q of FILTERS) {
      const f = parseSiteFilter(q);
      const { where, values } = siteWhere(f);
      // The raw SQL: every column of the same rows as GeoJSON Features, built the plainest way (to_jsonb of the row).
      const rawSql = `SELECT json_build_object('type', 'FeatureCollection', 'features', coalesce(json_agg(json_build_object('type', 'Feature', 'id', s.id,
        'geometry', ST_AsGeoJSON(s.geom, 7)::json, 'properties', to_jsonb(s) - 'geom') ORDER BY s.id), '[]'::json))::text AS fc FROM sites s ${where.includes('sa.') ? SITE_AREA : ''} ${where}`;
      const api: number[] = [];
      const raw: number[] = [];
      let rows = 0;
      await repo.collection(f);
      await db.query(rawSql, values);
      for (let r = 0; r < ROUNDS; r++) {
        const fc = await timed(api, () => repo.collection(f));
        const rr = await timed(raw, () => db.query(rawSql, values));
        if (r === 0) {
          rows = (JSON.parse((rr.rows[0] as { fc: string }).fc) as { features: unknown[] }).features.length;
          // Same rows, or the comparison means nothing.
          const n = (JSON.parse(fc) as { features: unknown[] }).features.length;
          if (n !== rows) throw new Error(`bench sites: the API found ${n} sites, the raw SQL ${rows}, for ${JSON.stringify(q)}`);
        }
      }
      const a = stats(api);
      const b = stats(raw);
      filters.push({ query: new URLSearchParams(q).toString() || '(all)', sites: rows, api_p50_ms: a.p50_ms, api_p99_ms: a.p99_ms, raw_p50_ms: b.p50_ms, ratio: round(a.p50_ms / b.p50_ms) });
    }
    const matches = [];
    for (const need of NEEDS) {
      const api: number[] = [];
      const raw: number[] = [];
      let ranked = 0;
      let candidates = 0;
      await match(db, { chain: null, q: need.q, code: null });
      for (let r = 0; r < Math.max(3, Math.round(ROUNDS / 3)); r++) {
        const m = await timed(api, () => match(db, { chain: null, q: need.q, code: null }));
        const rr = await timed(raw, () => db.query(need.raw));
        ranked = m.sites.length;
        candidates = rr.rows.length;
      }
      const a = stats(api);
      const b = stats(raw);
      matches.push({ q: need.q, ranked_sites: ranked, raw_candidates: candidates, match_p50_ms: a.p50_ms, match_p99_ms: a.p99_ms, raw_p50_ms: b.p50_ms, ratio: round(a.p50_ms / b.p50_ms) });
    }
    t = performance.now();
    const row = { engine, sites: count, generate_ms: generateMs, filters, matches };
    console.log(`[bench] sites ${engine}: ${JSON.stringify(row)}`);
    return row;
  } finally {
    await db.close();
    await drop();
  }
}

/** Both engines: filtering and matching at N sites, each beside its raw SQL. */
export async function benchSites() {
  return { sites: N, rounds: ROUNDS, engines: [await benchEngine('pglite'), await benchEngine('postgres')] };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await benchSites();
  const file = path.join(root, 'bench/report.json');
  const report = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {};
  report.sites_inventory = { ...result, measured_at: new Date().toISOString() };
  fs.writeFileSync(file, JSON.stringify(report, null, 2) + '\n');
  fs.writeFileSync(path.join(root, 'bench/report.md'), (await import('./report.js')).renderReport(report));
  console.log(JSON.stringify(report.sites_inventory, null, 2));
}
