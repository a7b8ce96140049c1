/**
 * The README's performance figures, written from bench/report.json by `npm run bench` (bench/run.ts) between
 * two markers, so that the README says what the last full run measured and nothing else;
 * test/unit/readme-figures.test.ts fails when the committed README and report.json disagree.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- the report is plain JSON assembled by run.ts */
import fs from 'node:fs';

/**
 * Issue 19's headline figures (report.json's top-level keys) with their targets: `figure` names one in the
 * README, `target` qualifies the limit in bench/report.md's headline table (report.ts renders both from this list).
 */
export const HEADLINE_TARGETS = [
  { key: 'map_idle_ratio', figure: 'Map idle in headless Chromium, against plain MapLibre drawing the same GeoJSON', target: 'plain MapLibre with the same GeoJSON', limit: 1.2, unit: '×' },
  { key: 'initial_js_gz_kb', figure: 'JavaScript the first view loads (gzip)', target: 'gzip', limit: 300, unit: 'KB' },
  { key: 'tile_cold_z14_1m_p50_ms', figure: 'Cold z14 tile at 1M parcels, p50 (PostGIS)', target: '(cold z14 at 1M parcels, PostGIS)', limit: 50, unit: 'ms' },
  { key: 'tile_raw_ratio', figure: 'Tile API against the raw ST_AsMVT query, worst of z10–z14 at 1M parcels', target: 'raw ST_AsMVT of the same generalised query (worst of z10–z14)', limit: 1.1, unit: '×' },
  { key: 'mapserver_features_ratio', figure: 'OGC API Features items against MapServer 8, p50', target: "MapServer 8's p50 (OGC API items)", limit: 0.8, unit: '×' },
  { key: 'mapserver_tiles_ratio', figure: 'Vector tiles against MapServer 8, p50, same content', target: "MapServer 8's p50 (MVT, same content)", limit: 0.8, unit: '×' },
  { key: 'first_start_s', figure: 'First `npm start` of a fresh clone to /api/health', target: '(fresh data directory to /api/health)', limit: 8, unit: 's' },
  { key: 'later_start_s', figure: 'Later starts', target: '', limit: 3, unit: 's' },
  { key: 'test_wall_s', figure: '`npm test`, wall time', target: '(`npm test`)', limit: 480, unit: 's' },
] as const;

export const README_START = '<!-- bench:start — written by `npm run bench` from bench/report.json; edit bench/readme-figures.ts, not this block -->';
export const README_END = '<!-- bench:end -->';

const shown = (v: number, unit: string) => (unit === '×' ? `${v}×` : `${v} ${unit}`);

/** The README block for a report: one row per headline figure, its target and this run's value, met or missed. */
export function readmeFigures(report: any): string {
  const day = String(report.generated_at ?? '').slice(0, 10);
  const rows = HEADLINE_TARGETS.map(({ key, figure, limit, unit }) => {
    const v = report[key];
    const measured = typeof v === 'number' ? `${shown(v, unit)} — ${v <= limit ? 'met' : '**missed**'}` : 'not measured';
    return `| ${figure} | ≤ ${shown(limit, unit)} | ${measured} |`;
  });
  return [
    README_START,
    `Measured by the last full \`npm run bench\` (${day}, ${report.machine?.cpus ?? '?'} cores, shared machine; load average at the end ${report.machine?.load_avg_1m ?? '?'}).`,
    'Ratios are measured side by side in that run; [bench/report.md](bench/report.md) says, with measurements, what stands in the way of each missed target.',
    '',
    '| figure | target | last run |',
    '| --- | --- | --- |',
    ...rows,
    README_END,
  ].join('\n');
}

/** The README with its block replaced by the report's figures; throws when the markers are not there once each. */
export function withReadmeFigures(readme: string, report: any): string {
  const start = readme.indexOf(README_START);
  const end = readme.indexOf(README_END);
  if (start < 0 || end < start || readme.indexOf(README_START, start + 1) >= 0 || readme.indexOf(README_END, end + 1) >= 0) {
    throw new Error(`README.md must hold the bench block once: a line "${README_START}" and, after it, "${README_END}"`);
  }
  return readme.slice(0, start) + readmeFigures(report) + readme.slice(end + README_END.length);
}

/** Rewrites `readmePath`'s block from the report (npm run bench at its end, scripts/readme-figures.ts by hand). */
export function writeReadmeFigures(readmePath: string, report: any): void {
  fs.writeFileSync(readmePath, withReadmeFigures(fs.readFileSync(readmePath, 'utf8'), report));
}
