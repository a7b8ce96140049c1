/** Percentile of a sample (nearest-rank); p in 0–100. */
export function percentile(sample: number[], p: number): number {
  if (!sample.length) return NaN;
  const s = [...sample].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

/** Times `n` sequential runs of fn after `warm` unmeasured ones; milliseconds. */
export async function timeRuns(fn: () => Promise<unknown>, n: number, warm = 5): Promise<number[]> {
  for (let i = 0; i < warm; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out;
}

/** Requests per second with `concurrency` workers looping over fn for `ms` milliseconds. */
export async function throughput(fn: () => Promise<unknown>, concurrency: number, ms: number): Promise<{ rps: number; errors: number }> {
  const end = performance.now() + ms;
  let done = 0;
  let errors = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        try {
          await fn();
          done++;
        } catch {
          errors++;
        }
      }
    }),
  );
  return { rps: done / (ms / 1000), errors };
}

export const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;
