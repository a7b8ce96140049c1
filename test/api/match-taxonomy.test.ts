import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MatchResult } from '../../contract/api.js';
import { startTestApp, type TestApp } from '../support/harness.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});
const match = async (qs: string) => {
  const res = await fetch(`${app.url}/api/match?${qs}`);
  expect(res.status, qs).toBe(200);
  return (await res.json()) as MatchResult;
};
const q = (text: string) => `q=${encodeURIComponent(text)}`;

/**
 * [query string, top chain, top park (one id, any of several equally documented ones, or null when no document
 * places the industry in any park), why — the sentence of the documents the expectation rests on].
 */
type Row = [string, string, string | string[] | null, string];
const ROWS: Row[] = [
  // Chinese
  [q('抗体偶联药物'), 'biopharma', 'park-biomed', '000: 拓展ADC、CAR－T等前沿领域 (生物医药产业园)'],
  [q('ADC研发生产'), 'biopharma', 'park-biomed', '000: 拓展ADC…（责任单位：…生物医药产业园）'],
  [q('润滑油添加剂'), 'petrochemicals', 'park-chemical', '000: 润滑油、添加剂等战略业务 (港口产业园、化学新材料产业园); not the biomedicine park'],
  [q('新型显示'), 'electronic-info', 'park-electronics', '000: 电子信息产业园…重点突破新型显示'],
  [q('封装'), 'electronic-info', 'park-electronics', '000: 依托电子信息产业园…高端封装测试'],
  [q('高端封装测试'), 'electronic-info', 'park-electronics', '000: 重点发展集成电路制造装备、高端封装测试'],
  [q('疫苗生产企业'), 'biopharma', 'park-biomed', '002: 生物医药产业园区…加快发展生物药'],
  [q('原料药'), 'chem-drugs', 'park-port', '000: 港口产业园…做强高端船舶海工、原料药等产业; 004: 港口物流产业园…原料药集中生产'],
  [q('中药配方颗粒'), 'modern-tcm', 'kouan', '000: 口岸街道…中药现代化 (no park is said to host 配方颗粒)'],
  [q('特医食品'), 'fsmp', 'park-biomed', '004: 生物医药产业园区…做优做精特医配方食品'],
  [q('保健食品'), 'functional-foods', 'park-biomed', '000: 生物医药产业园…积极挖掘保健食品'],
  [q('预制菜'), 'prepared-dishes', 'park-equipment', '004: 高端装备制造产业园…健康预制菜'],
  [q('速冻食品 火锅料'), 'prepared-dishes', 'park-equipment', '004: 高端装备制造产业园…即烹类'],
  [q('大豆油精炼'), 'agri-food-processing', 'park-port', '004: 港口物流产业园…以益海、汇福等龙头企业'],
  [q('宠物食品'), 'agri-food-processing', 'park-equipment', '004: 高端装备制造产业园…功能性食品、宠物食品'],
  [q('集装箱船'), 'high-tech-ships', ['kouan', 'park-port'], '000: 港口产业园…高端船舶; 口岸街道…以口岸船舶为龙头'],
  [q('海工装备'), 'offshore-engineering', ['kouan', 'park-port'], '000: 港口产业园…船舶海工; 口岸街道…船舶海工配套'],
  [q('新能源汽车'), 'nev', 'park-equipment', '000: 高端装备制造产业园。聚焦新能源汽车…长城汽车'],
  [q('汽车零部件 底盘'), 'auto-parts', 'park-equipment', '000: 高端装备制造产业园。聚焦新能源汽车及零部件'],
  [q('高压线束'), 'auto-parts', 'park-equipment', '000: 高端装备制造产业园。聚焦新能源汽车及零部件'],
  [q('锂电池'), 'lithium-battery', null, '001: city plan only (海陵、姜堰); no district document places lithium batteries in a park'],
  [q('光伏组件'), 'photovoltaics', null, '001: city plan only; no park of the district is given photovoltaics'],
  [q('工业机器人'), 'intelligent-equipment', 'park-equipment', '000: 高端装备制造产业园…安全应急装备、制药装备 (chain focus, no robot segment placed)'],
  [q('超声刀'), 'medical-devices', 'park-equipment', '000: 高端装备制造产业园…推进超声刀'],
  [q('体外诊断试剂'), 'medical-devices', 'park-biomed', '002: 生物医药产业园区…体外诊断试剂'],
  [q('康复机器人'), 'medical-devices', 'park-electronics', '004: 电子信息产业园（综合保税区）。发力…医疗和康复机器人'],
  [q('合成生物'), 'synthetic-biology', 'park-biomed', '000: 生物医药产业园…布局合成生物'],
  [q('CAR-T细胞治疗'), 'cell-gene', 'park-biomed', '000: 生物医药产业园…细胞与基因治疗'],
  [q('mRNA疫苗'), 'cell-gene', 'park-biomed', '000: 生物医药产业园…细胞与基因治疗'],
  [q('特种白油'), 'petrochemicals', 'park-chemical', '004: 化学新材料产业园。以食品级白油及健康新材料为发展重点'],
  [q('聚酰胺 改性塑料'), 'new-chemical-materials', 'park-chemical', '002: 化学新材料产业园区…打造高端聚烯烃'],
  [q('化妆品'), 'fine-chemicals', 'park-biomed', '000: 生物医药产业园…保健食品、化妆品等领域潜力'],
  [q('氯碱'), 'fine-chemicals', 'park-chemical', 'feature-chains: 化学新材料产业园 fine chemicals focus; no park hosts 氯碱 itself'],
  [q('不锈钢'), 'metal-materials', null, '001: 兴化、靖江 (outside the district)'],
  [q('氢燃料电池'), 'hydrogen', null, '001: city plan only'],
  [q('无人机'), 'aerospace', null, '001: 靖江经济技术开发区航空产业园 (outside the district)'],
  [q('生物医用材料'), 'frontier-materials', 'park-chemical', '004: 化学新材料产业园…组织支架材料、生物相容可降解材料'],
  [q('手机玻璃盖板'), 'electronic-info', 'park-electronics', '000: 电子信息产业园。加快形成以手机、电脑机壳、触控屏'],
  [q('电子元器件 PCB'), 'electronic-info', 'park-electronics', '000: 依托电子信息产业园…重点培育电子元器件代工产业集群'],
  [q('半导体刻蚀设备'), 'electronic-info', 'park-electronics', '000: 依托电子信息产业园…集成电路制造装备'],
  // English
  [q('vaccine manufacturer'), 'biopharma', 'park-biomed', '002: 生物医药产业园区…生物药'],
  [q('monoclonal antibodies'), 'biopharma', 'park-biomed', '004: 生物医药产业园区。做大做强生物制品'],
  [q('contract research organization (CRO)'), 'pharma-outsourcing', 'park-biomed', '004: 生物医药产业园区…新药研发服务共享平台'],
  [q('lubricant additives'), 'petrochemicals', 'park-chemical', '000: 润滑油、添加剂…化学新材料产业园'],
  [q('specialty oil'), 'petrochemicals', 'park-chemical', '001: 打造特种白油品牌; 004: 化学新材料产业园。以食品级白油…; not edible oil'],
  [q('OLED display panels'), 'electronic-info', 'park-electronics', '000: 电子信息产业园…显示屏…新型显示'],
  [q('chip packaging and testing'), 'electronic-info', 'park-electronics', '000: 高端封装测试'],
  [q('electric vehicle drivetrain'), 'nev', 'park-equipment', '000: 高端装备制造产业园…新能源汽车…传动系统'],
  [q('auto parts: brakes and steering'), 'auto-parts', 'park-equipment', '000: 聚焦新能源汽车及零部件'],
  [q('edible oil refining'), 'agri-food-processing', 'park-port', '004: 港口物流产业园…粮油食品'],
  [q('shipbuilding'), 'high-tech-ships', ['kouan', 'park-port'], '000: 口岸船舶 / 三福船舶'],
  [q('industrial robots'), 'intelligent-equipment', 'park-equipment', 'chain focus of 高端装备制造产业园'],
  [q('IVD reagents'), 'medical-devices', 'park-biomed', '004: 生物医药产业园区…诊断试剂'],
  [q('health food and dietary supplements'), 'functional-foods', 'park-biomed', '000: 生物医药产业园…保健食品'],
  [q('prepared meals'), 'prepared-dishes', 'park-equipment', '004: 高端装备制造产业园…健康预制菜'],
  [q('pet food'), 'agri-food-processing', 'park-equipment', '004: 高端装备制造产业园…宠物食品'],
  [q('solar modules'), 'photovoltaics', null, '001 only'],
  [q('lithium-ion battery cells'), 'lithium-battery', null, '001 only'],
  [q('hydrogen fuel cells'), 'hydrogen', null, '001 only'],
  [q('microelectronics'), 'electronic-info', 'park-electronics', 'not pharma outsourcing: CRO is not a word of it'],
  // Mixed
  [q('我们做ADC药物 antibody drug conjugate'), 'biopharma', 'park-biomed', '000: 拓展ADC'],
  [q('生产lubricant添加剂'), 'petrochemicals', 'park-chemical', '000: 润滑油、添加剂'],
  [q('OLED新型显示模组'), 'electronic-info', 'park-electronics', '000: 向下游模组延伸…新型显示'],
  [q('5,000 m2 factory for auto parts'), 'auto-parts', 'park-equipment', '000: 零部件'],
  [q('需要5000平方米标准厂房 生产医疗器械'), 'medical-devices', 'park-biomed', '004: 生物医药产业园区…高端医疗器械'],
  // GB/T 4754-2017 codes
  ['code=2761', 'biopharma', 'park-biomed', '2761 生物药品制造'],
  ['code=2511', 'petrochemicals', 'park-chemical', '2511 原油加工及石油制品制造'],
  ['code=3974', 'electronic-info', 'park-electronics', '3974 显示器件制造'],
  [q('3612'), 'nev', 'park-equipment', '3612 新能源车整车制造'],
  [q('GB/T 2710 原料药'), 'chem-drugs', 'park-port', '2710 化学药品原料药制造'],
  // English typos (edit distance ≤ 1 from 5 letters, ≤ 2 from 8)
  [q('vacine'), 'biopharma', 'park-biomed', 'vaccine'],
  [q('lubricnt additives'), 'petrochemicals', 'park-chemical', 'lubricant'],
  [q('semiconducter packaging'), 'electronic-info', 'park-electronics', 'semiconductor'],
  [q('photovoltiac modules'), 'photovoltaics', null, 'photovoltaic'],
  [q('biopharmaceuticls'), 'biopharma', 'park-biomed', 'biopharmaceuticals'],
  [q('genric drugs'), 'chem-drugs', 'kouan', 'generic: 000 口岸街道…以扬子江为龙头，聚焦创新药、高端仿制药'],
];

