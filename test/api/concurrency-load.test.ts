import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/harness.js';
import { signIn } from '../support/session.js';
import { testEngine } from '../support/engine.js';
import { pickTargets, runLoad } from '../load/run.js';

/**
 * The short CI version of `npm run test:load`: 50 connections for 10 s of reads and If-Match edits on
 * each engine. Zero errors (5xx, resets, unexpected statuses; 412 is a lost race, expected), and every
 * acknowledged edit is in the history. Latency is printed, never asserted (speed goes to the bench).
 */
const engine = testEngine();
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ writeLimit: { windowMs: 60_000, max: 1_000_000 } });
});
afterAll(async () => {
  await app?.close();
});

describe(`short load (${engine})`, () => {
  it('serves 50 connections of reads and edits for 10 s with zero errors and no lost edit', async () => {
    const editors = await Promise.all(Array.from({ length: 5 }, (_, i) => signIn(app, `short-load-${i}`, 'editor')));
    const { features, layers } = await pickTargets(app.url, 10);
    expect(features.length).toBe(10);
    const r = await runLoad({ url: app.url, connections: 50, durationMs: 10_000, editors, features, layers });
    console.log(`[load] ${engine} 50 conns 10 s: ${r.requests} requests, ${r.rps}/s, p50 ${r.latencyMs.p50} ms, p99 ${r.latencyMs.p99} ms, edits ${r.edits.ok} ok / ${r.edits.conflicts} × 412`);
    expect(r.errors).toEqual([]);
    expect(r.edits.ok).toBeGreaterThan(0);
    for (const [f, versions] of Object.entries(r.acked)) {
      const hist = (await (await fetch(`${app.url}/api/features/${f}/history`)).json()) as Array<{ version: number }>;
      expect(hist.map((h) => h.version)).toEqual(Array.from({ length: hist.length }, (_, i) => i + 1));
      for (const v of versions) expect(hist.map((h) => h.version)).toContain(v);
    }
  }, 120_000);
});
