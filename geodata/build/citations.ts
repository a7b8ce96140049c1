/**
 * Verbatim quotes used as feature sources. Written here WITHOUT whitespace (the document text has PDF-extraction
 * spaces and line breaks); build.ts finds each one in the whitespace-normalised document and writes the
 * original span (with its line breaks) into the feature, so every quote passes the check in docs/data-format.md.
 * `ext:` quotes must equal the `quote` of their entry in geodata/external-sources.json.
 */

export interface QuoteRef {
  doc: string;
  q: string;
}

const d0 = (q: string): QuoteRef => ({ doc: '000', q });
const d2 = (q: string): QuoteRef => ({ doc: '002', q });
const d4 = (q: string): QuoteRef => ({ doc: '004', q });

export const Q = {
  // ---- 002: spatial structure ----
  structure: d2('构建“一核三极、双城多轴”城市空间结构'),
  core: d2('依托城市中轴带、周山河景观带“十字”功能轴，加快建设泰州城市硬核'),
  coreArea: d2('城市核心区，引入高端商贸和优质教育、卫生、文化、体育休闲资源'),
  poleFinance: d2('金融商务极，四至范围为：北至凤凰路、西至泰州大道、南至周山河路、东至东风路'),
  poleHealth: d2('健康服务极，四至范围为：北至姜高路、西至海陵南路、南至健康大道、东至东风路'),
  poleHsr: d2('高铁枢纽极，四至范围为：北至海军大道、西至东风路、南至药城大道、东至S231南延段'),
  twoCities: d2('重点建设以天禄湖为核心的北部都市医药健康创新区和以凤栖湖为核心的南部滨江港城融合发展区'),
  zoneNorth: d2('北部都市医药健康创新区。依托京沪高速以北、泰镇高速以西区域'),
  zoneSouth: d2('南部滨江港城融合发展区。依托京沪高速以南、长江江岸以北区域'),
  cityAxis: d2('以泰州大道（扬子江路）、海陵南路（高港大道）、鼓楼南路（新港大道）、海军大道、姜高路沿线为城市发展轴'),
  industryAxis: d2('以长江大道、祥泰路、健康大道、创新大道沿线为产业发展轴'),
  // ---- 002: roads ----
  roadNet: d2('以快速路和主干道为重点，完善“十五横八纵'),
  roads15: d2('十五横：永定路、周山河路、海军路、姜高路、药城大道、健康大道、创新大道、环港路、金果路、通港路、港城路、柴墟路、港口东路、新圩路、锦江路'),
  roads8: d2('八纵：长江大道、祥泰路、泰州大道、海陵路、鼓楼路、东风路、春兰路、兴泰路'),
  roadProjects: d2('推动实施祥泰路快速化改造、S231东环高架南延，完成姜高路二期快速化改造，强化与泰州高铁南站的交通对接'),
  g345: d2('力争实施G345改线（高港环港大道东延）'),
  financeSquare: d2('建设永定路泰州金融广场'),
  // ---- 002: water and green ----
  waterNet: d2('一江：长江；四河：引江河、南官河、柴墟河、周山河；四湖：天德湖、天禄湖、凤栖湖、龙窝湖'),
  waterCorridor: d2('打造北起周山河南至长江的水生态景观走廊'),
  tiandePark: d2('建设以湖泊公园（以天德湖为代表）'),
  greenNet: d2('“一链两带两廊”：中央湖链、周山河景观带、东部田园风光带、引江河绿廊、长江绿廊'),
  lakeChain: d2('打造天德湖、天禄湖、凤栖湖、龙窝湖城市中央湖链，建设泰州绿色美丽中轴'),
  greenCorridors: d2('提升长江绿廊、引江河绿廊建设水平'),
  eastBelt: d2('强化东部腹地乡村生态保护，构建魅力田园风光带'),
  eastBeltTowns: d2('积极推进东部田园生态涵养区建设。依托大泗镇和胡庄镇'),
  wetland: d2('泰州春江省级湿地公园位于永安洲镇，东以锦江路为界，南至泰州长江大桥，西至长江江面，北至滨江路，总面积390公顷'),
  southRiverBank: d2('整合长江岸线资源，打造泰州港口枢纽门户'),
  // ---- 002: parks ----
  parks5: d2('重点建设五大功能园区'),
  parkBiomed2: d2('生物医药产业园区。依托中国医药城核心生产制造区、扬子江企业园区、原数据园区和国际精准健康中心'),
  parkChem2: d2('化学新材料产业园区。依托滨江工业园、高永化工园区，科学利用和有效整合载体空间和长江岸线资源'),
  parkElec2: d2('电子信息产业园区。依托泰州经济开发区（泰州综合保税区）'),
  parkEquip2: d2('高端装备制造产业园区。依托现有省级泰州港经济开发区，重点发展汽车整车及关键零部件和高技术船舶、高端装备制造产业'),
  parkPort2: d2('港口物流园区。以现有省级示范物流园区泰州高港物流园为基础，将泰州港高港境内三个港口作业区及后方腹地进行整合'),
  zhonghaiyou: d2('加速中海油气兼并重组后的产能释放'),
  yangtzeLeader: d2('培育形成以扬子江药业为龙头'),
  hsrStation: d2('依托规划中的泰州高铁南站'),
  expoCentre: d2('衔接会展中心、健康医疗大数据中心商务、科创功能'),
  // ---- 002: towns ----
  townsKouan: d2('口岸街道、刁铺街道加快发展现代服务业'),
  townsSixiang: d2('放大寺巷街道、永安洲镇等镇街叠加重点园区的发展优势'),
  townsFenghuang: d2('支持凤凰街道、明珠街道等镇街深度融入主城区'),
  townBaima: d2('白马镇围绕高铁新城'),
  townDasi: d2('大泗镇加快建设“中医养生特色小镇”'),
  townHuzhuang: d2('胡庄镇围绕省级农业产业园'),
  townXuzhuang: d4('一基地：许庄街道功能性食品产业基地'),
  // ---- 000 ----
  parkBiomed0: d0('5.生物医药产业园。重点发展“4+2”产业'),
  southwest: d0('适时向南拓展产业空间，重点开发建设3.29平方公里的西南片区，大力提升六大功能区承载水平'),
  parkChem0: d0('6.化学新材料产业园。发挥化工园区的基础优势，构建“一轴两廊三区”空间发展格局'),
  parkElec0: d0('7.电子信息产业园。加快形成以手机、电脑机壳、触控屏、显示屏等为主要产品的产业格局'),
  parkEquip0: d0('8.高端装备制造产业园。聚焦新能源汽车及零部件、大健康等产业，加快长城汽车华东核心生产枢纽建设'),
  parkPort0: d0('9.港口产业园。优化“两园两基地”空间布局'),
  kouan0: d0('10.口岸街道。结合口岸资源禀赋，依托扬子江药业、长城汽车等链主企业'),
  kouanShip: d0('以口岸船舶为龙头，聚焦绿色动力船舶、智能船舶、船舶海工配套等方向'),
  wistron: d0('依托电子信息产业园，盘活原纬创地块，招引整机组装企业入驻'),
  lens: d0('以蓝思精密为核心，向下游模组延伸'),
  ships: d0('依托三福船舶、口岸船舶等龙头企业'),
  chemLeaders: d0('形成泰州石化、常青树、海阳锦纶3家百亿企业集群'),
  drugPort0: d0('强化综合保税区、药品进口口岸建设'),
  // ---- 004 ----
  layout4: d4('形成“双核驱动、四园支撑、点带协同”的“2+4+N”空间架构'),
  twoCores: d4('以生物医药产业园区与扬子江药业集团企业园区为“双核”，四大产业园区为支撑'),
  yangtzePark: d4('扬子江药业集团企业园区。支持扬子江药业集团在加快新药研发和产品创新'),
  portPark4: d4('港口物流产业园。发展粮油食品精深加工、药品及保健品、原料药集中生产等大健康产业'),
  gaoyongPlots: d4('利用现有高永化工集中区及海济、龙凤堂、圣森等地块，发展化学原料药'),
  gaoyongApi: d4('依托高永化工集聚区，实施“原料药+制剂”一体化布局'),
  chemPark4: d4('化学新材料产业园。以食品级白油及健康新材料为发展重点'),
  elecPark4: d4('电子信息产业园（综合保税区）。发力智能穿戴电子设备'),
  equipPark4: d4('高端装备制造产业园。打造以高端功能性食品为主导的大健康产业体系'),
  healthZone4: d4('围绕康健医疗区功能代偿、生活护理、康复训练等需求'),
  hsrPole4: d4('依托泰州高铁枢纽极，实施渐进式城镇化开发'),
  healthPole4: d4('加快推进健康服务极内涵式发展'),
  drugPort4: d4('成功获批泰州港药品进口口岸'),
  diaohualou4: d4('整合口岸雕花楼景区'),
  lakeChain4: d4('结合天德湖、凤栖湖及天禄湖等城市中央湖链'),
  wetland4: d4('春江花月夜湿地公园'),
} satisfies Record<string, QuoteRef>;

