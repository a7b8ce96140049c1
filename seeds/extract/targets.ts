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

// ───────────────────────── 000 加强特色优势产业发展工作方案 (district, 十五五 2026–2030) ─────────────────────────
const CL = (sid: string) => ({ st: 'cluster' as const, sid, doc: '000' });
const SENT_CLUSTERS = '生物医药及大健康、粮油拓展及精深加工、装备制造及船舶产业三个产业集群分别迈向1000亿级，电子信息产业迈向500亿级，分别年均增长8%、4.7%、6.5%、6.8%';
const TOWARD = '“迈向…亿级” = heading towards the given scale class by the end of 十五五 (2030).';
add(
  { ...CL('cluster-biomed-health'), kind: 'target', metric: 'scale-class', zh: '生物医药及大健康产业集群规模（迈向亿级）', en: 'Biomedicine & big-health cluster: scale class aimed at', unit: '亿元', year: 2030, q: SENT_CLUSTERS, vt: '1000亿级', qual: 'about', note: TOWARD },
  { ...CL('cluster-grain-oil'), kind: 'target', metric: 'scale-class', zh: '粮油拓展及精深加工产业集群规模（迈向亿级）', en: 'Grain & oil extension and deep-processing cluster: scale class aimed at', unit: '亿元', year: 2030, q: SENT_CLUSTERS, vt: '1000亿级', qual: 'about', note: TOWARD },
  { ...CL('cluster-equipment-shipbuilding'), kind: 'target', metric: 'scale-class', zh: '装备制造及船舶产业集群规模（迈向亿级）', en: 'Equipment manufacturing & shipbuilding cluster: scale class aimed at', unit: '亿元', year: 2030, q: SENT_CLUSTERS, vt: '1000亿级', qual: 'about', note: TOWARD },
  { ...CL('cluster-electronics'), kind: 'target', metric: 'scale-class', zh: '电子信息产业规模（迈向亿级）', en: 'Electronic information cluster: scale class aimed at', unit: '亿元', year: 2030, q: SENT_CLUSTERS, vt: '500亿级', qual: 'about', note: TOWARD },
  { ...CL('cluster-biomed-health'), kind: 'target', metric: 'revenue-growth-annual', zh: '生物医药及大健康产业集群年均增长', en: 'Biomedicine & big-health cluster: average annual growth', unit: '%', year: 2030, base: 2025, q: SENT_CLUSTERS, vt: '8%' },
  { ...CL('cluster-grain-oil'), kind: 'target', metric: 'revenue-growth-annual', zh: '粮油拓展及精深加工产业集群年均增长', en: 'Grain & oil cluster: average annual growth', unit: '%', year: 2030, base: 2025, q: SENT_CLUSTERS, vt: '4.7%' },
  { ...CL('cluster-equipment-shipbuilding'), kind: 'target', metric: 'revenue-growth-annual', zh: '装备制造及船舶产业集群年均增长', en: 'Equipment & shipbuilding cluster: average annual growth', unit: '%', year: 2030, base: 2025, q: SENT_CLUSTERS, vt: '6.5%' },
  { ...CL('cluster-electronics'), kind: 'target', metric: 'revenue-growth-annual', zh: '电子信息产业年均增长', en: 'Electronic information cluster: average annual growth', unit: '%', year: 2030, base: 2025, q: SENT_CLUSTERS, vt: '6.8%' },
);
// sub-industries (segments) of the four clusters
const SEGS: Array<[string, string, string, string, string, string, string, Qualifier?]> = [
  // cluster, segment id, zh, en, quote, scale, growth, growth qualifier
  ['cluster-biomed-health', 'biomedicine', '生物医药', 'Biomedicine', '“十五五”期末，全区生物医药、其他大健康产业规模分别达到900亿元、190亿元，年均增长8.5%、6.3%', '900', '8.5%'],
  ['cluster-biomed-health', 'other-big-health', '其他大健康', 'Other big-health industries', '“十五五”期末，全区生物医药、其他大健康产业规模分别达到900亿元、190亿元，年均增长8.5%、6.3%', '190', '6.3%'],
  ['cluster-grain-oil', 'grain-oil-processing', '粮油加工', 'Grain and oil processing', '“十五五”期末，粮油加工、石化产业规模分别达445亿元、630亿元，年均增长约5.5%、4.1%', '445', '约5.5%'],
  ['cluster-grain-oil', 'petrochemicals', '石化', 'Petrochemicals', '“十五五”期末，粮油加工、石化产业规模分别达445亿元、630亿元，年均增长约5.5%、4.1%', '630', '4.1%', 'about'],
  ['cluster-equipment-shipbuilding', 'high-end-equipment', '高端装备制造', 'High-end equipment manufacturing', '“十五五”期末，高端装备制造和船舶制造产业规模分别达455亿元、245亿元，年均增长5.8%、7.9%', '455', '5.8%'],
  ['cluster-equipment-shipbuilding', 'shipbuilding', '船舶制造', 'Shipbuilding', '“十五五”期末，高端装备制造和船舶制造产业规模分别达455亿元、245亿元，年均增长5.8%、7.9%', '245', '7.9%'],
  ['cluster-electronics', 'consumer-electronics', '消费电子', 'Consumer electronics', '“十五五”期末，消费电子、集成电路产业规模分别达350亿元、25亿元，年均增长7%、4.6%', '350', '7%'],
  ['cluster-electronics', 'integrated-circuits', '集成电路', 'Integrated circuits', '“十五五”期末，消费电子、集成电路产业规模分别达350亿元、25亿元，年均增长7%、4.6%', '25', '4.6%'],
];
for (const [cl, seg, zh, en, q, scale, growth, gq] of SEGS) {
  add(
    { ...CL(cl), kind: 'target', metric: 'industry-scale', zh: `${zh}产业规模`, en: `${en}: industry scale`, unit: '亿元', year: 2030, q, vt: scale, seg: [seg, zh, en] },
    { ...CL(cl), kind: 'target', metric: 'revenue-growth-annual', zh: `${zh}产业年均增长`, en: `${en}: average annual growth`, unit: '%', year: 2030, base: 2025, q, vt: growth, seg: [seg, zh, en], ...(gq ? { qual: gq, note: '约 in “年均增长约5.5%、4.1%” read as applying to both rates.' } : {}) },
  );
}
const BIO_FIRMS = '招引3-5家具有行业影响力的跨国医药企业，推动2-3家头部企业成长为具有国际竞争力的龙头企业，培育6家50亿级企业、10家10亿级企业';
add(
  { ...CL('cluster-biomed-health'), kind: 'target', metric: 'multinationals-attracted', zh: '招引具有行业影响力的跨国医药企业', en: 'Influential multinational pharma companies attracted', unit: '家', year: 2030, q: BIO_FIRMS, vt: '3-5' },
  { ...CL('cluster-biomed-health'), kind: 'target', metric: 'international-leaders', zh: '成长为具有国际竞争力的龙头企业的头部企业', en: 'Leading firms grown into internationally competitive champions', unit: '家', year: 2030, q: BIO_FIRMS, vt: '2-3' },
  { ...CL('cluster-biomed-health'), kind: 'target', metric: 'enterprises-5bn-class', zh: '50亿级企业', en: 'Enterprises of the 5-billion-yuan class', unit: '家', year: 2030, q: BIO_FIRMS, vt: '6家' },
  { ...CL('cluster-biomed-health'), kind: 'target', metric: 'enterprises-1bn-class', zh: '10亿级企业', en: 'Enterprises of the 1-billion-yuan class', unit: '家', year: 2030, q: BIO_FIRMS, vt: '10家' },
);

