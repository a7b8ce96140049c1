/**
 * Build seeds/targets.json: every quantitative target / baseline / actual drawn from the five source
 * documents, except the 90 per-chain figures of 001's appendix table (those live in seeds/chains.json).
 *
 *   npx tsx seeds/extract/targets.ts
 *
 * Each record names its quote by a search string; lib.quote() finds it in the document (whitespace-
 * insensitively) and copies the verbatim slice, so a record whose text is not in the document makes
 * the script fail. value / value_max / qualifier are parsed from value_text (lib.parseValue) unless a
 * record overrides them (e.g. "力争30条产业链销售收入达7500亿元": value_text "7500", qualifier strive).
 *
 * Subjects
 *   district  gaogang                          泰州医药高新区（高港区）
 *   city      taizhou                          泰州市 (001)
 *   feature   park-biomed                      生物医药产业园
 *             park-chemical                    化学新材料产业园
 *             park-electronics                 电子信息产业园（综合保税区）
 *             park-equipment                   高端装备制造产业园
 *             park-port                        港口产业园 (002 港口物流园区, 004 港口物流产业园)
 *             kouan                            口岸街道
 *   chain_group  big-health, marine-shipbuilding, smart-manufacturing, new-materials, new-energy,
 *                future-industries             (001's table groups, see chains.ts)
 *   cluster   cluster-biomed-health            生物医药及大健康产业 (000; segments 生物医药, 其他大健康)
 *             cluster-grain-oil                粮油拓展及精深加工产业 (000; segments 粮油加工, 石化)
 *             cluster-equipment-shipbuilding   装备制造及船舶产业 (000; segments 高端装备制造, 船舶制造)
 *             cluster-electronics              电子信息产业 (000; segments 消费电子, 集成电路)
 *             cluster-big-health               大健康产业 as a whole (004's 大健康产业; 002's 医药健康产业)
 *
 * Sub-industry figures of a cluster carry `segment` / `segment_zh` / `segment_en`.
 * Growth rates are their own records (unit "%", metric "*-growth-annual"), year = end year,
 * base_year = the year before the plan period (十五五 → 2025, 十四五 → 2020, 十三五 → 2015).
 */
import { fileURLToPath } from 'node:url';
import { quote, parseValue, writeJson, loadDoc, type Cite, type Qualifier } from './lib';
import { parseChainTable, rowQuote, TABLE_DOC } from './chains';

type SubjectType = 'district' | 'city' | 'feature' | 'chain' | 'chain_group' | 'cluster';
type Kind = 'actual' | 'target' | 'baseline';

export interface Spec {
  st: SubjectType; sid: string; kind: Kind;
  metric: string; zh: string; en: string;
  unit: string; year: number | null; base?: number | null;
  doc: string; q: string; vt: string;
  qual?: Qualifier; value?: number | null; max?: number | null;
  seg?: [string, string, string]; // [segment id, zh, en]
  note?: string;
  id?: string; // explicit id (otherwise subject-metric[-segment][-year])
}

export interface TargetRecord {
  id: string; subject_type: SubjectType; subject_id: string; kind: Kind;
  metric: string; metric_zh: string; metric_en: string;
  segment?: string; segment_zh?: string; segment_en?: string;
  value_text: string; value: number | null; value_max: number | null; qualifier: Qualifier;
  unit: string; year: number | null; base_year: number | null; cite: Cite; note?: string;
}

const SPECS: Spec[] = [];
const add = (...s: Spec[]) => SPECS.push(...s);

