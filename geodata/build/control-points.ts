/**
 * Hand-entered control points and schematic road centre-lines for the geodata build.
 *
 * Every coordinate is WGS84 [lng, lat] (EPSG:4326). Each value says where it came from:
 *   - "gaz:<name_zh>"  → a row of /work/shared/reference/gazetteer.csv (converted to WGS84 with gcoord
 *                        in build.ts; the WGS84 value quoted in the comment is the one in that row's notes);
 *   - "est:<name_zh>"  → a row of /work/shared/reference/estimates.csv (own estimate, ±1–3 km);
 *   - "rel:"           → a relative placement derived from the planning text (e.g. "south of 周山河路,
 *                        west of 东风路"); the quote is in citations.ts / build.ts.
 * None of the roads has a public geometry. The network is a SCHEMATIC diagram that keeps the
 * order and topology the documents give (the 四至 of the poles, the west→east order of the 八纵 and the
 * north→south order of the 十五横 as listed in 002 note 12), anchored on the few points we have.
 */

/** A point in WGS84 (EPSG:4326), [lng, lat]. */
export type LngLat = [number, number];

/** Latitude of 凤凰路 (rel: north of the 明珠街道 point gaz 32.450473 and the 凤凰街道 point gaz 32.452765,
 *  because both subdistricts belong to the district and 凤凰路 is the north edge of 金融商务极). The cut of the
 *  DataV 海陵区 polygon that forms the current district extent follows this road, 100 m north of its centre-line. */
export const FENGHUANG_LAT = 32.459;
/** Offset (degrees of latitude, ≈100 m) of the extent cut north of the 凤凰路 centre-line, so that the road lies inside. */
export const CUT_OFFSET_DEG = 0.0009;

/** Width of the Yangtze band measured inland from the DataV south-west boundary (which runs in the river).
 *  A drawing convention, not a measured river width (the bank line is unknown). */
export const YANGTZE_BAND_KM = 1.0;

/** DataV vertices used to pick the river-side edge of the 高港区 polygon (after GCJ-02→WGS84). */
export const RIVER_EDGE_START: LngLat = [119.8142, 32.3047]; // est:引江河口 / 高港枢纽 (DataV W boundary meets the Yangtze)
export const RIVER_EDGE_END: LngLat = [119.9005, 32.1545]; // DataV 高港区 southern tip (vertex of the converted polygon)

/** Latitude of 滨江路 (rel: north edge of 春江湿地, 002 note 4 "北至滨江路"; about 2.5 km north of the bridge). */
export const BINJIANG_LAT = 32.27;

export interface RoadDef {
  id: string;
  name_zh: string;
  name_en: string;
  /** expressway | arterial | other */
  class: 'expressway' | 'arterial' | 'other';
  /** Which part of 002's “十五横八纵” network lists it, if any. */
  network: '十五横' | '八纵' | null;
  /** Extended centre-line; build.ts clips it to the district extent. */
  coords: LngLat[];
  /** Where the coordinates came from (copied into the feature's `method`). */
  basis: string;
}

/**
 * Road centre-lines (schematic). The 八纵 (N–S) are spaced west→east in the order 002 lists them
 * (长江大道、祥泰路、泰州大道、海陵路、鼓楼路、东风路、春兰路、兴泰路); the 十五横 (E–W) north→south
 * (永定路 … 锦江路). Positions between anchors are interpolated and are NOT surveyed.
 */
