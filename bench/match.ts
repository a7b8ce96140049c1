/**
 * Match latency on the full taxonomy beside the matcher it replaced, on both engines in one run.
 *
 * The old matcher is today's main branch's server/src/match/match.service.ts (with main's SQL files), written by
 * `git show main:…` into a temporary folder beside the new one so its relative imports resolve, and removed after.
 * Both run in-process on the same seeded database, query by query interleaved, over the same queries (zh, en,
 * mixed, GB/T codes, typos, queries that fit nothing). `npm run bench` runs this as part of the whole bench;
 * `bash scripts/with-postgres.sh tsx bench/match.ts` runs only this part and merges it into bench/report.json/md.
 *
 * Environment: BENCH_MATCH_ROUNDS (passes over the queries, default 20).
 */
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { migrate } from '../server/src/db/migrate.js';
import { loadSeeds } from '../server/src/seed/load.js';
import { match } from '../server/src/match/match.service.js';
import { taxonomyIndex } from '../server/src/taxonomy/taxonomy.service.js';
import { tokenize } from '../server/src/taxonomy/tokenize.js';
import type { Database } from '../server/src/db/database.js';
import { openEngine, type Engine } from './engines.js';
import { percentile, round } from './stats.js';

const ROUNDS = Number(process.env.BENCH_MATCH_ROUNDS ?? 20);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

/** The queries measured: the kinds test/api/match-taxonomy.test.ts checks. */
export const BENCH_QUERIES = [
  '抗体偶联药物', '润滑油添加剂', '新型显示', '高端封装测试', '原料药', '中药配方颗粒', '特医食品', '预制菜', '大豆油精炼', '集装箱船',
  '新能源汽车', '高压线束', '锂电池', '光伏组件', '工业机器人', '超声刀', '体外诊断试剂', '合成生物', 'CAR-T细胞治疗', '特种白油',
  'vaccine manufacturer', 'contract research organization (CRO)', 'lubricant additives', 'specialty oil', 'OLED display panels',
  'chip packaging and testing', 'electric vehicle drivetrain', 'edible oil refining', 'IVD reagents', 'hydrogen fuel cells',
  '我们做ADC药物 antibody drug conjugate', '需要5000平方米标准厂房 生产医疗器械', '5,000 m2 factory for auto parts', '2761', 'GB/T 2710 原料药',
  'vacine', 'lubricnt additives', 'semiconducter packaging', 'interplanetary tourism', '咖啡馆', 'hair salon',
  'We are a mid-sized company making high-end lubricants and food-grade white oil, looking for 50 mu of industrial land',
];

type OldMatch = (db: Database, q: { chain: string | null; q: string | null }) => Promise<{ parks: Array<{ score: number }>; chains: unknown[] }>;

/** Writes main's matcher and its SQL into server/src/match/.bench-old/ and imports it; the folder is removed by the returned cleanup. */
async function oldMatcher(): Promise<{ match: OldMatch; cleanup: () => void }> {
  const dir = path.join(root, 'server/src/match/.bench-old');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const show = (p: string) => execFileSync('git', ['show', `main:${p}`], { cwd: root, encoding: 'utf8' });
  const src = show('server/src/match/match.service.ts')
    .replace(/from '\.\.\/\.\.\/\.\.\//g, "from '../../../../")
    .replace(/from '\.\.\//g, "from '../../")
    .replace(/from '\.\/sites\.service\.js'/g, "from '../sites.service.js'");
  fs.writeFileSync(path.join(dir, 'match.service.ts'), src);
  for (const f of ['match-evidence.sql', 'match-chains.sql']) fs.writeFileSync(path.join(dir, f), show(`server/src/match/${f}`));
  const mod = (await import(pathToFileURL(path.join(dir, 'match.service.ts')).href)) as { match: OldMatch };
  return { match: mod.match, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

const stats = (s: number[]) => ({ p50_ms: round(percentile(s, 50)), p99_ms: round(percentile(s, 99)) });

async function benchEngine(engine: Engine, old: OldMatch, jiebaLoadMs: number) {
  const { db, drop } = await openEngine(engine, 'bench_match');
  try {
    await migrate(db);
    await loadSeeds(db);
    const t0 = performance.now();
    await taxonomyIndex(db);
    const indexBuildMs = round(performance.now() - t0);
    const fresh: number[] = [];
    const former: number[] = [];
    let noFit = 0;
    let oldZeroScoreParks = 0;
    let oldEmpty = 0;
    // Warm both (plans, caches), then interleave so load on the shared machine hits both alike.
    for (const q of BENCH_QUERIES.slice(0, 5)) {
      await match(db, { chain: null, q, code: null });
      await old(db, { chain: null, q });
    }
    for (let r = 0; r < ROUNDS; r++) {
      for (const q of BENCH_QUERIES) {
        let t = performance.now();
        const n = await match(db, { chain: null, q, code: null });
        fresh.push(performance.now() - t);
        t = performance.now();
        const o = await old(db, { chain: null, q });
        former.push(performance.now() - t);
        if (r === 0) {
          if (n.no_fit) noFit++;
          if (o.chains.length === 0) oldEmpty++;
          oldZeroScoreParks += o.parks.filter((p) => p.score === 0).length;
        }
      }
    }
    const a = stats(fresh);
    const b = stats(former);
    const row = {
      engine,
      queries: BENCH_QUERIES.length,
      rounds: ROUNDS,
      match_p50_ms: a.p50_ms,
      match_p99_ms: a.p99_ms,
      old_match_p50_ms: b.p50_ms,
      old_match_p99_ms: b.p99_ms,
      match_ratio_to_old: round(a.p50_ms / b.p50_ms),
      index_build_ms: indexBuildMs,
      jieba_dictionary_load_ms: jiebaLoadMs,
      no_fit_queries: noFit,
      old_no_chain_queries: oldEmpty,
      old_zero_score_parks_listed: oldZeroScoreParks,
    };
    console.log(`[bench] match ${engine}: ${JSON.stringify(row)}`);
    return row;
  } finally {
    await db.close();
    await drop();
  }
}

/** Both engines, new matcher beside main's: p50/p99 per call over all queries, and what each returned. */
export async function benchMatch() {
  // jieba's dictionary loads once per process, on the first tokenisation: measured apart from the index build.
  const t = performance.now();
  tokenize('医药');
  const jiebaLoadMs = round(performance.now() - t);
  const { match: old, cleanup } = await oldMatcher();
  try {
    return { engines: [await benchEngine('pglite', old, jiebaLoadMs), await benchEngine('postgres', old, jiebaLoadMs)] };
  } finally {
    cleanup();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await benchMatch();
  const file = path.join(root, 'bench/report.json');
  const report = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {};
  report.match_taxonomy = { ...result, measured_at: new Date().toISOString() };
  fs.writeFileSync(file, JSON.stringify(report, null, 2) + '\n');
  fs.writeFileSync(path.join(root, 'bench/report.md'), (await import('./report.js')).renderReport(report));
  console.log(fs.readFileSync(path.join(root, 'bench/report.md'), 'utf8').split('## Matching by industry')[1] ?? '');
}
