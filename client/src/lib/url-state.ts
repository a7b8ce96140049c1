import type { SiteStatus } from '@contract/api';
import type { Lang } from './i18n';

/**
 * The whole screen as a query string, so a link reopens the same view. Pure functions: the hook
 * (hooks/use-url-state.ts) reads `location.search` once and writes it back with replaceState.
 *
 *   lang=en                       UI and label language
 *   cam=lng,lat,zoom,bearing,pitch camera, WGS84 [lng, lat]
 *   sel=park-biomed               selected feature
 *   panel=parks                   open side tab (layers|parks|compare|charts) or none
 *   lv=parks,roads,…              visible layers (every visible layer, so defaults can change safely)
 *   lo=parks:0.5,…                layer opacities other than 1
 *   chain= group= q= avail=1      park explorer filters / industry query
 *   st=available,planned         site statuses shown (absent = all)
 *   minarea=50&au=ha             minimum site area, in the unit the user chose (ha or km2; default km2)
 *   cmp=park-biomed,park-port     parks picked for comparison
 *   cg=new-materials              chain group shown in the charts tab
 *   graph=petrochemicals&gseg=white-oils  chain graph open (and the segment picked in it)
 *
 * Keys this module does not know are left alone, so other parts of the app can use the URL too.
 */

/** The tabs of the side dock; `none` means the dock is closed. */
export type DockTab = 'layers' | 'parks' | 'sites' | 'compare' | 'charts';
export const DOCK_TABS: readonly DockTab[] = ['layers', 'parks', 'sites', 'compare', 'charts'];

/** Map camera; center is WGS84 [lng, lat]. */
export interface CameraState {
  center: [number, number];
  zoom: number;
  bearing: number;
  pitch: number;
}

/** Park explorer filters; chain and q are exclusive (picking one clears the other). */
export interface ExplorerFilters {
  chain: string | null;
  group: string | null;
  q: string;
  /** Only parks with available or planned sites. */
  available: boolean;
  /** Site statuses to show; empty = every status. */
  siteStatus: SiteStatus[];
  /** Minimum site area in `areaUnit`, or null for no minimum. */
  minArea: number | null;
  areaUnit: AreaUnit;
}

/** Units the minimum-area filter is typed in. */
export type AreaUnit = 'ha' | 'km2';
export const SITE_STATUS_ORDER: readonly SiteStatus[] = ['available', 'planned', 'reserved', 'occupied'];

/** The minimum area of the filters in km², or null. */
export function minAreaKm2(f: Pick<ExplorerFilters, 'minArea' | 'areaUnit'>): number | null {
  return f.minArea === null ? null : f.areaUnit === 'ha' ? f.minArea / 100 : f.minArea;
}

export const EMPTY_FILTERS: ExplorerFilters = { chain: null, group: null, q: '', available: false, siteStatus: [], minArea: null, areaUnit: 'km2' };

/** Layer visibility and opacity as carried by the URL. */
export interface LayerViewState {
  visible: string[];
  opacity: Record<string, number>;
}

/** Everything the URL can carry; null / empty = not in the URL. */
export interface UrlView {
  lang: Lang | null;
  camera: CameraState | null;
  selected: string | null;
  panel: DockTab | 'none' | null;
  layers: LayerViewState | null;
  filters: ExplorerFilters;
  compare: string[];
  chartGroup: string | null;
  /** The chain graph open over the map (components/chains/chain-graph.tsx), or null. */
  graph: ChainGraphView | null;
}

/** An open chain graph: the chain, and the segment picked in it (the taxonomy's segment id) or null. */
export interface ChainGraphView {
  chain: string;
  segment: string | null;
}

/** The keys owned by this module (everything else in the query string is preserved). */
const KEYS = ['lang', 'cam', 'sel', 'panel', 'lv', 'lo', 'chain', 'group', 'q', 'avail', 'st', 'minarea', 'au', 'cmp', 'cg', 'graph', 'gseg'] as const;

/** Feature, layer, chain and group ids: the server's id pattern. */
const ID = /^[a-z0-9][a-z0-9_-]{0,79}$/;
const MAX_COMPARE = 4;

function id(value: string | null): string | null {
  return value !== null && ID.test(value) ? value : null;
}

function ids(value: string | null, max = 100): string[] {
  if (!value) return [];
  return [...new Set(value.split(',').filter((v) => ID.test(v)))].slice(0, max);
}

function finite(value: string | undefined, min: number, max: number): number | null {
  if (value === undefined || value.trim() === '') return null;
  const n = Number(value);
  return Number.isFinite(n) && n >= min && n <= max ? n : null;
}

