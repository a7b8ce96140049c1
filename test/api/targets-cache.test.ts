import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/harness.js';

/*
 * /api/targets and /api/analytics/growth are built once per seed version (server/src/http/seeded-cache.ts):
 * a seed reload — which bumps the 'all' data version in its own transaction — must show at once, and
 * different queries must never share a body.
 */
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

type Figure = { id: string; subject_id: string; value_text: string };
const get = async (p: string) => (await (await fetch(`${app.url}${p}`)).json()) as Figure[];

describe('cached targets', () => {
  it('keeps each query its own body and follows a seed reload at once', async () => {
    const all = await get('/api/targets');
    const oneSubject = all[0].subject_id;
    const subset = await get(`/api/targets?subject=${encodeURIComponent(oneSubject)}`);
    expect(subset.length).toBeGreaterThan(0);
    expect(subset.length).toBeLessThan(all.length);
    expect(subset.every((f) => f.subject_id === oneSubject)).toBe(true);
    expect(await get('/api/targets')).toEqual(all);

    const target = subset[0];
    // What the seed loader does on a reload: write, and bump the 'all' version in the same transaction.
    await app.db.transaction(async (tx) => {
      await tx.query('UPDATE targets SET value_text = $2 WHERE id = $1', [target.id, `${target.value_text} (reloaded)`]);
      await tx.query("SELECT atlas_bump_version('all')");
    }, 'seed');
    const after = await get(`/api/targets?subject=${encodeURIComponent(oneSubject)}`);
    expect(after.find((f) => f.id === target.id)!.value_text).toBe(`${target.value_text} (reloaded)`);
    expect((await get('/api/targets')).find((f) => f.id === target.id)!.value_text).toBe(`${target.value_text} (reloaded)`);
  });
});
