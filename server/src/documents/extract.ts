/**
 * The extractor: proposes the figures and named structures a document states, each with a quote that is
 * a verbatim (whitespace-insensitive) slice of one paragraph. Pure and deterministic: the upload pipeline
 * stores its output as suggestions for staff to accept or reject, and the seed extract scripts
 * (seeds/extract/) run it over the five seed documents, so one set of rules reads every document.
 *
 * Rules (the `pattern` of each suggestion):
 *  - year-table:      tables whose header has year columns (001's chain table: 2024年销售收入 /
 *                     2027年销售收入目标 / 2030年…; 004's indicator table), one figure per row and year;
 *  - by-year:         “到2027年……达到……亿元” (and 2022年末……, “十五五”期末……) with a sum of money;
 *  - area:            areas in 平方公里 / 公顷 / 亩;
 *  - n-plus-m:        “N+M” systems (“4+2”产业, “1+4+N”特色产业体系, “2+4+N”空间架构);
 *  - named-structure: named layouts made of numbered parts (一核三极、双城多轴, 两园两基地, 一江四河连四湖).
 * Subjects are guessed from the names in the text (chains, parks and their aliases, zones, sites), else
 * the document's own level (district or city); staff may change every field on accept.
 */
import { parseValue, qualifierOf, type Qualifier } from './values.js';
import type { Paragraph } from './paragraphs.js';

/** A subject the text may name. */
export interface SubjectName {
  subject_type: string;
  subject_id: string;
  names: string[];
}

export interface ExtractOptions {
  subjects: SubjectName[];
  /** The document's level ('district', 'city' …): the subject when the text names none. */
  level?: string | null;
  /** The year the document reports actuals for, if known. */
  asOfYear?: number | null;
}

export interface FigureProposal {
  subject_type: string | null;
  subject_id: string | null;
  metric: string | null;
  metric_zh: string;
  kind: 'actual' | 'target' | 'baseline';
  year: number | null;
  value: number;
  value_max: number | null;
  value_text: string;
  qualifier: Qualifier;
  unit: string;
}

export interface StructureProposal {
  subject_type: string | null;
  subject_id: string | null;
  system: string;
  name: string;
}

export type ExtractedSuggestion =
  | { type: 'figure'; pattern: 'year-table' | 'by-year' | 'area'; quote: string; paragraph_seq: number; proposal: FigureProposal }
  | { type: 'structure'; pattern: 'n-plus-m' | 'named-structure'; quote: string; paragraph_seq: number; proposal: StructureProposal };

const CJK = /[\u3400-\u9fff]/u;
const VALUE_CELL = /^(力争|约|超过|超|突破|不低于|不少于|达|>|≥|﹥|＞|<|＜)?\s*\d+(?:\.\d+)?\s*(%|以上|左右)?$/u;
const YEAR_CELL = /^(\d{4})年/u;
const UNIT_TAIL = /[（(]([^（）()]{1,8})[）)]$/u;

interface Names { type: string; id: string; name: string; short: boolean }

/** Every name of every subject, longest first (so 生物医药产业园区 wins over 生物医药产业园). */
function nameList(subjects: SubjectName[]): Names[] {
  const out: Names[] = [];
  for (const s of subjects) {
    for (const n of s.names) {
      if (n.length < 2) continue;
      out.push({ type: s.subject_type, id: s.subject_id, name: n, short: false });
      // A park is also spoken of by its industry: 生物医药产业园 → 生物医药 (“厚植生物医药“3+2”特色产业”).
      const short = s.subject_type === 'feature' ? n.replace(/(产业园区|产业园|园区)$/u, '') : n;
      if (short !== n && short.length >= 2) out.push({ type: s.subject_type, id: s.subject_id, name: short, short: true });
    }
  }
  return out.sort((a, b) => b.name.length - a.name.length);
}

