/**
 * Build seeds/discrepancies.json: contradictions between or within the five source documents.
 *
 *   npx tsx seeds/extract/discrepancies.ts
 *
 * Every claim cites a verbatim quote (lib.quote() copies it from the document and fails if absent).
 * `computed` values are calculated here from the extracted figures (chains.ts / targets.ts), never typed in.
 * Kinds: sum | figure | name | membership | growth | area.
 *
 * English texts are English: amounts through the UI's unit formatting (yiEn), and a place the atlas maps
 * as `{name:<feature id>}`, which the server replaces by that feature's name_en when it lists the checks
 * (server/src/discrepancies/curated-text.ts), so a check names places as the map does. A Chinese
 * term kept as evidence stands in “…” after its English.
 */
import { fileURLToPath } from 'node:url';
import { quote, writeJson, type Cite } from './lib';
import { buildChains, rowQuote } from './chains';
import { buildTargets } from './targets';
import { formatQuantity } from '../../client/src/lib/figure-format';

interface Claim { text: string; cite: Cite }
interface Discrepancy {
  id: string; kind: 'sum' | 'figure' | 'name' | 'membership' | 'growth' | 'area';
  title_zh: string; title_en: string; explanation_en: string; explanation_zh: string;
  subjects: string[]; claims: Claim[]; computed?: { description: string; description_zh?: string; value: number; unit?: string };
}

const r1 = (x: number) => Math.round(x * 10) / 10;
/** An amount in 亿元 as the English UI reads it (2200 → “CNY 220 bn”), through the app's own unit formatting. */
const yiEn = (x: number) => formatQuantity('en', x, '亿元');
const r2 = (x: number) => Math.round(x * 100) / 100;

