/**
 * Discrepancies computed from the data, never listed by hand: run over the current figures, the reviewed
 * relations between figures, the named structures, the mapped areas and the derived growth every time any
 * of them changes (the list is cached by data version). Pure: the repository loads, this decides.
 *
 * Rules (the `rule` of each result):
 *  - same-figure: the same subject, metric, segment, year and kind (target, or measured) stated with values
 *    that cannot both be true (as intervals: 超100 is (100, ∞), 约500 is ±10 %, 2−3 is [2, 3], an exact
 *    value allows the rounding of its last digit), from documents not marked superseded;
 *  - relation: a reviewed relation (a total equals the sum of its parts; a district industry lies within
 *    the city's chains) that the current figures of some year break;
 *  - structure: one subject's system or structure (“4+2” vs “3+2”, 两园两基地 vs 一园一基地) defined
 *    differently (parts compared as a set, so 一轴一核 = 一核一轴);
 *  - area: a stated area against the area PostGIS measures on the mapped polygon, beyond 10 %;
 *  - growth: a stated annual growth rate that the stated end points contradict (by more than half a point).
 */
import crypto from 'node:crypto';
import type { ComputedValue, Qualifier } from '../../../contract/api.js';
import { unitScale } from '../documents/values.js';
import { figureValue, formatQuantity, metricBeforeValue } from '../../../client/src/lib/figure-format.js';

export interface Cite {
  id: string;
  document_id: string;
  document_title_zh: string;
  document_title_en: string;
  quote: string;
  [k: string]: unknown;
}

/** A figure as atlas_figure gives it, with its document's status. */
export interface CFigure {
  id: string;
  subject_type: string;
  subject_id: string;
  kind: string;
  metric: string;
  metric_zh: string;
  metric_en: string;
  value_text: string;
  value: number | null;
  value_max: number | null;
  qualifier: string;
  unit: string;
  year: number | null;
  base_year: number | null;
  details: Record<string, unknown>;
  citation: Cite;
  superseded_by: string | null;
  document_status: string;
}

/** One term of a relation side: a subject (or several, or a chain group's chains) and a metric. */
export interface Selector {
  subject_type: string;
  subject_id?: string;
  subject_ids?: string[];
  chain_group?: string;
  metric: string;
  segment?: string;
}

export interface CRelation {
  id: string;
  kind: string;
  relation: 'equal' | 'within';
  lhs: Selector[];
  rhs: Selector[];
  label_zh: string;
  label_en: string;
  note_zh: string | null;
  note_en: string | null;
}

export interface CStructure {
  id: string;
  subject_type: string;
  subject_id: string;
  system: string;
  name: string;
  citation: Cite;
  document_status: string;
}

export interface CArea {
  figure_id: string;
  feature_id: string;
  measured_km2: number;
  accuracy: string;
  measured_from: string;
  sources: Cite[];
}

export interface CGrowth {
  target_id: string;
  base_id: string;
  stated_id: string;
  base_year: number;
  target_year: number;
  implied_annual_growth: number;
  stated_annual_growth: number;
}

export interface CInput {
  figures: CFigure[];
  relations: CRelation[];
  structures: CStructure[];
  areas: CArea[];
  growth: CGrowth[];
  chains: Array<{ id: string; group_id: string }>;
  names: Map<string, { zh: string; en: string }>;
}

export interface Claim {
  text: string;
  citation: Cite;
}

/** A computed discrepancy in the shape GET /api/discrepancies has always had, plus rule and fingerprint. */
export interface ComputedDiscrepancy {
  id: string;
  kind: string;
  rule: 'same-figure' | 'relation' | 'structure' | 'area' | 'growth';
  title_zh: string;
  title_en: string;
  explanation_zh: string;
  explanation_en: string;
  subjects: string[];
  computed: ComputedValue | null;
  claims: Claim[];
  fingerprint: string;
}

type Interval = [number, number];

const decimals = (v: number) => (String(v).split('.')[1] ?? '').length;
/** What a figure's value allows, as a closed interval (a strict bound is nudged by a millionth). */
export function interval(f: Pick<CFigure, 'value' | 'value_max' | 'qualifier' | 'unit'>): Interval | null {
  if (f.value === null) return null;
  const v = f.value;
  const eps = Math.max(Math.abs(v), 1) * 1e-6;
  // A measured amount is rounded (±half its last digit: 1223 may be 1222.9); a count (家, 个 …) is exact.
  const count = /[家个名项所件条场辆位]/u.test(f.unit) && !/[亿万]/u.test(f.unit);
  const round = count ? Math.max(Math.abs(v), 1) * 1e-9 : 0.5 * 10 ** -decimals(v);
  switch (f.qualifier) {
    case 'over': return [v + eps, Infinity];
    case 'at_least': return [v, Infinity];
    case 'under': return [-Infinity, v];
    case 'range': return [v, f.value_max ?? v];
    case 'about': return [v * 0.9, v * 1.1];
    default: return [v - round, v + round];
  }
}
const disjoint = (a: Interval, b: Interval) => a[0] > b[1] || b[0] > a[1];
const sum = (xs: Interval[]): Interval => xs.reduce<Interval>((s, x) => [s[0] + x[0], s[1] + x[1]], [0, 0]);

