/**
 * seeds/taxonomy/ is data people rely on: every code a real GB/T 4754-2017 class as verified, every quote verbatim in
 * its document (whitespace-insensitive, as seed-citations.test.ts checks), every park quote naming the park, every
 * enterprise quote naming the enterprise, every segment grounded in a document sentence or in its GB/T classes.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { normaliseForQuote } from '../../seeds/normalise';
import { PARK_NAMES_IN_DOCUMENTS, taxonomyProblems } from '../../server/src/taxonomy/taxonomy.seed.js';
import { seedTaxonomy } from '../support/seed-taxonomy.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const docs = new Map(
  (JSON.parse(readFileSync(join(ROOT, 'seeds/documents.json'), 'utf8')) as Array<{ id: string; file: string }>).map((d) => [
    d.id,
    normaliseForQuote(readFileSync(join(ROOT, 'seeds/documents', d.file), 'utf8')),
  ]),
);
const chains = JSON.parse(readFileSync(join(ROOT, 'seeds/chains.json'), 'utf8')) as Array<{ id: string }>;
const t = seedTaxonomy();
const inDoc = (c: { doc: string; quote: string }) => (docs.get(c.doc) ?? '').includes(normaliseForQuote(c.quote));

describe('seeds/taxonomy', () => {
  it('covers each of the 30 chains once, each with segments of every kind of stage it names', () => {
    expect(t.chains.map((c) => c.chain_id).sort()).toEqual(chains.map((c) => c.id).sort());
    for (const c of t.chains) {
      expect(c.segments.length, c.chain_id).toBeGreaterThanOrEqual(2);
      expect(c.codes.length, c.chain_id).toBeGreaterThan(0);
      for (const s of c.segments) {
        expect(['upstream', 'midstream', 'downstream'], `${c.chain_id}/${s.id}`).toContain(s.stage);
        expect(s.name_zh && s.name_en, `${c.chain_id}/${s.id}`).toBeTruthy();
        expect(s.terms_zh.length + s.terms_en.length, `${c.chain_id}/${s.id}`).toBeGreaterThan(0);
        if (s.parent) expect(c.segments.map((x) => x.id), `${c.chain_id}/${s.id}`).toContain(s.parent);
      }
    }
  });

  it('names the public copy of GB/T 4754-2017 every code was verified against, and lists only classes in use', () => {
    expect(t.source).toEqual({ repository: 'zmshe/capital', path: 'src/utils/category.js', commit: '0b8f1ae480aadd9f35aca2fd0efb934e9a7101e8', what: expect.any(String) });
    const readme = readFileSync(join(ROOT, 'seeds/taxonomy/README.md'), 'utf8');
    expect(readme).toContain('zmshe/capital');
    expect(readme).toContain('src/utils/category.js');
    const listed = new Set(t.classes.map((c) => c.code));
    const used = new Set(t.chains.flatMap((c) => [...c.codes, ...c.segments.flatMap((s) => s.codes)]));
    expect([...used].filter((c) => !listed.has(c))).toEqual([]);
    expect([...listed].filter((c) => !used.has(c))).toEqual([]);
    for (const c of t.classes) {
      expect(c.code).toMatch(/^[0-9]{4}$/);
      expect(c.name_zh).toMatch(/^\p{Script=Han}[\p{Script=Han}、（）]*$/u);
    }
    // A few classes whose code and name the standard fixes (and that the 2011 edition numbered differently).
    const name = new Map(t.classes.map((c) => [c.code, c.name_zh]));
    expect(name.get('2761')).toBe('生物药品制造');
    expect(name.get('2762')).toBe('基因工程药物和疫苗制造');
    expect(name.get('3612')).toBe('新能源车整车制造');
    expect(name.get('3974')).toBe('显示器件制造');
    expect(name.get('2511')).toBe('原油加工及石油制品制造');
    for (const f of t.chains) expect(JSON.stringify(JSON.parse(readFileSync(join(ROOT, 'seeds/taxonomy/chains', `${f.chain_id}.json`), 'utf8')).source)).toContain('zmshe/capital');
  });

  it('quotes the documents verbatim; park quotes name the park, enterprise quotes the enterprise', () => {
    let quotes = 0;
    const bad: string[] = [];
    for (const c of t.chains) {
      for (const s of c.segments) {
        const w = `${c.chain_id}/${s.id}`;
        if (s.basis) { quotes++; if (!inDoc(s.basis)) bad.push(`${w} basis`); }
        else if (s.codes.length === 0) bad.push(`${w}: no basis and no class`);
        for (const p of s.parks) {
          quotes++;
          if (!inDoc(p.cite)) bad.push(`${w} park ${p.park_id}`);
          if (!PARK_NAMES_IN_DOCUMENTS[p.park_id]?.some((n) => p.cite.quote.replace(/\s/g, '').includes(n))) bad.push(`${w} park ${p.park_id} not named`);
        }
        for (const e of s.enterprises) {
          quotes++;
          if (!inDoc(e.cite)) bad.push(`${w} ${e.name_zh}`);
          if (!normaliseForQuote(e.cite.quote).includes(e.quoted_as ?? e.name_zh)) bad.push(`${w} ${e.name_zh} not in its quote`);
          if (e.park_id && !PARK_NAMES_IN_DOCUMENTS[e.park_id].some((n) => normaliseForQuote(e.cite.quote).includes(n))) bad.push(`${w} ${e.name_zh} park not named`);
          if (e.scope === 'district') expect(e.cite.doc, `${w} ${e.name_zh}`).not.toBe('001');
          if (e.former && !inDoc(e.former)) bad.push(`${w} ${e.name_zh} former`);
        }
      }
    }
    expect(bad).toEqual([]);
    expect(quotes).toBeGreaterThan(150);
    // The loader's own check agrees (it refuses to write anything otherwise) …
    expect(taxonomyProblems(t, docs, new Set(chains.map((c) => c.id)))).toEqual([]);
    // … and catches a quote that is not in the document, and a park quote that does not name the park.
    const broken = structuredClone(t);
    broken.chains[0].segments[0].basis = { doc: '001', quote: '这句话不在文件里' };
    broken.chains[0].segments[0].parks.push({ park_id: 'park-chemical', cite: { doc: '001', quote: '化学药' } });
    const problems = taxonomyProblems(broken, docs, new Set(chains.map((c) => c.id)));
    expect(problems.some((p) => p.includes('quote not found'))).toBe(true);
    expect(problems.some((p) => p.includes('does not name 化学新材料产业园'))).toBe(true);
  });

  it('has the vocabulary the issue asks for, in the chain it belongs to', () => {
    const termsOf = (id: string) => {
      const c = t.chains.find((x) => x.chain_id === id)!;
      return new Set([...c.terms_zh, ...c.terms_en, ...c.segments.flatMap((s) => [...s.terms_zh, ...s.terms_en])]);
    };
    const want: Array<[string, string[]]> = [
      ['biopharma', ['ADC', '抗体偶联药物']],
      ['pharma-outsourcing', ['CDMO', 'CRO']],
      ['cell-gene', ['CAR-T', 'mRNA']],
      ['medical-devices', ['IVD', '体外诊断']],
      ['chem-drugs', ['API', '原料药']],
      ['electronic-info', ['PCB', '新型显示', '封装']],
      ['photovoltaics', ['光伏组件']],
      ['petrochemicals', ['润滑油添加剂', 'specialty oil', '特种白油']],
    ];
    for (const [chain, terms] of want) for (const term of terms) expect(termsOf(chain).has(term), `${chain}: ${term}`).toBe(true);
  });

  it('marks gaps honestly: a segment with only a city-level or former enterprise has no local one', () => {
    const seg = (c: string, s: string) => t.chains.find((x) => x.chain_id === c)!.segments.find((x) => x.id === s)!;
    expect(seg('offshore-engineering', 'mooring').enterprises.map((e) => [e.name_zh, e.scope])).toEqual([['亚星锚链', 'city']]);
    expect(seg('electronic-info', 'display').enterprises.find((e) => e.name_zh === '纬创')!.former?.quote).toBe('盘活原纬创地块');
    expect(seg('nev', 'vehicle-assembly').enterprises.map((e) => e.name_zh)).toEqual(['长城汽车']);
  });
});