/** The last subject named in text[0, end) (nearest to end), optionally also by short names. */
function nearestName(names: Names[], text: string, end: number, withShort: boolean, types?: string[]): { n: Names; at: number } | null {
  let best: { n: Names; at: number } | null = null;
  for (const n of names) {
    if (n.short && !withShort) continue;
    if (types && !types.includes(n.type)) continue;
    const at = text.lastIndexOf(n.name, end - n.name.length);
    if (at >= 0 && (!best || at > best.at || (at === best.at && n.name.length > best.n.name.length))) best = { n, at };
  }
  return best;
}

function defaultSubject(level: string | null | undefined): { subject_type: string | null; subject_id: string | null } {
  if (level === 'city') return { subject_type: 'city', subject_id: 'taizhou' };
  if (level === 'district') return { subject_type: 'district', subject_id: 'gaogang' };
  return { subject_type: null, subject_id: null };
}

/** Sentences of a paragraph with their offsets (split after 。；！？). */
function sentences(text: string): Array<{ start: number; text: string }> {
  const out: Array<{ start: number; text: string }> = [];
  let start = 0;
  for (const m of text.matchAll(/[。；;！？]/gu)) {
    out.push({ start, text: text.slice(start, m.index) });
    start = m.index + 1;
  }
  if (start < text.length) out.push({ start, text: text.slice(start) });
  return out;
}

function yearTables(paras: Paragraph[], names: Names[], opts: ExtractOptions, out: ExtractedSuggestion[]) {
  for (let i = 0; i < paras.length; i++) {
    const head = paras[i].text.split('\t');
    const yearIdx = head.map((c, k) => (YEAR_CELL.test(c) ? k : -1)).filter((k) => k >= 0);
    // Two year columns, or one in a header of three or more cells (序号 | 名称 | 2025年…).
    if (yearIdx.length < 1 || (yearIdx.length < 2 && head.length < 3)) continue;
    const cols = yearIdx.map((k) => ({ year: Number(YEAR_CELL.exec(head[k])![1]), header: head[k] }));
    // The cells after the header, across the following table paragraphs, with the paragraph each is in.
    const cells: Array<{ text: string; seq: number }> = head.slice(yearIdx[yearIdx.length - 1] + 1).map((t) => ({ text: t, seq: paras[i].seq }));
    let j = i + 1;
    for (; j < paras.length; j++) {
      const p = paras[j];
      if (!p.text.includes('\t') && (p.text.length > 12 || /[。；]/u.test(p.text))) break;
      for (const t of p.text.split('\t')) cells.push({ text: t, seq: p.seq });
    }
    const k = cols.length;
    for (let c = 0; c + k < cells.length; c++) {
      const label = cells[c].text.trim();
      const values = cells.slice(c + 1, c + 1 + k).map((x) => x.text.trim());
      if (!CJK.test(label) || VALUE_CELL.test(label) || !values.every((v) => VALUE_CELL.test(v))) continue;
      const quote = [label, ...values].join('\t');
      const chain = names.find((n) => n.type === 'chain' && n.name === label && !n.short);
      const named = chain ?? nearestName(names, label, label.length, false)?.n;
      const subject = named ? { subject_type: named.type, subject_id: named.id } : defaultSubject(opts.level);
      const unit = UNIT_TAIL.exec(cols[0].header)?.[1] ?? UNIT_TAIL.exec(label)?.[1] ?? '';
      values.forEach((v, x) => {
        const p = parseValue(v);
        if (p.value === null) return;
        const target = /目标/u.test(cols[x].header) || (x > 0 && cols[x].year > cols[0].year);
        out.push({
          type: 'figure', pattern: 'year-table', quote, paragraph_seq: cells[c].seq,
          proposal: {
            ...subject,
            metric: /销售收入/u.test(cols[x].header) ? 'revenue' : null,
            metric_zh: chain ? cols[x].header.replace(UNIT_TAIL, '') : label.replace(UNIT_TAIL, ''),
            kind: target ? 'target' : 'actual', year: cols[x].year,
            value: p.value, value_max: p.value_max, value_text: v, qualifier: p.qualifier, unit,
          },
        });
      });
      c += k;
    }
    i = j - 1;
  }
}