const fingerprint = (claims: Claim[], extra: unknown) =>
  crypto.createHash('sha1').update(JSON.stringify([claims.map((c) => c.citation.id).sort(), extra])).digest('hex').slice(0, 16);
const fmt = (v: number) => String(Math.round(v * 100) / 100);
const shown = (f: CFigure) => `${f.value_text}${f.unit && !f.value_text.endsWith(f.unit[0]) && !(f.unit.startsWith('亿') && f.value_text.includes('亿')) ? f.unit : ''}`;
/** The value read out in English (“CNY 75 bn”, “over 10 firms”): English texts carry no Chinese unit; the quote stays the evidence. */
const shownEn = (f: CFigure) => figureValue('en', { ...f, qualifier: f.qualifier as Qualifier });
const klass = (f: CFigure) => (f.kind === 'target' ? 'target' : 'measured');
const segmentOf = (f: CFigure) => (typeof f.details?.segment === 'string' ? (f.details.segment as string) : '');
const live = (f: CFigure) => f.document_status !== 'superseded';
const figureClaim = (f: CFigure): Claim => ({
  text: `${f.citation.document_id}: ${metricBeforeValue('en', f)}${f.year && !f.metric_en.includes(String(f.year)) ? ` (${f.year})` : ''} ${shownEn(f)}`.trim(),
  citation: f.citation,
});
/** Value × magnitude of its unit, so 亿元 and 万元 compare; null for a unit without a common base. */
const inBase = (f: CFigure) => unitScale(f.unit);

function sameFigure(input: CInput, out: ComputedDiscrepancy[]) {
  const groups = new Map<string, CFigure[]>();
  for (const f of input.figures) {
    if (!live(f) || f.value === null) continue;
    const key = JSON.stringify([f.subject_type, f.subject_id, f.metric, segmentOf(f), f.year, klass(f)]);
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  for (const list of groups.values()) {
    if (list.length < 2) continue;
    const clash: CFigure[] = [];
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i];
        const b = list[j];
        const sa = inBase(a);
        const sb = inBase(b);
        const fa = sa.scale * (sa.area ?? 1);
        const fb = sb.scale * (sb.area ?? 1);
        if ((sa.area === null) !== (sb.area === null) || (a.unit !== b.unit && sa.scale === 1 && sb.scale === 1 && sa.area === null)) continue;
        const ia = interval(a)!.map((x) => x * fa) as Interval;
        const ib = interval(b)!.map((x) => x * fb) as Interval;
        if (disjoint(ia, ib)) for (const f of [a, b]) if (!clash.includes(f)) clash.push(f);
      }
    }
    if (!clash.length) continue;
    const f = clash[0];
    const seg = segmentOf(f);
    const claims = clash.map(figureClaim);
    const values = clash.map(shown);
    const valuesEn = clash.map(shownEn);
    const when = f.year === null || f.metric_zh.includes(String(f.year)) ? '' : `（${f.year}年）`;
    const newest = clash.find((x) => !x.superseded_by && clash.some((y) => y.superseded_by === x.id));
    out.push({
      id: `figure-${f.subject_id}-${f.metric}${seg ? `-${seg}` : ''}-${f.year ?? 'any'}${klass(f) === 'target' ? '' : '-actual'}`,
      kind: 'figure', rule: 'same-figure',
      title_zh: `${f.metric_zh}${when}：${values.join('与')}不一致`,
      title_en: `${metricBeforeValue('en', f)}${f.year && !f.metric_en.includes(String(f.year)) ? ` (${f.year})` : ''}: ${valuesEn.join(' vs ')}`,
      explanation_zh: `同一对象、同一指标${f.year ? '、同一年份' : ''}的${f.kind === 'target' ? '目标' : '数值'}在文件中写法不一致，不能同时成立：${clash.map((x) => `${x.citation.document_id}写“${x.value_text}”`).join('，')}。${newest ? `图表采用较新文件${newest.citation.document_id}的数值，另一方仍列出。` : ''}`,
      explanation_en: `The same subject, metric${f.year ? ' and year' : ''} is stated with values that cannot both hold: ${clash.map((x) => `${x.citation.document_id} says ${shownEn(x)}`).join('; ')}.${newest ? ` Charts use the newer document's figure (${newest.citation.document_id}); the other stays listed.` : ''}`,
      subjects: clash.map((x) => x.id),
      computed: null,
      claims,
      fingerprint: fingerprint(claims, clash.map((x) => [x.value, x.value_max, x.qualifier])),
    });
  }
}