export const ROADS: RoadDef[] = [
  // ---- 八纵 (north–south), west → east -------------------------------------------------
  {
    id: 'road-changjiang-avenue', name_zh: '长江大道', name_en: 'Changjiang Avenue', class: 'arterial', network: '八纵',
    // rel: est:引江河 rows + tcmap "北徐社区…位于泰州引江河东岸，西邻长江大道" → ~1 km east of the DataV west boundary
    coords: [[119.870, 32.472], [119.870, 32.430], [119.862, 32.405], [119.858, 32.380], [119.852, 32.340]],
    basis: 'about 1 km east of the 引江河 (DataV west boundary), first of the 八纵 from the west',
  },
  {
    id: 'road-xiangtai-road', name_zh: '祥泰路', name_en: 'Xiangtai Road', class: 'arterial', network: '八纵',
    coords: [[119.879, 32.472], [119.879, 32.335]], // rel: second of the 八纵, between 长江大道 and 泰州大道
    basis: 'second of the 八纵 from the west, between 长江大道 and 泰州大道',
  },
  {
    id: 'road-taizhou-avenue', name_zh: '泰州大道（扬子江路）', name_en: 'Taizhou Avenue (Yangtze Road)', class: 'arterial', network: '八纵',
    // rel: west edge of 金融商务极; west of the CMC point gaz:中国医药城 (WGS84 ≈119.898636,32.394452)
    coords: [[119.893, 32.472], [119.893, 32.340]],
    basis: 'third of the 八纵; just west of the 中国医药城 point (gazetteer)',
  },
  {
    id: 'road-hailing-south-road', name_zh: '海陵南路（高港大道）', name_en: 'Hailing South Road (Gaogang Avenue)', class: 'arterial', network: '八纵',
    // rel: west edge of 健康服务极; west of the 医药高新区管委会 (药城大道1号, gaz WGS84 ≈119.911808,32.395398);
    // south of 创新大道 it bends SW as 高港大道 to the 高港区 seat at 港城路8号 (gaz:高港区 WGS84 119.875833,32.318333)
    coords: [[119.909, 32.472], [119.909, 32.365], [119.896, 32.340], [119.886, 32.319], [119.885, 32.292]],
    basis: 'fourth of the 八纵; west of the 管委会 (药城大道1号, gazetteer), continuing SW as 高港大道 to the 高港 seat on 港城路 (gazetteer)',
  },
  {
    id: 'road-gulou-south-road', name_zh: '鼓楼南路（新港大道）', name_en: 'Gulou South Road (Xingang Avenue)', class: 'arterial', network: '八纵',
    coords: [[119.926, 32.472], [119.926, 32.365], [119.915, 32.335], [119.905, 32.300], [119.900, 32.282]],
    basis: 'fifth of the 八纵; continues south as 新港大道 towards the port area',
  },
  {
    id: 'road-dongfeng-road', name_zh: '东风路', name_en: 'Dongfeng Road', class: 'arterial', network: '八纵',
    // rel: east edge of 金融商务极 and 健康服务极, west edge of 高铁枢纽极; west of the 野徐镇 notch of the DataV boundary
    coords: [[119.945, 32.472], [119.945, 32.318]],
    basis: 'sixth of the 八纵; shared edge of the 金融商务/健康服务 poles (west) and the 高铁枢纽极 (east)',
  },
  {
    id: 'road-chunlan-road', name_zh: '春兰路', name_en: 'Chunlan Road', class: 'arterial', network: '八纵',
    coords: [[119.963, 32.472], [119.963, 32.318]], // rel: seventh of the 八纵, between 东风路 and S231
    basis: 'seventh of the 八纵, between 东风路 and the S231 extension',
  },
  {
    id: 'road-s231-south-extension', name_zh: 'S231南延段（东环高架南延）', name_en: 'S231 southern extension (East Ring elevated road)', class: 'expressway', network: null,
    // rel: east edge of 高铁枢纽极; east of est:泰州高铁南站 (119.97,32.42)
    coords: [[119.981, 32.472], [119.981, 32.388]],
    basis: 'east edge of the 高铁枢纽极, east of the estimated HSR station site',
  },
  {
    id: 'road-xingtai-road', name_zh: '兴泰路', name_en: 'Xingtai Road', class: 'arterial', network: '八纵',
    coords: [[120.013, 32.432], [120.014, 32.290]], // rel: eighth (easternmost) of the 八纵, east of 胡庄/大泗 points
    basis: 'eighth (easternmost) of the 八纵',
  },

  // ---- north of the 十五横: 凤凰路 (north edge of 金融商务极; not in the 十五横 list) ---------------------
  {
    id: 'road-fenghuang-road', name_zh: '凤凰路', name_en: 'Fenghuang Road', class: 'other', network: null,
    coords: [[119.840, FENGHUANG_LAT], [120.030, FENGHUANG_LAT]],
    basis: 'north edge of the 金融商务极, placed north of the 明珠/凤凰街道 points (gazetteer)',
  },

  // ---- 十五横 (east–west), north → south -------------------------------------------------
  {
    id: 'road-yongding-road', name_zh: '永定路', name_en: 'Yongding Road', class: 'arterial', network: '十五横',
    // rel: first of the 十五横; 002 "建设永定路泰州金融广场" and the 金融商务极 "依托泰州金融广场" → inside that pole
    coords: [[119.845, 32.452], [120.010, 32.452]],
    basis: 'first of the 十五横; crosses the 金融商务极 (泰州金融广场 is on 永定路)',
  },
  {
    id: 'road-zhoushanhe-road', name_zh: '周山河路', name_en: 'Zhoushanhe Road', class: 'arterial', network: '十五横',
    // rel: along the south side of 周山河 (est:周山河 119.92,32.435, moved north so the 海军大道 fits south of it)
    coords: [[119.845, 32.442], [120.010, 32.442]],
    basis: 'second of the 十五横; along the south side of 周山河 (estimate)',
  },
  {
    id: 'road-haijun-avenue', name_zh: '海军大道（海军路）', name_en: 'Haijun (Navy) Avenue', class: 'arterial', network: '十五横',
    // rel: third of the 十五横; 天德湖公园 address 海军东路8号 (est:天德湖); north edge of 高铁枢纽极, north of 姜高路 there
    coords: [[119.850, 32.434], [120.010, 32.434]],
    basis: 'third of the 十五横; south of 天德湖 (estimate, address 海军东路) and north edge of the 高铁枢纽极',
  },
  {
    id: 'road-jianggao-road', name_zh: '姜高路', name_en: 'Jianggao Road', class: 'arterial', network: '十五横',
    // est:姜高路 rows: through 野徐 (119.927,32.401) and 白马 (119.971,32.422); SW start at the 京沪高速 刁铺 exit
    // ("刁铺(出口)——野徐(姜高线)——白马"); NE towards 姜堰 (gaz:姜堰区 seat)
    coords: [[119.876, 32.340], [119.927, 32.401], [119.971, 32.422], [120.040, 32.436]],
    basis: 'from the 京沪高速 刁铺 exit through the 野徐 and 白马 estimate points, north-east towards 姜堰',
  },
  {
    id: 'road-yaocheng-avenue', name_zh: '药城大道', name_en: 'Yaocheng Avenue', class: 'arterial', network: '十五横',
    // gaz:药城大道 proxy (管委会, 药城大道1号, WGS84 ≈119.911808,32.395398): road just north of it
    coords: [[119.893, 32.396], [120.015, 32.396]],
    basis: 'through the 药城大道 proxy point (管委会 at 药城大道1号, gazetteer); south edge of the 高铁枢纽极',
  },
  {
    id: 'road-jiankang-avenue', name_zh: '健康大道', name_en: 'Jiankang (Health) Avenue', class: 'arterial', network: '十五横',
    // rel: south edge of 健康服务极, so south of 姜高路 at 海陵南路
    coords: [[119.850, 32.373], [120.020, 32.373]],
    basis: 'south edge of the 健康服务极 (south of 姜高路 at 海陵南路)',
  },
  {
    id: 'road-chuangxin-avenue', name_zh: '创新大道', name_en: 'Chuangxin (Innovation) Avenue', class: 'arterial', network: '十五横',
    coords: [[119.845, 32.362], [120.025, 32.362]],
    basis: 'sixth of the 十五横, south of 健康大道',
  },
  {
    id: 'road-huangang-road', name_zh: '环港路', name_en: 'Huangang Road', class: 'arterial', network: '十五横',
    coords: [[119.840, 32.352], [120.030, 32.352]], // 002: G345改线（高港环港大道东延）
    basis: 'seventh of the 十五横',
  },
  {
    id: 'road-jinguo-road', name_zh: '金果路', name_en: 'Jinguo Road', class: 'arterial', network: '十五横',
    coords: [[119.840, 32.342], [120.000, 32.342]],
    basis: 'eighth of the 十五横',
  },
  {
    id: 'road-tonggang-road', name_zh: '通港路', name_en: 'Tonggang Road', class: 'arterial', network: '十五横',
    coords: [[119.838, 32.331], [119.990, 32.331]],
    basis: 'ninth of the 十五横',
  },
  {
    id: 'road-gangcheng-road', name_zh: '港城路', name_en: 'Gangcheng Road', class: 'arterial', network: '十五横',
    // gaz:高港区 (zh-Wikipedia, WGS84 119.875833,32.318333): government at 港城路8号
    coords: [[119.836, 32.3185], [119.960, 32.3185]],
    basis: 'tenth of the 十五横; past the 高港区 government at 港城路8号 (gazetteer, Wikipedia point)',
  },
  {
    id: 'road-chaixu-road', name_zh: '柴墟路', name_en: 'Chaixu Road', class: 'arterial', network: '十五横',
    // gaz:口岸街道 (WGS84 ≈119.873094,32.310405): 柴墟 is the old name of 口岸
    coords: [[119.834, 32.309], [119.940, 32.309]],
    basis: 'eleventh of the 十五横; through old 口岸 (柴墟), near the 口岸街道 point (gazetteer)',
  },
  {
    id: 'road-gangkou-east-road', name_zh: '港口东路', name_en: 'Gangkou East Road', class: 'arterial', network: '十五横',
    coords: [[119.835, 32.300], [119.940, 32.300]],
    basis: 'twelfth of the 十五横',
  },
  {
    id: 'road-xinwei-road', name_zh: '新圩路', name_en: 'Xinwei Road', class: 'arterial', network: '十五横',
    coords: [[119.845, 32.288], [119.950, 32.288]],
    basis: 'thirteenth of the 十五横',
  },
  // 锦江路 (fifteenth of the 十五横) and 滨江路 are generated in build.ts: 锦江路 is the east edge of 春江湿地
  // ("东以锦江路为界"), so its position is solved from the wetland's stated area (390 公顷).

  // ---- expressways ----------------------------------------------------------------------
  {
    id: 'road-jinghu-expressway', name_zh: '京沪高速', name_en: 'Beijing–Shanghai Expressway (G2)', class: 'expressway', network: null,
    // est:姜高路 text: exit at 刁铺; est:泰镇高速 row: 宣堡 junction (Sanotsu 宣堡镇, WGS84 ≈119.9897,32.2973)
    coords: [[119.830, 32.360], [119.876, 32.340], [119.940, 32.323], [119.983, 32.309], [119.9897, 32.2973]],
    basis: 'from 江都 across the 引江河 past the 刁铺 exit to the 宣堡 junction (estimate row 泰镇高速); route not confirmed',
  },
  {
    id: 'road-taizhen-expressway', name_zh: '泰镇高速（泰州长江大桥接线）', name_en: 'Taizhou–Zhenjiang Expressway (Taizhou Bridge route)', class: 'expressway', network: null,
    // gaz:泰州长江大桥 (WGS84 119.876694,32.246611) → est:泰镇高速 宣堡 (119.9897,32.2973) → north along the
    // east of the district (rel: 002 "北部都市医药健康创新区…泰镇高速以西": it must run N–S east of that zone)
    coords: [[119.876694, 32.246611], [119.955, 32.282], [119.9897, 32.2973], [119.997, 32.330], [119.999, 32.390], [119.996, 32.472]],
    basis: 'from the Taizhou Bridge (Wikipedia point) to the 宣堡 junction (estimate), then north through the east of the district (002: the northern zone lies west of it)',
  },
];

