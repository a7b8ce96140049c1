/**
 * Every citation in the seed data must be a verbatim quote of its source document.
 *
 * Rule (docs/data-format.md): delete all whitespace from document and quote (normaliseForQuote);
 * the quote must then be a substring of the document, and for a figure the normalised value_text
 * must be a substring of the normalised quote.
 *
 * Covers seeds/chains.json, seeds/targets.json, seeds/discrepancies.json and the `sources` of every
 * feature in geodata/*.geojson (files that do not exist yet are skipped; any citation present must pass).
 * Citations of public sources (`ext:<slug>`) are checked against the text stored for them in
 * seeds/ or geodata/external-sources.json, as the server's seed loader does.
 */
import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { normaliseForQuote } from '../../seeds/normalise';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SEEDS = join(ROOT, 'seeds');
const GEODATA = join(ROOT, 'geodata');

interface DocEntry { id: string; file: string }
interface Cite { doc: string; quote: string }
interface FigureJson { id: string; kind: string; year: number | null; value: unknown; value_max?: unknown; unit: string; value_text: string; cite: Cite }
interface ChainJson {
  id: string; seq: number; group_id: string; focus_zh: string;
  keywords_en: string[]; keywords_zh: string[]; figures: FigureJson[]; [k: string]: unknown;
}
interface TargetJson extends FigureJson { subject_type: string; qualifier: string; metric: string }
interface DiscrepancyJson {
  id: string; kind: string; subjects: string[]; claims: Array<{ text: unknown; cite: unknown }>;
  computed?: { description: string; value: unknown }; [k: string]: unknown;
}
interface GeoJsonFile { features?: Array<{ id?: string; properties?: { id?: string; sources?: unknown } }> }

const readJson = <T>(p: string): T => JSON.parse(readFileSync(p, 'utf8')) as T;

const docList = readJson<DocEntry[]>(join(SEEDS, 'documents.json'));
const docText = new Map<string, string>();
for (const d of docList) {
  const p = join(SEEDS, 'documents', d.file);
  if (existsSync(p)) docText.set(d.id, normaliseForQuote(readFileSync(p, 'utf8')));
}

/**
 * Public sources cited as `ext:<slug>`, listed (like the server's seed loader reads them) in
 * seeds/external-sources.json and geodata/external-sources.json: `[{ id: "ext:…", text?, quote? }]`.
 * Their stored `text` (or `quote`) is what the source was quoted as saying; citations must quote it.
 */
function externalSources(): Map<string, string> {
  const out = new Map<string, string>();
  for (const p of [join(SEEDS, 'external-sources.json'), join(GEODATA, 'external-sources.json')]) {
    if (!existsSync(p)) continue;
    for (const e of readJson<Array<{ id: string; text?: string; quote?: string }>>(p)) {
      if (!out.has(e.id)) out.set(e.id, normaliseForQuote(e.text ?? e.quote ?? ''));
    }
  }
  return out;
}
const extSources = externalSources();

const geoFiles = (): string[] => (existsSync(GEODATA) ? readdirSync(GEODATA).filter((f) => f.endsWith('.geojson')).sort() : []);
function geoFeatureIds(): string[] {
  return geoFiles().flatMap((f) =>
    (readJson<GeoJsonFile>(join(GEODATA, f)).features ?? []).map((x) => String(x.id ?? x.properties?.id)),
  );
}

const isCite = (o: unknown): o is Cite =>
  !!o && typeof o === 'object' && typeof (o as Cite).doc === 'string' && typeof (o as Cite).quote === 'string';

const counts = { citations: 0, figures: 0 };

