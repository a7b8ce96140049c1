import type { Accuracy, FigureKind, Theme } from '@contract/api';

/** The two UI languages; zh is the default because the source documents are Chinese. */
export type Lang = 'zh' | 'en';

const zh = {
  htmlLang: 'zh-CN',
  titleMain: '泰州医药高新区（高港区）产业空间一张图',
  titleSub: 'Industrial Space Atlas',
  language: '语言',
  langZh: '中文',
  langEn: 'EN',
  mapLabel: '产业空间地图',
  layers: '图层',
  showLayers: '显示图层面板',
  hideLayers: '收起图层面板',
  loading: '加载中…',
  loadFailed: '加载失败',
  retry: '重试',
  opacity: '不透明度',
  listFeatures: '列出要素',
  hideFeatures: '收起要素',
  featureCount: (n: number) => `${n} 个要素`,
  noFeatures: '该图层暂无要素',
  themes: {
    administrative: '行政区划',
    parks: '园区',
    zones: '功能区',
    structure: '空间结构',
    networks: '网络',
    nodes: '节点',
    sites: '地块',
    basemap: '底图',
  } satisfies Record<Theme, string>,
  accuracyHeading: '几何精度',
  accuracy: {
    surveyed: '实测',
    digitised: '数字化',
    schematic: '示意',
  } satisfies Record<Accuracy, string>,
  accuracyExplain: {
    surveyed: '实测：来自测绘或官方矢量数据，边界可信。',
    digitised: '数字化：依据已发布的地图描绘，位置近似。',
    schematic: '示意：依据文件文字绘制，并非实测，仅示意大致位置与范围。',
  } satisfies Record<Accuracy, string>,
  accuracyLegend: {
    surveyed: '粗实线',
    digitised: '细实线',
    schematic: '虚线 + 斜线填充',
  } satisfies Record<Accuracy, string>,
  onlineBasemaps: '在线底图',
  onlineWarning: '开启后将向外部服务器请求瓦片（需联网）。',
  tianditu: '天地图矢量',
  tiandituKey: '天地图密钥（tk）',
  tiandituKeyMissing: '请先输入天地图密钥',
  osm: 'OpenStreetMap',
  close: '关闭',
  featurePanel: '要素详情',
  layer: '图层',
  area: '面积',
  length: '长度',
  method: '绘制方法',
  status: '状态',
  vintage: '数据年份',
  kind: '类型',
  note: '备注',
  aliases: '别名',
  chains: '关联产业链',
  role: '作用',
  chainRoles: { focus: '重点发展', leader: '链主企业' } as Record<string, string>,
  targets: '目标与指标',
  children: '下属要素',
  sources: '资料来源',
  noSources: '无引用来源',
  figureKind: { actual: '实际', target: '目标', baseline: '基期' } satisfies Record<FigureKind, string>,
  year: (y: number) => `${y}年`,
  quoteFrom: '原文',
  zoomTo: '在地图上定位',
  errorLayers: '无法加载图层目录',
  escHint: '按 Esc 关闭',
};

/** Every UI string, by language. */
export type Strings = typeof zh;

const en: Strings = {
  htmlLang: 'en',
  titleMain: 'Industrial Space Atlas',
  titleSub: '泰州医药高新区（高港区）产业空间一张图',
  language: 'Language',
  langZh: '中文',
  langEn: 'EN',
  mapLabel: 'Map of industrial space',
  layers: 'Layers',
  showLayers: 'Show layer panel',
  hideLayers: 'Hide layer panel',
  loading: 'Loading…',
  loadFailed: 'Failed to load',
  retry: 'Retry',
  opacity: 'Opacity',
  listFeatures: 'List features',
  hideFeatures: 'Hide features',
  featureCount: (n: number) => `${n} feature${n === 1 ? '' : 's'}`,
  noFeatures: 'This layer has no features yet',
  themes: {
    administrative: 'Administrative',
    parks: 'Parks',
    zones: 'Zones',
    structure: 'Spatial structure',
    networks: 'Networks',
    nodes: 'Nodes',
    sites: 'Sites',
    basemap: 'Basemap',
  },
  accuracyHeading: 'Geometry accuracy',
  accuracy: {
    surveyed: 'Surveyed',
    digitised: 'Digitised',
    schematic: 'Schematic',
  },
  accuracyExplain: {
    surveyed: 'Surveyed: from survey or official vector data; the boundary can be relied on.',
    digitised: 'Digitised: traced from a published map; the position is approximate.',
    schematic: "Schematic: drawn from the document's text, not surveyed; shows rough position and extent only.",
  },
  accuracyLegend: {
    surveyed: 'thick solid line',
    digitised: 'thin solid line',
    schematic: 'dashed line + hatching',
  },
  onlineBasemaps: 'Online basemaps',
  onlineWarning: 'Switching one on requests tiles from an external server (needs network).',
  tianditu: 'Tianditu vector',
  tiandituKey: 'Tianditu key (tk)',
  tiandituKeyMissing: 'Enter a Tianditu key first',
  osm: 'OpenStreetMap',
  close: 'Close',
  featurePanel: 'Feature details',
  layer: 'Layer',
  area: 'Area',
  length: 'Length',
  method: 'Method',
  status: 'Status',
  vintage: 'Vintage',
  kind: 'Kind',
  note: 'Note',
  aliases: 'Also known as',
  chains: 'Industry chains',
  role: 'Role',
  chainRoles: { focus: 'focus industry', leader: 'chain leader' },
  targets: 'Targets and figures',
  children: 'Contains',
  sources: 'Sources',
  noSources: 'No citations',
  figureKind: { actual: 'actual', target: 'target', baseline: 'baseline' },
  year: (y: number) => String(y),
  quoteFrom: 'Quote',
  zoomTo: 'Zoom to feature',
  errorLayers: 'Could not load the layer catalogue',
  escHint: 'Esc closes',
};

/** UI strings for a language. */
export function strings(lang: Lang): Strings {
  return lang === 'zh' ? zh : en;
}

/** The feature property that holds a name in the given language. */
export function nameField(lang: Lang): 'name_zh' | 'name_en' {
  return lang === 'zh' ? 'name_zh' : 'name_en';
}

/** Picks the zh or en member of a bilingual record, falling back to the other when one is empty. */
export function pick(lang: Lang, zhText: string | null | undefined, enText: string | null | undefined): string {
  const first = lang === 'zh' ? zhText : enText;
  const second = lang === 'zh' ? enText : zhText;
  return first || second || '';
}

/** Formats a number for the UI with the language's digit grouping. */
export function formatNumber(lang: Lang, value: number, maximumFractionDigits = 2): string {
  return new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', { maximumFractionDigits }).format(value);
}
