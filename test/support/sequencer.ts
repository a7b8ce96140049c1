import fs from 'node:fs';
import path from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/*
 * Longest files first, across projects. Vitest's own order runs the projects one after the other
 * (api-pglite, api-postgres, browser, unit: by name), so the browser suites, the longest files of the
 * run, all started last and the run ended on a long tail of them with the other workers idle. Here every
 * file is ordered by its expected duration, whatever its project: test/support/durations.json (a full
 * run's times, written by scripts/test-durations.mjs), else vitest's cache of the file's last time
 * (node_modules/.vite: absent on a clean checkout, and skewed by runs of single files on a busy machine,
 * hence second), else a guess from the file's size.
 */

type Durations = Record<string, number>;

const DURATIONS: Durations = (() => {
  const file = path.resolve(import.meta.dirname, 'durations.json');
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Durations) : {};
})();

/** Milliseconds per byte of test file, by project, when a file has no measured time (the median of durations.json). */
const MS_PER_BYTE: Record<string, number> = { browser: 4, 'api-pglite': 1, 'api-postgres': 0.5, unit: 0.05 };

/** Orders test files longest first by measured (or, failing that, guessed) duration; files that failed last time first of all. */
export default class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const root = this.ctx.config.root;
    const estimate = new Map<TestSpecification, { failed: boolean; ms: number }>();
    for (const spec of files) {
      const key = `${spec.project.name}:${path.relative(root, spec.moduleId)}`;
      const cached = this.ctx.cache.getFileTestResults(key);
      let ms = DURATIONS[key] !== undefined ? DURATIONS[key] * 1000 : cached?.duration;
      if (!ms) ms = fs.statSync(spec.moduleId).size * (MS_PER_BYTE[spec.project.name] ?? 1);
      estimate.set(spec, { failed: !!cached?.failed, ms });
    }
    const sorted = [...files].sort((a, b) => {
      const ea = estimate.get(a)!;
      const eb = estimate.get(b)!;
      if (ea.failed !== eb.failed) return ea.failed ? -1 : 1;
      return eb.ms - ea.ms;
    });
    return sorted;
  }
}
