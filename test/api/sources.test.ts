import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Figure } from '../../contract/api.js';
import { normaliseForQuote } from '../../seeds/normalise.js';
import { startTestApp, type TestApp } from '../support/harness.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});
const get = (path: string) => fetch(app.url + path);

describe('documents', () => {
  it('lists the five planning documents, and every served citation is in its document', async () => {
    const docs = (await (await get('/api/documents')).json()) as Array<{ id: string; title_zh: string; length: number }>;
    expect(docs.filter((d) => /^\d{3}$/.test(d.id)).map((d) => d.id)).toEqual(['000', '001', '002', '003', '004']);
    for (const d of docs) {
      const full = (await (await get(`/api/documents/${encodeURIComponent(d.id)}`)).json()) as { text: string; citations: Array<{ quote: string }> };
      expect(full.text.length).toBe(d.length);
      const text = normaliseForQuote(full.text);
      for (const c of full.citations) expect(text).toContain(normaliseForQuote(c.quote));
    }
  });

  it('rejects a path-like document id', async () => {
    const res = await get('/api/documents/..%2F..%2Fetc%2Fpasswd');
    expect(res.status).toBe(400);
  });
});

describe('targets', () => {
  it('filters by subject and type, each figure carrying its quote', async () => {
    const res = await get('/api/targets?subject=chem-drugs');
    expect(res.status).toBe(200);
    const figs = (await res.json()) as Figure[];
    expect(figs.map((f) => f.year).sort()).toEqual([2024, 2027, 2030]);
    const chainFigs = (await (await get('/api/targets?subject_type=chain')).json()) as Figure[];
    expect(chainFigs).toHaveLength(90);
    expect((await get('/api/targets?subject_type=planet')).status).toBe(400);
  });
});

describe('search', () => {
  it('finds parks and chains in both languages', async () => {
    const zh = (await (await get(`/api/search?q=${encodeURIComponent('生物医药')}`)).json()) as Array<{ kind: string; id: string }>;
    expect(zh.some((h) => h.kind === 'feature' && h.id === 'park-biomed')).toBe(true);
    const en = (await (await get('/api/search?q=vaccine')).json()) as Array<{ kind: string; id: string }>;
    expect(en.some((h) => h.kind === 'chain' && h.id === 'biopharma')).toBe(true);
  });

  it('treats SQL and LIKE characters as text', async () => {
    for (const q of ['_', "' OR 1=1 --", '\\']) {
      const res = await get(`/api/search?q=${encodeURIComponent(q)}`);
      expect(res.status).toBe(200);
      expect(((await res.json()) as unknown[]).length).toBe(0);
    }
    // As a LIKE pattern '%' would match everything (the limit); as text it matches only percentages.
    const pct = (await (await get('/api/search?q=%25&limit=100')).json()) as unknown[];
    expect(pct.length).toBeLessThan(100);
  });

  it('finds names by one or two characters (the short-gram path) exactly as "contains" would', async () => {
    for (const q of ['医药', '园区', '港', '路', 'ro', 'x']) {
      const hits = (await (await get(`/api/search?q=${encodeURIComponent(q)}&limit=100`)).json()) as Array<{ kind: string; id: string }>;
      const { rows } = await app.db.query<{ id: string }>(
        'SELECT id FROM features WHERE position($1 IN lower(name_zh)) > 0 OR position($1 IN lower(name_en)) > 0 ORDER BY id', [q]);
      const features = hits.filter((h) => h.kind === 'feature').map((h) => h.id).sort();
      if (hits.length < 100) expect(features, q).toEqual(rows.map((r) => r.id));
      else for (const id of features) expect(rows.map((r) => r.id), q).toContain(id);
    }
    // A three-character query takes the trigram path and agrees with the two-character one it contains.
    const three = (await (await get(`/api/search?q=${encodeURIComponent('医药城')}&limit=100`)).json()) as Array<{ kind: string; id: string }>;
    const two = (await (await get(`/api/search?q=${encodeURIComponent('医药')}&limit=100`)).json()) as Array<{ kind: string; id: string }>;
    expect(three.filter((h) => h.kind === 'feature').length).toBeGreaterThan(0);
    for (const h of three.filter((x) => x.kind === 'feature')) expect(two.map((x) => x.id)).toContain(h.id);
  });

  it('rejects an empty or oversized query and a bad limit', async () => {
    expect((await get('/api/search?q=')).status).toBe(400);
    expect((await get(`/api/search?q=${'x'.repeat(101)}`)).status).toBe(400);
    expect((await get('/api/search?q=park&limit=-1')).status).toBe(400);
  });
});

describe('derived analytics', () => {
  it('derives the annual growth a target implies, labelled as derived, from cited figures', async () => {
    const rows = (await (await get('/api/analytics/growth?subject=chem-drugs')).json()) as Array<{
      derived: boolean; base_year: number; target_year: number; implied_annual_growth: number; from: Figure[];
    }>;
    const r = rows.find((x) => x.base_year === 2024 && x.target_year === 2030)!;
    expect(r.derived).toBe(true);
    expect(r.implied_annual_growth).toBeCloseTo(Math.pow(254 / 177.6, 1 / 6) - 1, 4);
    expect(r.from.map((f) => f.value_text)).toEqual(['177.6', '254']);
  });

  it('flags a stated growth rate that disagrees with its own end points', async () => {
    const rows = (await (await get('/api/analytics/growth')).json()) as Array<{
      subject_id: string; metric: string; disagrees: boolean; stated_annual_growth: number | null; implied_annual_growth: number;
    }>;
    const withStated = rows.filter((r) => r.stated_annual_growth !== null);
    expect(withStated.length).toBeGreaterThan(0);
    for (const r of withStated) {
      expect(r.disagrees).toBe(Math.abs(r.implied_annual_growth - r.stated_annual_growth!) > 0.005);
    }
    // 002: GDP 971.9 (2020) to 1500 (2025) needs ~9.1% a year, not the stated 8%.
    const gdp = rows.find((r) => r.metric === 'gdp' && r.stated_annual_growth !== null);
    expect(gdp?.disagrees).toBe(true);
  });
});
