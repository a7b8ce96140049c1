/**
 * Issue 17 (evidence in English): every citation the API can return — every row of `citations` in the
 * seeded database, on both engines — carries an English rendering, so a new seed quote without a
 * translation in seeds/translations/quotes.json fails here; and the renderings keep the quote's numbers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/harness.js';
import { renderingProblems } from '../../seeds/translations/check.js';
import type { ComputedValue } from '../../contract/api.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

describe('every seeded citation has an English translation', () => {
  it('no citation lacks quote_en, and each rendering has no Chinese and every number of the quote', async () => {
    const { rows } = await app.db.query<{ id: string; document_id: string; quote: string; quote_en: string | null }>(
      'SELECT id, document_id, quote, quote_en FROM citations ORDER BY id');
    expect(rows.length).toBeGreaterThan(100);
    const missing = rows.filter((r) => !r.quote_en).map((r) => `${r.document_id}: ${r.quote}`);
    if (missing.length && process.env.ATLAS_DUMP_MISSING) {
      (await import('node:fs')).writeFileSync(process.env.ATLAS_DUMP_MISSING, JSON.stringify(rows.filter((r) => !r.quote_en).map((r) => ({ doc: r.document_id, quote: r.quote, en: '' })), null, 1));
    }
    expect(missing).toEqual([]);
    const bad = rows.flatMap((r) => renderingProblems(r.quote, r.quote_en ?? '').map((p) => `${r.id}: ${p}`));
    expect(bad).toEqual([]);
  });

  it('the API serves the translation with the quote (a feature panel citation)', async () => {
    const layer = await (await fetch(app.url + '/api/layers/parks')).json() as { features: Array<{ id: string }> };
    type Cited = { citation: { quote: string; quote_en?: string | null } | null };
    const cites: Array<{ quote: string; quote_en?: string | null }> = [];
    for (const f of layer.features) {
      const d = await (await fetch(app.url + `/api/features/${f.id}`)).json() as { chains: Cited[]; targets: Cited[] };
      for (const x of [...d.chains, ...d.targets]) if (x.citation) cites.push(x.citation);
    }
    expect(cites.length).toBeGreaterThan(0);
    for (const c of cites) expect(typeof c.quote_en === 'string' && c.quote_en.length > 0).toBe(true);
  });
});

describe('a document site carries its citation as a feature does', () => {
  it('GET /api/sites and GET /api/sites/:id give each document site its quote, translation, titles and place', async () => {
    type Source = { kind: string; citation_id: string | null; document_id: string | null; document_title_zh: string | null;
      document_title_en: string | null; quote: string | null; quote_en: string | null; first_seq: number | null; last_seq: number | null };
    const fc = await (await fetch(app.url + '/api/sites')).json() as { features: Array<{ id: string; properties: { source: Source } }> };
    const docSites = fc.features.filter((f) => f.properties.source.kind === 'document');
    expect(docSites.length).toBeGreaterThan(0);
    for (const f of docSites) {
      const src = f.properties.source;
      // The same citation row a feature's citation is built from (atlas_citation), key for key.
      const { rows } = await app.db.query<{ j: Record<string, unknown> }>('SELECT atlas_citation($1) AS j', [src.citation_id]);
      const c = typeof rows[0].j === 'string' ? JSON.parse(rows[0].j as string) as Record<string, unknown> : rows[0].j;
      expect(c, f.id).not.toBeNull();
      for (const k of ['document_id', 'document_title_zh', 'document_title_en', 'quote', 'quote_en', 'first_seq', 'last_seq'] as const) {
        expect(src[k], `${f.id}.${k}`).toEqual(c[k]);
      }
      expect(typeof src.quote_en === 'string' && src.quote_en.length > 0, f.id).toBe(true);
      expect(renderingProblems(src.quote!, src.quote_en!), f.id).toEqual([]);
      // One site's Feature (the one-argument atlas_site_json) says the same.
      const one = await (await fetch(app.url + `/api/sites/${f.id}`)).json() as { properties: { source: Source } };
      expect(one.properties.source, f.id).toEqual(src);
    }
  });
});

describe('match reasons carry their quotes’ translations', () => {
  it.each(['vaccine', 'lubricant and white oil', '新能源汽车'])('GET /api/match?q=%s: every quote behind a score part has quote_en', async (q) => {
    const r = await (await fetch(app.url + `/api/match?q=${encodeURIComponent(q)}`)).json() as
      { parks: Array<{ park_id: string; parts: Array<{ part: string; citations: Array<{ id: string; quote: string; quote_en?: string | null }> }> }> };
    const cites = r.parks.flatMap((p) => p.parts.flatMap((x) => x.citations.map((c) => ({ where: `${p.park_id}/${x.part}/${c.id}`, ...c }))));
    expect(cites.length, 'quotes behind the match').toBeGreaterThan(0);
    expect(cites.filter((c) => !c.quote_en).map((c) => c.where)).toEqual([]);
    for (const c of cites) expect(renderingProblems(c.quote, c.quote_en!), c.where).toEqual([]);
  });
});

describe('the data checks read in English', () => {
  it('GET /api/discrepancies: every check’s English texts (computed and curated) hold Chinese only in “…” quotes, read units out and name places by their English names', async () => {
    type D = { id: string; origin?: string; title_en: string; explanation_en: string; note: string | null; computed: ComputedValue | null; claims: Array<{ text: string }> };
    const list = await (await fetch(app.url + '/api/discrepancies')).json() as D[];
    expect(list.filter((d) => d.origin === 'curated').length, 'curated checks').toBeGreaterThan(0);
    expect(list.filter((d) => d.origin === 'computed').length, 'computed checks').toBeGreaterThan(0);
    const bad: string[] = [];
    for (const d of list) {
      for (const text of [d.title_en, d.explanation_en, d.note ?? '', d.computed?.description ?? '', ...d.claims.map((c) => c.text)]) {
        // A Chinese term kept as evidence stands in “…”; anything else (亿元, 家/年, a park's Chinese name) is untranslated.
        if (/[\u3400-\u9fff]/.test(text.replace(/“[^”]*”/g, ''))) bad.push(`${d.id}: ${text}`);
        // A {name:<id>} the server could not resolve: an id that is no feature or chain.
        if (/\{name:/.test(text)) bad.push(`${d.id} (unresolved name): ${text}`);
      }
    }
    expect(bad).toEqual([]);
    // 亿元 reads as CNY in English (7500亿元 → CNY 750 bn), from the parsed value.
    expect(list.some((d) => /CNY [\d.,]+ bn/.test(d.title_en))).toBe(true);
    // Places in curated texts read as the map names them (features.name_en).
    const parks = await (await fetch(app.url + '/api/layers/parks')).json() as { features: Array<{ id: string; properties: { name_en: string } }> };
    const port = parks.features.find((f) => f.id === 'park-port')!.properties.name_en;
    expect(list.find((d) => d.id === 'name-port-park')?.title_en).toContain(port);
    // A rate per year reads out (家/年 → “firms a year”).
    const annual = list.find((d) => d.id === 'figure-gaogang-new-high-tech-enterprises-annual-any');
    expect(annual?.title_en).toMatch(/\d+ firms a year/);
    // …and says so once: the metric's own “per year” is left out before a value that reads “a year”.
    expect(annual?.title_en).toMatch(/^New high-tech enterprises(?! per year)/);
    const twice = list.flatMap((d) => [d.title_en, d.explanation_en, ...d.claims.map((c) => c.text)].filter((text) => /per year[^.]*\ba year\b/.test(text)));
    expect(twice, 'texts saying “per year … a year”').toEqual([]);
    // Nor the year twice, where the metric's name already holds it (“target 2027 (2027)”).
    const yearTwice = list.flatMap((d) => [d.title_en, ...d.claims.map((c) => c.text)].filter((text) => /\b(\d{4})\b[^.]*\(\1\)/.test(text)));
    expect(yearTwice, 'texts naming the same year twice').toEqual([]);
    // A computed value carries its unit (read out by the client, 7452 亿元 → CNY 745.2 bn) and says what it is in
    // both languages; the English description no longer names the unit itself.
    const computed = list.filter((d): d is D & { computed: ComputedValue } => d.computed !== null);
    expect(computed.length).toBeGreaterThan(5);
    for (const d of computed) {
      expect(d.computed.unit, d.id).toMatch(/^(亿元|km²|%)$/);
      expect(d.computed.description_zh, d.id).toMatch(/[\u4e00-\u9fff]/);
      expect(d.computed.description, d.id).not.toMatch(/CNY 100 million|亿元/);
    }
    expect(list.find((d) => d.id === 'sum-001-chains-2027')?.computed).toMatchObject({ value: 7452, unit: '亿元' });
    expect(list.find((d) => d.id === 'figure-big-health-district-vs-city')?.computed).toMatchObject({ value: 1452, unit: '亿元' });
  });
});
