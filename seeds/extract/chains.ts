/**
 * Extract the 30 key industrial chains of document 001's appendix table
 * (附件 “大海新晨”产业体系重点产业链培育提升目标及重点发展方向) into seeds/chains.json.
 *
 *   npx tsx seeds/extract/chains.ts
 *
 * The table (columns 序号 | 重点产业链 | 2024年销售收入（亿元） | 2027年销售收入目标（亿元） |
 * 2030年销售收入目标（亿元） | 重点发展方向) is parsed from the document text; every number, name and
 * focus cell is copied from it. Only the English names, English focus summaries (translations, not in
 * the source) and search keywords are hand-written below. The table's total rows (合计,
 * 规上工业销售收入) are exported for seeds/extract/targets.ts, which writes seeds/targets.json.
 *
 * Group ids: big-health, marine-shipbuilding, smart-manufacturing, new-materials, new-energy,
 * future-industries.
 */
import { fileURLToPath } from 'node:url';
import { loadDoc, quote, parseValue, writeJson, type Cite, type Qualifier } from './lib';

export const TABLE_DOC = '001';

const GROUPS: Record<string, { id: string; en: string }> = {
  '大健康产业（生物医药、健康食品）': { id: 'big-health', en: 'Big health (biomedicine, health food)' },
  '海工装备和高技术船舶': { id: 'marine-shipbuilding', en: 'Offshore engineering equipment and high-tech ships' },
  '新智造': { id: 'smart-manufacturing', en: 'New smart manufacturing' },
  '新材料': { id: 'new-materials', en: 'New materials' },
  '新能源': { id: 'new-energy', en: 'New energy' },
  '未来产业（晨光力量）': { id: 'future-industries', en: 'Future industries ("Morning Light" forces)' },
};

interface ChainMeta { id: string; en: string; focus_en: string; kw_en: string[]; kw_zh: string[] }

