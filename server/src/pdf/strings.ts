/** The two languages of every printed page. */
export type Lang = 'zh' | 'en';

const zh = {
  atlas: '泰州医药高新区（高港区）产业空间一张图',
  district: '泰州医药高新区（高港区）',
  briefKind: '园区投资简报',
  accuracyNote: '示意图：依据规划文本绘制，非测绘成果',
  extentFrom: (refs: string) => `范围依据${refs}`,
  generated: (d: string) => `生成日期：${d}`,
  dataAsOf: (y: number | null) => (y ? `数据截至 ${y} 年` : '数据年份未注明'),
  areaComputed: (a: string) => `示意范围面积约 ${a} 平方公里（PostGIS 依示意几何计算）`,
  figures: '关键指标与目标',
  indicator: '指标',
  value: '数值',
  source: '来源',
  kind: { actual: '现状', target: '目标', baseline: '基期' } as Record<string, string>,
  yearOf: (y: number) => `${y}年`,
  noFigures: '文件未给出本园区的量化指标。',
  chains: '产业链',
  focus: '重点发展',
  leaders: '链主企业所在链',
  none: '无',
  enterprises: '龙头企业与重要节点',
  noEnterprises: '文件未点名本园区的龙头企业。',
  nodeKind: { enterprise: '企业', port: '口岸', station: '车站', venue: '场馆' } as Record<string, string>,
  sites: '地块',
  siteGroup: { available: '可供地块', reserved: '已预留地块（暂不可供）', planned: '规划地块（尚未可供）', occupied: '已占用地块', unknown: '状态未写明' } as Record<string, string>,
  noSites: '文件未列出本园区的可开发地块。',
  siteArea: (a: string, schematic: boolean, from: string) => `面积 ${a} 平方公里（PostGIS 依${schematic ? '示意' : ''}范围「${from}」计算）`,
  siteAreaUnknown: '面积未写明',
  siteAreaEntered: (a: string) => `面积 ${a} 亩（载体库登记）`,
  siteFloorArea: (a: string) => `建筑面积 ${a} 平方米`,
  demo: '【演示数据，非真实地块】',
  status: { available: '可盘活', planned: '规划开发', reserved: '已储备', occupied: '已占用' } as Record<string, string>,
  sources: '资料来源',
  /** Marks Chinese kept in an English page as evidence (none in Chinese pages). */
  zhMark: '',
  zhNote: '',
  scanToOpen: '扫码在地图上查看本园区',
  more: (n: number) => `另有 ${n} 项，见在线地图`,
  legend: '图例',
  dataSources: '数据来源（图中要素所引文件）',
  noSources: '图中要素未引用文件。',
  scale: (n: string) => `比例尺约 1:${n}（图框中心纬度）`,
  north: '北',
  bearingNote: (b: number) => `地图按方位角 ${b}° 旋转，指北针指示正北。`,
  pitchIgnored: '倾斜视角未打印（按正射平面绘制）。',
  basemapNotPrinted: '在线底图未打印。',
  step: (i: number, n: number) => `第 ${i} / ${n} 步`,
  steps: (n: number) => `共 ${n} 步`,
  viewMissing: '该步骤引用的视图已被删除。',
  createdBy: (u: string) => `编制：${u}`,
  map: '地图',
};

/** Every printed string, by language. */
export type Strings = typeof zh;