/** Problems with one citation (empty list = passes); `valueText` given for a figure. */
function checkCite(where: string, cite: unknown, valueText?: unknown): string[] {
  if (!isCite(cite)) return [`${where}: citation is not {doc, quote}: ${JSON.stringify(cite)}`];
  counts.citations++;
  const errs: string[] = [];
  const q = normaliseForQuote(cite.quote);
  if (!q) errs.push(`${where}: empty quote`);
  if (cite.doc.startsWith('ext:')) {
    const text = extSources.get(cite.doc);
    if (text === undefined) errs.push(`${where}: external source ${cite.doc} not listed in seeds/ or geodata/external-sources.json`);
    else if (!text.includes(q)) errs.push(`${where}: quote not found in the stored text of ${cite.doc}: «${cite.quote}»`);
  } else {
    const text = docText.get(cite.doc);
    if (text === undefined) errs.push(`${where}: document ${cite.doc} not in seeds/documents.json or file missing`);
    else if (!text.includes(q)) errs.push(`${where}: quote not found in ${cite.doc}: «${cite.quote}»`);
  }
  if (valueText !== undefined) {
    counts.figures++;
    if (typeof valueText !== 'string' || !normaliseForQuote(valueText)) errs.push(`${where}: figure without value_text`);
    else if (!q.includes(normaliseForQuote(valueText))) errs.push(`${where}: value_text «${valueText}» not in quote «${cite.quote}»`);
  }
  return errs;
}

/** Walk any JSON value; check every figure ({value_text, cite|citation}) and every other citation. */
function checkTree(where: string, node: unknown): string[] {
  const errs: string[] = [];
  if (Array.isArray(node)) node.forEach((n, i) => errs.push(...checkTree(`${where}[${i}]`, n)));
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    const id = typeof o.id === 'string' ? `${where}<${o.id}>` : where;
    if ('value_text' in o) {
      const c = o.cite ?? o.citation;
      errs.push(...checkCite(id, c, o.value_text));
    }
    for (const [k, v] of Object.entries(o)) {
      if ('value_text' in o && (k === 'cite' || k === 'citation')) continue;
      if (isCite(v)) errs.push(...checkCite(`${id}.${k}`, v));
      else errs.push(...checkTree(`${id}.${k}`, v));
    }
  }
  return errs;
}

describe('source documents', () => {
  it('seeds/documents.json lists 000–004 and every file exists', () => {
    expect(docList.map((d) => d.id).sort()).toEqual(['000', '001', '002', '003', '004']);
    for (const d of docList) {
      expect(d.file.startsWith(`${d.id}_`)).toBe(true);
      expect(existsSync(join(SEEDS, 'documents', d.file))).toBe(true);
      expect((docText.get(d.id) ?? '').length).toBeGreaterThan(1000);
    }
  });
});