export function buildDiscrepancies(): Discrepancy[] {
  const chains = buildChains();
  const targets = buildTargets();
  const fig = (id: string) => {
    const t = targets.find((x) => x.id === id);
    if (!t) throw new Error(`no target ${id}`);
    if (t.value === null) throw new Error(`target ${id} has no value`);
    return t.value;
  };
  const chainVal = (id: string, year: number) => {
    const c = chains.find((x) => x.id === id);
    const f = c?.figures.find((x) => x.year === year);
    if (!f || f.value === null) throw new Error(`no figure ${id} ${year}`);
    return f.value;
  };
  const groupSum = (group: string, year: number) =>
    chains.filter((c) => c.group_id === group).reduce((s, c) => s + chainVal(c.id, year), 0);
  const chainClaim = (id: string): Claim => {
    const c = chains.find((x) => x.id === id)!;
    const [a, b, d] = c.figures.map((f) => f.value_text);
    return { text: `001 appendix table, ${c.name_en}: ${a} (2024), ${b} (2027 target), ${d} (2030 target) 亿元, city-wide.`, cite: rowQuote(c.name_zh, [a, b, d]) };
  };
  const out: Discrepancy[] = [];

  // ── 001: body targets vs appendix table ──
  const total2027 = chains.reduce((s, c) => s + chainVal(c.id, 2027), 0);
  out.push({
    id: 'sum-001-chains-2027', kind: 'sum',
    title_zh: '30条产业链2027年销售收入：正文7500亿元与附件合计7452亿元不一致',
    title_en: '30 chains, 2027 revenue: body says 7,500 亿元, appendix table totals 7,452 亿元',
    explanation_en: `001's body aims for 7,500 亿元 of sales from the 30 chains by 2027, but the appendix table's 2027 targets add up to ${total2027} 亿元 (its own 合计 row agrees: 7,452). The body figure is ${total2027 < 7500 ? 7500 - total2027 : 0} 亿元 above the sum of the chain targets. For 2030 the two agree (body: over 9,000; table: 9,031).`,
    explanation_zh: `001正文提出到2027年30条产业链销售收入力争达7500亿元，但附件表中30条产业链2027年目标合计为${total2027}亿元（表内“合计”行亦为7452），比正文少${7500 - total2027}亿元。2030年两者一致（正文突破9000亿元，附件合计9031亿元）。`,
    subjects: ['taizhou-chains-revenue-2027', 'taizhou-chains-revenue-table-total-2027-table'],
    claims: [
      { text: 'Body: by 2027 strive for 7,500 亿元 sales revenue from the 30 chains.', cite: quote('001', '到2027年，力争30条产业链销售收入达7500亿元') },
      { text: 'Appendix table total row: 6,113 (2024), 7,452 (2027), 9,031 (2030) 亿元.', cite: rowQuote('合计', ['6113', '7452', '9031']) },
    ],
    computed: { description: 'Sum of the 30 chains’ 2027 targets in 001’s appendix table (亿元)', value: total2027 },
  });
  const bh2027 = groupSum('big-health', 2027);
  out.push({
    id: 'sum-001-big-health-2027', kind: 'sum',
    title_zh: '大健康制造业2027年规模：正文1500亿元与附件9条产业链合计1410亿元不一致',
    title_en: 'Big health 2027: body says 1,500 亿元, the nine chains of the table add up to 1,410 亿元',
    explanation_en: `001's body sets 1,500 亿元 by 2027 for the two big-health manufacturing industries (biomedicine and health food). The appendix lists nine chains under 大健康产业（生物医药、健康食品）, whose 2027 targets add up to ${bh2027} 亿元 — ${1500 - bh2027} 亿元 short of the body target. The other group targets of the body match their chains (海工 1,000: ${groupSum('marine-shipbuilding', 2027)}; 新材料 >2,600: ${groupSum('new-materials', 2027)}; 新能源 >500: ${groupSum('new-energy', 2027)}; 未来产业 >100: ${groupSum('future-industries', 2027)}) except 新智造 (see sum-001-smart-manufacturing-2027).`,
    explanation_zh: `001正文提出到2027年生物医药和健康食品2个大健康制造业规模达1500亿元，但附件表“大健康产业（生物医药、健康食品）”下9条产业链2027年目标合计仅${bh2027}亿元，相差${1500 - bh2027}亿元。`,
    subjects: ['big-health-industry-group-scale-2027', ...chains.filter((c) => c.group_id === 'big-health').map((c) => c.id)],
    claims: [
      { text: 'Body: by 2027 the two big-health manufacturing industries reach 1,500 亿元.', cite: quote('001', '到2027年，生物医药和健康食品2个大健康制造业规模达1500亿元') },
      { text: 'Appendix table: the big-health group begins with 化学药 (rows 1–9 belong to it).', cite: quote('001', '大健康产业（生物医药、健康食品）\n\n\t1\n\t化学药') },
    ],
    computed: { description: 'Sum of the 2027 targets of chains 1–9 (big-health group) in 001’s appendix table (亿元)', value: bh2027 },
  });
  const sm2027 = groupSum('smart-manufacturing', 2027);
  out.push({
    id: 'sum-001-smart-manufacturing-2027', kind: 'sum',
    title_zh: '新智造2027年规模：正文力争1800亿元与附件5条产业链合计1786亿元不一致',
    title_en: 'New smart manufacturing 2027: body says 1,800 亿元, its five chains add up to 1,786 亿元',
    explanation_en: `001's body aims for 1,800 亿元 of 新智造 output by 2027; the five chains listed under 新智造 in the appendix (NEVs, auto parts, electronic information, intelligent equipment, energy saving & environmental protection) have 2027 targets summing to ${sm2027} 亿元.`,
    explanation_zh: `001正文提出到2027年新智造产业规模力争达1800亿元，而附件表“新智造”下5条产业链2027年目标合计为${sm2027}亿元。`,
    subjects: ['smart-manufacturing-industry-group-scale-2027', ...chains.filter((c) => c.group_id === 'smart-manufacturing').map((c) => c.id)],
    claims: [
      { text: 'Body: 新智造 strives for 1,800 亿元 by 2027.', cite: quote('001', '到2027年，新智造产业规模力争达1800亿元') },
      { text: 'Appendix table: the 新智造 group begins with row 12, 新能源（智能网联）汽车 (rows 12–16 belong to it).', cite: quote('001', '新智造\n\n\t12\n\t新能源（智能网联）汽车') },
    ],
    computed: { description: 'Sum of the 2027 targets of chains 12–16 (新智造) in 001’s appendix table (亿元)', value: sm2027 },
  });

  // ── 000: cluster scale classes vs their segment targets ──
  const SENT = '生物医药及大健康、粮油拓展及精深加工、装备制造及船舶产业三个产业集群分别迈向1000亿级，电子信息产业迈向500亿级';
  const eq = fig('cluster-equipment-shipbuilding-industry-scale-high-end-equipment-2030') + fig('cluster-equipment-shipbuilding-industry-scale-shipbuilding-2030');
  const bio = fig('cluster-biomed-health-industry-scale-biomedicine-2030') + fig('cluster-biomed-health-industry-scale-other-big-health-2030');
  const grain = fig('cluster-grain-oil-industry-scale-grain-oil-processing-2030') + fig('cluster-grain-oil-industry-scale-petrochemicals-2030');
  out.push({
    id: 'sum-000-equipment-cluster-2030', kind: 'sum',
    title_zh: '装备制造及船舶产业集群“迈向1000亿级”，但两项分产业目标合计仅700亿元',
    title_en: 'Equipment & shipbuilding cluster "heading to the 1,000 亿 class", but its two segment targets add up to 700 亿元',
    explanation_en: `000 names three clusters heading to the 1,000 亿 class (“三个千亿级”) by the end of 十五五. For biomedicine & big health (${bio}) and grain & oil (${grain}) the segment targets do exceed 1,000 亿元, but for equipment & shipbuilding the 2030 targets of 高端装备制造 (455) and 船舶制造 (245) add up to only ${eq} 亿元. “迈向” (heading towards) softens the claim, but the document's own segment targets leave this cluster 30% short of the class it is counted in.`,
    explanation_zh: `000称三个产业集群“分别迈向1000亿级”，并提出“三个千亿级”产业布局。生物医药及大健康（${bio}亿元）、粮油拓展及精深加工（${grain}亿元）的分产业目标合计超过1000亿元，但装备制造及船舶产业中高端装备制造455亿元与船舶制造245亿元合计仅${eq}亿元。`,
    subjects: ['cluster-equipment-shipbuilding-scale-class-2030', 'cluster-equipment-shipbuilding-industry-scale-high-end-equipment-2030', 'cluster-equipment-shipbuilding-industry-scale-shipbuilding-2030'],
    claims: [
      { text: 'Three clusters, including equipment & shipbuilding, head to the 1,000 亿 class.', cite: quote('000', SENT) },
      { text: 'Task 12 speaks of “three 1,000-亿-class and one 500-亿-class” industries.', cite: quote('000', '围绕“三个千亿级”“一个五百亿级”产业布局') },
      { text: 'By 2030 high-end equipment 455 亿元 and shipbuilding 245 亿元.', cite: quote('000', '“十五五”期末，高端装备制造和船舶制造产业规模分别达455亿元、245亿元') },
    ],
    computed: { description: '高端装备制造 + 船舶制造 2030 targets (亿元)', value: eq },
  });
  const el = fig('cluster-electronics-industry-scale-consumer-electronics-2030') + fig('cluster-electronics-industry-scale-integrated-circuits-2030');
  out.push({
    id: 'sum-000-electronics-cluster-2030', kind: 'sum',
    title_zh: '电子信息产业“迈向500亿级”，但消费电子与集成电路目标合计仅375亿元',
    title_en: 'Electronic information "heading to the 500 亿 class", but its segment targets add up to 375 亿元',
    explanation_en: `000 counts electronic information as the “one 500-亿-class” industry, yet its 2030 segment targets — consumer electronics 350 and integrated circuits 25 亿元 — sum to ${el} 亿元, 25% below the class.`,
    explanation_zh: `000称电子信息产业“迈向500亿级”（“一个五百亿级”），但其消费电子350亿元、集成电路25亿元的2030年目标合计仅${el}亿元。`,
    subjects: ['cluster-electronics-scale-class-2030', 'cluster-electronics-industry-scale-consumer-electronics-2030', 'cluster-electronics-industry-scale-integrated-circuits-2030'],
    claims: [
      { text: 'Electronic information heads to the 500 亿 class.', cite: quote('000', SENT) },
      { text: 'By 2030 consumer electronics 350 亿元 and integrated circuits 25 亿元.', cite: quote('000', '“十五五”期末，消费电子、集成电路产业规模分别达350亿元、25亿元') },
    ],
    computed: { description: '消费电子 + 集成电路 2030 targets (亿元)', value: el },
  });
  out.push({
    id: 'figure-000-high-tech-enterprises-annual', kind: 'figure',
    title_zh: '每年新增高新技术企业：“超100家”与“100家”',
    title_en: 'New high-tech enterprises per year: "over 100" vs "100"',
    explanation_en: '000 states the annual number of new high-tech enterprises twice: “over 100” in the overall goals and exactly 100 in task 15. Minor, but the map should show which one it uses.',
    explanation_zh: '000总体目标为年新增高新技术企业“超100家”，第15项任务为“每年新增高新技术企业100家”，表述不一致。',
    subjects: ['gaogang-new-high-tech-enterprises-annual', 'gaogang-new-high-tech-enterprises-annual-item15'],
    claims: [
      { text: 'Overall goals: over 100 new high-tech enterprises per year.', cite: quote('000', '高新技术企业超100家') },
      { text: 'Task 15: 100 new high-tech enterprises per year.', cite: quote('000', '每年新增高新技术企业100家') },
    ],
  });

  // ── district (000) vs city (001) ──
  const BIOMED5 = ['chem-drugs', 'modern-tcm', 'biopharma', 'medical-devices', 'pharma-outsourcing'];
  const city2030 = BIOMED5.reduce((s, id) => s + chainVal(id, 2030), 0);
  const city2024 = BIOMED5.reduce((s, id) => s + chainVal(id, 2024), 0);
  const implied2025 = fig('cluster-biomed-health-industry-scale-biomedicine-2030') / Math.pow(1 + fig('cluster-biomed-health-revenue-growth-annual-biomedicine-2030') / 100, 5);
  out.push({
    id: 'figure-biomedicine-district-exceeds-city-2030', kind: 'figure',
    title_zh: '区级生物医药2030年目标（900亿元）高于全市5条医药产业链2030年目标合计（586亿元）',
    title_en: 'District biomedicine target for 2030 (900 亿元) exceeds the whole city’s five biomedicine chains (586 亿元)',
    explanation_en: `000 sets the district's biomedicine industry at 900 亿元 by 2030 (8.5% a year, implying about ${r1(implied2025)} 亿元 in 2025). 001's appendix gives the whole city's five biomedicine chains (chemical drugs, modern TCM, biopharmaceuticals, medical devices, pharma outsourcing) ${r1(city2024)} 亿元 in 2024 and ${city2030} 亿元 by 2030. A district inside the city cannot exceed the city total unless the two documents measure different things (e.g. 规模 vs 销售收入, or a wider 生物医药 definition); neither document says so.`,
    explanation_zh: `000提出“十五五”期末全区生物医药产业规模达900亿元（年均增长8.5%，推算2025年约${r1(implied2025)}亿元）；而001附件中全市化学药、现代中药、生物制药、医疗器械、医药外包5条产业链2024年合计${r1(city2024)}亿元、2030年目标合计${city2030}亿元。区级目标高于全市目标，除非两份文件口径不同，但文件均未说明。`,
    subjects: ['cluster-biomed-health-industry-scale-biomedicine-2030', ...BIOMED5],
    claims: [
      { text: '000: district biomedicine 900 亿元 by 2030, growing 8.5% a year.', cite: quote('000', '“十五五”期末，全区生物医药、其他大健康产业规模分别达到900亿元、190亿元，年均增长8.5%、6.3%') },
      ...BIOMED5.map(chainClaim),
    ],
    computed: { description: 'Sum of the 2030 targets of the five biomedicine chains (rows 1–5) in 001, city-wide (亿元)', value: city2030 },
  });
  out.push({
    id: 'figure-petrochemicals-district-exceeds-city-2030', kind: 'figure',
    title_zh: '区级石化2030年目标（630亿元）高于全市石油化工产业链2030年目标（550亿元）',
    title_en: 'District petrochemicals target for 2030 (630 亿元) exceeds the city’s petrochemical chain target (550 亿元)',
    explanation_en: '000 sets the district’s petrochemical industry (石化: fuels, refinery derivatives, lubricants, additives) at 630 亿元 by 2030; 001 sets the whole city’s 石油化工 chain at 550 亿元 by 2030 (383.6 in 2024). Unless 000’s 石化 also counts parts of the city’s 精细化工 or 化工新材料 chains — it does not say so — the district target is larger than the city’s.',
    explanation_zh: '000提出“十五五”期末全区石化产业规模达630亿元；001附件中全市石油化工产业链2030年目标为550亿元（2024年383.6亿元）。区级目标高于全市，口径差异未作说明。',
    subjects: ['cluster-grain-oil-industry-scale-petrochemicals-2030', 'petrochemicals'],
    claims: [
      { text: '000: district petrochemicals 630 亿元 by 2030.', cite: quote('000', '“十五五”期末，粮油加工、石化产业规模分别达445亿元、630亿元') },
      chainClaim('petrochemicals'),
    ],
    computed: { description: 'Difference district 2030 target − city chain 2030 target (亿元)', value: fig('cluster-grain-oil-industry-scale-petrochemicals-2030') - chainVal('petrochemicals', 2030) },
  });
  out.push({
    id: 'figure-electronics-district-exceeds-city-2030', kind: 'figure',
    title_zh: '区级电子信息2030年目标（375亿元）高于全市电子信息产业链2030年目标（355亿元）',
    title_en: 'District electronics target for 2030 (375 亿元) exceeds the city’s electronic-information chain target (355 亿元)',
    explanation_en: `000's 2030 targets for consumer electronics (350) and integrated circuits (25) give the district ${el} 亿元 of electronic information; 001 sets the whole city's 电子信息 chain at 355 亿元 by 2030 (262 in 2024).`,
    explanation_zh: `000中消费电子350亿元、集成电路25亿元，全区电子信息合计${el}亿元；001附件中全市电子信息产业链2030年目标为355亿元（2024年262亿元）。`,
    subjects: ['cluster-electronics-industry-scale-consumer-electronics-2030', 'cluster-electronics-industry-scale-integrated-circuits-2030', 'electronic-info'],
    claims: [
      { text: '000: consumer electronics 350 and integrated circuits 25 亿元 by 2030 (district).', cite: quote('000', '“十五五”期末，消费电子、集成电路产业规模分别达350亿元、25亿元') },
      chainClaim('electronic-info'),
    ],
    computed: { description: 'District electronics 2030 (消费电子 + 集成电路, 亿元)', value: el },
  });

  // ── big health across 000 / 001 / 002 / 004 ──
  out.push({
    id: 'figure-big-health-2030-000-vs-004', kind: 'figure',
    title_zh: '全区大健康产业2030年规模：004力争突破3000亿元，000仅1090亿元',
    title_en: 'District big-health industry in 2030: 004 says over 3,000 亿元, 000 adds up to 1,090 亿元',
    explanation_en: `For the same district and the same year, 004 (2023–2030 plan) aims for a big-health industry of over 3,000 亿元, whereas 000 (十五五 work plan) sets biomedicine 900 + other big health 190 = ${bio} 亿元 for its 生物医药及大健康 cluster (“heading to the 1,000 亿 class”). 004 also reports 1,222.9 亿元 already in 2022, more than 000's implied 2025 level (~${r1(implied2025 + fig('cluster-biomed-health-industry-scale-other-big-health-2030') / Math.pow(1.063, 5))} 亿元). The documents evidently use different definitions of 大健康 (004 includes health services and food); neither defines its scope.`,
    explanation_zh: `同一区域同一年份：004提出到2030年大健康产业规模力争突破3000亿元；000中生物医药900亿元与其他大健康190亿元合计${bio}亿元（“迈向1000亿级”）。004称2022年末已达1222.9亿元，高于按000增速推算的2025年水平。两文件“大健康”口径显然不同，但均未说明。`,
    subjects: ['gaogang-big-health-scale-2030-text', 'gaogang-big-health-scale-2030', 'cluster-biomed-health-industry-scale-biomedicine-2030', 'cluster-biomed-health-industry-scale-other-big-health-2030'],
    claims: [
      { text: '004: by 2030 strive for a big-health industry of over 3,000 亿元.', cite: quote('004', '到2030年，力争大健康产业规模突破3000亿元') },
      { text: '004: big-health industry 1,222.9 亿元 at the end of 2022.', cite: quote('004', '2022年末，大健康产业规模达1222.9亿元') },
      { text: '000: by 2030 biomedicine 900 and other big health 190 亿元.', cite: quote('000', '“十五五”期末，全区生物医药、其他大健康产业规模分别达到900亿元、190亿元') },
    ],
    computed: { description: '000: 生物医药 + 其他大健康 2030 targets (亿元)', value: bio },
  });
  const impliedCity2022 = fig('gaogang-big-health-scale-2022-text') / (fig('gaogang-big-health-share-of-city-2022') / 100);
  const distMfg2025 = fig('gaogang-big-health-scale-2025-text') * (fig('gaogang-health-manufacturing-share-2022') / 100);
  out.push({
    id: 'figure-big-health-district-vs-city', kind: 'figure',
    title_zh: '区级大健康目标（2025年力争2200亿元）与全市大健康制造业目标（2027年1500亿元）难以相容',
    title_en: `District big-health target (${yiEn(2200)} in 2025) vs the city’s big-health target (${yiEn(1500)} in 2027)`,
    explanation_en: `004 puts the district's big-health industry at ${yiEn(1222.9)} in 2022, “about 45.9% of the city” (implying a city total of about ${yiEn(r1(impliedCity2022))}), and aims for ${yiEn(2200)} by 2025. 001 gives the whole city's nine big-health chains ${yiEn(r1(groupSum('big-health', 2024)))} in 2024 and a target of ${yiEn(1500)} by 2027 — less than the district's own 2022 level. Part of the gap is scope: 001 counts manufacturing only (“big-health manufacturing”, “大健康制造业”), 004 includes services (manufacturing was 66% in 2022). But even at that share the district's 2025 target means about ${yiEn(r1(distMfg2025))} of big-health manufacturing, ${Math.round((distMfg2025 / 1500) * 100)}% of the city's 2027 target for all of Taizhou.`,
    explanation_zh: `004称2022年末全区大健康产业规模1222.9亿元、约占全市45.9%（推算全市约${r1(impliedCity2022)}亿元），并力争2025年达2200亿元；001中全市大健康9条产业链2024年合计${r1(groupSum('big-health', 2024))}亿元，2027年目标1500亿元，低于区级2022年水平。001为“大健康制造业”口径，004含健康服务业（2022年健康制造业占66%）；即便按66%计，区级2025年健康制造业约${r1(distMfg2025)}亿元，相当于全市2027年目标的${Math.round((distMfg2025 / 1500) * 100)}%。`,
    subjects: ['gaogang-big-health-scale-2022-text', 'gaogang-big-health-scale-2025-text', 'gaogang-health-manufacturing-share-2022', 'big-health-industry-group-scale-2027', 'big-health'],
    claims: [
      { text: `004: ${yiEn(1222.9)} in 2022, about 45.9% of the city.`, cite: quote('004', '2022年末，大健康产业规模达1222.9亿元，约占全市的45.9%') },
      { text: `004: strive for ${yiEn(2200)} by 2025.`, cite: quote('004', '到2025年，力争实现大健康产业规模2200亿元') },
      { text: '004: health manufacturing was 66% of the big-health industry in 2022.', cite: quote('004', '2022年健康制造业规模占比达66%') },
      { text: `001: the city’s two big-health manufacturing industries reach ${yiEn(1500)} by 2027.`, cite: quote('001', '到2027年，生物医药和健康食品2个大健康制造业规模达1500亿元') },
    ],
    computed: { description: '004’s 2025 target × its 2022 health-manufacturing share of 66%', description_zh: '004的2025年目标×其2022年健康制造业占比66%', value: r1(distMfg2025), unit: '亿元' },
  });
  out.push({
    id: 'figure-pharma-health-2025-002-vs-004', kind: 'figure',
    title_zh: '2025年规模：002医药健康产业约2500亿元，004大健康产业力争2200亿元',
    title_en: '2025 scale: 002 expects ~2,500 亿元 for pharma & health, 004 aims for 2,200 亿元 for the (broader) big-health industry',
    explanation_en: `002 (十四五 plan) expects the district’s 医药健康 industry to “basically reach 2,500 亿元” by the end of 2025; 004 (2023–2030 big-health plan) targets 2,200 亿元 for the whole 大健康 industry in 2025 — a broader category with a smaller number. 000’s 2030 targets and growth rates imply a 2025 level of only about ${r1(implied2025 + fig('cluster-biomed-health-industry-scale-other-big-health-2030') / Math.pow(1.063, 5))} 亿元 for biomedicine plus other big health.`,
    explanation_zh: `002提出期末（2025年）医药健康产业基本形成2500亿元产业规模；004提出2025年大健康产业规模力争2200亿元，范围更大而数值更小；按000的2030年目标和年均增速推算，2025年生物医药及其他大健康仅约${r1(implied2025 + fig('cluster-biomed-health-industry-scale-other-big-health-2030') / Math.pow(1.063, 5))}亿元。`,
    subjects: ['gaogang-pharma-health-industry-scale-2025', 'gaogang-big-health-scale-2025', 'gaogang-big-health-scale-2025-text'],
    claims: [
      { text: '002: by the end of the period (2025) basically reach a 2,500 亿元 industry.', cite: quote('002', '期末，培育形成以扬子江药业为龙头、2家50亿元级企业、超百家亿元企业为骨干的企业雁阵，基本形成2500亿元产业规模') },
      { text: '004: strive for a 2,200 亿元 big-health industry by 2025.', cite: quote('004', '到2025年，力争实现大健康产业规模2200亿元') },
      { text: '000: 900 and 190 亿元 by 2030, growing 8.5% and 6.3% a year.', cite: quote('000', '全区生物医药、其他大健康产业规模分别达到900亿元、190亿元，年均增长8.5%、6.3%') },
    ],
    computed: { description: '2025 level implied by 000 (900 / 1.085^5 + 190 / 1.063^5, 亿元)', value: r1(implied2025 + fig('cluster-biomed-health-industry-scale-other-big-health-2030') / Math.pow(1.063, 5)) },
  });
  out.push({
    id: 'figure-004-listed-companies-25', kind: 'figure',
    title_zh: '2030年“25家”：正文为“全区上市企业总部”，指标表为“累计培育大健康上市企业”',
    title_en: 'The 2030 target of 25: "listed-company headquarters in the district" (text) vs "big-health listed companies cultivated" (table)',
    explanation_en: '004 gives the same number, 25 by 2030, to two different quantities: all listed-company headquarters in the district (text) and cumulative big-health listed companies (indicator table). One of the labels is wrong, or the two targets coincide by chance.',
    explanation_zh: '004正文“力争全区上市企业总部达25家”与指标表“累计培育大健康上市企业 力争25”数值相同而口径不同（全区全部上市企业 vs 大健康上市企业）。',
    subjects: ['gaogang-listed-company-hqs-2030', 'gaogang-big-health-listed-companies-cumulative-2030'],
    claims: [
      { text: '004 text: strive for 25 listed-company headquarters in the district by 2030.', cite: quote('004', '到2030年，力争全区上市企业总部达25家') },
      { text: '004 table: big-health listed companies (cumulative) 7 → strive 12 → strive 25.', cite: quote('004', '累计培育大健康上市企业（个）\n\t7\n\t力争12\n\t力争25') },
    ],
  });

  // ── 002: stated growth rates vs stated end points ──
  const gdp0 = fig('gaogang-gdp-2020'); const gdp1 = fig('gaogang-gdp-2025'); const g = fig('gaogang-gdp-growth-annual-2025');
  const needGdp = (Math.pow(gdp1 / gdp0, 1 / 5) - 1) * 100;
  out.push({
    id: 'growth-002-gdp-2025', kind: 'growth',
    title_zh: '十四五GDP：年均增长8%左右无法从971.9亿元达到1500亿元',
    title_en: '14th FYP GDP: ~8% a year does not take 971.9 亿元 to 1,500 亿元',
    explanation_en: `002 starts from a GDP of 971.9 亿元 at the end of 十三五 (2020) and aims for about 8% annual growth and 1,500 亿元 by 2025. Five years at 8% give ${r1(gdp0 * Math.pow(1 + g / 100, 5))} 亿元; reaching 1,500 needs ${r2(needGdp)}% a year.`,
    explanation_zh: `002“十三五”末地区生产总值971.9亿元，“十四五”年均增速8%左右、期末力争1500亿元。按8%增长5年仅约${r1(gdp0 * Math.pow(1 + g / 100, 5))}亿元，达到1500亿元需年均增长${r2(needGdp)}%。`,
    subjects: ['gaogang-gdp-2020', 'gaogang-gdp-2025', 'gaogang-gdp-growth-annual-2025'],
    claims: [
      { text: '002: GDP 971.9 亿元 at the end of 十三五.', cite: quote('002', '“十三五”末，医药高新区（高港区）实现地区生产总值达971.9亿元') },
      { text: '002: GDP growth about 8% a year, strive for 1,500 亿元 by the end of the period.', cite: quote('002', '地区生产总值年均增速8%左右，期末力争达到1500亿元') },
    ],
    computed: { description: 'Average annual growth needed from 971.9 (2020) to 1500 (2025), %', value: r2(needGdp) },
  });
  const b0 = fig('gaogang-budget-revenue-2020'); const b1 = fig('gaogang-budget-revenue-2025'); const bg = fig('gaogang-budget-revenue-growth-annual-2025');
  const needB = (Math.pow(b1 / b0, 1 / 5) - 1) * 100;
  out.push({
    id: 'growth-002-budget-revenue-2025', kind: 'growth',
    title_zh: '十四五一般公共预算收入：年均增长7%左右达不到130亿元',
    title_en: '14th FYP budget revenue: ~7% a year does not take 89.9 亿元 past 130 亿元',
    explanation_en: `002 starts from 89.9 亿元 of general public budget revenue in 2020, targets “over 130 亿元” by 2025 in the text and about 7% annual growth in the indicator table. 89.9 × 1.07⁵ = ${r1(b0 * Math.pow(1 + bg / 100, 5))} 亿元; exceeding 130 needs ${r2(needB)}% a year. (The 7% is read from the PDF-scrambled table, see the figure's note.)`,
    explanation_zh: `002“十三五”末一般公共预算收入89.9亿元，期末力争突破130亿元，指标表年均增速7%左右。按7%增长5年约${r1(b0 * Math.pow(1 + bg / 100, 5))}亿元，突破130亿元需年均增长${r2(needB)}%。`,
    subjects: ['gaogang-budget-revenue-2020', 'gaogang-budget-revenue-2025', 'gaogang-budget-revenue-growth-annual-2025'],
    claims: [
      { text: '002: budget revenue 89.9 亿元 at the end of 十三五.', cite: quote('002', '一般公共预算收入89.9亿元') },
      { text: '002: strive to exceed 130 亿元 by the end of the period.', cite: quote('002', '一般公共预算收入力争突破130亿元') },
      { text: '002 indicator table: 2025 targets 力争1500 / 力争130 and growth 8%左右 / 7%左右.', cite: quote('002', '力争1500 力争130 50 8%左右 7%左右') },
    ],
    computed: { description: 'Average annual growth needed from 89.9 (2020) to 130 (2025), %', value: r2(needB) },
  });

  // ── names and memberships ──
  out.push({
    id: 'name-spatial-structure', kind: 'name',
    title_zh: '城市空间结构名称不一：“一核三极、双城多轴”“一核三极三城”“一轴一核三极三城”“一核一轴三极三城”',
    title_en: 'The spatial structure has four names across documents',
    explanation_en: '002 builds the district’s structure as “one core, three poles, two cities, many axes” and links it to the central city’s “one core, three poles, three cities”; 003 speaks of “one axis, one core, three poles, three cities”; 004 of “one core, one axis, three poles, three cities”. 002’s own structure has two cities and many axes; 003 and 004 name a single axis and three cities, and put the axis in different places (一轴一核 vs 一核一轴). The map should use one name and show the others as aliases.',
    explanation_zh: '002构建“一核三极、双城多轴”城市空间结构，并衔接泰州中心城区“一核三极三城”；003为“一轴一核三极三城”；004为“一核一轴三极三城”。名称与构成（轴、城的数量）不一致。',
    subjects: [],
    claims: [
      { text: '002: the district builds a “一核三极、双城多轴” structure.', cite: quote('002', '构建“一核三极、双城多轴”城市空间结构') },
      { text: '002: it links to the central city’s “一核三极三城” layout.', cite: quote('002', '主动衔接泰州中心城区“一核三极三城”规划布局') },
      { text: '003: “一轴一核三极三城”.', cite: quote('003', '紧扣“一轴一核三极三城”布局') },
      { text: '004: “一核一轴三极三城”.', cite: quote('004', '策应“一核一轴三极三城”城市空间架构') },
    ],
  });
  out.push({
    id: 'name-port-park', kind: 'name',
    title_zh: '港口园区名称不一：港口产业园、港口物流园区、港口物流产业园',
    title_en: 'The port park has three names: {name:park-port} / Port Logistics Park / Port Logistics Industrial Park',
    explanation_en: '000 calls it the {name:park-port} (“港口产业园”), 002 the Port Logistics Park (“港口物流园区”, built on the Taizhou Gaogang Logistics Park), 004 the Port Logistics Industrial Park (“港口物流产业园”). The same area (the map’s {name:park-port}), with different names and emphasis.',
    explanation_zh: '000称“港口产业园”，002称“港口物流园区”，004称“港口物流产业园”，指同一园区。',
    subjects: ['park-port'],
    claims: [
      { text: '000: {name:park-port}.', cite: quote('000', '9.港口产业园。优化“两园两基地” 空间布局') },
      { text: '002: Port Logistics Park, based on the Taizhou Gaogang Logistics Park.', cite: quote('002', '—港口物流园区。以现有省级示范物流园区泰州高港物流园为基础') },
      { text: '004: Port Logistics Industrial Park.', cite: quote('004', '港口物流产业园。发展粮油食品精深加工、药品及保健品、原料药集中生产等大健康产业') },
    ],
  });
  out.push({
    id: 'membership-port-park-layout', kind: 'membership',
    title_zh: '港口园区构成：000“两园两基地”与004“一园一基地”',
    title_en: 'Port park layout: "two parks, two bases" (000) vs "one park, one base" (004)',
    explanation_en: '000 optimises the port park as “两园两基地” (two parks and two bases). 004, describing the grain deep-processing and functional-food industry that it places in the port logistics park (益海, 汇福; the designated port for imported grain), relies on “一园一基地” (one park and one base). Neither document lists the members, so the two layouts cannot be reconciled from the text.',
    explanation_zh: '000提出港口产业园优化“两园两基地”空间布局；004在粮食精深加工和特色功能食品（位于港口物流产业园）部分称依托“一园一基地”。两文件均未列明构成，无法据文本核对。',
    subjects: ['park-port'],
    claims: [
      { text: '000: the port park optimises a “两园两基地” layout.', cite: quote('000', '港口产业园。优化“两园两基地” 空间布局') },
      { text: '004: grain deep processing relies on the “一园一基地”.', cite: quote('004', '依托“一园一基地”\n龙头企业，大力发展粮食精深加工产业') },
      { text: '004: the port logistics industrial park hosts grain and oil processing (益海, 汇福).', cite: quote('004', '粮油食品产业方面，以益海、汇福等龙头企业引领产业链提档升级') },
    ],
  });
  out.push({
    id: 'membership-yangtze-park', kind: 'membership',
    title_zh: '扬子江药业园区归属不一：002属生物医药产业园区，004为独立“双核”之一，000由口岸街道依托',
    title_en: 'Where the Yangtze River Pharmaceutical campus belongs differs between documents',
    explanation_en: '002 counts the Yangtze River enterprise campus as part of the {name:park-biomed} (one of five functional parks). 004 makes the {name:node-yangtze-river-pharma} campus a separate “core” next to the biomedicine park (the “twin cores”) with four other parks as support. 000 lists five parks plus {name:kouan}, and assigns {name:node-yangtze-river-pharma} to {name:kouan}’s tasks. The campus’s parent feature therefore depends on which document is followed.',
    explanation_zh: '002将扬子江企业园区列为生物医药产业园区的组成部分；004将生物医药产业园区与扬子江药业集团企业园区并列为“双核”；000则在口岸街道任务中依托扬子江药业。扬子江园区的归属在三份文件中不一致。',
    subjects: ['park-biomed', 'kouan'],
    claims: [
      { text: '002: the biomedicine park relies on the China Medical City core production zone, the Yangtze River enterprise campus, the former data park and the international precision-health centre.', cite: quote('002', '—生物医药产业园区。依托中国医药城核心生产制造区、扬子江企业园区、原数据园区和国际精准健康中心') },
      { text: '004: the biomedicine park and the {name:node-yangtze-river-pharma} campus are the two cores; four parks support.', cite: quote('004', '以生物医药产业园区与扬子江药业集团企业园区为“双核”，四大产业园区') },
      { text: '000: {name:kouan} relies on chain leaders {name:node-yangtze-river-pharma} and the {name:node-great-wall-motor}.', cite: quote('000', '10.口岸街道。结合口岸资源禀赋，依托扬子江药业、长城汽车等链主企业') },
    ],
  });
  return out;
}