// district-wide annual targets (000 一、总体目标 and 二、重点任务)
const D0 = { st: 'district' as const, sid: 'gaogang', doc: '000' };
const ANNUAL_PROJ = '年新签约亿元以上项目190个（含服务业项目20个）、新开工亿元以上项目120个（含服务业项目15个）、新增增资扩产项目超100个';
const ANNUAL_ENT = '年新增规上工业企业60家、规上生产性服务业企业20家、高新技术企业超100家、省级及以上专精特新中小企业30家以上';
add(
  { ...D0, kind: 'target', metric: 'projects-signed-annual', zh: '年新签约亿元以上项目', en: 'Projects of 100 million yuan or more signed per year', unit: '个/年', year: null, q: ANNUAL_PROJ, vt: '190' },
  { ...D0, kind: 'target', metric: 'service-projects-signed-annual', zh: '年新签约亿元以上项目中服务业项目', en: 'of which service-sector projects signed per year', unit: '个/年', year: null, q: ANNUAL_PROJ, vt: '20' },
  { ...D0, kind: 'target', metric: 'projects-started-annual', zh: '年新开工亿元以上项目', en: 'Projects of 100 million yuan or more started per year', unit: '个/年', year: null, q: ANNUAL_PROJ, vt: '120' },
  { ...D0, kind: 'target', metric: 'service-projects-started-annual', zh: '年新开工亿元以上项目中服务业项目', en: 'of which service-sector projects started per year', unit: '个/年', year: null, q: ANNUAL_PROJ, vt: '15' },
  { ...D0, kind: 'target', metric: 'capacity-expansion-projects-annual', zh: '年新增增资扩产项目', en: 'New capital-increase / capacity-expansion projects per year', unit: '个/年', year: null, q: ANNUAL_PROJ, vt: '超100' },
  { ...D0, kind: 'target', metric: 'new-above-scale-industrial-annual', zh: '年新增规上工业企业', en: 'New above-scale industrial enterprises per year', unit: '家/年', year: null, q: ANNUAL_ENT, vt: '60' },
  { ...D0, kind: 'target', metric: 'new-above-scale-producer-services-annual', zh: '年新增规上生产性服务业企业', en: 'New above-scale producer-service enterprises per year', unit: '家/年', year: null, q: ANNUAL_ENT, vt: '20' },
  { ...D0, kind: 'target', metric: 'new-high-tech-enterprises-annual', zh: '年新增高新技术企业', en: 'New high-tech enterprises per year', unit: '家/年', year: null, q: ANNUAL_ENT, vt: '超100' },
  { ...D0, kind: 'target', metric: 'new-specialised-smes-annual', zh: '年新增省级及以上专精特新中小企业', en: 'New provincial-level or higher specialised SMEs per year', unit: '家/年', year: null, q: ANNUAL_ENT, vt: '30家以上' },
  { ...D0, kind: 'target', metric: 'city-key-projects-started-annual', zh: '每年市级重点项目新开工', en: 'City-level key projects started per year', unit: '个/年', year: null, q: '确保每年市级重点项目新开工42个、新竣工28个以上', vt: '42', qual: 'over', note: '以上 read as applying to both counts.' },
  { ...D0, kind: 'target', metric: 'city-key-projects-completed-annual', zh: '每年市级重点项目新竣工', en: 'City-level key projects completed per year', unit: '个/年', year: null, q: '确保每年市级重点项目新开工42个、新竣工28个以上', vt: '28个以上' },
  { ...D0, kind: 'target', metric: 'new-rd-institutions-leading', zh: '省级引领型新型研发机构', en: 'Provincial "leading-type" new R&D institutions', unit: '家', year: 2030, q: '“十五五”期间，力争创建1家省级引领型、1-2家标杆型、2-3家成长型新型研发机构', vt: '1家', qual: 'strive' },
  { ...D0, kind: 'target', metric: 'new-rd-institutions-benchmark', zh: '标杆型新型研发机构', en: '"Benchmark-type" new R&D institutions', unit: '家', year: 2030, q: '“十五五”期间，力争创建1家省级引领型、1-2家标杆型、2-3家成长型新型研发机构', vt: '1-2' },
  { ...D0, kind: 'target', metric: 'new-rd-institutions-growth', zh: '成长型新型研发机构', en: '"Growth-type" new R&D institutions', unit: '家', year: 2030, q: '“十五五”期间，力争创建1家省级引领型、1-2家标杆型、2-3家成长型新型研发机构', vt: '2-3' },
  { ...D0, kind: 'target', metric: 'rd-institution-coverage', zh: '产业链群链内规上企业研发机构全覆盖', en: 'Share of above-scale firms in the cluster chains with R&D institutions', unit: '%', year: null, q: '产业链群链内规上企业研发机构全覆盖达70%以上', vt: '70%以上' },
  { ...D0, kind: 'target', metric: 'new-high-tech-enterprises-annual', id: 'gaogang-new-high-tech-enterprises-annual-item15', zh: '每年新增高新技术企业', en: 'New high-tech enterprises per year (task 15)', unit: '家/年', year: null, q: '每年新增高新技术企业100家、瞪羚及潜在独角兽企业5家', vt: '100家' },
  { ...D0, kind: 'target', metric: 'new-gazelle-unicorn-annual', zh: '每年新增瞪羚及潜在独角兽企业', en: 'New gazelle and potential unicorn enterprises per year', unit: '家/年', year: null, q: '每年新增高新技术企业100家、瞪羚及潜在独角兽企业5家', vt: '5家' },
  { ...D0, kind: 'target', metric: 'research-results-released-annual', zh: '每年发布高校科研院所科技成果', en: 'University/institute research results released per year', unit: '项/年', year: null, q: '每年发布高校科研院所科技成果200项以上', vt: '200项以上' },
  { ...D0, kind: 'target', metric: 'industry-academia-events-annual', zh: '每年开展产学研对接活动', en: 'Industry–academia matchmaking events per year', unit: '场次/年', year: null, q: '每年开展产学研对接活动15场次以上', vt: '15场次以上' },
  { ...D0, kind: 'target', metric: 'expert-visits-annual', zh: '每年围绕主导产业巡诊企业', en: 'Enterprises visited by technical experts per year', unit: '家/年', year: null, q: '围绕主导产业巡诊企业20家以上', vt: '20家以上' },
  { ...D0, kind: 'target', metric: 'green-manufacturing-projects-annual', zh: '每年新增省级以上绿色制造示范项目', en: 'New provincial-level or higher green-manufacturing demonstration projects per year', unit: '个/年', year: null, q: '力争每年新增省级以上绿色制造示范项目4个', vt: '4', qual: 'strive' },
  { ...D0, kind: 'target', metric: 'cross-border-ecommerce-firms', zh: '新增有实绩跨境电商企业', en: 'New cross-border e-commerce firms with actual business', unit: '家', year: 2030, q: '到“十五五”末，新增有实绩跨境电商企业20家，全区“统保平台”参保率达30%', vt: '20' },
  { ...D0, kind: 'target', metric: 'export-insurance-platform-rate', zh: '全区“统保平台”参保率', en: 'Participation rate in the export-credit "unified insurance platform"', unit: '%', year: 2030, q: '到“十五五”末，新增有实绩跨境电商企业20家，全区“统保平台”参保率达30%', vt: '30%' },
  { ...D0, kind: 'target', metric: 'investment-promotion-events-annual', zh: '重点招商活动', en: 'Key investment-promotion events (per year, from the annual list)', unit: '场次/年', year: null, q: '节点化时序化开展重点招商活动50场次以上', vt: '50场次以上' },
  { ...D0, kind: 'target', metric: 'leading-talents-annual', zh: '每年引进市级以上领军人才（团队）', en: 'City-level or higher leading talents (teams) introduced per year', unit: '名（个）/年', year: null, q: '每年引进市级以上领军人才（团队）不少于30名（个）、企业经营人才不少于100名、高层次人才不少于600名', vt: '不少于30' },
  { ...D0, kind: 'target', metric: 'business-talents-annual', zh: '每年引进企业经营人才', en: 'Business-management talents introduced per year', unit: '名/年', year: null, q: '每年引进市级以上领军人才（团队）不少于30名（个）、企业经营人才不少于100名、高层次人才不少于600名', vt: '不少于100' },
  { ...D0, kind: 'target', metric: 'high-level-talents-annual', zh: '每年引进高层次人才', en: 'High-level talents introduced per year', unit: '名/年', year: null, q: '每年引进市级以上领军人才（团队）不少于30名（个）、企业经营人才不少于100名、高层次人才不少于600名', vt: '不少于600' },
  { ...D0, kind: 'target', metric: 'top-talents-annual', zh: '每年引进产业顶尖人才（团队）', en: 'Top industry talents (teams) introduced per year', unit: '名（个）/年', year: null, q: '每年引进产业顶尖人才（团队）1名（个）以上，5年内集聚顶尖人才不少于5名', vt: '1名（个）以上' },
  { ...D0, kind: 'target', metric: 'top-talents-5yr', zh: '5年内集聚顶尖人才', en: 'Top talents gathered within 5 years', unit: '名', year: null, q: '每年引进产业顶尖人才（团队）1名（个）以上，5年内集聚顶尖人才不少于5名', vt: '不少于5' },
  { ...D0, kind: 'target', metric: 'joint-research-projects-annual', zh: '企业与高校院所每年开展科研攻关', en: 'Joint enterprise–university research projects per year', unit: '项/年', year: null, q: '企业与高校院所每年开展科研攻关不低于10项、协同育才不少于100名', vt: '不低于10' },
  { ...D0, kind: 'target', metric: 'joint-training-annual', zh: '企业与高校院所每年协同育才', en: 'Talents jointly trained by enterprises and universities per year', unit: '名/年', year: null, q: '企业与高校院所每年开展科研攻关不低于10项、协同育才不少于100名', vt: '不少于100' },
  { ...D0, kind: 'target', metric: 'skilled-talents-annual', zh: '每年培育紧缺急需人才', en: 'Urgently needed skilled talents trained per year', unit: '名/年', year: null, q: '每年培育紧缺急需人才500名以上', vt: '500名以上' },
);