/** Parses `cam=lng,lat,zoom[,bearing[,pitch]]`; null when any part is missing or out of range. */
export function parseCamera(value: string | null): CameraState | null {
  if (!value) return null;
  const [lng, lat, zoom, bearing, pitch] = value.split(',');
  const c = { lng: finite(lng, -180, 180), lat: finite(lat, -85.06, 85.06), zoom: finite(zoom, 0, 24) };
  if (c.lng === null || c.lat === null || c.zoom === null) return null;
  return { center: [c.lng, c.lat], zoom: c.zoom, bearing: finite(bearing, -360, 360) ?? 0, pitch: finite(pitch, 0, 85) ?? 0 };
}

/** Formats a camera with enough digits to put it back within a pixel (≈1 m at 5 decimals). */
export function formatCamera(c: CameraState): string {
  const r = (x: number, d: number) => String(Number(x.toFixed(d)));
  return [r(c.center[0], 6), r(c.center[1], 6), r(c.zoom, 4), r(c.bearing, 1), r(c.pitch, 1)].join(',');
}

function parseOpacity(value: string | null): Record<string, number> {
  const out: Record<string, number> = {};
  for (const pair of (value ?? '').split(',')) {
    const [layer, v] = pair.split(':');
    const n = finite(v, 0, 1);
    if (layer && ID.test(layer) && n !== null) out[layer] = n;
  }
  return out;
}

/** Reads the view from a query string (`location.search`, with or without the leading `?`). */
export function parseUrlView(search: string): UrlView {
  const p = new URLSearchParams(search);
  const lang = p.get('lang');
  const panel = p.get('panel');
  const lv = p.get('lv');
  const q = (p.get('q') ?? '').slice(0, 200);
  const chain = id(p.get('chain'));
  const st = (p.get('st') ?? '').split(',');
  const areaUnit: AreaUnit = p.get('au') === 'ha' ? 'ha' : 'km2';
  const graph = id(p.get('graph'));
  return {
    lang: lang === 'zh' || lang === 'en' ? lang : null,
    camera: parseCamera(p.get('cam')),
    selected: id(p.get('sel')),
    panel: panel === 'none' || (DOCK_TABS as readonly string[]).includes(panel ?? '') ? (panel as DockTab | 'none') : null,
    // `lv=` (present but empty) means every layer is off; absent means the defaults.
    layers: lv === null ? null : { visible: ids(lv), opacity: parseOpacity(p.get('lo')) },
    filters: {
      chain, group: id(p.get('group')), q: chain ? '' : q, available: p.get('avail') === '1',
      siteStatus: SITE_STATUS_ORDER.filter((s) => st.includes(s)),
      minArea: finite(p.get('minarea') ?? undefined, 0, areaUnit === 'ha' ? 1_000_000 : 10_000),
      areaUnit,
    },
    compare: ids(p.get('cmp'), MAX_COMPARE),
    chartGroup: id(p.get('cg')),
    graph: graph ? { chain: graph, segment: id(p.get('gseg')) } : null,
  };
}

/** Writes the view into a query string, keeping keys it does not own; returns it with a leading `?` or ''. */
export function formatUrlView(search: string, view: UrlView): string {
  const p = new URLSearchParams(search);
  for (const key of KEYS) p.delete(key);
  const set = (key: (typeof KEYS)[number], value: string | null | undefined) => {
    if (value !== null && value !== undefined && value !== '') p.set(key, value);
  };
  set('lang', view.lang);
  if (view.camera) set('cam', formatCamera(view.camera));
  set('sel', view.selected);
  set('panel', view.panel);
  if (view.layers) {
    p.set('lv', view.layers.visible.join(','));
    const lo = Object.entries(view.layers.opacity)
      .filter(([, o]) => o < 1)
      .map(([l, o]) => `${l}:${Number(o.toFixed(2))}`);
    set('lo', lo.join(','));
  }
  set('chain', view.filters.chain);
  set('group', view.filters.group);
  if (!view.filters.chain) set('q', view.filters.q.trim());
  if (view.filters.available) p.set('avail', '1');
  set('st', view.filters.siteStatus.join(','));
  if (view.filters.minArea !== null) set('minarea', String(view.filters.minArea));
  if (view.filters.areaUnit === 'ha') p.set('au', 'ha');
  set('cmp', view.compare.slice(0, MAX_COMPARE).join(','));
  set('cg', view.chartGroup);
  if (view.graph) {
    set('graph', view.graph.chain);
    set('gseg', view.graph.segment);
  }
  const out = p.toString().replace(/%2C/gi, ',').replace(/%3A/gi, ':');
  return out ? `?${out}` : '';
}

/** Calls `fn` at most once per `ms`, always ending with a call carrying the latest state (trailing). */
export function throttle(fn: () => void, ms: number): { call: () => void; flush: () => void; cancel: () => void } {
  let last = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const run = () => {
    timer = null;
    last = Date.now();
    fn();
  };
  return {
    call() {
      if (timer) return;
      const wait = Math.max(0, last + ms - Date.now());
      timer = setTimeout(run, wait);
    },
    flush() {
      if (timer) clearTimeout(timer);
      run();
    },
    cancel() {
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