/**
 * The discrepancies the server cannot compute from data, kept as curated (each says why); every other one
 * built above is now found by server/src/discrepancies/compute.ts from the figures, seeds/figure-relations.json
 * and seeds/structures.json, and test/api/documents.test.ts checks that it still is.
 */
export const CURATED: Record<string, string> = {
  'figure-big-health-district-vs-city':
    'Not computable: an analyst’s argument across years (2025 vs 2027), scopes (manufacturing vs all big health) and a third figure (the 66% share); no rule on the data says when such a comparison applies.',
  'figure-004-listed-companies-25':
    'Not computable: two different metrics happen to share a value (25); equal numbers are not a contradiction, a reviewer judged the labels suspicious.',
  'name-port-park':
    'Not computable: naming variants are not a contradiction of figures or structures, and the parks’ aliases include official brand names (China Medical City, the Comprehensive Bonded Zone) that a rule would flag too.',
  'membership-yangtze-park':
    'Not computable: which park the Yangtze campus belongs to is a reading of three documents’ prose; the atlas holds no per-document membership data to compare.',
};

function main(): void {
  const items = buildDiscrepancies().filter((d) => d.id in CURATED).map((d) => ({ ...d, note: CURATED[d.id] }));
  if (new Set(items.map((d) => d.id)).size !== items.length) throw new Error('duplicate discrepancy ids');
  writeJson('discrepancies.json', items);
  console.log(`wrote seeds/discrepancies.json: ${items.length} discrepancies`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
