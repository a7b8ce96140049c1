// Writes test/support/durations.json: each test file's duration (seconds) in the last vitest run, read
// from vitest's own results cache (node_modules/.vite/vitest/*/results.json). test/support/sequencer.ts
// starts the longest files first by it on a clean checkout, where that cache is absent. Run after a full
// `npm test`: node scripts/test-durations.mjs
import fs from 'node:fs';
import path from 'node:path';

const dir = path.resolve('node_modules/.vite/vitest');
const files = fs.existsSync(dir) ? fs.readdirSync(dir).map((d) => path.join(dir, d, 'results.json')).filter((f) => fs.existsSync(f)) : [];
if (!files.length) throw new Error(`no vitest results under ${dir}: run the suite first`);
const newest = files.sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs)[0];
const { results } = JSON.parse(fs.readFileSync(newest, 'utf8'));
const out = Object.fromEntries(
  results
    .filter(([key, r]) => r.duration > 0 && fs.existsSync(key.slice(key.indexOf(':') + 1)))
    .sort((a, b) => b[1].duration - a[1].duration)
    .map(([key, r]) => [key, Math.round(r.duration / 100) / 10]),
);
fs.writeFileSync('test/support/durations.json', `${JSON.stringify(out, null, 2)}\n`);
console.log(`test/support/durations.json: ${Object.keys(out).length} files from ${newest}`);
