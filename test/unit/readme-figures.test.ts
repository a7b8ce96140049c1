/**
 * README.md's performance figures are the last full bench run's: the block between the bench markers is
 * exactly what bench/readme-figures.ts renders from the committed bench/report.json (npm run bench writes both).
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { HEADLINE_TARGETS, README_END, README_START, readmeFigures, withReadmeFigures } from '../../bench/readme-figures';

const readme = readFileSync('README.md', 'utf8');
const report = JSON.parse(readFileSync('bench/report.json', 'utf8'));

describe('README performance figures', () => {
  it('are the committed bench/report.json, every headline figure with its value', () => {
    const block = readme.slice(readme.indexOf(README_START), readme.indexOf(README_END) + README_END.length);
    expect(block).toBe(readmeFigures(report));
    for (const { key } of HEADLINE_TARGETS) {
      // Measured, or the report says why not.
      if (report[key] === null) expect(report.headline_notes?.[key], key).toBeTruthy();
      else expect(typeof report[key], key).toBe('number');
    }
    expect(block).toContain(`| ≤ 8 s | ${report.first_start_s} s — ${report.first_start_s <= 8 ? 'met' : '**missed**'} |`);
  });

  it('follow a new report, and a README without its block is an error, not a silent no-op', () => {
    const next = { ...report, test_wall_s: 471, generated_at: '2027-01-02T00:00:00Z' };
    const updated = withReadmeFigures(readme, next);
    expect(updated).toContain('| `npm test`, wall time | ≤ 480 s | 471 s — met |');
    expect(updated).toContain('(2027-01-02,');
    expect(updated.replace(readmeFigures(next), '')).toBe(readme.replace(readmeFigures(report), ''));
    expect(() => withReadmeFigures(readme.replace(README_END, ''), next)).toThrow(/bench block once/);
    expect(() => withReadmeFigures(`${readme}\n${README_START}\n${README_END}\n`, next)).toThrow(/bench block once/);
  });
});
