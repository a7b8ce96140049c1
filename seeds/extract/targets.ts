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
 *             site-southwest                   西南片区 (000, 3.29 km²)
 *             green-chunjiang-wetland          泰州春江省级湿地公园 (002, 390 公顷)
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
  { ...P('site-southwest'), metric: 'area', zh: '西南片区面积', en: 'Area of the south-west sector', unit: 'km²', q: '适时向南拓展产业空间，重点开发建设3.29平方公里的西南片区', vt: '3.29', note: 'Planned development area stated by 000; the same figure is also recorded for park-biomed.' },
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

// ───────────────────────── 002 十四五规划纲要 (district; 十三五 baselines 2020, 十四五 targets 2025) ─────────────────────────
// The text has stray spaces and line breaks from PDF extraction; quotes below are given without them and
// lib.quote() copies the verbatim (spaced) slice. The indicator table is scrambled column-wise by the
// extraction: only values whose row is unambiguous are taken from it (each such record carries a note).
const B2 = { st: 'district' as const, sid: 'gaogang', doc: '002', kind: 'baseline' as const, year: 2020 };
const T2 = { st: 'district' as const, sid: 'gaogang', doc: '002', kind: 'target' as const, year: 2025 };
const BASE_GDP = '“十三五”末，医药高新区（高港区）实现地区生产总值达971.9亿元，一般公共预算收入89.9亿元，年均分别增长9%和6.6%';
const BASE_SHARE = '以占全市近7%的国土面积、10.7%的常住人口，贡献了18.3%的GDP和23.5%的一般公共预算收入';
add(
  { ...B2, metric: 'gdp', zh: '地区生产总值', en: 'GDP', unit: '亿元', q: BASE_GDP, vt: '971.9' },
  { ...B2, metric: 'budget-revenue', zh: '一般公共预算收入', en: 'General public budget revenue', unit: '亿元', q: BASE_GDP, vt: '89.9' },
  { ...B2, metric: 'gdp-growth-annual', zh: '地区生产总值年均增长（十三五）', en: 'GDP average annual growth (13th FYP)', unit: '%', base: 2015, q: BASE_GDP, vt: '9%' },
  { ...B2, metric: 'budget-revenue-growth-annual', zh: '一般公共预算收入年均增长（十三五）', en: 'Budget revenue average annual growth (13th FYP)', unit: '%', base: 2015, q: BASE_GDP, vt: '6.6%' },
  { ...B2, metric: 'gdp-per-capita', zh: '人均地区生产总值', en: 'GDP per capita', unit: '万元', q: '人均地区生产总值突破20万元', vt: '突破20' },
  { ...B2, metric: 'land-share-of-city', zh: '国土面积占全市比重', en: 'Share of the city’s land area', unit: '%', q: BASE_SHARE, vt: '近7%' },
  { ...B2, metric: 'population-share-of-city', zh: '常住人口占全市比重', en: 'Share of the city’s resident population', unit: '%', q: BASE_SHARE, vt: '10.7%' },
  { ...B2, metric: 'gdp-share-of-city', zh: 'GDP占全市比重', en: 'Share of the city’s GDP', unit: '%', q: BASE_SHARE, vt: '18.3%' },
  { ...B2, metric: 'budget-revenue-share-of-city', zh: '一般公共预算收入占全市比重', en: 'Share of the city’s budget revenue', unit: '%', q: BASE_SHARE, vt: '23.5%' },
  { ...B2, metric: 'fixed-investment-growth-annual', zh: '固定资产投资年均增长', en: 'Fixed-asset investment average annual growth', unit: '%', base: 2015, q: '固定资产投资年均增长11.6%', vt: '11.6%' },
  { ...B2, metric: 'retail-sales', zh: '全社会消费品零售总额', en: 'Retail sales of consumer goods', unit: '亿元', q: '全社会消费品零售总额、进出口总额分别达245亿元和31.5亿美元', vt: '245' },
  { ...B2, metric: 'foreign-trade', zh: '进出口总额', en: 'Foreign trade (imports and exports)', unit: '亿美元', q: '全社会消费品零售总额、进出口总额分别达245亿元和31.5亿美元', vt: '31.5' },
  { ...B2, metric: 'national-hitech-zone-rank', zh: '全国国家级高新区排名', en: 'Rank among the 169 national high-tech zones', unit: '位', q: '列全国169家国家级高新区第74位', vt: '74' },
  { ...B2, metric: 'biomedicine-park-rank', zh: '全国生物医药园区排名', en: 'Rank among national biomedicine parks', unit: '位', q: '在全国生物医药园区排名提升至第11位', vt: '11' },
  { ...B2, metric: 'class1-new-drugs-in-production', zh: '国家一类新药实现投产', en: 'Class-1 new drugs in production', unit: '个', q: '8个国家一类新药实现投产', vt: '8' },
  { ...B2, metric: 'industrial-output', zh: '规上工业总产值', en: 'Gross output of above-scale industry', unit: '亿元', q: '规上工业总产值迈上2000亿元台阶', vt: '2000', qual: 'at_least', note: '迈上…台阶 = has reached the 2000 level.' },
  { ...B2, metric: 'listed-companies', zh: '本土企业挂牌上市', en: 'Local companies listed', unit: '家', q: '3家本土企业挂牌上市', vt: '3' },
  { ...B2, metric: 'fdi-annual', zh: '实际利用外资', en: 'Actually utilised foreign investment (per year)', unit: '亿美元/年', q: '实际利用外资基本稳定在6亿美元左右', vt: '6亿美元左右' },
  { ...B2, metric: 'urbanisation-rate', zh: '常住人口城镇化率', en: 'Urbanisation rate of resident population', unit: '%', q: '常住人口城镇化率达80.6%', vt: '80.6%' },
  { ...B2, metric: 'disposable-income', zh: '城乡居民人均可支配收入', en: 'Per-capita disposable income', unit: '万元', q: '城乡居民人均可支配收入突破4.2万元', vt: '突破4.2' },
  { ...B2, metric: 'new-urban-jobs-cumulative', zh: '累计新增城镇就业', en: 'New urban jobs (cumulative, 13th FYP)', unit: '万人', q: '累计新增城镇就业11.3万人', vt: '11.3' },
  { ...B2, metric: 'public-safety-satisfaction', zh: '公众安全感', en: 'Public sense of safety', unit: '%', q: '公众安全感达99%', vt: '99%' },
);
add({ st: 'feature', sid: 'green-chunjiang-wetland', doc: '002', kind: 'actual', year: null, metric: 'area', zh: '泰州春江省级湿地公园总面积', en: 'Total area of the Taizhou Chunjiang provincial wetland park', unit: '公顷', q: '北至滨江路，总面积390公顷', vt: '390' });
const GOAL_ECON = '地区生产总值年均增速8%左右，期末力争达到1500亿元，占全市比重超过20%，一般公共预算收入力争突破130亿元';
const TABLE_NOTE = 'From the 十四五 indicator table, whose columns are scrambled by PDF extraction; row assignment follows column order.';
add(
  { ...T2, metric: 'gdp-growth-annual', zh: '地区生产总值年均增速', en: 'GDP average annual growth', unit: '%', base: 2020, q: GOAL_ECON, vt: '8%左右' },
  { ...T2, metric: 'gdp', zh: '地区生产总值', en: 'GDP', unit: '亿元', q: GOAL_ECON, vt: '1500', qual: 'strive' },
  { ...T2, metric: 'gdp-share-of-city', zh: '地区生产总值占全市比重', en: 'Share of the city’s GDP', unit: '%', q: GOAL_ECON, vt: '超过20%' },
  { ...T2, metric: 'budget-revenue', zh: '一般公共预算收入', en: 'General public budget revenue', unit: '亿元', q: GOAL_ECON, vt: '力争突破130' },
  { ...T2, metric: 'budget-revenue-growth-annual', zh: '一般公共预算收入年均增速', en: 'Budget revenue average annual growth', unit: '%', base: 2020, q: '地区生产总值(亿元) 2025年目标 年均增速 属 性 力争1500 力争130 50 8%左右 7%左右 预期性 预期性 预期性 预期性 预期性 预期性 预期性 一般公共预算收入(亿元)', vt: '7%左右', note: TABLE_NOTE },
  { ...T2, metric: 'national-hitech-zone-rank', zh: '国家级高新区排名', en: 'Rank among national high-tech zones', unit: '位', q: '国家级高新区排名跻身前50强、全国生物医药园区进入前8强', vt: '前50', qual: 'under', note: 'Rank within the top 50.' },
  { ...T2, metric: 'biomedicine-park-rank', zh: '全国生物医药园区排名', en: 'Rank among national biomedicine parks', unit: '位', q: '国家级高新区排名跻身前50强、全国生物医药园区进入前8强', vt: '前8', qual: 'under', note: 'Rank within the top 8.' },
  { ...T2, metric: 'rd-share-gdp', zh: 'R&D投入占地区生产总值比重', en: 'R&D spending as share of GDP', unit: '%', q: 'R&D投入占地区生产总值比重不低于3%', vt: '不低于3%' },
  { ...T2, metric: 'urbanisation-rate', zh: '常住人口城镇化率', en: 'Urbanisation rate of resident population', unit: '%', q: '常住人口城镇化率达83%', vt: '83%' },
  { ...T2, metric: 'foreign-trade', zh: '进出口总额', en: 'Foreign trade (imports and exports)', unit: '亿美元', q: '期末进出口总额达到50亿美元', vt: '50' },
  { ...T2, metric: 'fdi-cumulative', zh: '五年实际利用外资', en: 'Actually utilised foreign investment over five years', unit: '亿美元', q: '五年实际利用外资力争突破30亿美元', vt: '力争突破30' },
  { ...T2, metric: 'public-safety-satisfaction', zh: '公众安全感', en: 'Public sense of safety', unit: '%', q: '公众安全感稳定在95%以上', vt: '95%以上' },
  { ...T2, metric: 'labour-productivity', zh: '全员劳动生产率', en: 'Overall labour productivity', unit: '万元', q: '58.8 全员劳动生产率(万元)', vt: '58.8', note: TABLE_NOTE },
  { ...T2, metric: 'invention-patents-per-10k', zh: '万人发明专利拥有量', en: 'Invention patents per 10,000 people', unit: '件', q: '研发经费支出占地区生产总值比重(%) 万人发明专利拥有量(件) ≥3 45', vt: '45', note: TABLE_NOTE + ' ≥3 belongs to the R&D row (text: 不低于3%).' },
  { ...T2, metric: 'high-tech-output-share', zh: '高新技术产业产值占规模以上工业产值比重', en: 'High-tech industries’ share of above-scale industrial output', unit: '%', q: '高新技术产业产值占规模以上工业产值比 重(%) 生物医药和新型医疗器械产业工业开票销 售(亿元) 高端装备和高技术船舶产业工业开票销售 (亿元) 54', vt: '54', note: TABLE_NOTE },
  { ...T2, metric: 'unemployment-rate', zh: '城镇调查失业率', en: 'Surveyed urban unemployment rate', unit: '%', q: '城镇调查失业率(%) ＜4', vt: '＜4', note: TABLE_NOTE },
);
const IND_GROWTH_Q = '生物医药和新型医疗器械产业工业开票销 售(亿元) 高端装备和高技术船舶产业工业开票销售 (亿元) 54 预期性 预期性 预期性 预期性 预期性 预期性 预期性 预期性 预期性 预期性 约束性 约束性 约束性 约束性 约束性 约束性 预期性 预期性 约束性 约束性 预期性 ﹥20% ﹥20% ﹥20% 经济强 化工及新材料产业工业开票销售(亿元)';
const IND_NOTE = TABLE_NOTE + ' The three “﹥20%” entries are read as the 年均增速 of the three industry-invoice rows (their 2025 values are missing from the extracted text).';
add(
  { ...T2, metric: 'biomed-devices-invoiced-sales-growth-annual', zh: '生物医药和新型医疗器械产业工业开票销售年均增速', en: 'Biomedicine & new medical devices: industrial invoiced sales, average annual growth', unit: '%', base: 2020, q: IND_GROWTH_Q, vt: '﹥20%', note: IND_NOTE },
  { ...T2, metric: 'equipment-ships-invoiced-sales-growth-annual', zh: '高端装备和高技术船舶产业工业开票销售年均增速', en: 'High-end equipment & high-tech ships: industrial invoiced sales, average annual growth', unit: '%', base: 2020, q: IND_GROWTH_Q, vt: '﹥20%', note: IND_NOTE },
  { ...T2, metric: 'chemicals-materials-invoiced-sales-growth-annual', zh: '化工及新材料产业工业开票销售年均增速', en: 'Chemicals & new materials: industrial invoiced sales, average annual growth', unit: '%', base: 2020, q: IND_GROWTH_Q, vt: '﹥20%', note: IND_NOTE },
);
const PHARMA = '期末，培育形成以扬子江药业为龙头、2家50亿元级企业、超百家亿元企业为骨干的企业雁阵，基本形成2500亿元产业规模';
add(
  { ...T2, metric: 'pharma-health-enterprises-5bn-class', zh: '医药健康产业50亿元级企业', en: 'Pharma & health: enterprises of the 5-billion-yuan class', unit: '家', q: PHARMA, vt: '2家' },
  { ...T2, metric: 'pharma-health-enterprises-100m-class', zh: '医药健康产业亿元企业', en: 'Pharma & health: enterprises of the 100-million-yuan class', unit: '家', q: PHARMA, vt: '超百家', value: 100 },
  { ...T2, metric: 'pharma-health-industry-scale', zh: '医药健康产业规模', en: 'Scale of the pharma & health industry', unit: '亿元', q: PHARMA, vt: '2500', qual: 'about', note: '基本形成 = basically attain.' },
  { ...T2, metric: 'registration-approvals-rank', zh: '新型疫苗、诊断试剂、特医食品3大产业注册证获批量全国园区排名', en: 'National park ranking by approvals (new vaccines, diagnostics, FSMP)', unit: '位', q: '实现新型疫苗、诊断试剂、特医食品3大产业注册证获批量全国园区排名第一', vt: '第一', value: 1 },
  { ...T2, metric: 'chem-drug-approvals-rank', zh: '化学药获批量全国园区排名', en: 'National park ranking by chemical-drug approvals', unit: '位', q: '化学药获批量跻身全国园区前五', vt: '前五', value: 5, qual: 'under' },
  { ...T2, metric: 'vehicle-capacity', zh: '长城汽车泰州基地整车产能', en: 'Vehicle production capacity (Great Wall Motor Taizhou)', unit: '万辆', q: '整车产能突破20万辆', vt: '突破20' },
  { ...T2, metric: 'strategic-emerging-share', zh: '战略性新兴产业产值占比', en: 'Strategic emerging industries’ share of output', unit: '%', q: '“十四五”期末战略性新兴产业产值占比达到55%以上', vt: '55%以上' },
  { ...T2, metric: 'smart-factories', zh: '智能制造示范工厂（车间）', en: 'Smart-manufacturing demonstration factories (workshops)', unit: '家', q: '培育10家以上智能制造示范工厂（车间）', vt: '10家以上' },
  { ...T2, metric: 'multi-storey-factory-floorspace', zh: '泰州大道以东增加楼宇厂房', en: 'Additional multi-storey factory floor space east of 泰州大道', unit: '万平方米', q: '增加楼宇厂房100万平方米', vt: '100' },
  { ...T2, metric: 'services-share-gdp', zh: '服务业增加值占地区生产总值的比重', en: 'Services value added as share of GDP', unit: '%', q: '服务业增加值占地区生产总值的比重达到48%左右', vt: '48%左右' },
  { ...T2, metric: 'class1-new-drugs-new', zh: '新增投产国家一类新药', en: 'New class-1 new drugs put into production', unit: '个', q: '到2025年，力争新增投产7个国家一类新药，新增上市靶向药物品种10个', vt: '7', qual: 'strive' },
  { ...T2, metric: 'targeted-drugs-new', zh: '新增上市靶向药物品种', en: 'New targeted drugs launched', unit: '个', q: '到2025年，力争新增投产7个国家一类新药，新增上市靶向药物品种10个', vt: '10个', qual: 'strive' },
  { ...T2, metric: 'third-party-service-institutions', zh: '新增第三方服务机构', en: 'New third-party service institutions', unit: '个', q: '到2025年新增第三方服务机构10个', vt: '10' },
  { ...T2, metric: 'national-medical-research-carriers', zh: '国家级重点医学研究载体', en: 'National key medical-research platforms', unit: '家', q: '打造1-2家集医、教、研、产于一体的国家级重点医学研究载体', vt: '1-2' },
  { ...T2, metric: 'provincial-rd-institutions', zh: '省级以上研发机构', en: 'Provincial-level or higher R&D institutions', unit: '家', q: '建成省级以上研发机构150家', vt: '150' },
  { ...T2, metric: 'innovation-leader-enterprises', zh: '创新领军型企业', en: 'Innovation-leader enterprises', unit: '家', q: '形成创新领军型企业10家、科技型中小企业500家', vt: '10家' },
  { ...T2, metric: 'tech-smes', zh: '科技型中小企业', en: 'Technology-based SMEs', unit: '家', q: '形成创新领军型企业10家、科技型中小企业500家', vt: '500家' },
  { ...T2, metric: 'high-tech-enterprises', zh: '高新技术企业', en: 'High-tech enterprises', unit: '家', q: '期末全区高新技术企业突破500家，瞪羚企业突破50家', vt: '突破500' },
  { ...T2, metric: 'gazelle-enterprises', zh: '瞪羚企业', en: 'Gazelle enterprises', unit: '家', q: '期末全区高新技术企业突破500家，瞪羚企业突破50家', vt: '突破50' },
);
const TALENT = '新增高层次人才3000名、国家级人才100名、省级人才80名、团队6个';
add(
  { ...T2, metric: 'new-high-level-talents', zh: '新增高层次人才', en: 'New high-level talents', unit: '名', q: TALENT, vt: '3000' },
  { ...T2, metric: 'new-national-talents', zh: '新增国家级人才', en: 'New national-level talents', unit: '名', q: TALENT, vt: '100' },
  { ...T2, metric: 'new-provincial-talents', zh: '新增省级人才', en: 'New provincial-level talents', unit: '名', q: TALENT, vt: '80' },
  { ...T2, metric: 'new-talent-teams', zh: '新增人才团队', en: 'New talent teams', unit: '个', q: TALENT, vt: '团队6个' },
  { ...T2, metric: 'talent-pool', zh: '各类人才资源总量', en: 'Total talent pool', unit: '万人', q: '各类人才资源总量超5.5万人', vt: '超5.5' },
  { ...T2, metric: 'new-business-managers', zh: '新增经营管理人才', en: 'New business-management talents', unit: '名', q: '新增经营管理人才1000名', vt: '1000' },
  { ...T2, metric: 'skilled-talents', zh: '培育各类技能人才', en: 'Skilled workers trained', unit: '名', q: '培育各类技能人才1000名以上', vt: '1000名以上' },
  { ...T2, metric: 'health-education-talents', zh: '培养卫生、教育人才', en: 'Health and education talents trained', unit: '名', q: '培养卫生、教育人才1000名以上', vt: '1000名以上' },
  { ...T2, metric: 'rural-talents', zh: '培养各类农村实用人才', en: 'Rural practical talents trained', unit: '名', q: '培养各类农村实用人才1000名以上', vt: '1000名以上' },
);
const INCUB = '新增5家市级孵化器平台，4家以上省级孵化器（众创空间）、1-2家国家级孵化器（众创空间）';
add(
  { ...T2, metric: 'city-incubators', zh: '新增市级孵化器平台', en: 'New city-level incubators', unit: '家', q: INCUB, vt: '5家' },
  { ...T2, metric: 'provincial-incubators', zh: '新增省级孵化器（众创空间）', en: 'New provincial-level incubators (maker spaces)', unit: '家', q: INCUB, vt: '4家以上' },
  { ...T2, metric: 'national-incubators', zh: '新增国家级孵化器（众创空间）', en: 'New national-level incubators (maker spaces)', unit: '家', q: INCUB, vt: '1-2' },
  { ...T2, metric: 'industry-guidance-fund', zh: '产业引导基金', en: 'Industry guidance fund', unit: '亿元', q: '设立30亿元的产业引导基金', vt: '30' },
  { ...T2, metric: 'pharma-direct-investment-fund', zh: '医药健康产业直投基金总规模', en: 'Pharma & health direct-investment fund, total size', unit: '亿元', q: '筹集总规模不低于50亿元的医药健康产业直投基金', vt: '不低于50' },
  { ...T2, metric: 'listed-companies', zh: '上市企业', en: 'Listed companies', unit: '家', q: '期末上市企业突破20家', vt: '突破20' },
  { ...T2, metric: 'major-projects-signed-cumulative', zh: '累计新签约5亿元（或3000万美元）以上重大产业项目', en: 'Major industrial projects of 500 million yuan (USD 30 million) or more signed, cumulative', unit: '个', q: '累计新签约、新开工5亿元（或3000万美元）以上重大产业项目分别达600个、200个', vt: '600' },
  { ...T2, metric: 'major-projects-started-cumulative', zh: '累计新开工5亿元（或3000万美元）以上重大产业项目', en: 'Major industrial projects of 500 million yuan (USD 30 million) or more started, cumulative', unit: '个', q: '累计新签约、新开工5亿元（或3000万美元）以上重大产业项目分别达600个、200个', vt: '200个' },
  { ...T2, metric: 'industrial-investment-cumulative', zh: '“十四五”期间完成产业投资', en: 'Industrial investment over the 14th FYP', unit: '亿元', q: '“十四五”期间完成产业投资不低于2000亿元', vt: '不低于2000' },
  { ...T2, metric: 'rural-ecommerce-sales', zh: '农村电商销售额', en: 'Rural e-commerce sales', unit: '亿元', q: '到2025年，农村电商销售额突破8亿元，农产品线上交易额突破2亿元', vt: '突破8' },
  { ...T2, metric: 'online-farm-product-sales', zh: '农产品线上交易额', en: 'Online sales of farm products', unit: '亿元', q: '到2025年，农村电商销售额突破8亿元，农产品线上交易额突破2亿元', vt: '突破2' },
  { ...T2, metric: 'industrial-internet-factories', zh: '工业互联网标杆工厂', en: 'Industrial-internet benchmark factories', unit: '家', q: '打造8-10家工业互联网标杆工厂', vt: '8-10' },
  { ...T2, metric: 'industrial-wastewater-capacity-new', zh: '经济开发区新增工业污水处理能力', en: 'New industrial wastewater treatment capacity (economic development zone)', unit: '万吨', q: '适时启动经济开发区新增2万吨工业污水处理能力建设', vt: '2' },
  { ...T2, metric: 'village-sewage-projects', zh: '村庄生活污水治理', en: 'Villages with domestic sewage treatment completed', unit: '个', q: '50个村庄生活污水治理', vt: '50' },
  { ...T2, metric: 'walkable-services-coverage', zh: '社区公共服务设施15分钟步行可达覆盖率', en: 'Coverage of community services within a 15-minute walk', unit: '%', q: '社区公共服务设施15分钟步行可达覆盖率达到90%以上', vt: '90%以上' },
  { ...T2, metric: 'waterside-corridors', zh: '水绿交织的河道空间', en: 'River corridors with green space', unit: '条', q: '建成10条水绿交织的河道空间，总长度30公里左右的骨干绿道', vt: '10' },
  { ...T2, metric: 'greenway-length', zh: '骨干绿道总长度', en: 'Total length of trunk greenways', unit: 'km', q: '建成10条水绿交织的河道空间，总长度30公里左右的骨干绿道', vt: '30公里左右' },
  { ...T2, metric: 'platinum-waterway-length', zh: '“白金水道”', en: '"Platinum waterway" along the Yangtze', unit: 'km', q: '打造20公里“白金水道”', vt: '20' },
  { ...T2, metric: 'new-green-space', zh: '期内净增各类绿地', en: 'Net new green space', unit: '公顷', q: '期内净增各类绿地500公顷，建成区绿化覆盖率保持42%以上', vt: '500' },
  { ...T2, metric: 'green-coverage-built-up', zh: '建成区绿化覆盖率', en: 'Green coverage of the built-up area', unit: '%', q: '期内净增各类绿地500公顷，建成区绿化覆盖率保持42%以上', vt: '42%以上' },
  { ...T2, metric: 'community-health-centres', zh: '新改扩建社区卫生服务中心', en: 'Community health centres built or expanded', unit: '家', q: '新改扩建社区卫生服务中心6家', vt: '6' },
  { ...T2, metric: 'kindergartens', zh: '新改扩建幼儿园', en: 'Kindergartens built or expanded', unit: '所', q: '新改扩建8-10所幼儿园', vt: '8-10' },
  { ...T2, metric: 'schools', zh: '新建改建中小学', en: 'Primary and secondary schools built or rebuilt', unit: '所', q: '新建改建8-11所中小学', vt: '8-11' },
  { ...T2, metric: 'international-understanding-schools', zh: '国际理解教育特色品牌学校', en: 'Schools with an international-understanding education brand', unit: '所', q: '重点建设1-3所国际理解教育特色品牌学校', vt: '1-3' },
);