describe('matching by industry: top chain and park, by the documents', () => {
  it('has at least 60 realistic queries', () => {
    expect(ROWS.length + NO_FIT.length).toBeGreaterThanOrEqual(60);
  });

  it.each(ROWS)('%s → %s, %j (%s)', async (qs, chain, park) => {
    const r = await match(qs);
    expect(r.no_fit).toBe(false);
    expect(r.nearest).toEqual([]);
    expect(r.chains[0].id).toBe(chain);
    if (park === null) {
      expect(r.parks).toEqual([]);
      return;
    }
    expect(Array.isArray(park) ? park : [park]).toContain(r.parks[0].park_id);
    for (const p of r.parks) {
      // Listed only with evidence: a documented focus or a named enterprise, each with its quote.
      const [focus, leaders] = p.parts;
      expect(focus.points + leaders.points, p.park_id).toBeGreaterThan(0);
      expect(focus.citations.length + leaders.citations.length, p.park_id).toBeGreaterThan(0);
    }
    expect(r.parks.map((p) => p.score)).toEqual([...r.parks.map((p) => p.score)].sort((a, b) => b - a));
  });
});

const NO_FIT = ['interplanetary tourism', '咖啡馆', 'hair salon', '婚纱摄影', 'real estate agency', '网红奶茶店', '外包装设计', 'every day', 'rapid delivery'];