const YEAR_MARK = /(到|至)?(\d{4})年(末|底)?|“十五五”期末|“十五五”末|“十四五”期末/gu;
const MONEY = /(力争|超过|突破|达到|达|超|约|不低于|不少于|过)?\s*(\d+(?:\.\d+)?)\s*(万亿|亿|万)?(美元|元)/gu;

function byYear(p: Paragraph, names: Names[], opts: ExtractOptions, out: ExtractedSuggestion[]) {
  for (const s of sentences(p.text)) {
    for (const mark of s.text.matchAll(YEAR_MARK)) {
      const year = mark[2] ? Number(mark[2]) : mark[0].includes('十五五') ? 2030 : 2025;
      if (year < 1990 || year > 2100) continue;
      const from = mark.index + mark[0].length;
      // Up to the next year mark: a later year starts its own statement.
      const next = [...s.text.slice(from).matchAll(YEAR_MARK)][0];
      const span = s.text.slice(from, next ? from + next.index : undefined);
      const money = [...span.matchAll(MONEY)].filter((m) => !/^(企业|级|项目|以上项目|品种|以上企业)/u.test(span.slice(m.index + m[0].length)));
      const what = money.length ? span.slice(0, money[0].index).replace(/^[，,：:\s]+/u, '').replace(/(力争|分别|达到|达|突破|超过|实现|规模)+$/u, '').slice(0, 60) : '';
      for (const m of money) {
        const endInSentence = from + m.index + m[0].length;
        const quote = s.text.slice(mark.index, endInSentence);
        const named = nearestName(names, s.text, endInSentence, false);
        const subject = named ? { subject_type: named.n.type, subject_id: named.n.id } : defaultSubject(opts.level);
        const clause = span.slice(Math.max(0, span.lastIndexOf('，', m.index) + 1), m.index + m[0].length);
        const actual = !mark[1] && (mark[3] !== undefined || (opts.asOfYear != null && year <= opts.asOfYear));
        out.push({
          type: 'figure', pattern: 'by-year', quote, paragraph_seq: p.seq,
          proposal: {
            ...subject, metric: null, metric_zh: what,
            kind: actual ? 'actual' : 'target', year,
            value: Number(m[2]), value_max: null, value_text: m[2], qualifier: qualifierOf(clause),
            unit: `${m[3] ?? ''}${m[4]}`,
          },
        });
      }
    }
  }
}

const AREA_RE = /(约|近|超过)?(\d+(?:\.\d+)?)\s*(平方公里|平方千米|公顷|亩)/gu;
const AREA_UNIT: Record<string, string> = { 平方公里: 'km²', 平方千米: 'km²', 公顷: '公顷', 亩: '亩' };

function areas(p: Paragraph, names: Names[], opts: ExtractOptions, out: ExtractedSuggestion[]) {
  for (const s of sentences(p.text)) {
    for (const m of s.text.matchAll(AREA_RE)) {
      const clauseStart = Math.max(s.text.lastIndexOf('，', m.index) + 1, s.text.lastIndexOf(',', m.index) + 1);
      const nextComma = s.text.slice(m.index).search(/[，,]/u);
      const clauseEnd = nextComma < 0 ? s.text.length : m.index + nextComma;
      const clause = s.text.slice(clauseStart, clauseEnd);
      const types = ['feature', 'site'];
      const inClause = nearestName(names, clause, clause.length, false, types);
      const before = inClause ? null : nearestName(names, s.text, clauseStart, false, types);
      const start = before && clauseStart - before.at <= 40 ? before.at : clauseStart;
      const named = inClause ?? before;
      const year = /(\d{4})年/u.exec(s.text);
      out.push({
        type: 'figure', pattern: 'area', quote: s.text.slice(start, clauseEnd), paragraph_seq: p.seq,
        proposal: {
          ...(named ? { subject_type: named.n.type, subject_id: named.n.id } : defaultSubject(opts.level)),
          metric: 'area', metric_zh: '面积',
          kind: /规划|建设|开发|拓展|新增|打造/u.test(clause) ? 'target' : 'actual', year: year ? Number(year[1]) : null,
          value: Number(m[2]), value_max: null, value_text: m[2], qualifier: qualifierOf(m[1] ?? ''), unit: AREA_UNIT[m[3]],
        },
      });
    }
  }
}