// ───────────────────────── 004 大健康产业高质量发展规划（2023—2030） (district; base year 2022) ─────────────────────────
const B4 = { st: 'district' as const, sid: 'gaogang', doc: '004', kind: 'baseline' as const, year: 2022 };
const T4 = { st: 'district' as const, sid: 'gaogang', doc: '004', kind: 'target' as const };
add(
  { ...B4, metric: 'big-health-scale', id: 'gaogang-big-health-scale-2022-text', zh: '大健康产业规模', en: 'Scale of the big-health industry', unit: '亿元', q: '2022年末，大健康产业规模达1222.9亿元，约占全市的45.9%', vt: '1222.9' },
  { ...B4, metric: 'big-health-share-of-city', zh: '大健康产业规模占全市比重', en: 'Big-health industry: share of the city total', unit: '%', q: '2022年末，大健康产业规模达1222.9亿元，约占全市的45.9%', vt: '约占全市的45.9%', value: 45.9, qual: 'about' },
  { ...B4, metric: 'big-health-enterprises', zh: '集聚大健康企业', en: 'Big-health enterprises', unit: '家', year: null, q: '集聚大健康企业1400多家，其中规模以上市场主体超过350家，百亿级大健康企业3家', vt: '1400多家', note: 'As of the plan’s drafting (“十四五”以来).' },
  { ...B4, metric: 'big-health-above-scale-entities', zh: '规模以上大健康市场主体', en: 'Above-scale big-health market entities', unit: '家', year: null, q: '集聚大健康企业1400多家，其中规模以上市场主体超过350家，百亿级大健康企业3家', vt: '超过350' },
  { ...B4, metric: 'big-health-enterprises-10bn-class', zh: '百亿级大健康企业', en: 'Big-health enterprises of the 10-billion-yuan class', unit: '家', year: null, q: '集聚大健康企业1400多家，其中规模以上市场主体超过350家，百亿级大健康企业3家', vt: '百亿级大健康企业3家' },
  { ...B4, metric: 'health-manufacturing-share', zh: '健康制造业规模占比', en: 'Health manufacturing’s share of the big-health industry', unit: '%', q: '2022年健康制造业规模占比达66%', vt: '66%' },
  { ...B4, metric: 'top10-enterprise-share', zh: '排名前十位的大健康企业产值占比', en: 'Output share of the ten largest big-health enterprises', unit: '%', year: null, q: '排名前十位的大健康企业产值占比近70%', vt: '近70%' },
  { ...B4, metric: 'park-competitiveness-rank', zh: '综合竞争力全国同类园区排名', en: 'National ranking of comparable parks by overall competitiveness', unit: '位', year: null, q: '综合竞争力位列全国同类园区第9名', vt: '第9名' },
  { ...B4, metric: 'listed-companies', zh: '本土上市企业', en: 'Local listed companies', unit: '家', year: null, q: '本土上市企业达7家', vt: '7' },
  { ...B4, metric: 'class1-new-drugs-rd', zh: '研发和申报的一类新药', en: 'Class-1 new drugs in R&D or filed', unit: '个', year: null, q: '研发和申报的一类新药达到80个', vt: '80' },
  { ...B4, metric: 'high-level-talents', zh: '海内外高层次人才', en: 'High-level talents from home and abroad', unit: '名', year: null, q: '海内外高层次人才达4300多名', vt: '4300多名' },
);
const SCALE_2025 = '到2025年，力争实现大健康产业规模2200亿元、千亿级产业园区1个、新增百亿级企业3家';
const SCALE_2030 = '到2030年，力争大健康产业规模突破3000亿元，累计百亿级企业达10家';
add(
  { ...T4, metric: 'big-health-scale', id: 'gaogang-big-health-scale-2025-text', zh: '大健康产业规模', en: 'Scale of the big-health industry', unit: '亿元', year: 2025, q: SCALE_2025, vt: '2200', qual: 'strive' },
  { ...T4, metric: 'trillion-parks', zh: '千亿级产业园区', en: 'Industrial parks of the 100-billion-yuan class', unit: '个', year: 2025, q: SCALE_2025, vt: '千亿级产业园区1个', qual: 'strive' },
  { ...T4, metric: 'new-enterprises-10bn-class', zh: '新增百亿级企业', en: 'New enterprises of the 10-billion-yuan class', unit: '家', year: 2025, q: SCALE_2025, vt: '新增百亿级企业3家', qual: 'strive' },
  { ...T4, metric: 'big-health-scale', id: 'gaogang-big-health-scale-2030-text', zh: '大健康产业规模', en: 'Scale of the big-health industry', unit: '亿元', year: 2030, q: SCALE_2030, vt: '突破3000', qual: 'strive', note: '力争…突破3000: strive to exceed 3000.' },
  { ...T4, metric: 'enterprises-10bn-class-cumulative', zh: '累计百亿级企业', en: 'Enterprises of the 10-billion-yuan class (cumulative)', unit: '家', year: 2030, q: SCALE_2030, vt: '10家', qual: 'strive' },
  { ...T4, metric: 'new-national-innovation-platforms', zh: '新增国家级创新平台', en: 'New national innovation platforms', unit: '个', year: 2025, q: '到2025年，新增1-2个国家级创新平台', vt: '1-2' },
  { ...T4, metric: 'national-innovation-platforms', zh: '建成国家级创新平台', en: 'National innovation platforms built', unit: '个', year: 2030, q: '到2030年，建成8个国家级创新平台，累计在研和申报的一类新药达85个', vt: '8' },
  { ...T4, metric: 'class1-new-drugs-rd', zh: '累计在研和申报的一类新药', en: 'Class-1 new drugs in R&D or filed (cumulative)', unit: '个', year: 2030, q: '到2030年，建成8个国家级创新平台，累计在研和申报的一类新药达85个', vt: '85' },
  { ...T4, metric: 'park-competitiveness-rank', zh: '园区综合竞争力全国同类园区排名', en: 'National ranking of comparable parks by overall competitiveness', unit: '位', year: 2030, q: '到2030年，力争跻身全国同类园区前6位', vt: '前6位', qual: 'under', note: 'Strive to rank within the top 6.' },
  { ...T4, metric: 'park-competitiveness-rank', id: 'gaogang-park-competitiveness-rank-2030-top10', zh: '综合竞争力（稳居全国前十）', en: 'Overall competitiveness: stay within the national top 10', unit: '位', year: 2030, q: '到2030年，全区大健康产业“四梁八柱”更加成熟定型，整体产业规模位居全国前列，综合竞争力稳居全国前十', vt: '前十', value: 10, qual: 'under' },
  { ...T4, metric: 'listed-company-hqs', zh: '全区上市企业总部', en: 'Listed-company headquarters in the district', unit: '家', year: 2030, q: '到2030年，力争全区上市企业总部达25家', vt: '25', qual: 'strive' },
  { ...T4, metric: 'delegated-provincial-powers', zh: '省级赋权事项', en: 'Provincial administrative powers delegated', unit: '项', year: null, q: '确保省级赋权事项不低于200项', vt: '不低于200' },
  { ...T4, metric: 'clinical-translation-success-gain', zh: '提高成果转化成功率', en: 'Increase in the success rate of translating results', unit: 'fraction', year: null, q: '提高成果转化成功率1/3以上', vt: '1/3以上' },
  { ...T4, metric: 'clinical-trial-time-cut', zh: '缩短临床试验周期', en: 'Reduction of clinical-trial duration', unit: 'fraction', year: null, q: '缩短临床试验周期1/3以上', vt: '1/3以上' },
  { ...T4, metric: 'clinical-trial-cost-cut', zh: '降低企业临床试验成本', en: 'Reduction of enterprises’ clinical-trial cost', unit: 'fraction', year: null, q: '降低企业临床试验成本1/3以上', vt: '1/3以上' },
  { ...T4, metric: 'market-reforms-institutions', zh: '完成市场化改革的研发机构', en: 'R&D institutions to complete market-oriented reform', unit: '家', year: null, q: '完成中科院大化所泰州生物医药创新研究院等8家机构市场化改革', vt: '8家' },
);