/** Hand-written English names, focus summaries and keywords, keyed by the table's 重点产业链 cell. */
const META: Record<string, ChainMeta> = {
  '化学药': {
    id: 'chem-drugs', en: 'Chemical drugs',
    focus_en: 'Focus on respiratory, psychiatric, cardio-cerebrovascular and anti-tumour therapy areas: high-end generics and improved (modified) innovative drugs with clear clinical advantages; specialty and patented small-molecule APIs, with a centralised API production base.',
    kw_en: ['chemical drugs', 'small molecule', 'API', 'active pharmaceutical ingredient', 'generic drugs', 'high-end generics', 'improved innovative drugs', 'oncology', 'anti-tumour', 'cardiovascular', 'respiratory', 'psychiatric drugs'],
    kw_zh: ['化学药', '小分子', '原料药', '特色原料药', '专利原料药', '高端仿制药', '改良型创新药', '抗肿瘤', '心脑血管', '呼吸道疾病', '精神类疾病'],
  },
  '现代中药': {
    id: 'modern-tcm', en: 'Modern traditional Chinese medicine',
    focus_en: 'Secondary development of classical formulas, TCM dispensing (formula) granules, R&D and industrialisation of innovative TCM with proven efficacy and clinical value, extending into TCM health products.',
    kw_en: ['TCM', 'traditional Chinese medicine', 'herbal medicine', 'classical formulas', 'formula granules', 'innovative TCM', 'health products'],
    kw_zh: ['中药', '现代中药', '经典名方', '中药配方颗粒', '创新中药', '中药保健产品'],
  },
  '生物制药': {
    id: 'biopharma', en: 'Biopharmaceuticals',
    focus_en: 'Build on the national pilot for new vaccines and specific diagnostic reagents: multivalent/combination vaccines, next-generation antibodies and antibody–drug conjugates; a first-class biologics cluster.',
    kw_en: ['biopharmaceuticals', 'biologics', 'vaccine', 'combination vaccine', 'multivalent vaccine', 'antibody', 'monoclonal antibody', 'ADC', 'antibody–drug conjugate', 'diagnostic reagents'],
    kw_zh: ['生物制药', '生物药', '疫苗', '多联多价疫苗', '新型疫苗', '抗体', '新一代抗体', '抗体偶联', '诊断试剂'],
  },
  '医疗器械': {
    id: 'medical-devices', en: 'Medical devices',
    focus_en: 'Complete the in-vitro-diagnostics (IVD) reagent chain; devices and reagents for early cancer diagnosis and drug-target testing; high-end imaging such as superconducting MRI and high-performance colour ultrasound; high-value consumables (orthopaedic bone screws, cardiovascular stents, artificial skin).',
    kw_en: ['medical devices', 'IVD', 'in vitro diagnostics', 'diagnostic reagents', 'early cancer diagnosis', 'MRI', 'superconducting MRI', 'ultrasound', 'medical imaging', 'orthopaedic implants', 'bone screws', 'cardiovascular stents', 'artificial skin', 'high-value consumables'],
    kw_zh: ['医疗器械', '体外诊断试剂', '肿瘤早期诊断', '药物作用靶点测试', '超导MRI', '高性能彩超', '医学诊疗设备', '骨科骨钉', '心血管支架', '人工皮肤', '高值耗材'],
  },
  '医药外包': {
    id: 'pharma-outsourcing', en: 'Pharmaceutical outsourcing (CRO/CDMO)',
    focus_en: 'One-stop service platforms for biologics, antibody–drug conjugates and cell therapy; attract leading CROs and contract manufacturing for, or relocation of, marketing-authorisation holders (MAH).',
    kw_en: ['pharmaceutical outsourcing', 'CRO', 'CDMO', 'CMO', 'contract research', 'contract manufacturing', 'MAH', 'marketing authorisation holder', 'ADC', 'cell therapy'],
    kw_zh: ['医药外包', 'CRO', '委托生产', '药品上市许可持有人', 'MAH', '一站式服务平台', '抗体偶联药物', '细胞治疗'],
  },
  '特医食品': {
    id: 'fsmp', en: 'Foods for special medical purposes',
    focus_en: 'Special-medical-purpose infant formulas (lactose-free, partially hydrolysed milk protein, human-milk fortifiers) and formula foods such as protein modules, carbohydrate modules and formulas for amino-acid metabolic disorders.',
    kw_en: ['FSMP', 'foods for special medical purposes', 'medical nutrition', 'infant formula', 'lactose-free', 'hydrolysed protein', 'human milk fortifier', 'protein modules', 'carbohydrate modules', 'amino acid metabolism disorders'],
    kw_zh: ['特医食品', '特殊医学用途', '婴配食品', '无乳糖', '乳蛋白部分水解', '母乳营养补充剂', '蛋白质组件', '碳水化合物组件', '氨基酸代谢障碍'],
  },
  '功能性食品（保健食品、休闲食品、功能性饮料、调味品及添加剂）': {
    id: 'functional-foods', en: 'Functional foods (health foods, snack foods, functional drinks, condiments and additives)',
    focus_en: 'Nutrition- and brand-led health foods, functional drinks and additives; food processing aids (TG enzyme), microbial polysaccharides (curdlan, xanthan gum, pullulan), flavour enhancers (umami peptides, yeast extract); HMOs, probiotics, amino acids and vitamins as functional additives; low-salt/low-sugar soy sauce, naturally brewed vinegar, additive-free MSG, compound sauces; branded convenience and snack foods.',
    kw_en: ['functional foods', 'health food', 'dietary supplements', 'functional beverages', 'food additives', 'TG enzyme', 'transglutaminase', 'curdlan', 'xanthan gum', 'pullulan', 'yeast extract', 'umami peptides', 'HMO', 'human milk oligosaccharides', 'probiotics', 'amino acids', 'vitamins', 'soy sauce', 'vinegar', 'MSG', 'condiments', 'snacks'],
    kw_zh: ['功能性食品', '保健食品', '休闲食品', '功能性饮料', '调味品', '添加剂', 'TG酶', '可得然胶', '黄原胶', '短梗霉多糖', '鲜味肽', '酵母提取物', 'HMO', '益生菌', '氨基酸', '维生素', '酱油', '醋', '味精', '复合风味酱料'],
  },
  '农副食品深加工': {
    id: 'agri-food-processing', en: 'Deep processing of agricultural and sideline foods',
    focus_en: 'Edible oils (peanut, soybean, corn, blended), high-value grain products (coarse-grain products, wheat gluten, specialty flour), eco-friendly and high-efficiency aquatic feeds and functional pet treats.',
    kw_en: ['food processing', 'edible oil', 'grain and oil', 'peanut oil', 'soybean oil', 'corn oil', 'blended oil', 'coarse grains', 'wheat gluten', 'specialty flour', 'animal feed', 'aquafeed', 'pet treats'],
    kw_zh: ['农副食品深加工', '粮油', '食用油', '花生油', '大豆油', '玉米油', '调和油', '杂粮制品', '小麦谷元粉', '专用面粉', '饲料', '水产饲料', '宠物零食'],
  },
  '预制菜': {
    id: 'prepared-dishes', en: 'Prepared dishes',
    focus_en: 'Ready-to-cook foods (hot-pot ingredients, quick-frozen semi-finished foods and dishes), including frozen and shelf-stable meat dishes and self-heating meals, and pre-conditioned poultry, livestock, aquatic and egg products.',
    kw_en: ['prepared dishes', 'prepared meals', 'ready meals', 'ready-to-cook', 'hot pot ingredients', 'frozen food', 'self-heating meals', 'meat dishes', 'seafood products', 'egg products'],
    kw_zh: ['预制菜', '火锅料', '速冻半成品', '半成品菜', '即烹食品', '自热方便食品', '预制调理制品', '水产类', '蛋制品'],
  },
  '海洋工程装备': {
    id: 'offshore-engineering', en: 'Offshore engineering equipment',
    focus_en: 'Offshore support vessels and modules; in-house R&D of engines and propulsion, mooring systems, deep-sea submersibles and underwater exploration/operation equipment; high-end mooring chain for floating wind and ultra-high-strength offshore mooring chain (e.g. Asian Star Anchor Chain).',
    kw_en: ['offshore engineering', 'offshore support vessels', 'offshore modules', 'marine propulsion', 'mooring systems', 'mooring chain', 'anchor chain', 'floating wind', 'submersibles', 'subsea equipment', 'underwater exploration'],
    kw_zh: ['海洋工程装备', '海工辅助船', '海工模块', '发动机', '推进系统', '锚泊系统', '深潜器', '潜水器', '水下探测装备', '系泊链', '漂浮式风电', '亚星锚链'],
  },
  '高技术船舶': {
    id: 'high-tech-ships', en: 'High-tech ships',
    focus_en: 'Upgrade container ships, bulk carriers and tankers (autonomous, serial, green, smart); develop large LNG carriers, VLECs and VLACs; marine instruments, outfitting, pumps, valves and shafts, smart-ship control systems, new marine materials and energy-saving equipment.',
    kw_en: ['shipbuilding', 'ships', 'container ships', 'bulk carriers', 'oil tankers', 'LNG carrier', 'VLEC', 'ethane carrier', 'VLAC', 'ammonia carrier', 'marine equipment', 'ship pumps', 'valves', 'smart ships'],
    kw_zh: ['高技术船舶', '船舶', '造船', '集装箱船', '散货船', '油船', 'LNG运输船', '超大型乙烷运输船', 'VLEC', '超大型氨运输船', 'VLAC', '船用泵', '船舶舾装件', '智能船舶'],
  },
  '新能源（智能网联）汽车': {
    id: 'nev', en: 'New energy (intelligent connected) vehicles',
    focus_en: "Great Wall Motor's Taizhou base as the core (new battery-electric “Good Cat” models and capacity), linking vehicle makers with parts suppliers; intelligent vehicles, millimetre-wave radar and other sensing, brake-by-wire, in-vehicle software; smart buses, autonomous sanitation and retail vehicles.",
    kw_en: ['EV', 'electric vehicle', 'new energy vehicle', 'NEV', 'intelligent connected vehicle', 'autonomous driving', 'millimetre-wave radar', 'brake-by-wire', 'in-vehicle software', 'Great Wall Motor', 'auto parts', 'drivetrain'],
    kw_zh: ['新能源汽车', '智能网联汽车', '纯电', '整车', '长城汽车', '好猫', '毫米波雷达', '线控制动', '车载软件', '智能驾驶', '无人驾驶', '汽车零部件'],
  },
  '汽车零部件': {
    id: 'auto-parts', en: 'Auto parts',
    focus_en: "Local supply for Great Wall's vehicle plant: lamp assemblies, electric air conditioning and trim; chassis systems (steering, suspension, brakes); electrical parts (electronic water pumps, sensors, micro-motors); high-voltage systems (HV wiring harnesses, distribution boxes).",
    kw_en: ['auto parts', 'automotive components', 'lamps', 'electric air conditioning', 'interior and exterior trim', 'chassis', 'steering', 'suspension', 'brakes', 'electronic water pump', 'sensors', 'micro motors', 'high-voltage wiring harness', 'drivetrain'],
    kw_zh: ['汽车零部件', '车灯总成', '电动空调', '内外饰件', '底盘系统', '转向', '悬架', '制动', '电子水泵', '传感器', '微小电机', '高压线束', '高压配电盒'],
  },
  '电子信息': {
    id: 'electronic-info', en: 'Electronic information',
    focus_en: 'Break technical barriers in high-end displays, equipment precision and high-end semiconductor materials; semiconductor etching, thin-film deposition and cleaning equipment and optoelectronic devices; integrate electronics with intelligent connected vehicles.',
    kw_en: ['electronics', 'semiconductors', 'semiconductor equipment', 'etching', 'thin-film deposition', 'wafer cleaning', 'display', 'optoelectronics', 'semiconductor materials', 'automotive electronics'],
    kw_zh: ['电子信息', '半导体', '刻蚀', '薄膜沉积', '半导体清洗设备', '高端显示', '光电子器件', '半导体材料'],
  },
  '智能装备（工业母机、工业机器人配套、电气机械、仪器仪表）': {
    id: 'intelligent-equipment', en: 'Intelligent equipment (machine tools, industrial-robot components, electrical machinery, instruments)',
    focus_en: 'High-end CNC machine tools and large machining centres; robot joint drives, precision sensing and compliant control, reducers, servo motors and controllers, AI industrial robots; high-efficiency motors, smart transformers, power electronics; high-sensitivity sensors and precision instruments.',
    kw_en: ['intelligent equipment', 'machine tools', 'CNC', 'machining centres', 'industrial robots', 'reducers', 'servo motors', 'controllers', 'electric motors', 'smart transformers', 'power electronics', 'sensors', 'instruments'],
    kw_zh: ['智能装备', '工业母机', '数控机床', '加工中心', '工业机器人', '减速器', '伺服电机', '控制器', '高效节能电机', '智能变压器', '电力电子器件', '传感器', '仪器仪表'],
  },
  '节能环保': {
    id: 'energy-saving-environmental', en: 'Energy saving and environmental protection',
    focus_en: 'Air, water and solid-waste pollution-control equipment; near-zero-discharge industrial wastewater, deep defluoridation, vehicle-emission control, power-battery recycling, high-performance membranes; high-salinity wastewater evaporation and large high-speed decanter centrifuges.',
    kw_en: ['environmental protection', 'energy saving', 'pollution control', 'air pollution', 'wastewater treatment', 'zero liquid discharge', 'defluoridation', 'solid waste', 'battery recycling', 'membranes', 'centrifuges'],
    kw_zh: ['节能环保', '大气污染防治', '水污染防治', '固体废物处置', '工业废水', '近零排放', '除氟', '动力电池再生利用', '膜材料', '高盐废水', '离心机'],
  },
  '精细化工': {
    id: 'fine-chemicals', en: 'Fine chemicals',
    focus_en: 'Chlor-alkali and olefin chains extended downstream into functional, specialty and special chemicals, plus medical and daily-use chemicals; a world-class fine-chemicals base.',
    kw_en: ['fine chemicals', 'chlor-alkali', 'olefins', 'specialty chemicals', 'functional chemicals', 'medical chemicals', 'daily chemicals'],
    kw_zh: ['精细化工', '氯碱', '烯烃', '功能性化学品', '专用化学品', '特种化学品', '医用化学品', '日用化学品'],
  },
  '石油化工': {
    id: 'petrochemicals', en: 'Petrochemicals',
    focus_en: 'Driven by the CNOOC phase-II project: broaden lubricating-oil grades, raise lubricant technology, build a special white-oil brand and a high-end lubricants industry.',
    kw_en: ['petrochemicals', 'lubricants', 'lubricating oil', 'white oil', 'CNOOC', 'refining'],
    kw_zh: ['石油化工', '润滑油', '特种白油', '中海油'],
  },
  '化工新材料': {
    id: 'new-chemical-materials', en: 'New chemical materials',
    focus_en: 'From olefins, styrene, propylene oxide and ethylene oxide downstream into high-end modified materials, fluorinated materials, thermoplastic polymers, polyamides and functional membranes.',
    kw_en: ['chemical materials', 'styrene', 'propylene oxide', 'ethylene oxide', 'modified plastics', 'fluorinated materials', 'thermoplastic polymers', 'polyamide', 'nylon', 'functional membranes'],
    kw_zh: ['化工新材料', '烯烃', '苯乙烯', '环氧丙烷', '环氧乙烷', '改性材料', '含氟新材料', '热塑性聚合物', '聚酰胺', '功能性膜材料'],
  },
  '金属材料及制品': {
    id: 'metal-materials', en: 'Metal materials and products',
    focus_en: 'High-end 400/500/600-series stainless steel; super-austenitic, advanced ferritic and duplex stainless grades for nuclear, defence and aerospace.',
    kw_en: ['stainless steel', 'steel', 'metal materials', 'super austenitic', 'ferritic', 'duplex stainless steel', 'nuclear', 'aerospace'],
    kw_zh: ['金属材料', '不锈钢', '超级奥氏体不锈钢', '铁素体不锈钢', '双相不锈钢', '核电', '军工', '航天'],
  },
  '特种合金材料': {
    id: 'special-alloys', en: 'Special alloy materials',
    focus_en: 'High-temperature corrosion-resistant alloy steels, high-purity special alloys and nano-metal materials, with downstream applications.',
    kw_en: ['special alloys', 'alloy steel', 'corrosion-resistant alloys', 'high-purity alloys', 'nanometal materials'],
    kw_zh: ['特种合金', '高温耐蚀合金钢', '高纯度特种合金材料', '纳米金属材料'],
  },
  '光伏': {
    id: 'photovoltaics', en: 'Photovoltaics',
    focus_en: 'Scale up solar cells and modules (TOPCon, back-contact BC, perovskite) and extend into smart inverters, controllers, combiner boxes, storage and tracking systems.',
    kw_en: ['solar', 'photovoltaics', 'PV', 'solar cells', 'solar modules', 'TOPCon', 'back contact', 'perovskite', 'inverters', 'combiner boxes', 'energy storage', 'trackers'],
    kw_zh: ['光伏', '太阳能电池', '组件', 'TOPCon', 'BC', '钙钛矿电池', '智能逆变器', '控制器', '汇流箱', '储能系统', '跟踪系统'],
  },
  '锂电': {
    id: 'lithium-battery', en: 'Lithium batteries',
    focus_en: 'High-energy-density cathodes, silicon anodes, solid electrolytes and fast charging; energy-storage lithium batteries and key materials; early positioning in perovskite, solid-state and lithium-sulphur routes; battery production equipment.',
    kw_en: ['lithium battery', 'lithium-ion', 'cathode', 'silicon anode', 'solid electrolyte', 'solid-state battery', 'fast charging', 'energy storage battery', 'lithium-sulphur', 'battery equipment'],
    kw_zh: ['锂电', '锂电池', '正极材料', '硅基负极材料', '固态电解质', '快充', '储能锂电池', '固态电池', '锂硫电池', '锂电生产设备'],
  },
  '合成生物': {
    id: 'synthetic-biology', en: 'Synthetic biology',
    focus_en: 'Apply synthetic biology to new vaccines, diagnostic reagents and enzymes, pharmaceutical materials; FSMP and functional food additives; bio-based materials such as collagen and squalane.',
    kw_en: ['synthetic biology', 'biomanufacturing', 'vaccines', 'enzymes', 'diagnostic reagents', 'food additives', 'collagen', 'squalane', 'bio-based materials'],
    kw_zh: ['合成生物', '新型疫苗', '医学诊断试剂', '酶', '医药材料', '特医食品', '功能食品添加剂', '胶原蛋白', '角鲨烷', '生物基材料'],
  },
  '细胞和基因技术': {
    id: 'cell-gene', en: 'Cell and gene technologies',
    focus_en: 'Genomics, next-generation sequencing, gene and cell therapy, regenerative medicine; high-throughput sequencing, gene editing, vector delivery; CAR-T and stem-cell therapies; mRNA drugs and vaccines, monoclonal antibodies.',
    kw_en: ['cell therapy', 'gene therapy', 'CGT', 'CAR-T', 'stem cells', 'gene editing', 'gene sequencing', 'NGS', 'genomics', 'proteomics', 'regenerative medicine', 'mRNA', 'monoclonal antibody'],
    kw_zh: ['细胞和基因技术', '细胞治疗', '基因治疗', '基因测序', '基因编辑', '载体递送', '基因组学', '蛋白质组学', '再生医学', 'CAR-T', '干细胞', 'mRNA', '单克隆抗体'],
  },
  '前沿新材料': {
    id: 'frontier-materials', en: 'Frontier new materials',
    focus_en: 'High-performance carbon fibre and composites, additive-manufacturing materials, high-end biomedical materials, nanomaterials and smart biomimetic materials; advanced semiconductor materials; health materials such as reagent/test materials and medical ceramics.',
    kw_en: ['new materials', 'carbon fibre', 'composites', 'additive manufacturing', '3D printing materials', 'biomedical materials', 'nanomaterials', 'biomimetic materials', 'semiconductor materials', 'medical ceramics'],
    kw_zh: ['前沿新材料', '碳纤维', '复合材料', '增材制造材料', '生物医用材料', '纳米材料', '智能仿生材料', '半导体材料', '医学陶瓷材料'],
  },
  '新型储能': {
    id: 'new-energy-storage', en: 'New-type energy storage',
    focus_en: 'Use lithium-battery strengths for grid-side, generation-side and user-side storage, distributed energy and micro-grids, and electrified transport (electric vehicles, electric ships).',
    kw_en: ['energy storage', 'battery storage', 'grid-side storage', 'user-side storage', 'distributed energy', 'microgrid', 'electric vehicles', 'electric ships'],
    kw_zh: ['新型储能', '电网侧储能', '电源侧储能', '用户侧储能', '分布式能源', '微电网', '电动汽车', '电动船舶'],
  },
  '深海深地装备': {
    id: 'deep-sea-earth', en: 'Deep-sea and deep-earth equipment',
    focus_en: 'Corrosion protection, high-precision detection and efficient operation; full-ocean-depth manned submersibles, deep drilling and deep seismic exploration equipment and key parts.',
    kw_en: ['deep sea', 'manned submersible', 'deep drilling', 'seismic exploration', 'corrosion protection', 'subsea equipment'],
    kw_zh: ['深海', '深地', '全海深载人潜水器', '深地钻探装备', '深地地震勘探装备', '耐腐蚀防护'],
  },
  '空天装备': {
    id: 'aerospace', en: 'Aerospace equipment',
    focus_en: 'Low-altitude economy and commercial space, centred on the Jingjiang aviation industrial park: aircraft structural parts, avionics, hydraulics, environmental-control and air-traffic-control systems, airport control equipment; remote sensing, navigation and positioning, space information services, BeiDou applications and drones.',
    kw_en: ['aerospace', 'low-altitude economy', 'commercial space', 'aircraft parts', 'avionics', 'hydraulics', 'air traffic control', 'airport equipment', 'remote sensing', 'navigation', 'BeiDou', 'satellite', 'drones', 'UAV'],
    kw_zh: ['空天装备', '低空经济', '商业航天', '航空结构件', '航电', '液压', '环控', '空管系统', '机场控制设备', '遥感', '导航定位', '北斗', '无人机'],
  },
  '氢能': {
    id: 'hydrogen', en: 'Hydrogen energy',
    focus_en: 'Improve purification of industrial by-product hydrogen, hydrogen storage and transport, and diversified use of hydrogen in transport, industry and energy.',
    kw_en: ['hydrogen', 'by-product hydrogen', 'hydrogen purification', 'hydrogen storage', 'hydrogen transport'],
    kw_zh: ['氢能', '工业副产氢', '提纯', '氢气储存', '氢气运输'],
  },
};