// ───────────────────────── 001 泰州市重点产业链培育提升行动方案 (city) ─────────────────────────
const C = { st: 'city' as const, sid: 'taizhou', doc: '001' };
add(
  { ...C, kind: 'target', metric: 'chains-revenue', zh: '30条产业链销售收入', en: 'Sales revenue of the 30 key chains', unit: '亿元', year: 2027, q: '到2027年，力争30条产业链销售收入达7500亿元', vt: '7500', qual: 'strive' },
  { ...C, kind: 'target', metric: 'chains-revenue', zh: '30条产业链销售收入', en: 'Sales revenue of the 30 key chains', unit: '亿元', year: 2030, q: '到2030年，30条产业链销售收入突破9000亿元', vt: '突破9000' },
  { ...C, kind: 'target', metric: 'chains-share-of-industry', zh: '30条重点产业链占规上工业比重', en: 'Share of the 30 key chains in above-scale industry', unit: '%', year: 2027, q: '30条重点产业链占规上工业比重达85%以上', vt: '85%以上' },
  { ...C, kind: 'target', metric: 'industrial-revenue', zh: '规上工业销售收入', en: 'Sales revenue of above-scale industry', unit: '亿元', year: 2030, q: '支撑全市规上工业销售收入过万亿', vt: '过万亿', value: 10000 },
  { ...C, kind: 'target', metric: 'strategic-emerging-share', zh: '工业战略性新兴产业产值占规上工业比重', en: 'Share of strategic emerging industries in above-scale industrial output', unit: '%', year: 2027, q: '工业战略性新兴产业产值占规上工业比重达41%', vt: '41%' },
  { ...C, kind: 'target', metric: 'rd-share-gdp', zh: '研发支出占地区生产总值比重', en: 'R&D spending as share of GDP', unit: '%', year: 2027, q: '研发支出占地区生产总值比重达2.85%左右', vt: '2.85%左右' },
  { ...C, kind: 'target', metric: 'invention-patents-per-10k', zh: '万人发明专利拥有量', en: 'Invention patents per 10,000 people', unit: '件', year: 2027, q: '万人发明专利拥有量达30件', vt: '30' },
  { ...C, kind: 'target', metric: 'digital-economy-share-gdp', zh: '数字经济核心产业增加值占地区生产总值比重', en: 'Core digital-economy value added as share of GDP', unit: '%', year: 2027, q: '数字经济核心产业增加值占地区生产总值比重达14%左右', vt: '14%左右' },
  { ...C, kind: 'target', metric: 'energy-intensity-reduction', zh: '规上工业单位增加值能耗比2024年下降', en: 'Reduction of energy use per unit industrial value added vs 2024', unit: '%', year: 2027, base: 2024, q: '规上工业单位增加值能耗比2024年下降10%', vt: '10%' },
  { ...C, kind: 'target', metric: 'green-manufacturing-demonstrations', zh: '绿色制造体系示范', en: 'Green-manufacturing demonstrations', unit: '个', year: 2027, q: '绿色制造体系示范突破200个', vt: '突破200' },
  { ...C, kind: 'target', metric: 'specialised-smes', zh: '省级以上专精特新企业', en: 'Provincial-level or higher "specialised and sophisticated" enterprises', unit: '家', year: 2027, q: '培育省级以上专精特新企业900家', vt: '900' },
  { ...C, kind: 'target', metric: 'industry-group-scale', zh: '生物医药和健康食品2个大健康制造业规模', en: 'Scale of the two big-health manufacturing industries (biomedicine and health food)', unit: '亿元', year: 2027, q: '到2027年，生物医药和健康食品2个大健康制造业规模达1500亿元', vt: '1500', st: 'chain_group', sid: 'big-health' },
  { ...C, kind: 'target', metric: 'industry-group-scale', zh: '海工装备和高技术船舶产业规模', en: 'Scale of offshore engineering equipment and high-tech ships', unit: '亿元', year: 2027, q: '到2027年，海工装备和高技术船舶产业规模达1000亿元', vt: '1000', st: 'chain_group', sid: 'marine-shipbuilding' },
  { ...C, kind: 'target', metric: 'industry-group-scale', zh: '新智造产业规模', en: 'Scale of new smart manufacturing', unit: '亿元', year: 2027, q: '到2027年，新智造产业规模力争达1800亿元', vt: '1800', qual: 'strive', st: 'chain_group', sid: 'smart-manufacturing' },
  { ...C, kind: 'target', metric: 'industry-group-scale', zh: '新材料产业规模', en: 'Scale of new materials', unit: '亿元', year: 2027, q: '到2027年，新材料产业规模超过2600亿元', vt: '超过2600', st: 'chain_group', sid: 'new-materials' },
  { ...C, kind: 'target', metric: 'industry-group-scale', zh: '新能源产业规模', en: 'Scale of new energy', unit: '亿元', year: 2027, q: '到2027年新能源产业规模超过500亿元', vt: '超过500', st: 'chain_group', sid: 'new-energy' },
  { ...C, kind: 'target', metric: 'industry-group-scale', zh: '未来产业规模', en: 'Scale of future industries', unit: '亿元', year: 2027, q: '到2027年，未来产业规模超过100亿元', vt: '超过100', st: 'chain_group', sid: 'future-industries' },
  // annual and 2027 action targets (city)
  { ...C, kind: 'target', metric: 'major-tech-projects-annual', zh: '每年实施重大技术（装备）攻关项目', en: 'Major technology (equipment) breakthrough projects per year', unit: '个/年', year: null, q: '每年实施重大技术（装备）攻关项目10个以上', vt: '10个以上' },
  { ...C, kind: 'target', metric: 'new-rd-institutions-annual', zh: '每年新增省级以上企业研发机构', en: 'New provincial-level or higher enterprise R&D institutions per year', unit: '家/年', year: null, q: '每年新增省级以上企业研发机构20家', vt: '20' },
  { ...C, kind: 'target', metric: 'new-technologies-products-annual', zh: '每年新增新技术新产品', en: 'New technologies and new products per year', unit: '个/年', year: null, q: '每年新增省级以上企业研发机构20家、新技术新产品100个', vt: '100' },
  { ...C, kind: 'target', metric: 'projects-attracted-annual', zh: '每年招引亿元以上项目', en: 'Projects of 100 million yuan or more attracted per year', unit: '个/年', year: null, q: '每年招引亿元以上项目600个', vt: '600' },
  { ...C, kind: 'target', metric: 'projects-started-annual', zh: '每年新开工5亿元（3000万美元）以上项目', en: 'Projects of 500 million yuan (USD 30 million) or more started per year', unit: '个/年', year: null, q: '力争每年新开工、新竣工5亿元（3000万美元）以上项目200个、120个', vt: '200', qual: 'strive' },
  { ...C, kind: 'target', metric: 'projects-completed-annual', zh: '每年新竣工5亿元（3000万美元）以上项目', en: 'Projects of 500 million yuan (USD 30 million) or more completed per year', unit: '个/年', year: null, q: '力争每年新开工、新竣工5亿元（3000万美元）以上项目200个、120个', vt: '120', qual: 'strive' },
  { ...C, kind: 'target', metric: 'tech-renovation-projects-annual', zh: '每年实施技术改造项目', en: 'Technical renovation projects per year', unit: '个/年', year: null, q: '每年实施技术改造项目500个', vt: '500' },
  { ...C, kind: 'target', metric: 'enterprises-10bn', zh: '百亿元企业', en: 'Enterprises with revenue of 10 billion yuan or more', unit: '家', year: 2027, q: '到2027年，培育百亿元企业15家', vt: '15' },
  { ...C, kind: 'target', metric: 'champions-specialised-annual', zh: '每年新增国家制造业单项冠军和专精特新“小巨人”、省级专精特新企业', en: 'New single-product champions, "little giants" and provincial specialised SMEs per year', unit: '家/年', year: null, q: '每年新增国家制造业单项冠军和专精特新“小巨人”、省级专精特新企业70家以上', vt: '70家以上' },
  { ...C, kind: 'target', metric: 'unicorn-gazelle', zh: '集聚孵化（潜在）独角兽、瞪羚企业', en: '(Potential) unicorn and gazelle enterprises', unit: '家', year: 2027, q: '到2027年，集聚孵化（潜在）独角兽、瞪羚企业100家以上', vt: '100家以上' },
  { ...C, kind: 'target', metric: 'high-tech-enterprises', zh: '高新技术企业', en: 'High-tech enterprises', unit: '家', year: 2027, q: '到2027年，集聚孵化（潜在）独角兽、瞪羚企业100家以上，高新技术企业2400家以上', vt: '2400家以上' },
  { ...C, kind: 'target', metric: 'smart-factories', zh: '省级以上智能制造示范工厂和标杆工厂', en: 'Provincial-level or higher smart-manufacturing demonstration and benchmark factories', unit: '家', year: 2027, q: '到2027年，培育省级以上智能制造示范工厂和标杆工厂60家以上', vt: '60家以上' },
  { ...C, kind: 'target', metric: 'informatisation-industrialisation-index', zh: '两化融合发展水平', en: 'Informatisation–industrialisation integration level', unit: '', year: 2027, q: '两化融合发展水平达70', vt: '70' },
  { ...C, kind: 'target', metric: 'two-industries-benchmarks', zh: '两业融合标杆引领典型', en: 'Benchmark cases of manufacturing–services integration', unit: '家', year: 2027, q: '力争培育两业融合标杆引领典型5家', vt: '5', qual: 'strive' },
  { ...C, kind: 'target', metric: 'service-manufacturing-enterprises', zh: '新增省级以上服务型制造企业', en: 'New provincial-level or higher service-oriented manufacturing enterprises', unit: '家', year: 2027, q: '新增省级以上服务型制造企业60家', vt: '60' },
  { ...C, kind: 'target', metric: 'green-retrofit-projects-annual', zh: '每年实施节能绿色改造项目', en: 'Energy-saving and green retrofit projects per year', unit: '个/年', year: null, q: '每年实施节能绿色改造项目100个', vt: '100' },
  { ...C, kind: 'target', metric: 'green-demonstrations-annual', zh: '每年新增省级以上绿色制造体系示范', en: 'New provincial-level or higher green-manufacturing demonstrations per year', unit: '个/年', year: null, q: '每年实施节能绿色改造项目100个、新增省级以上绿色制造体系示范20个', vt: '20' },
  { ...C, kind: 'target', metric: 'standards-annual', zh: '每年支持企业主导和参与国际、国家标准制（修）订', en: 'International/national standards led or joined by enterprises per year', unit: '项/年', year: null, q: '每年支持企业主导和参与5项以上国际、国家标准制（修）订', vt: '5项以上' },
);