describe('seeds/chains.json', () => {
  const chains = readJson<ChainJson[]>(join(SEEDS, 'chains.json'));

  it('has exactly 30 chains in table order with unique ids', () => {
    expect(chains).toHaveLength(30);
    expect(chains.map((c) => c.seq)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(new Set(chains.map((c) => c.id)).size).toBe(30);
    for (const c of chains) {
      expect(c.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/u);
      expect(c.group_id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/u);
      for (const k of ['group_zh', 'group_en', 'name_zh', 'name_en', 'focus_zh', 'focus_en']) expect(typeof c[k], `${c.id}.${k}`).toBe('string');
      expect(c.keywords_en.length, c.id).toBeGreaterThan(0);
      expect(c.keywords_zh.length, c.id).toBeGreaterThan(0);
    }
  });

  it('every chain has 2024 actual and 2027/2030 target revenue in 亿元', () => {
    for (const c of chains) {
      const byYear = new Map<number | null, FigureJson>(c.figures.map((f) => [f.year, f]));
      expect([...byYear.keys()].sort(), c.id).toEqual([2024, 2027, 2030]);
      expect(byYear.get(2024)?.kind).toBe('actual');
      expect(byYear.get(2027)?.kind).toBe('target');
      expect(byYear.get(2030)?.kind).toBe('target');
      for (const f of c.figures) {
        expect(f.unit).toBe('亿元');
        expect(typeof f.value, `${c.id} ${f.year}`).toBe('number');
        expect(f.cite.doc).toBe('001');
      }
    }
  });

  it('the focus text is verbatim from 001', () => {
    const doc = docText.get('001')!;
    for (const c of chains) expect(doc.includes(normaliseForQuote(c.focus_zh)), c.id).toBe(true);
  });

  it('every citation is a verbatim quote and contains its value_text', () => {
    const before = counts.figures;
    expect(checkTree('chains.json', chains)).toEqual([]);
    expect(counts.figures - before).toBe(90);
  });
});

describe('seeds/targets.json', () => {
  const targets = readJson<TargetJson[]>(join(SEEDS, 'targets.json'));
  it('records are well formed with unique ids', () => {
    expect(targets.length).toBeGreaterThan(0);
    expect(new Set(targets.map((t) => t.id)).size).toBe(targets.length);
    const qualifiers = ['exact', 'over', 'at_least', 'about', 'strive', 'range', 'under'];
    for (const t of targets) {
      expect(['district', 'city', 'feature', 'chain', 'chain_group', 'cluster'], t.id).toContain(t.subject_type);
      expect(['actual', 'target', 'baseline'], t.id).toContain(t.kind);
      expect(qualifiers, t.id).toContain(t.qualifier);
      expect(t.metric, t.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/u);
      if (t.qualifier === 'range') expect(typeof t.value_max, t.id).toBe('number');
    }
  });
  it('every citation is a verbatim quote and contains its value_text', () => {
    const before = counts.figures;
    expect(checkTree('targets.json', targets)).toEqual([]);
    expect(counts.figures - before).toBe(targets.length);
  });
});

describe('seeds/discrepancies.json', () => {
  const items = readJson<DiscrepancyJson[]>(join(SEEDS, 'discrepancies.json'));
  it('is well formed and its subjects exist', () => {
    const chains = readJson<ChainJson[]>(join(SEEDS, 'chains.json'));
    const targets = readJson<TargetJson[]>(join(SEEDS, 'targets.json'));
    const known = new Set<string>([
      ...chains.map((c) => c.id), ...chains.map((c) => c.group_id),
      ...chains.flatMap((c) => c.figures.map((f) => f.id)), ...targets.map((t) => t.id),
      ...geoFeatureIds(),
      'park-biomed', 'park-chemical', 'park-electronics', 'park-equipment', 'park-port', 'kouan', 'gaogang',
    ]);
    const kinds = ['sum', 'figure', 'name', 'membership', 'growth', 'area'];
    expect(items.length).toBeGreaterThan(0);
    expect(new Set(items.map((d) => d.id)).size).toBe(items.length);
    for (const d of items) {
      expect(kinds, d.id).toContain(d.kind);
      for (const k of ['title_zh', 'title_en', 'explanation_en', 'explanation_zh']) expect(typeof d[k], `${d.id}.${k}`).toBe('string');
      expect(d.claims.length, d.id).toBeGreaterThan(0);
      for (const c of d.claims) {
        expect(typeof c.text, d.id).toBe('string');
        expect(isCite(c.cite), d.id).toBe(true);
      }
      for (const s of d.subjects) expect(known.has(s), `${d.id}: unknown subject ${s}`).toBe(true);
      if (d.computed) expect(typeof d.computed.value, d.id).toBe('number');
    }
  });
  it('every claim cites a verbatim quote', () => {
    const before = counts.citations;
    expect(checkTree('discrepancies.json', items)).toEqual([]);
    expect(counts.citations - before).toBeGreaterThanOrEqual(items.reduce((n, d) => n + d.claims.length, 0));
  });
});

describe('geodata/*.geojson feature sources', () => {
  const files = geoFiles();
  it('every source of every feature is a verbatim quote', () => {
    const errs: string[] = [];
    for (const f of files) {
      const fc = readJson<GeoJsonFile>(join(GEODATA, f));
      for (const feat of fc.features ?? []) {
        const id = feat.id ?? feat.properties?.id ?? '?';
        const sources = feat.properties?.sources ?? [];
        if (!Array.isArray(sources)) { errs.push(`${f}<${id}>: sources is not an array`); continue; }
        sources.forEach((s, i) => errs.push(...checkCite(`${f}<${id}>.sources[${i}]`, s)));
      }
    }
    expect(errs).toEqual([]);
  });
});

describe('the check checks something', () => {
  it('counted figures and citations', () => {
    expect(counts.figures).toBeGreaterThan(90);
    expect(counts.citations).toBeGreaterThan(counts.figures);
  });
});
