import type * as maplibregl from 'maplibre-gl';
import type { LayerInfo, ViewState } from '@contract/api';
import type { LayerControl } from '../../lib/layer-style';
import type { ExplorerFilters } from '../../lib/url-state';
import type { OnlineBasemapState } from '../../lib/online-basemaps';

/** Everything on screen a saved view records. */
export interface CaptureInput {
  map: maplibregl.Map;
  layers: LayerInfo[];
  controls: Record<string, LayerControl>;
  lang: 'zh' | 'en';
  selectedId: string | null;
  /** Features to highlight besides the selection. */
  highlighted: string[];
  filters: ExplorerFilters;
  basemaps: OnlineBasemapState;
  /** Pixels the map is panned down by to show its centre above a phone's bottom sheet: the view keeps the centre the person sees. */
  sheetShift?: number;
}

const round = (x: number, d: number) => Number(x.toFixed(d));

/** The current screen as a view state: camera (with bearing and pitch), every layer's visibility and opacity, selection, filters, language, basemap. */
export function captureViewState(c: CaptureInput): ViewState {
  const center = c.sheetShift ? c.map.unproject([c.map.getCanvas().clientWidth / 2, c.map.getCanvas().clientHeight / 2 - c.sheetShift]) : c.map.getCenter();
  const filters: ViewState['filters'] = {};
  if (c.filters.chain) filters.chain = c.filters.chain;
  if (c.filters.group) filters.group = c.filters.group;
  if (c.filters.q.trim()) filters.q = c.filters.q.trim().slice(0, 200);
  if (c.filters.available) filters.available = true;
  return {
    camera: {
      center: [round(center.lng, 6), round(center.lat, 6)],
      zoom: round(c.map.getZoom(), 4),
      bearing: round(c.map.getBearing(), 2),
      pitch: round(c.map.getPitch(), 2),
    },
    layers: c.layers.map((l) => {
      const ctl = c.controls[l.id] ?? { visible: l.style.visible ?? true, opacity: 1 };
      return { id: l.id, visible: ctl.visible, opacity: round(ctl.opacity, 2) };
    }),
    selected: c.selectedId,
    highlighted: [...new Set(c.highlighted)].slice(0, 50),
    filters,
    lang: c.lang,
    basemap: c.basemaps.tianditu ? 'tianditu' : c.basemaps.osm ? 'osm' : 'offline',
  };
}