export interface TableRow {
  seq: number;
  group_zh: string;
  name_zh: string;
  cells: [string, string, string];
  focus_zh: string;
  raw_block: string;
}
export interface TableTotal { label: string; cells: [string, string, string] }

const YEARS = [2024, 2027, 2030] as const;

/** Parse the appendix table of 001 from the document text. */
export function parseChainTable(): { rows: TableRow[]; totals: TableTotal[] } {
  const { raw } = loadDoc(TABLE_DOC);
  const head = raw.indexOf('“大海新晨”产业体系重点产业链培育提升目标及重点发展方向');
  if (head < 0) throw new Error('appendix table title not found');
  const afterHeader = raw.indexOf('重点发展方向', raw.indexOf('2030年销售收入目标（亿元）', head));
  const body = raw.slice(raw.indexOf('\n', afterHeader) + 1);
  const blocks = body.split(/\n[ \t]*\n/u).map((b) => b.split('\n').map((l) => l.replace(/^\t/u, '').trim()));
  const rows: TableRow[] = [];
  const totals: TableTotal[] = [];
  let group = '';
  for (const lines of blocks) {
    const cells = lines.filter((l, i) => l !== '' || (i > 0 && i < lines.length));
    const nonEmpty = cells.filter((c) => c !== '');
    if (nonEmpty.length === 0) continue;
    if (nonEmpty.length === 1) { group = nonEmpty[0]; continue; }
    if (/^\d+$/u.test(nonEmpty[0]) && nonEmpty.length === 6) {
      const [seq, name, a, b, c, focus] = nonEmpty;
      rows.push({ seq: Number(seq), group_zh: group, name_zh: name, cells: [a, b, c], focus_zh: focus, raw_block: lines.join('\n') });
      continue;
    }
    if (nonEmpty.length === 4 && nonEmpty.slice(1).every((v) => /^\d+(\.\d+)?$/u.test(v))) {
      totals.push({ label: nonEmpty[0], cells: [nonEmpty[1], nonEmpty[2], nonEmpty[3]] });
      continue;
    }
    throw new Error(`unrecognised table block: ${JSON.stringify(lines)}`);
  }
  return { rows, totals };
}