/** The subjects a selector names. */
function subjectsOf(s: Selector, input: CInput): string[] {
  if (s.subject_ids) return s.subject_ids;
  if (s.chain_group) return input.chains.filter((c) => c.group_id === s.chain_group).map((c) => c.id);
  return s.subject_id ? [s.subject_id] : [];
}

function relations(input: CInput, out: ComputedDiscrepancy[]) {
  const current = input.figures.filter((f) => !f.superseded_by && live(f) && f.value !== null && f.year !== null);
  const find = (type: string, id: string, metric: string, segment: string, year: number, cls: string) =>
    current.find((f) => f.subject_type === type && f.subject_id === id && f.metric === metric && segmentOf(f) === segment && f.year === year && klass(f) === cls);
  for (const r of input.relations) {
    const years = new Set<number>();
    for (const s of [...r.lhs, ...r.rhs]) for (const id of subjectsOf(s, input)) for (const f of current) if (f.subject_type === s.subject_type && f.subject_id === id && f.metric === s.metric) years.add(f.year!);
    for (const year of [...years].sort()) {
      for (const cls of ['target', 'measured']) {
        const side = (sel: Selector[]) => {
          const figs: CFigure[] = [];
          for (const s of sel) {
            for (const id of subjectsOf(s, input)) {
              const f = find(s.subject_type, id, s.metric, s.segment ?? '', year, cls);
              if (!f) return null;
              figs.push(f);
            }
          }
          return figs.length ? figs : null;
        };
        const lhs = side(r.lhs);
        const rhs = side(r.rhs);
        if (!lhs || !rhs) continue;
        const li = sum(lhs.map((f) => interval(f)!));
        const ri = sum(rhs.map((f) => interval(f)!));
        const broken = r.relation === 'equal' ? disjoint(li, ri) : li[0] > ri[1];
        if (!broken) continue;
        const total = (fs: CFigure[]) => fs.reduce((s, f) => s + (f.value ?? 0), 0);
        const text = (fs: CFigure[], zh: boolean) => (zh ? (fs.length === 1 ? shown(fs[0]) : `合计${fmt(total(fs))}${fs[0].unit}`) : fs.length === 1 ? shownEn(fs[0]) : `together ${formatQuantity('en', total(fs), fs[0].unit)}`);
        const claims = [...lhs, ...rhs].map(figureClaim);
        const rel = r.relation === 'equal' ? { zh: '不等于', en: 'does not equal' } : { zh: '超过', en: 'exceeds' };
        out.push({
          id: `${r.id}-${year}${cls === 'target' ? '' : '-actual'}`,
          kind: r.kind, rule: 'relation',
          title_zh: `${r.label_zh}（${year}年）：${text(lhs, true)}${r.relation === 'equal' ? '与' : '高于'}${text(rhs, true)}${r.relation === 'equal' ? '不一致' : ''}`,
          title_en: `${r.label_en} (${year}): ${text(lhs, false)} ${r.relation === 'equal' ? 'vs' : 'exceeds'} ${text(rhs, false)}`,
          explanation_zh: `${lhs.map((f) => `${f.citation.document_id}“${f.metric_zh}”${shown(f)}`).join('、')}${rel.zh}${rhs.length > 1 ? `${rhs.length}项之和${fmt(total(rhs))}${rhs[0].unit}` : `${rhs[0].citation.document_id}“${rhs[0].metric_zh}”${shown(rhs[0])}`}。${r.note_zh ?? ''}`,
          explanation_en: `${lhs.length > 1 ? `The sum of ${lhs.length} figures (${formatQuantity('en', total(lhs), lhs[0].unit)})` : `${lhs[0].citation.document_id}'s ${metricBeforeValue('en', lhs[0])} (${shownEn(lhs[0])})`} ${rel.en} ${rhs.length > 1 ? `the sum of its ${rhs.length} parts (${formatQuantity('en', total(rhs), rhs[0].unit)})` : `${rhs[0].citation.document_id}'s ${metricBeforeValue('en', rhs[0])} (${shownEn(rhs[0])})`}. ${r.note_en ?? ''}`.trim(),
          subjects: [...lhs, ...rhs].map((f) => f.id),
          // What is held against the stated figure: a sum when one side has several parts, else the other side's figure.
          computed: {
            description: rhs.length > 1 ? `Sum of the ${rhs.length} figures of the other side` : lhs.length > 1 ? 'Sum of the figures compared' : 'The figure compared',
            description_zh: rhs.length > 1 ? `另一方${rhs.length}项之和` : lhs.length > 1 ? '所比各项之和' : '所比的数值',
            value: Math.round((rhs.length === 1 && lhs.length > 1 ? total(lhs) : total(rhs)) * 100) / 100,
            unit: rhs.length === 1 && lhs.length > 1 ? lhs[0].unit : rhs[0].unit,
          },
          claims,
          fingerprint: fingerprint(claims, [...lhs, ...rhs].map((f) => [f.value, f.qualifier])),
        });
      }
    }
  }
}