/** Lakes drawn as small schematic polygons: only 天德湖 has an anchor. */
export const TIANDE_LAKE = {
  // est:天德湖 (119.92,32.43, ±2.5 km) + rel: between 海陵南路 and 鼓楼南路, between 海军大道 and 周山河路
  // (address 海军东路8号; "周山河街区" core). Drawn as a 0.7 km × 0.55 km quadrilateral: a symbol, not a survey.
  center: [119.9175, 32.438] as LngLat,
  halfWidthDeg: 0.0037,
  halfHeightDeg: 0.0025,
};

/** River centre-lines (schematic). */
export const RIVERS = {
  // est:南官河 (119.9,32.48): north end at the old city; est:柴墟河 / gaz:口岸街道: reaches the Yangtze at 口岸.
  nanguan: [[119.886, 32.470], [119.886, 32.420], [119.884, 32.380], [119.878, 32.345], [119.871, 32.318], [119.864, 32.304], [119.846, 32.292]] as LngLat[],
  // est:柴墟河 (119.875,32.303): course unknown; a short stub through old 口岸 east of 南官河.
  chaixu: [[119.866, 32.3045], [119.875, 32.303], [119.889, 32.3045]] as LngLat[],
  // est:周山河 (119.92,32.435): roughly E–W; here just north of 周山河路, from the 引江河 east to the S231.
  zhoushan: [[119.855, 32.4445], [119.920, 32.4445], [119.990, 32.4445]] as LngLat[],
};