/** 001 appendix table total rows (合计, 规上工业销售收入) as city figures. */
function tableTotals(): TargetRecord[] {
  const { totals } = parseChainTable();
  const out: TargetRecord[] = [];
  const meta: Record<string, { metric: string; zh: string; en: string }> = {
    '合计': { metric: 'chains-revenue-table-total', zh: '30条重点产业链销售收入合计（附件表“合计”行）', en: 'Sales revenue of the 30 key chains, table total row' },
    '规上工业销售收入': { metric: 'industrial-revenue', zh: '规上工业销售收入', en: 'Sales revenue of above-scale industry' },
  };
  for (const t of totals) {
    const m = meta[t.label];
    if (!m) throw new Error(`unknown total row ${t.label}`);
    const cite = rowQuote(t.label, t.cells);
    [2024, 2027, 2030].forEach((year, k) => {
      const p = parseValue(t.cells[k]);
      out.push({
        id: `taizhou-${m.metric}-${year}-table`, subject_type: 'city', subject_id: 'taizhou',
        kind: year === 2024 ? 'actual' : 'target', metric: m.metric,
        metric_zh: year === 2024 ? `${m.zh}（2024年）` : `${m.zh}目标（${year}年）`,
        metric_en: year === 2024 ? `${m.en} (2024)` : `${m.en}, target ${year}`,
        value_text: t.cells[k], value: p.value, value_max: p.value_max, qualifier: p.qualifier,
        unit: '亿元', year, base_year: null, cite,
      });
    });
  }
  void TABLE_DOC;
  return out;
}