/** A structure's definition as a comparable signature: “4+2” as written, 一轴一核三极三城 as its set of parts. */
export function signature(name: string): string {
  const n = name.replace(/[\s、，,]/gu, '');
  if (/^\d/.test(n)) return n;
  const parts = n.match(/[一二两三四五六七八九十百多双]+[^一二两三四五六七八九十百多双连]+/gu) ?? [n];
  return parts.map((p) => p.replace(/^两/u, '二')).sort().join('|');
}

const SYSTEM_NAMES: Record<string, { zh: string; en: string; kind: string }> = {
  'industry-system': { zh: '产业体系', en: 'industry system', kind: 'membership' },
  'spatial-layout': { zh: '空间布局', en: 'spatial layout', kind: 'membership' },
  'spatial-structure': { zh: '空间结构', en: 'spatial structure', kind: 'name' },
  'health-layout': { zh: '大健康空间布局', en: 'big-health layout', kind: 'membership' },
};

function structures(input: CInput, out: ComputedDiscrepancy[]) {
  const groups = new Map<string, CStructure[]>();
  for (const s of input.structures) {
    if (s.document_status === 'superseded') continue;
    const key = JSON.stringify([s.subject_type, s.subject_id, s.system]);
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  for (const list of groups.values()) {
    const sigs = new Set(list.map((s) => signature(s.name)));
    if (sigs.size < 2) continue;
    const s0 = list[0];
    const sys = SYSTEM_NAMES[s0.system] ?? { zh: s0.system, en: s0.system, kind: 'membership' };
    const who = input.names.get(s0.subject_id) ?? { zh: s0.subject_id, en: s0.subject_id };
    const seen = new Set<string>();
    const claims: Claim[] = [];
    for (const s of list) {
      if (seen.has(s.citation.id)) continue;
      seen.add(s.citation.id);
      claims.push({ text: `${s.citation.document_id}: “${s.name}” (${sys.en} of ${who.en})`, citation: s.citation });
    }
    const names = [...new Set(list.map((s) => s.name))];
    out.push({
      id: `structure-${s0.subject_id}-${s0.system}`,
      kind: sys.kind, rule: 'structure',
      title_zh: `${who.zh}${sys.zh}定义不一：${names.map((n) => `“${n}”`).join('与')}`,
      title_en: `${who.en}: the ${sys.en} is defined differently — ${names.map((n) => `“${n}”`).join(' vs ')}`,
      explanation_zh: `${list.map((s) => `${s.citation.document_id}称“${s.name}”`).filter((x, i, a) => a.indexOf(x) === i).join('，')}。构成不同，无法同时成立，除非其中一份文件已被替代。`,
      explanation_en: `${list.map((s) => `${s.citation.document_id} says “${s.name}”`).filter((x, i, a) => a.indexOf(x) === i).join('; ')}. The parts differ, so both cannot describe the same ${sys.en} unless one document has been superseded.`,
      subjects: [s0.subject_id],
      computed: null,
      claims,
      fingerprint: fingerprint(claims, [...sigs].sort()),
    });
  }
}

const AREA_TOLERANCE = 0.1;

function areas(input: CInput, out: ComputedDiscrepancy[]) {
  const byId = new Map(input.figures.map((f) => [f.id, f]));
  for (const a of input.areas) {
    const f = byId.get(a.figure_id);
    if (!f || f.value === null || f.superseded_by || !live(f)) continue;
    const u = unitScale(f.unit);
    if (u.area === null) continue;
    const stated = (f.value * u.scale * u.area) / 1e6;
    if (stated <= 0 || Math.abs(a.measured_km2 - stated) / stated <= AREA_TOLERANCE) continue;
    const who = input.names.get(a.feature_id) ?? { zh: a.feature_id, en: a.feature_id };
    const claims: Claim[] = [figureClaim(f), ...a.sources.slice(0, 1).map((c) => ({ text: `The mapped polygon (${a.accuracy}) of ${who.en} is drawn from this source.`, citation: c }))];
    const pct = Math.round(((a.measured_km2 - stated) / stated) * 100);
    out.push({
      id: `area-${a.feature_id}`,
      kind: 'area', rule: 'area',
      title_zh: `${who.zh}面积：文件写${shown(f)}，地图量算${fmt(a.measured_km2)}平方公里`,
      title_en: `${who.en} area: the document says ${shownEn(f)}, the map measures ${fmt(a.measured_km2)} km²`,
      explanation_zh: `${f.citation.document_id}写明面积${shown(f)}（${fmt(stated)}平方公里）；地图上的多边形（${a.accuracy}，${a.measured_from === a.feature_id ? '自身' : `取自${a.measured_from}`}）按椭球面量算为${fmt(a.measured_km2)}平方公里，相差${pct}%，超过${AREA_TOLERANCE * 100}%容差。`,
      explanation_en: `${f.citation.document_id} states ${shownEn(f)} (${fmt(stated)} km²); the mapped polygon (${a.accuracy}${a.measured_from === a.feature_id ? '' : `, that of ${a.measured_from}`}) measures ${fmt(a.measured_km2)} km² on the spheroid, ${pct > 0 ? '+' : ''}${pct}% — beyond the ${AREA_TOLERANCE * 100}% tolerance.`,
      subjects: [a.feature_id, f.id],
      computed: { description: 'Area of the mapped polygon (PostGIS, on the geography)', description_zh: '地图多边形的面积（PostGIS 按椭球面量算）', value: Math.round(a.measured_km2 * 1e4) / 1e4, unit: 'km²' },
      claims,
      fingerprint: fingerprint(claims, [f.value, Math.round(a.measured_km2 * 1e3)]),
    });
  }
}

function growth(input: CInput, out: ComputedDiscrepancy[]) {
  const byId = new Map(input.figures.map((f) => [f.id, f]));
  const seen = new Set<string>();
  for (const g of input.growth) {
    const [t, b, s] = [byId.get(g.target_id), byId.get(g.base_id), byId.get(g.stated_id)];
    if (!t || !b || !s || [t, b, s].some((f) => f.superseded_by || !live(f))) continue;
    const id = `growth-${t.subject_id}-${t.metric}${segmentOf(t) ? `-${segmentOf(t)}` : ''}-${g.base_year}-${g.target_year}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const implied = Math.round(g.implied_annual_growth * 10000) / 100;
    const stated = Math.round(g.stated_annual_growth * 10000) / 100;
    const claims = [figureClaim(b), figureClaim(t), figureClaim(s)].filter((c, i, a) => a.findIndex((x) => x.citation.id === c.citation.id) === i);
    out.push({
      id, kind: 'growth', rule: 'growth',
      title_zh: `${t.metric_zh}：年均增长${s.value_text}与${b.year}—${t.year}年起止值推算的${implied}%不一致`,
      title_en: `${t.metric_en}: a stated ${shownEn(s)} a year, but ${shownEn(b)} (${b.year}) to ${shownEn(t)} (${t.year}) needs ${implied}%`,
      explanation_zh: `由${b.year}年的${shown(b)}增长到${t.year}年的${shown(t)}，需年均增长${implied}%（推算）；文件所写年均增速为${stated}%，相差超过0.5个百分点。`,
      explanation_en: `Going from ${shownEn(b)} in ${b.year} to ${shownEn(t)} in ${t.year} needs ${implied}% a year (derived); the stated rate is ${stated}%, more than half a point apart.`,
      subjects: [b.id, t.id, s.id],
      computed: { description: `Average annual growth needed from ${b.year} to ${t.year} (derived)`, description_zh: `${b.year}—${t.year}年所需年均增速（推算）`, value: implied, unit: '%' },
      claims,
      fingerprint: fingerprint(claims, [b.value, t.value, s.value]),
    });
  }
}

/** Every discrepancy the data shows, in rule order (sums and figures first, wording last). */
export function computeDiscrepancies(input: CInput): ComputedDiscrepancy[] {
  const out: ComputedDiscrepancy[] = [];
  relations(input, out);
  sameFigure(input, out);
  growth(input, out);
  areas(input, out);
  structures(input, out);
  return out;
}