describe('queries that fit no chain', () => {
  it.each(NO_FIT)('%s → no_fit, nearest chains labelled apart, no parks', async (text) => {
    const r = await match(q(text));
    expect(r.no_fit).toBe(true);
    expect(r.chains).toEqual([]);
    expect(r.segments).toEqual([]);
    expect(r.parks).toEqual([]);
    expect(r.sites).toEqual([]);
    for (const n of r.nearest) {
      expect(n.similarity).toBeGreaterThan(0);
      expect(n.similarity).toBeLessThanOrEqual(1);
      expect(typeof n.closest_term).toBe('string');
    }
    expect(r.nearest.length).toBeLessThanOrEqual(3);
  });

  it('names the nearest chains by vocabulary similarity (外包装 is near 医药外包 but does not match it)', async () => {
    const r = await match(q('外包装设计'));
    expect(r.no_fit).toBe(true);
    expect(r.nearest.map((n) => n.id)).toContain('pharma-outsourcing');
  });
});

describe('what a match says about itself', () => {
  it('names the matched segment with its stage, in the result and in every score part', async () => {
    const r = await match(q('润滑油添加剂'));
    expect(r.segments).toEqual([
      expect.objectContaining({ chain_id: 'petrochemicals', segment: 'lubricant-additives', stage: 'midstream', stage_zh: '中游', name_zh: '润滑油添加剂' }),
    ]);
    const top = r.parks[0];
    for (const p of top.parts) expect(p.segment).toEqual({ id: 'lubricant-additives', name_zh: '润滑油添加剂', name_en: 'Lubricant additives', stage: 'midstream' });
    const focus = top.parts.find((p) => p.part === 'focus')!;
    expect(focus.points).toBe(r.weights.focus);
    expect(focus.detail_zh).toContain('润滑油添加剂');
    expect(focus.detail_en).toContain('Lubricant additives');
    expect(focus.citations.some((c) => c.document_id === '000' && c.quote.includes('添加剂') && c.quote.includes('化学新材料产业园'))).toBe(true);
    // The biomedicine park, which merely shares the word 添加剂 with food additives, is not listed.
    expect(r.parks.map((p) => p.park_id)).not.toContain('park-biomed');
  });

  it('gives partial focus, and says so, where the chain is documented but the asked segment is not', async () => {
    const r = await match(q('原料药'));
    const biomed = r.parks.find((p) => p.park_id === 'park-biomed')!;
    const focus = biomed.parts.find((p) => p.part === 'focus')!;
    expect(focus.points).toBeGreaterThan(0);
    expect(focus.points).toBeLessThan(r.weights.focus);
    expect(focus.detail_en).toMatch(/do not place the Active pharmaceutical ingredients \(APIs\) segment here/);
    // Its open land counts only in proportion: land is no reason to go where the documents do not send the industry.
    const land = biomed.parts.find((p) => p.part === 'land')!;
    expect(land.points).toBeLessThan(r.weights.land);
    expect(land.detail_en).toContain('share of the focus points');
    const port = r.parks.find((p) => p.park_id === 'park-port')!;
    expect(port.parts[0].points).toBe(r.weights.focus);
    expect(port.score).toBeGreaterThan(biomed.score);
  });

  it('forgives small typos and says what the word was read as', async () => {
    const r = await match(q('vacine'));
    expect(r.chains[0].matched).toEqual(['vacine → vaccine']);
    // No typo budget under five letters: “vacin” is five, “vacn” four.
    expect((await match(q('vacn'))).no_fit).toBe(true);
  });

  it('reads a stated space need and keeps matching the industry', async () => {
    const cases: Array<[string, number | null, string | null, string]> = [
      ['50亩 疫苗生产基地', 33333.33, 'land', 'biopharma'],
      ['5000平方米 厂房 医疗器械', 5000, 'factory', 'medical-devices'],
      ['5,000 m2 factory for auto parts', 5000, 'factory', 'auto-parts'],
      ['3 hectares for a vaccine plant', 30000, 'land', 'biopharma'],
      ['需要写字楼 做CRO', null, 'office', 'pharma-outsourcing'],
      ['1.5万平方米仓库 预制菜', 15000, 'warehouse', 'prepared-dishes'],
    ];
    for (const [text, area, kind, chain] of cases) {
      const r = await match(q(text));
      expect(r.need, text).toEqual(expect.objectContaining({ area_m2: area, kind }));
      expect(r.chains[0].id, text).toBe(chain);
    }
    expect((await match(q('疫苗'))).need).toBeNull();
    // The area's digits are not read as a GB/T class (5000 is no class; 2761 m2 is an area, not 生物药品制造).
    expect((await match(q('2761 m2 疫苗'))).need).toEqual(expect.objectContaining({ area_m2: 2761 }));
  });

  it('takes a chain id as the whole query, and rejects a malformed code', async () => {
    const r = await match(q('hydrogen'));
    expect(r.chains.map((c) => c.id)).toEqual(['hydrogen']);
    const byId = await match(q('high-tech-ships'));
    expect(byId.chains).toEqual([expect.objectContaining({ id: 'high-tech-ships', relevance: 1 })]);
    for (const bad of ['code=27', 'code=abcd', 'code=27611', 'code=2761&code=2762']) {
      const res = await fetch(`${app.url}/api/match?${bad}`);
      expect(res.status, bad).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    }
    // A real class no chain spans is no fit, not an error.
    expect((await match('code=0111')).no_fit).toBe(true);
  });
});

describe('no substring-only hit', () => {
  it.each([
    ['microphone supplier', 'pharma-outsourcing'],
    ['every day', 'nev'],
    ['rapid delivery', 'chem-drugs'],
    ['shopping cart wheels', 'cell-gene'],
    ['外包装设计', 'pharma-outsourcing'],
    ['润滑油添加剂', 'functional-foods'],
    ['specialty oil', 'agri-food-processing'],
  ])('%s does not match %s', async (text, chain) => {
    const r = await match(q(text));
    expect(r.chains.map((c) => c.id)).not.toContain(chain);
  });
});