/** External (non-document) sources; written to geodata/external-sources.json. Wording follows the reference README. */
export const EXTERNAL_SOURCES = [
  {
    id: 'ext:gethgdk-gaogang',
    title: 'm.gethgdk.com page on 高港区 (as cited in the reference README, /work/shared/reference/README.md, “Boundary vintage”)',
    url: 'm.gethgdk.com',
    quote: '7 街道 + 5 镇, 402.87 km²',
    note: 'The reference README gives the host and the figures only (no full URL, no verbatim Chinese text); the quote is the wording of the README (row “As of 2025-03”). The same page reports that 医药高新区 and 高港区 began “区政合一” in 2021-06.',
  },
  {
    id: 'ext:gethgdk-quzhengheyi',
    title: 'm.gethgdk.com page on 高港区 (as cited in the reference README)',
    url: 'm.gethgdk.com',
    quote: '医药高新区 and 高港区 start "区政合一" (one administration)',
    note: 'README row, not the page text.',
  },
  {
    id: 'ext:datav-anzhou99',
    title: 'anzhou99/GeoJsons 321200_full.json (DataV.GeoAtlas schema, Amap-derived district polygons of 泰州市), commit c509f3adb1b0c685a0b3eac7e85486e79d3843e2',
    url: 'https://github.com/anzhou99/GeoJsons',
    quote: 'a FeatureCollection of 6 features, each a MultiPolygon with one outer ring',
    note: 'GCJ-02; vintage about 2021; no licence file — DataV/Amap terms apply. Copied unchanged to geodata/reference/gaogang-district-boundary.geojson.',
  },
  {
    id: 'ext:tnnevol-gmap-2019',
    title: 'tnnevol/gmap 321203.json (older DataV 高港区 polygon), commit b248aaaefc0c13f6bd006a4dc2fa4530d2cfd9b5',
    url: 'https://github.com/tnnevol/gmap',
    quote: 'An older (2019) DataV version of the 高港区 polygon only. Kept for comparison.',
    note: 'GCJ-02; no licence file. Copied unchanged to geodata/reference/.',
  },
  {
    id: 'ext:sanotsu-coordinates',
    title: 'Sanotsu/regional-coordinates-of-China pcas-code-provence10-with-coordinates.json, commit 576d9345e0e8b2d677ba4fbb0e059b94bd083ca1',
    url: 'https://github.com/Sanotsu/regional-coordinates-of-China',
    quote: 'Point = first Baidu Maps JS API LocalSearch result (2020-12), see repo readme; not an official centroid.',
    note: 'BD-09 points; no licence file — Baidu terms apply. Converted BD-09→WGS84 with gcoord.',
  },
  {
    id: 'ext:wikipedia-gaogang',
    title: 'zh.wikipedia 高港區 (via wiki.kfd.me mirror)',
    url: 'https://wiki.kfd.me/zh-tw/%E9%AB%98%E6%B8%AF%E5%8C%BA',
    quote: '北緯32°19′06″ 東經119°52′33″',
    note: 'CC BY-SA 4.0. Government seat 港城路8号.',
  },
  {
    id: 'ext:wikipedia-taizhou-bridge',
    title: 'Taizhou Yangtze River Bridge — Wikipedia',
    url: 'https://en.m.wikipedia.org/wiki/Taizhou_Yangtze_River_Bridge',
    quote: '32°14′48″N 119°52′36″E',
    note: 'CC BY-SA 4.0.',
  },
  {
    id: 'ext:tcmap-mingzhu',
    title: 'tcmap.com.cn 明珠街道',
    url: 'http://tcmap.com.cn/jiangsu/hailing_mingzhujiedao.html',
    quote: '隶属 高港区(医药高新区), 区划代码 321203006',
    note: 'As cited in the reference README.',
  },
  {
    id: 'ext:cmc-public-descriptions',
    title: 'Public descriptions of 中国医药城 (as summarised in seeds/documents/README.md)',
    url: null,
    quote: "中国医药城's six functional zones are 科研开发区、生产制造区、会展交易区、康健医疗区、教育教学区、综合配套区, total planned area about 30 km²",
    note: 'No single URL; the wording is that of seeds/documents/README.md.',
  },
] as const;

export type ExtId = (typeof EXTERNAL_SOURCES)[number]['id'];

/** Citation of an external source: the quote is the entry's own quote. */
export function ext(id: ExtId): QuoteRef {
  const e = EXTERNAL_SOURCES.find((x) => x.id === id);
  if (!e) throw new Error(`unknown external source ${id}`);
  return { doc: e.id, q: e.quote };
}
