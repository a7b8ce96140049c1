/**
 * Living documents and figures (issue 15), on both engines: uploads in every format through the one
 * pipeline the seed also uses, every refused input (nothing stored), figures checked against their quote,
 * supersession and the time series, the extractor's suggestions accepted and rejected, and discrepancies
 * computed from the data (the 3+2 / 4+2 case included) with resolutions kept as history.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { startTestApp, type TestApp } from '../support/harness.js';
import { signIn, type Session } from '../support/session.js';
import { makeDocx, makePdf, makeScannedPdf, uploadDocument } from '../support/documents.js';
import { normaliseForQuote } from '../../seeds/normalise.js';
import type { DocumentDetailV2, DiscrepancyEntry, FigureList, Suggestion } from '../../contract/documents.js';

let app: TestApp;
let ed: Session;
beforeAll(async () => {
  app = await startTestApp();
  ed = await signIn(app, 'docs-editor', 'editor');
});
afterAll(async () => {
  await app?.close();
});
const get = async <T>(path: string) => (await (await fetch(app.url + path)).json()) as T;
const count = async (table: string) => (await app.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n;
const stored = async () => ({ documents: await count('documents'), paragraphs: await count('document_paragraphs'), suggestions: await count('document_suggestions'), targets: await count('targets') });

describe('the seed documents came through the pipeline', () => {
  it('serves paragraphs with pages, null English where none is stored, and every citation with its place', async () => {
    const doc = await get<DocumentDetailV2>('/api/documents/001');
    expect(doc.format).toBe('txt');
    expect(doc.status).toBe('draft');
    expect(doc.paragraphs.length).toBeGreaterThan(50);
    // The splitter keeps every non-whitespace character: the paragraphs are the text.
    expect(normaliseForQuote(doc.paragraphs.map((p) => p.text).join(''))).toBe(normaliseForQuote(doc.text));
    for (const p of doc.paragraphs) {
      expect(p.en_is_translation).toBe(true);
      expect(p.en === null || (typeof p.en === 'string' && p.en.length > 0)).toBe(true);
    }
    const row = doc.citations.find((c) => normaliseForQuote(c.quote) === normaliseForQuote('化学药177.6206254'))!;
    expect(row).toBeDefined();
    const para = doc.paragraphs.find((p) => p.seq === row.first_seq)!;
    expect(normaliseForQuote(para.text)).toContain('化学药177.6206254');
    for (const c of doc.citations) {
      expect(c.first_seq, c.quote).not.toBeNull();
      const span = doc.paragraphs.filter((p) => p.seq >= c.first_seq! && p.seq <= c.last_seq!).map((p) => p.text).join('');
      expect(normaliseForQuote(span)).toContain(normaliseForQuote(c.quote));
    }
  });

  it('marks the extractor suggestions the reviewed seed data took as accepted', async () => {
    const list = await get<Suggestion[]>('/api/documents/001/suggestions');
    const chem = list.filter((s) => s.pattern === 'year-table' && s.proposal.subject_id === 'chem-drugs');
    expect(chem.map((s) => s.proposal.year)).toEqual([2024, 2027, 2030]);
    expect(chem.every((s) => s.status === 'accepted' && s.figure_id?.startsWith('chem-drugs-revenue-'))).toBe(true);
  });
});

describe('uploads', () => {
  it('reads TXT, refuses the same content twice with the existing id, and needs an editor', async () => {
    const text = '一、总体目标\n到2027年，力争全区合成生物产业规模达到120亿元。\n重点建设1.5平方公里的合成生物产业园。\n';
    expect((await fetch(`${app.url}/api/documents`, { method: 'POST', body: new FormData() })).status).toBe(401);
    const res = await uploadDocument(app, ed, 'plan.txt', Buffer.from(text), { title_zh: '测试方案', date: '2026-03-01', status: '正式稿' });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { id: string; paragraphs: number; chars: number; title_zh: string };
    expect(body).toMatchObject({ title_zh: '测试方案', paragraphs: 3, chars: text.length });
    expect(body.id).toMatch(/^\d{3}$/);
    const before = await stored();
    // The same text re-wrapped is the same content.
    const dup = await uploadDocument(app, ed, 'again.md', Buffer.from(text.replace(/\n/g, '\n\n')));
    expect(dup.status).toBe(409);
    expect(((await dup.json()) as { existing_id: string }).existing_id).toBe(body.id);
    expect(await stored()).toEqual(before);
    const doc = await get<DocumentDetailV2>(`/api/documents/${body.id}`);
    expect(doc).toMatchObject({ status: 'final', date: '2026-03-01', format: 'txt', uploaded_by: 'docs-editor' });
    const sugg = await get<Suggestion[]>(`/api/documents/${body.id}/suggestions`);
    expect(sugg.map((s) => [s.pattern, s.proposal.value, s.proposal.unit])).toEqual([['by-year', 120, '亿元'], ['area', 1.5, 'km²']]);
  });

  it('reads Markdown without its markup, a table row as one paragraph', async () => {
    const md = '# 合成生物专项\n\n**到2026年**，规模达到80亿元。\n\n| 序号 | 指标 | 2025年 | 2026年 |\n|---|---|---|---|\n| 1 | 合成生物规模（亿元） | 60 | 80 |\n';
    const res = await uploadDocument(app, ed, 'note.md', Buffer.from(md));
    expect(res.status).toBe(201);
    const doc = await get<DocumentDetailV2>(`/api/documents/${((await res.json()) as { id: string }).id}`);
    expect(doc.format).toBe('md');
    expect(doc.paragraphs.map((p) => p.text)).toEqual(['合成生物专项', '到2026年，规模达到80亿元。', '序号\t指标\t2025年\t2026年', '1\t合成生物规模（亿元）\t60\t80']);
  });

  it('reads a PDF text layer into paragraphs with page numbers', async () => {
    const pdf = await makePdf([
      ['一、发展目标', '到2027年，力争全区细胞和基因技术产业规模达到45亿元，重点开发建设2.1平方公里的', '细胞治疗产业园，形成较为完整的产业链条和创新生态体系。'],
      ['二、空间布局', '生物医药产业园重点发展“5+2”产业。'],
    ]);
    const res = await uploadDocument(app, ed, 'plan.pdf', pdf, { title_zh: 'PDF方案', date: '2026-04-01' });
    expect(res.status).toBe(201);
    const id = ((await res.json()) as { id: string }).id;
    const doc = await get<DocumentDetailV2>(`/api/documents/${id}`);
    expect(doc).toMatchObject({ format: 'pdf', pages: 2 });
    expect(doc.paragraphs.map((p) => [p.page, p.text])).toEqual([
      [1, '一、发展目标'],
      [1, '到2027年，力争全区细胞和基因技术产业规模达到45亿元，重点开发建设2.1平方公里的细胞治疗产业园，形成较为完整的产业链条和创新生态体系。'],
      [2, '二、空间布局'],
      [2, '生物医药产业园重点发展“5+2”产业。'],
    ]);
    const sugg = await get<Suggestion[]>(`/api/documents/${id}/suggestions`);
    const structure = sugg.find((s) => s.type === 'structure')!;
    expect(structure.proposal).toMatchObject({ subject_id: 'park-biomed', system: 'industry-system', name: '5+2' });
    // Accepting the structure recomputes the discrepancies: 5+2 joins 4+2 and 3+2.
    const acc = await ed.fetch(`/api/documents/${id}/suggestions/${structure.id}/accept`, { method: 'POST', body: '{}' });
    expect(acc.status).toBe(201);
    const d = (await get<DiscrepancyEntry[]>('/api/discrepancies')).find((x) => x.id === 'structure-park-biomed-industry-system')!;
    expect(d.claims.map((c) => c.citation.document_id)).toEqual(expect.arrayContaining(['000', '004', id]));
    expect(d.title_zh).toContain('5+2');
    // A decided suggestion cannot be decided again.
    expect((await ed.fetch(`/api/documents/${id}/suggestions/${structure.id}/reject`, { method: 'POST', body: '{}' })).status).toBe(409);
  });

  it('reads a DOCX (paragraphs and a table); an accepted suggestion becomes a figure on the chain, a rejected one keeps its reason', async () => {
    const docx = makeDocx(['合成生物产业链年度报告', '2025年，全市合成生物产业链销售收入达到19.2亿元。'], [
      ['序号', '重点产业链', '2025年销售收入（亿元）'],
      ['1', '合成生物', '19.2'],
    ]);
    const res = await uploadDocument(app, ed, 'report.docx', docx, { title_zh: '年度报告', date: '2026-02-01', level: 'city', as_of_year: '2025' });
    expect(res.status).toBe(201);
    const id = ((await res.json()) as { id: string }).id;
    const doc = await get<DocumentDetailV2>(`/api/documents/${id}`);
    expect(doc.paragraphs.map((p) => p.text)).toEqual(['合成生物产业链年度报告', '2025年，全市合成生物产业链销售收入达到19.2亿元。', '序号\t重点产业链\t2025年销售收入（亿元）', '1\t合成生物\t19.2']);
    const sugg = await get<Suggestion[]>(`/api/documents/${id}/suggestions`);
    const row = sugg.find((s) => s.pattern === 'year-table')!;
    expect(row.proposal).toMatchObject({ subject_type: 'chain', subject_id: 'synthetic-biology', metric: 'revenue', year: 2025, kind: 'actual', value: 19.2, unit: '亿元' });
    const acc = await ed.fetch(`/api/documents/${id}/suggestions/${row.id}/accept`, { method: 'POST', body: '{}' });
    expect(acc.status).toBe(201);
    const { figure } = (await acc.json()) as { figure: { id: string; citation: { document_id: string; quote: string } } };
    expect(figure.citation.document_id).toBe(id);
    const series = await get<FigureList>('/api/figures?subject_type=chain&subject_id=synthetic-biology');
    const revenue = series.series.find((s) => s.metric === 'revenue')!;
    expect(revenue.actuals.map((a) => [a.year, a.value])).toEqual([[2024, 16.3], [2025, 19.2]]);
    const t2030 = revenue.targets.find((t) => t.year === 2030)!;
    expect(t2030.progress).toMatchObject({ derived: true, from_year: 2025, from_value: 19.2 });
    expect(t2030.progress!.required_annual_growth).toBeCloseTo(Math.pow(30 / 19.2, 1 / 5) - 1, 4);
    expect(t2030.progress!.observed_annual_growth).toBeCloseTo(19.2 / 16.3 - 1, 4);
    const other = sugg.find((s) => s.pattern === 'by-year')!;
    const rej = await ed.fetch(`/api/documents/${id}/suggestions/${other.id}/reject`, { method: 'POST', body: JSON.stringify({ reason: 'same figure as the table row' }) });
    expect(rej.status).toBe(200);
    expect(await rej.json()).toMatchObject({ status: 'rejected', reason: 'same figure as the table row', decided_by: 'docs-editor' });
  });
});

describe('bad input: a clear 4xx and nothing stored', () => {
  it('refuses unknown formats, oversized files, encrypted and scanned PDFs, corrupt DOCX and zip bombs', async () => {
    const before = await stored();
    const expectRefused = async (name: string, data: Buffer, status: number, detail: RegExp) => {
      const res = await uploadDocument(app, ed, name, data);
      expect(res.status, name).toBe(status);
      expect(res.headers.get('content-type')).toMatch(/problem\+json/);
      expect(((await res.json()) as { detail: string }).detail, name).toMatch(detail);
    };
    await expectRefused('sheet.xlsx', Buffer.from(zipSync({ 'xl/workbook.xml': strToU8('<x/>') })), 415, /not a Word document/);
    await expectRefused('image.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]), 415, /Unknown format/);
    await expectRefused('binary.txt', Buffer.from([0x41, 0, 0x42]), 415, /not readable text/);
    await expectRefused('big.txt', Buffer.alloc(50 * 1024 * 1024 + 10, 0x41), 413, /larger than 50 MB/);
    await expectRefused('secret.pdf', await makePdf([['机密文件']], { userPassword: 'pw', ownerPassword: 'owner' }), 422, /encrypted/);
    const scan = await uploadDocument(app, ed, 'scan.pdf', await makeScannedPdf());
    expect(scan.status).toBe(422);
    expect(await scan.json()).toMatchObject({ reason: 'no text layer' });
    await expectRefused('broken.pdf', Buffer.from('%PDF-1.4\nnot really'), 422, /cannot be read/);
    const docx = makeDocx(['正文']);
    await expectRefused('cut.docx', docx.subarray(0, docx.length - 30), 422, /damaged/);
    await expectRefused('nodoc.docx', Buffer.from(zipSync({ 'word/other.xml': strToU8('<x/>') })), 422, /no word\/document.xml/);
    // A zip bomb: document.xml declares 3 GB inflated (the central directory is read before anything inflates).
    const bomb = makeDocx(['炸弹']);
    const cd = bomb.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    const eocd = bomb.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    for (let p = bomb.readUInt32LE(eocd + 16); p < eocd; p += 46 + bomb.readUInt16LE(p + 28) + bomb.readUInt16LE(p + 30) + bomb.readUInt16LE(p + 32)) {
      if (bomb.subarray(p + 46, p + 46 + bomb.readUInt16LE(p + 28)).toString() === 'word/document.xml') bomb.writeUInt32LE(3_000_000_000, p + 24);
    }
    expect(cd).toBeGreaterThan(0);
    await expectRefused('bomb.docx', bomb, 413, /zip bomb/);
    const badDate = await uploadDocument(app, ed, 'x.txt', Buffer.from('一段新的文字。'), { date: '2026-02-30' });
    expect(badDate.status).toBe(400);
    expect(await stored()).toEqual(before);
  });
});

describe('figures', () => {
  it('checks that the quote is in the document and the value in the quote (422 saying which), with units and Chinese numbers', async () => {
    const before = await count('targets');
    const base = { subject_type: 'chain', subject_id: 'chem-drugs', metric: 'revenue', year: 2027, kind: 'target', unit: '亿元', document_id: '001' };
    const post = (b: object) => ed.fetch('/api/figures', { method: 'POST', body: JSON.stringify(b) });
    let res = await post({ ...base, value: 206, quote: '化学药年销售收入达到一千亿元' });
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ reason: 'quote_not_in_document' });
    res = await post({ ...base, value: 207, quote: '化学药\n\t177.6\n\t206\n\t254' });
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ reason: 'value_not_in_quote' });
    res = await post({ ...base, subject_id: 'no-such-chain', value: 206, quote: '化学药 177.6 206 254' });
    expect(await res.json()).toMatchObject({ reason: 'unknown_subject' });
    expect((await post({ ...base, value: '206', quote: 'x' })).status).toBe(400);
    expect((await fetch(`${app.url}/api/figures`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })).status).toBe(401);
    expect(await count('targets')).toBe(before);
    // 7500亿元 given in 万元 is the same amount; 过万亿 is 10000 亿元.
    res = await post({ subject_type: 'city', subject_id: 'taizhou', metric: 'chains-revenue', year: 2027, kind: 'target', value: 75000000, unit: '万元', document_id: '001', quote: '到2027年，力争30条产业链销售收入达7500亿元' });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ value_text: '7500亿', qualifier: 'strive', origin: 'staff' });
    res = await post({ subject_type: 'park', subject_id: 'park-biomed', metric: 'southwest-area-development', year: 2030, kind: 'target', value: 329, unit: '公顷', document_id: '000', quote: '重点开发建设3.29平方公里的西南片区' });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ subject_type: 'feature', subject_id: 'park-biomed' });
  });

  it('a newer document supersedes the older figure in the series; both stay listed; the disagreement is computed and can be resolved', async () => {
    const up = await uploadDocument(app, ed, 'revised.txt', Buffer.from('修订说明\n经核实，2024年化学药产业链销售收入为180亿元。\n'), { title_zh: '修订说明', date: '2026-05-01' });
    const doc = ((await up.json()) as { id: string }).id;
    const res = await ed.fetch('/api/figures', { method: 'POST', body: JSON.stringify({ subject_type: 'chain', subject_id: 'chem-drugs', metric: 'revenue', year: 2024, kind: 'actual', value: 180, unit: '亿元', document_id: doc, quote: '2024年化学药产业链销售收入为180亿元' }) });
    expect(res.status).toBe(201);
    const created = (await res.json()) as { id: string; version: number };
    const list = await get<FigureList>('/api/figures?subject_type=chain&subject_id=chem-drugs');
    const old = list.figures.find((f) => f.id === 'chem-drugs-revenue-2024')!;
    expect(old.superseded_by).toBe(created.id);
    expect(list.figures.find((f) => f.id === created.id)!.superseded_by).toBeNull();
    expect(list.series.find((s) => s.metric === 'revenue')!.actuals).toEqual([{ year: 2024, value: 180, qualifier: 'exact', figure_id: created.id, document_id: doc }]);
    // The chains endpoint (the current client's chart) lists the current figure first.
    const chains = await get<Array<{ id: string; figures: Array<{ id: string; year: number }> }>>('/api/chains');
    expect(chains.find((c) => c.id === 'chem-drugs')!.figures.find((f) => f.year === 2024)!.id).toBe(created.id);

    let all = await get<DiscrepancyEntry[]>('/api/discrepancies');
    let d = all.find((x) => x.id === 'figure-chem-drugs-revenue-2024-actual')!;
    expect(d).toMatchObject({ origin: 'computed', kind: 'figure', status: 'open' });
    expect(d.claims.map((c) => c.citation.document_id).sort()).toEqual(['001', doc].sort());
    expect((await ed.fetch(`/api/discrepancies/${d.id}/resolve`, { method: 'POST', body: '{}' })).status).toBe(400);
    const ok = await ed.fetch(`/api/discrepancies/${d.id}/resolve`, { method: 'POST', body: JSON.stringify({ reason: 'The revision note corrects 001.' }) });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ status: 'resolved', resolution: { reason: 'The revision note corrects 001.', by: 'docs-editor' } });

    // Changing the figure (If-Match) changes the data the resolution was made on: open again, history kept.
    expect((await ed.fetch(`/api/figures/${created.id}`, { method: 'PATCH', body: JSON.stringify({ value: 181 }) })).status).toBe(428);
    const bad = await ed.fetch(`/api/figures/${created.id}`, { method: 'PATCH', headers: { 'If-Match': `"${created.version}"` }, body: JSON.stringify({ value: 181 }) });
    expect(bad.status).toBe(422);
    const quote2 = '经核实，2024年化学药产业链销售收入为180亿元';
    const patched = await ed.fetch(`/api/figures/${created.id}`, { method: 'PATCH', headers: { 'If-Match': `"${created.version}"` }, body: JSON.stringify({ quote: quote2 }) });
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({ version: created.version + 1, citation: { quote: quote2 } });
    all = await get<DiscrepancyEntry[]>('/api/discrepancies');
    d = all.find((x) => x.id === 'figure-chem-drugs-revenue-2024-actual')!;
    expect(d.status).toBe('open');
    expect(d.history.map((h) => [h.action, h.current])).toEqual([['resolve', false]]);
  });
});

describe('discrepancies are computed', () => {
  it('finds the 3+2 / 4+2 case and every hand-listed one that data can show; only the uncomputable stay curated, each with its reason', async () => {
    const fresh = await startTestApp();
    try {
      const all = (await (await fetch(`${fresh.url}/api/discrepancies`)).json()) as DiscrepancyEntry[];
      const biomed = all.find((x) => x.id === 'structure-park-biomed-industry-system')!;
      expect(biomed).toMatchObject({ origin: 'computed', rule: 'structure', subjects: ['park-biomed'] });
      expect(biomed.claims.map((c) => normaliseForQuote(c.citation.quote))).toEqual(expect.arrayContaining(['重点发展“4+2”产业', '厚植生物医药“3+2”']));
      const computed = all.filter((x) => x.origin === 'computed').map((x) => x.id);
      for (const id of ['sum-001-chains-2027', 'sum-001-big-health-2027', 'sum-001-smart-manufacturing-2027', 'sum-000-equipment-cluster-2030', 'sum-000-electronics-cluster-2030',
        'figure-gaogang-new-high-tech-enterprises-annual-any', 'figure-biomedicine-district-exceeds-city-2030', 'figure-petrochemicals-district-exceeds-city-2030',
        'figure-electronics-district-exceeds-city-2030', 'figure-big-health-000-vs-004-2030', 'figure-pharma-health-002-vs-004-2025', 'growth-gaogang-gdp-2020-2025',
        'growth-gaogang-budget-revenue-2020-2025', 'structure-taizhou-spatial-structure', 'structure-park-port-spatial-layout']) expect(computed).toContain(id);
      const curated = all.filter((x) => x.origin === 'curated');
      expect(curated.map((x) => x.id).sort()).toEqual(['figure-004-listed-companies-25', 'figure-big-health-district-vs-city', 'membership-yangtze-park', 'name-port-park']);
      for (const c of curated) expect(c.note).toMatch(/^Not computable/);
      const sum = all.find((x) => x.id === 'sum-001-chains-2027')!;
      expect(sum.title_zh).toContain('7500');
      expect(sum.title_zh).toContain('7452');
      expect(sum.computed?.value).toBe(7452);
      // Consistent relations give nothing: 海工 1000 = its chains, the table total = the 30 chains.
      expect(all.some((x) => x.id.startsWith('sum-001-marine-shipbuilding') || x.id.startsWith('sum-001-chains-table'))).toBe(false);
    } finally {
      await fresh.close();
    }
  });

  it('compares a stated area with the measured polygon', async () => {
    const s = await signIn(app, 'area-editor', 'editor');
    // 000 states 3.29 km² for 西南片区; zone-southwest is the polygon drawn for it.
    const { rows } = await app.db.query<{ km2: number }>("SELECT ST_Area(geom::geography) / 1e6 AS km2 FROM features WHERE id = 'zone-southwest'");
    const res = await s.fetch('/api/figures', { method: 'POST', body: JSON.stringify({ subject_type: 'zone', subject_id: 'zone-southwest', metric: 'area', year: null, kind: 'target', value: 3.29, unit: 'km²', document_id: '000', quote: '重点开发建设3.29平方公里的西南片区' }) });
    expect(res.status).toBe(201);
    const all = await get<DiscrepancyEntry[]>('/api/discrepancies');
    const flagged = all.some((x) => x.id === 'area-zone-southwest');
    expect(flagged).toBe(Math.abs(rows[0].km2 - 3.29) / 3.29 > 0.1);
    // Shrink the polygon to a tenth: now it must be flagged, with the measured area.
    const f = (await (await fetch(`${app.url}/api/features/zone-southwest`)).json()) as { feature: { properties: { version: number } } };
    const { rows: g } = await app.db.query<{ j: string }>("SELECT ST_AsGeoJSON(ST_Scale(geom, ST_MakePoint(0.3, 0.3), ST_Centroid(geom))) AS j FROM features WHERE id = 'zone-southwest'");
    const edit = await s.fetch('/api/features/zone-southwest', { method: 'PATCH', headers: { 'If-Match': `"${f.feature.properties.version}"` }, body: JSON.stringify({ geometry: JSON.parse(g[0].j) }) });
    expect(edit.status).toBe(200);
    const area = (await get<DiscrepancyEntry[]>('/api/discrepancies')).find((x) => x.id === 'area-zone-southwest')!;
    expect(area.kind).toBe('area');
    expect(area.computed!.value).toBeCloseTo(rows[0].km2 * 0.09, 2);
  });
});