/** 004's indicator table (泰州医药高新区（高港区）大健康产业发展指标): 13 rows × 2022 / 2025 / 2030. */
const IND_004: Record<number, { metric: string; en: string }> = {
  1: { metric: 'big-health-scale', en: 'Total scale of the big-health industry' },
  2: { metric: 'health-manufacturing-profit', en: 'Operating profit of above-scale big-health manufacturers' },
  3: { metric: 'new-provincial-rd-institutions', en: 'New provincial-level or higher big-health R&D institutions' },
  4: { metric: 'national-talents-cumulative', en: 'National high-end talents introduced (cumulative)' },
  5: { metric: 'standards-cumulative', en: 'International/national/industry/group standards co-drafted (cumulative)' },
  6: { metric: 'big-health-projects-started-in-year', en: 'Big-health projects started in the year' },
  7: { metric: 'big-health-projects-completed-in-year', en: 'Big-health projects completed in the year' },
  8: { metric: 'gazelle-little-giants-cumulative', en: 'Provincial gazelle and national "little giant" enterprises (cumulative)' },
  9: { metric: 'big-health-listed-companies-cumulative', en: 'Big-health listed companies cultivated (cumulative)' },
  10: { metric: 'life-expectancy', en: 'Average life expectancy' },
  11: { metric: 'health-literacy', en: 'Residents’ health literacy' },
  12: { metric: 'geriatrics-department-share', en: 'Share of level-II+ public general hospitals with a geriatrics department' },
  13: { metric: 'primary-care-standard-share', en: 'Share of township/community health centres meeting the national recommended capability standard' },
};
function table004(): TargetRecord[] {
  const { raw } = loadDoc('004');
  const start = raw.indexOf('大健康产业发展指标');
  const end = raw.indexOf('三、空间布局', start);
  const re = /\t(\d+)\n\t([^\n\t]+)\n\t([^\n\t]+)\n\t([^\n\t]+)\n\t([^\n\t]+)\n\t(预期性|约束性)/gu;
  const out: TargetRecord[] = [];
  for (const m of raw.slice(start, end).matchAll(re)) {
    const seq = Number(m[1]);
    const label = m[2];
    const meta = IND_004[seq];
    if (!meta) throw new Error(`004 table: unknown row ${seq} ${label}`);
    const unitMatch = /[（(]([^（）()]+)[）)]$/u.exec(label);
    const unit = unitMatch ? unitMatch[1] : '';
    const name = label.replace(/[（(][^（）()]+[）)]$/u, '');
    const cells = [m[3], m[4], m[5]];
    const cite = quote('004', [label, ...cells].join(''));
    [2022, 2025, 2030].forEach((year, k) => {
      const p = parseValue(cells[k]);
      out.push({
        id: `gaogang-${meta.metric}-${year}`, subject_type: 'district', subject_id: 'gaogang',
        kind: year === 2022 ? 'baseline' : 'target', metric: meta.metric,
        metric_zh: name, metric_en: meta.en,
        value_text: cells[k], value: p.value, value_max: p.value_max, qualifier: p.qualifier,
        unit, year, base_year: year === 2022 ? null : 2022, cite,
        note: `004 indicator table row ${seq} (${m[6]})`,
      });
    });
  }
  if (out.length !== 39) throw new Error(`004 table: expected 13 rows, got ${out.length / 3}`);
  return out;
}

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
  const out: TargetRecord[] = [...tableTotals(), ...table004()];
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