export function buildTargets(): TargetRecord[] {
  const out: TargetRecord[] = [...tableTotals()];
  const seen = new Set(out.map((r) => r.id));
  for (const s of SPECS) {
    const cite = quote(s.doc, s.q);
    const p = parseValue(s.vt);
    const norm = (x: string) => x.replace(/\s+/gu, '');
    if (!norm(cite.quote).includes(norm(s.vt))) throw new Error(`value_text ${s.vt} not in quote ${s.q}`);
    let id = s.id ?? [s.sid, s.metric, s.seg?.[0], s.year].filter((x) => x !== undefined && x !== null).join('-');
    if (seen.has(id)) id = `${id}-${s.doc}`;
    let k = 2;
    while (seen.has(id)) id = `${id.replace(/-v\d+$/u, '')}-v${k++}`;
    seen.add(id);
    const rec: TargetRecord = {
      id, subject_type: s.st, subject_id: s.sid, kind: s.kind,
      metric: s.metric, metric_zh: s.zh, metric_en: s.en,
      value_text: s.vt,
      value: s.value !== undefined ? s.value : p.value,
      value_max: s.max !== undefined ? s.max : p.value_max,
      qualifier: s.qual ?? p.qualifier,
      unit: s.unit, year: s.year, base_year: s.base ?? null, cite,
    };
    if (s.seg) { rec.segment = s.seg[0]; rec.segment_zh = s.seg[1]; rec.segment_en = s.seg[2]; }
    if (s.note) rec.note = s.note;
    out.push(rec);
  }
  void loadDoc;
  return out;
}

function main(): void {
  const recs = buildTargets();
  writeJson('targets.json', recs);
  const byDoc: Record<string, number> = {};
  for (const r of recs) byDoc[r.cite.doc] = (byDoc[r.cite.doc] ?? 0) + 1;
  console.log(`wrote seeds/targets.json: ${recs.length} records`, byDoc);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