// parks and 口岸街道 (000 二、(二)), all for the end of 十五五 (2030)
const P = (sid: string) => ({ st: 'feature' as const, sid, doc: '000', kind: 'target' as const, year: 2030 });
const BIO = '“十五五”期末，新增2−3家行业领军的跨国企业，打造20家细分领域的领军企业，其中超100亿元企业1家，超50亿元企业2家，超10亿元企业5家';
const BIO_PROD = '培育年销售收入超亿元的医药单品种30−50个以上，其中超10亿元品种3−5个';
add(
  { ...P('park-biomed'), metric: 'new-multinationals', zh: '新增行业领军的跨国企业', en: 'New industry-leading multinational companies', unit: '家', q: BIO, vt: '2−3' },
  { ...P('park-biomed'), metric: 'segment-leaders', zh: '细分领域的领军企业', en: 'Leading firms in niche segments', unit: '家', q: BIO, vt: '20家' },
  { ...P('park-biomed'), metric: 'enterprises-over-10bn', zh: '超100亿元企业', en: 'Enterprises with revenue over 10 billion yuan', unit: '家', q: BIO, vt: '1家' },
  { ...P('park-biomed'), metric: 'enterprises-over-5bn', zh: '超50亿元企业', en: 'Enterprises with revenue over 5 billion yuan', unit: '家', q: BIO, vt: '2家' },
  { ...P('park-biomed'), metric: 'enterprises-over-1bn', zh: '超10亿元企业', en: 'Enterprises with revenue over 1 billion yuan', unit: '家', q: BIO, vt: '5家' },
  { ...P('park-biomed'), metric: 'products-over-100m', zh: '年销售收入超亿元的医药单品种', en: 'Drug products with annual sales over 100 million yuan', unit: '个', q: BIO_PROD, vt: '30−50个以上' },
  { ...P('park-biomed'), metric: 'products-over-1bn', zh: '超10亿元品种', en: 'Drug products with annual sales over 1 billion yuan', unit: '个', q: BIO_PROD, vt: '3−5' },
  { ...P('park-biomed'), metric: 'southwest-area-development', zh: '重点开发建设的西南片区面积', en: 'Area of the south-west sector to be developed', unit: 'km²', q: '重点开发建设3.29平方公里的西南片区', vt: '3.29' },
  { ...P('park-biomed'), metric: 'industrial-output', zh: '规上工业总产值', en: 'Gross output of above-scale industry', unit: '亿元', q: '规上工业总产值突破800亿元，致力打造成为长三角领先的生物医药产业化承载地', vt: '突破800' },
);
const CHEM = '“十五五”期末，形成泰州石化、常青树、海阳锦纶3家百亿企业集群，培育超10亿元企业10家以上，规上工业总产值突破700亿元';
add(
  { ...P('park-chemical'), metric: 'enterprises-over-10bn', zh: '百亿企业', en: 'Enterprises of the 10-billion-yuan class (泰州石化, 常青树, 海阳锦纶)', unit: '家', q: CHEM, vt: '3家' },
  { ...P('park-chemical'), metric: 'enterprises-over-1bn', zh: '超10亿元企业', en: 'Enterprises with revenue over 1 billion yuan', unit: '家', q: CHEM, vt: '10家以上' },
  { ...P('park-chemical'), metric: 'industrial-output', zh: '规上工业总产值', en: 'Gross output of above-scale industry', unit: '亿元', q: CHEM, vt: '突破700' },
);
const ELEC = '“十五五”期末，新增超100亿元企业1家，超50亿元企业3家，超10亿元企业5家，规上工业总产值突破350亿元';
add(
  { ...P('park-electronics'), metric: 'new-enterprises-over-10bn', zh: '新增超100亿元企业', en: 'New enterprises with revenue over 10 billion yuan', unit: '家', q: ELEC, vt: '1家' },
  { ...P('park-electronics'), metric: 'new-enterprises-over-5bn', zh: '新增超50亿元企业', en: 'New enterprises with revenue over 5 billion yuan', unit: '家', q: ELEC, vt: '3家' },
  { ...P('park-electronics'), metric: 'new-enterprises-over-1bn', zh: '新增超10亿元企业', en: 'New enterprises with revenue over 1 billion yuan', unit: '家', q: ELEC, vt: '5家' },
  { ...P('park-electronics'), metric: 'industrial-output', zh: '规上工业总产值', en: 'Gross output of above-scale industry', unit: '亿元', q: ELEC, vt: '突破350' },
);
const EQUIP = '“十五五”期末，新增超50亿元企业3家，超10亿元企业5家。新能源汽车及零部件产业产值突破400亿元';
add(
  { ...P('park-equipment'), metric: 'new-enterprises-over-5bn', zh: '新增超50亿元企业', en: 'New enterprises with revenue over 5 billion yuan', unit: '家', q: EQUIP, vt: '3家' },
  { ...P('park-equipment'), metric: 'new-enterprises-over-1bn', zh: '新增超10亿元企业', en: 'New enterprises with revenue over 1 billion yuan', unit: '家', q: EQUIP, vt: '5家' },
  { ...P('park-equipment'), metric: 'nev-output', zh: '新能源汽车及零部件产业产值', en: 'Output of new-energy vehicles and parts', unit: '亿元', q: EQUIP, vt: '突破400' },
  { ...P('park-equipment'), metric: 'big-health-output', zh: '大健康产业产值', en: 'Output of big-health industries', unit: '亿元', q: '大健康产业产值突破60亿元，打造更具特色、更有影响力的高端医疗器械产业集群和食品饮料产业集群', vt: '突破60' },
);
const PORT = '“十五五”期末，新增超100亿元企业2家，超10亿元企业3家，规上工业总产值达650亿元';
add(
  { ...P('park-port'), metric: 'new-enterprises-over-10bn', zh: '新增超100亿元企业', en: 'New enterprises with revenue over 10 billion yuan', unit: '家', q: PORT, vt: '2家' },
  { ...P('park-port'), metric: 'new-enterprises-over-1bn', zh: '新增超10亿元企业', en: 'New enterprises with revenue over 1 billion yuan', unit: '家', q: PORT, vt: '3家' },
  { ...P('park-port'), metric: 'industrial-output', zh: '规上工业总产值', en: 'Gross output of above-scale industry', unit: '亿元', q: PORT, vt: '650' },
);
const KOUAN = '“十五五”期末，培育形成2-3家行业领军企业，规上工业总产值突破200亿元';
add(
  { ...P('kouan'), metric: 'industry-leaders', zh: '行业领军企业', en: 'Industry-leading enterprises', unit: '家', q: KOUAN, vt: '2-3' },
  { ...P('kouan'), metric: 'industrial-output', zh: '规上工业总产值', en: 'Gross output of above-scale industry', unit: '亿元', q: KOUAN, vt: '突破200' },
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