/** Verbatim quote of one table row: the name cell and its three number cells. */
export function rowQuote(label: string, cells: readonly string[]): Cite {
  return quote(TABLE_DOC, [label, ...cells].join(''));
}

function figure(chainId: string, kind: 'actual' | 'target', year: number, valueText: string, cite: Cite) {
  const p = parseValue(valueText);
  const q: Qualifier = p.qualifier;
  return {
    id: `${chainId}-revenue-${year}`,
    subject_type: 'chain', subject_id: chainId,
    kind, metric: 'revenue',
    metric_zh: year === 2024 ? '2024年销售收入' : `${year}年销售收入目标`,
    metric_en: year === 2024 ? 'Sales revenue 2024' : `Sales revenue target ${year}`,
    value_text: valueText, value: p.value, value_max: p.value_max, qualifier: q,
    unit: '亿元', year, cite,
  };
}

export function buildChains() {
  const { rows } = parseChainTable();
  if (rows.length !== 30) throw new Error(`expected 30 chains, parsed ${rows.length}`);
  return rows.map((r, i) => {
    if (r.seq !== i + 1) throw new Error(`sequence gap at ${r.name_zh}`);
    const g = GROUPS[r.group_zh];
    if (!g) throw new Error(`unknown group ${r.group_zh}`);
    const m = META[r.name_zh];
    if (!m) throw new Error(`no English metadata for ${r.name_zh}`);
    const cite = rowQuote(r.name_zh, r.cells);
    return {
      id: m.id, seq: r.seq,
      group_id: g.id, group_zh: r.group_zh, group_en: g.en,
      name_zh: r.name_zh, name_en: m.en,
      focus_zh: r.focus_zh,
      focus_en: m.focus_en,
      focus_en_is_translation: true,
      focus_cite: quote(TABLE_DOC, r.focus_zh),
      keywords_en: m.kw_en, keywords_zh: m.kw_zh,
      figures: YEARS.map((y, k) => figure(m.id, y === 2024 ? 'actual' : 'target', y, r.cells[k], cite)),
    };
  });
}

export const CHAIN_GROUPS = GROUPS;

function main(): void {
  const chains = buildChains();
  const ids = new Set(chains.map((c) => c.id));
  if (ids.size !== chains.length) throw new Error('duplicate chain ids');
  writeJson('chains.json', chains);
  console.log(`wrote seeds/chains.json: ${chains.length} chains, ${chains.reduce((n, c) => n + c.figures.length, 0)} figures`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
