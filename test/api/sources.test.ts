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

  it('rejects an empty or oversized query and a bad limit', async () => {
    expect((await get('/api/search?q=')).status).toBe(400);
    expect((await get(`/api/search?q=${'x'.repeat(101)}`)).status).toBe(400);
    expect((await get('/api/search?q=park&limit=-1')).status).toBe(400);
  });
});
