import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChainGraph, TaxonomyResult } from '../../contract/api.js';
import { startTestApp, type TestApp } from '../support/harness.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});
const json = async <T>(path: string, status = 200) => {
  const res = await fetch(`${app.url}${path}`);
  expect(res.status, path).toBe(status);
  return (await res.json()) as T;
};

describe('GET /api/taxonomy', () => {
  it('serves the 30 chains with GB/T classes (official names), segments by stage, and cited hosts', async () => {
    const t = await json<TaxonomyResult>('/api/taxonomy');
    expect(t.chains).toHaveLength(30);
    expect(t.standard).toMatch(/GB\/T 4754-2017/);
    expect(t.standard_source).toEqual({ repository: 'zmshe/capital', path: 'src/utils/category.js', commit: '0b8f1ae480aadd9f35aca2fd0efb934e9a7101e8' });
    const bio = t.chains.find((c) => c.id === 'biopharma')!;
    expect(bio.codes).toEqual([{ code: '2761', name_zh: '生物药品制造' }, { code: '2762', name_zh: '基因工程药物和疫苗制造' }]);
    expect(bio.keywords).toContain('疫苗');
    const adc = bio.segments.find((s) => s.id === 'adc')!;
    expect(adc).toMatchObject({ stage: 'midstream', stage_zh: '中游', parent: 'antibodies', name_zh: '抗体偶联药物（ADC）' });
    expect(adc.terms_en).toContain('antibody-drug conjugates');
    expect(adc.basis?.document_id).toBe('004');
    expect(adc.parks[0]).toMatchObject({ park_id: 'park-biomed', name_zh: '生物医药产业园' });
    expect(adc.parks[0].citation.quote).toContain('ADC');
    // Every citation is a full citation (id, document titles, quote) from the citations table.
    for (const c of t.chains) for (const s of c.segments) for (const p of s.parks) expect(p.citation).toEqual(expect.objectContaining({ id: expect.any(String), document_title_zh: expect.any(String), quote: expect.any(String) }));
    const res = await fetch(`${app.url}/api/taxonomy`);
    const etag = res.headers.get('etag')!;
    expect((await fetch(`${app.url}/api/taxonomy`, { headers: { 'If-None-Match': etag } })).status).toBe(304);
  });

  it('computes gaps: no local enterprise (a city-level or former one does not count)', async () => {
    const t = await json<TaxonomyResult>('/api/taxonomy');
    const seg = (c: string, s: string) => t.chains.find((x) => x.id === c)!.segments.find((x) => x.id === s)!;
    expect(seg('nev', 'vehicle-assembly').gap).toBe(false);
    expect(seg('offshore-engineering', 'mooring').gap).toBe(true); // 亚星锚链: named only by the city plan
    expect(seg('offshore-engineering', 'mooring').enterprises[0]).toMatchObject({ name_zh: '亚星锚链', scope: 'city', former: null });
    const display = seg('electronic-info', 'display');
    expect(display.enterprises.find((e) => e.name_zh === '纬创')!.former?.quote).toBe('盘活原纬创地块');
    expect(display.gap).toBe(false); // 纬立 is still named
    expect(seg('chem-drugs', 'apis').gap).toBe(true);
  });
});

describe('GET /api/chains/:id/graph', () => {
  it('returns segments as nodes, upstream → downstream edges, enterprises and parks with quotes, and gaps', async () => {
    const g = await json<ChainGraph>('/api/chains/petrochemicals/graph');
    expect(g.chain).toEqual({ id: 'petrochemicals', name_zh: '石油化工', name_en: 'Petrochemicals' });
    expect(g.nodes.map((n) => [n.segment, n.stage])).toEqual([
      ['refining', 'upstream'], ['lubricant-additives', 'midstream'], ['lubricants', 'midstream'], ['white-oils', 'downstream'],
    ]);
    const id = (s: string) => `petrochemicals:${s}`;
    expect(g.edges).toEqual([
      { from: id('refining'), to: id('lubricant-additives') }, { from: id('refining'), to: id('lubricants') },
      { from: id('lubricant-additives'), to: id('white-oils') }, { from: id('lubricants'), to: id('white-oils') },
    ]);
    const white = g.nodes.find((n) => n.segment === 'white-oils')!;
    expect(white.enterprises).toEqual([expect.objectContaining({ name_zh: '泰州石化', scope: 'district', former: false })]);
    expect(white.enterprises[0].citation.quote).toContain('泰州石化');
    expect(white.parks.map((p) => p.park_id)).toEqual(['park-chemical']);
    expect(white.gap).toBe(false);
    expect(g.nodes.find((n) => n.segment === 'lubricant-additives')!.gap).toBe(true); // the 补链 target
  });

  it('hangs sub-segments from their parent and keeps them out of the stage edges', async () => {
    const g = await json<ChainGraph>('/api/chains/biopharma/graph');
    const adc = g.nodes.find((n) => n.segment === 'adc')!;
    expect(adc.parent).toBe('biopharma:antibodies');
    expect(g.edges.some((e) => e.from === adc.id || e.to === adc.id)).toBe(false);
    expect(g.edges).toContainEqual({ from: 'biopharma:bioprocess-materials', to: 'biopharma:vaccines' });
    for (const e of g.edges) {
      const stage = (x: string) => ['upstream', 'midstream', 'downstream'].indexOf(g.nodes.find((n) => n.id === x)!.stage);
      expect(stage(e.to)).toBeGreaterThan(stage(e.from));
    }
  });

  it('answers 404 for an unknown chain and 400 for a malformed id, as problem+json', async () => {
    for (const [path, status] of [['/api/chains/no-such-chain/graph', 404], ['/api/chains/DROP%20TABLE/graph', 400]] as const) {
      const res = await fetch(`${app.url}${path}`);
      expect(res.status, path).toBe(status);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    }
  });
});