const en: Strings = {
  atlas: 'Industrial Space Atlas — Taizhou Medical High-tech Zone (Gaogang)',
  district: 'Taizhou Medical High-tech Zone (Gaogang District)',
  briefKind: 'Investor brief',
  accuracyNote: 'Schematic: drawn from the planning text, not surveyed',
  extentFrom: (refs: string) => `extent drawn from ${refs}`,
  generated: (d: string) => `Generated ${d}`,
  dataAsOf: (y: number | null) => (y ? `data as of ${y}` : 'data year not stated'),
  areaComputed: (a: string) => `Schematic extent about ${a} km² (computed by PostGIS from the schematic geometry)`,
  figures: 'Key figures and targets',
  indicator: 'Indicator',
  value: 'Value',
  source: 'Source',
  kind: { actual: 'actual', target: 'target', baseline: 'baseline' },
  yearOf: (y: number) => String(y),
  noFigures: 'The documents give no figures for this park.',
  chains: 'Industrial chains',
  focus: 'Focus',
  leaders: 'Chains with leading firms here',
  none: 'none',
  enterprises: 'Leading enterprises and key nodes',
  noEnterprises: 'The documents name no leading enterprise in this park.',
  nodeKind: { enterprise: 'enterprise', port: 'port', station: 'station', venue: 'venue' },
  sites: 'Sites',
  siteGroup: { available: 'Available sites', reserved: 'Reserved sites (not available yet)', planned: 'Planned sites (not available yet)', occupied: 'Occupied sites', unknown: 'Status not stated' },
  siteArea: (a: string, schematic: boolean, from: string) => `area ${a} km² (computed by PostGIS from the ${schematic ? 'schematic ' : ''}extent of “${from}”)`,
  siteAreaUnknown: 'area not stated',
  siteAreaEntered: (a: string) => `area ${a} mu (as entered in the inventory)`,
  siteFloorArea: (a: string) => `floor area ${a} m²`,
  demo: '[DEMO data, not a real site]',
  noSites: 'The documents list no development site in this park.',
  status: { available: 'available', planned: 'planned', reserved: 'reserved', occupied: 'occupied' },
  sources: 'Sources',
  zhMark: ' (zh) ',
  zhNote: '(zh) “…”: the document’s own Chinese words, quoted as evidence',
  scanToOpen: 'Scan to open this park on the map',
  more: (n: number) => `${n} more on the online map`,
  legend: 'Legend',
  dataSources: 'Data sources (documents cited by the features shown)',
  noSources: 'The features shown cite no document.',
  scale: (n: string) => `Scale about 1:${n} (at the frame's centre latitude)`,
  north: 'N',
  bearingNote: (b: number) => `Map rotated to bearing ${b}°; the arrow points to true north.`,
  pitchIgnored: 'Pitch not printed: drawn as a flat plan.',
  basemapNotPrinted: 'Online basemap not printed.',
  step: (i: number, n: number) => `Step ${i} of ${n}`,
  steps: (n: number) => `${n} step${n === 1 ? '' : 's'}`,
  viewMissing: 'The view this step refers to has been deleted.',
  createdBy: (u: string) => `Prepared by ${u}`,
  map: 'Map',
};

/** The strings of a language. */
export const strings = (lang: Lang): Strings => (lang === 'zh' ? zh : en);

/** The zh or en variant of a bilingual field. */
export const pick = (lang: Lang, zhText: string, enText: string | null | undefined): string => (lang === 'en' && enText ? enText : zhText);

const CJK = '\\u3000-\\u303f\\u3400-\\u9fff\\uff00-\\uffef';
const CJK_GAP = new RegExp(`([${CJK}]) (?=[${CJK}])`, 'g');

/**
 * A quote for display: whitespace that PDF extraction left inside Chinese text is dropped and other
 * runs collapse to one space. Nothing else changes, so the text stays verbatim.
 */
export function normaliseQuote(quote: string): string {
  return quote.replace(/\s+/g, ' ').replace(CJK_GAP, '$1').trim();
}

/**
 * A verbatim excerpt of at most `max` characters around what a figure is about: the metric's words
 * and the value that follows them (else the value alone), so figures that share one long sentence
 * each show their own part of it. Cut ends are marked with an ellipsis.
 */
export function quoteExcerpt(quote: string, max: number, focus: { metric?: string; value?: string } = {}): string {
  const t = normaliseQuote(quote);
  if (t.length <= max) return t;
  let a = -1;
  let b = -1;
  const m = focus.metric ? t.indexOf(focus.metric) : -1;
  const v = focus.value ? t.indexOf(focus.value, Math.max(0, m)) : -1;
  if (m >= 0) [a, b] = [m, v >= 0 ? v + focus.value!.length : m + focus.metric!.length];
  else if (v >= 0) [a, b] = [v, v + focus.value!.length];
  let start = 0;
  if (a >= 0) {
    start = b - a >= max - 2 ? a : Math.max(0, a - Math.floor((max - 2 - (b - a)) / 2));
    // Start at a clause boundary when one lies between the window's start and the focus.
    const clause = Math.max(...['，', '。', '；', '、', '：', ', ', '; '].map((p) => t.lastIndexOf(p, a - 1)));
    if (clause >= start && clause < a) start = clause + (t[clause + 1] === ' ' ? 2 : 1);
  }
  // A window that reaches the end takes in whole earlier clauses while they fit, never half of one.
  const end = Math.min(t.length, start + max - 2);
  const seps = ['，', '。', '；', '、', '：'];
  while (start > 0) {
    const prev = Math.max(...seps.map((p) => t.lastIndexOf(p, start - 2)));
    const from = prev < 0 ? 0 : prev + 1;
    if (end - from > max - 2) break;
    start = from;
  }
  return `${start > 0 ? '…' : ''}${t.slice(start, end)}${end < t.length ? '…' : ''}`;
}

/** YYYY-MM-DD of an instant in China Standard Time (the atlas's users and documents are there). */
export function dateInChina(d: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
}