/** Point nodes with a hand-placed position (others are placed inside their park by build.ts). */
export const NODE_POINTS: Record<string, { lnglat: LngLat; basis: string }> = {
  // est:泰州高铁南站 (119.97,32.42 ±3 km) + rel: "姜高路北侧" (mytaizhou.net) and inside 高铁枢纽极 (002)
  'node-hsr-south-station': { lnglat: [119.972, 32.429], basis: 'estimate row 泰州高铁南站 moved to the north side of 姜高路 inside the 高铁枢纽极' },
  // est:中国医药城会展中心 (119.91,32.40 ±2 km) + rel: north of 药城大道, east of 海陵南路 (会展交易区)
  'node-cmc-expo-centre': { lnglat: [119.9165, 32.4015], basis: 'estimate row 中国医药城会展中心, placed north of 药城大道 east of 海陵南路' },
  // est:泰州港高港港区 (119.86,32.30 ±2 km): the drug-import port is 泰州港 (004 "泰州港药品进口口岸")
  'node-drug-import-port': { lnglat: [119.848, 32.297], basis: 'estimate row 泰州港高港港区, moved onto the Yangtze bank' },
  // est:扬子江药业集团 (119.88,32.31 ±3 km; address from memory, unverified)
  'node-yangtze-river-pharma': { lnglat: [119.880, 32.313], basis: 'estimate row 扬子江药业集团 (unverified, ±3 km)' },
  // est:口岸雕花楼 (119.874,32.303 ±1 km)
  'node-kouan-diaohualou': { lnglat: [119.874, 32.303], basis: 'estimate row 口岸雕花楼' },
};