const N_PLUS_M = /[“"](\d+(?:\s*\+\s*(?:\d+|N))+)[”"]/gu;
const SYSTEM_WORD = /^(特色产业体系|特色产业|产业体系|产业|空间布局|空间架构|发展格局|城市空间结构|城市空间架构|空间结构|规划布局|布局|格局)/u;
const UNIT_NOUN = '(?:基地|中心|核|极|轴|城|园|区|带|廊|片|心|点|江|河|湖|横|纵|链|圈|团)';
const PART = `[一二两三四五六七八九十百多双]+${UNIT_NOUN}`;
const STRUCTURE_NAME = new RegExp(`^${PART}(?:连?${PART})+$`, 'u');

/** The kind of system a named structure is, from its name and the word after it. */
function systemOf(name: string, after: string): string {
  const word = SYSTEM_WORD.exec(after)?.[1] ?? '';
  if (/^\d/.test(name)) return /产业/u.test(word) ? 'industry-system' : word ? 'spatial-layout' : 'system';
  if (/[核极轴城]/u.test(name)) return 'spatial-structure';
  if (/园|基地|区|片/u.test(name)) return 'spatial-layout';
  return 'network';
}

function structures(p: Paragraph, names: Names[], opts: ExtractOptions, out: ExtractedSuggestion[]) {
  const found: Array<{ at: number; end: number; name: string; pattern: 'n-plus-m' | 'named-structure' }> = [];
  for (const m of p.text.matchAll(N_PLUS_M)) found.push({ at: m.index, end: m.index + m[0].length, name: m[1].replace(/\s+/g, ''), pattern: 'n-plus-m' });
  for (const m of p.text.matchAll(/[“"]([^“”"]{2,24})[”"]/gu)) {
    const name = m[1];
    if (STRUCTURE_NAME.test(name.replace(/[、，,\s]/gu, ''))) found.push({ at: m.index, end: m.index + m[0].length, name, pattern: 'named-structure' });
  }
  for (const f of found) {
    const after = p.text.slice(f.end, f.end + 9).replace(/^\s+/u, '');
    const word = SYSTEM_WORD.exec(after)?.[1] ?? '';
    const system = systemOf(f.name, after);
    const clauseStart = Math.max(...['，', '。', '；', '：', ','].map((c) => p.text.lastIndexOf(c, f.at - 1) + 1));
    // A system belongs to a place (a park, the district), not to one chain; industry systems also by a park's industry name.
    const named = nearestName(names, p.text, f.at, !/^spatial|^network/.test(system), ['feature', 'site', 'district', 'city']);
    const near = named && f.at - named.at <= 40;
    const start = near ? Math.min(named.at, clauseStart) : clauseStart;
    const wordEnd = word ? p.text.indexOf(word, f.end) + word.length : f.end;
    out.push({
      type: 'structure', pattern: f.pattern, quote: p.text.slice(start, wordEnd), paragraph_seq: p.seq,
      proposal: { ...(near ? { subject_type: named.n.type, subject_id: named.n.id } : defaultSubject(opts.level)), system, name: f.name },
    });
  }
}

/** Every figure and structure the paragraphs state, in document order. */
export function extractSuggestions(paras: Paragraph[], opts: ExtractOptions): ExtractedSuggestion[] {
  const names = nameList(opts.subjects);
  const out: ExtractedSuggestion[] = [];
  yearTables(paras, names, opts, out);
  for (const p of paras) {
    if (p.text.includes('\t')) continue; // table rows are read by yearTables
    byYear(p, names, opts, out);
    areas(p, names, opts, out);
    structures(p, names, opts, out);
  }
  return out.sort((a, b) => a.paragraph_seq - b.paragraph_seq);
}
