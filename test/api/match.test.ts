import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MatchResult } from '../../server/src/match/match.service.js';
import { startTestApp, type TestApp } from '../support/harness.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});
const match = async (qs: string) => {
  const res = await fetch(`${app.url}/api/match?${qs}`);
  expect(res.status).toBe(200);
  return (await res.json()) as MatchResult;
};

describe('chain-aware matching', () => {
  it.each([
    ['we make antibody–drug conjugates', 'biopharma', 'park-biomed'],
    ['vaccine', 'biopharma', 'park-biomed'],
    ['EV drivetrain parts', 'nev', 'park-equipment'],
    ['new energy vehicle parts', 'nev', 'park-equipment'],
    ['lubricant and white oil', 'petrochemicals', 'park-chemical'],
    ['疫苗', 'biopharma', 'park-biomed'],
  ])('%s → chain %s, %s first', async (q, chain, park) => {
    const r = await match(`q=${encodeURIComponent(q)}`);
    expect(r.chains.map((c) => c.id)).toContain(chain);
    expect(r.parks[0].park_id).toBe(park);
    expect(r.parks[0].score).toBeGreaterThan(r.parks[1].score);
    // The score is transparent: its parts add up to it (times the chain's relevance) and the focus part cites the document.
    const top = r.parks[0];
    const relevance = r.chains.find((c) => c.id === top.best_chain)!.relevance;
    expect(top.parts.reduce((s, p) => s + p.points, 0) * relevance).toBeCloseTo(top.score, 0);
    const focus = top.parts.find((p) => p.part === 'focus')!;
    expect(focus.points).toBe(r.weights.focus);
    expect(focus.citations[0].quote.length).toBeGreaterThan(5);
  });

  it('ranks by chain id too, and says so when nothing matches', async () => {
    const r = await match('chain=high-tech-ships');
    expect(['park-port', 'kouan']).toContain(r.parks[0].park_id);
    const none = await match(`q=${encodeURIComponent('interplanetary tourism')}`);
    expect(none.chains).toEqual([]);
    expect(none.parks).toEqual([]);
  });

  it('rejects a request without chain or q, and a bad chain id', async () => {
    expect((await fetch(`${app.url}/api/match`)).status).toBe(400);
    expect((await fetch(`${app.url}/api/match?chain=DROP%20TABLE`)).status).toBe(400);
  });
});
