import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type * as maplibregl from 'maplibre-gl';
import type { FilterSpecification, LayerSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { AtlasFeatureCollection, LayerInfo } from '@contract/api';
import type { LayerDataState } from './use-layer-data';
import { strings, type Lang } from '../lib/i18n';
import { BACKGROUND_COLOR, LABEL_PRIORITY, buildLayerRender, hatchImageName, type LayerControl, type LayerRender } from '../lib/layer-style';
import { featureBBox, labelPoints, labelText, summarise, toMapData, type BBoxWgs84, type IndexedFeature } from '../lib/atlas-data';
import { LOCAL_GLYPHS_URL } from '../lib/local-glyphs';
import { loadMaplibre, type Maplibre } from '../lib/maplibre';
import { loadFontFor, FONT_FAMILY, VERTICAL_FORMS } from '../lib/fonts';
import { makeHatchImage } from '../lib/hatch';
import { onlineBasemapSources, type OnlineBasemapState } from '../lib/online-basemaps';

/** The debug handle tests use: `window.__atlas.map`, and `layersReady` once every layer is on the map. */
export interface AtlasDebugHandle {
  map: maplibregl.Map;
  layersReady: boolean;
}

declare global {
  interface Window {
    __atlas?: AtlasDebugHandle;
  }
}

/** Pixels to keep clear on each side of the map. */
export interface ScreenPadding {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** Inputs of the map: catalogue, data, per-layer controls, language, selection and basemap choices. */
export interface AtlasMapOptions {
  container: RefObject<HTMLDivElement | null>;
  layers: LayerInfo[] | undefined;
  data: LayerDataState;
  index: Map<string, IndexedFeature>;
  controls: Record<string, LayerControl>;
  lang: Lang;
  selectedId: string | null;
  basemaps: OnlineBasemapState;
  onSelect: (featureId: string | null) => void;
  /** Screen padding (px) kept free of panels when fitting the view. */
  padding: () => ScreenPadding;
}

/** The map handle and camera helpers. */
export interface AtlasMapApi {
  map: maplibregl.Map | null;
  ready: boolean;
  /** Fits the view to a feature (used when it is picked from a list, not from the map). */
  zoomToFeature: (featureId: string) => void;
  /** Fits the view to the district. */
  zoomToDistrict: () => void;
}

/** The feature id the initial view is fitted to: the current extent of the district. */
const DISTRICT_FEATURE_ID = 'gaogang';
/** Rough centre of 高港区 (WGS84) for the first frame, before the data arrives. */
const INITIAL_CENTER: [number, number] = [119.93, 32.36];

/** Picking order: small symbols first, then lines, then areas. */
const KIND_RANK: Record<string, number> = { circle: 0, line: 1, fill: 2 };

function prefersReducedMotion(): boolean {
  return typeof window !== 'undefined' && window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
}

type PaintKey = Parameters<maplibregl.Map['setPaintProperty']>[1];
type PaintValue = Parameters<maplibregl.Map['setPaintProperty']>[2];
type LayoutKey = Parameters<maplibregl.Map['setLayoutProperty']>[1];
type LayoutValue = Parameters<maplibregl.Map['setLayoutProperty']>[2];

/** Applies the difference between two specs of the same layer: paint, layout and filter only. */
function reconcileLayer(map: maplibregl.Map, prev: LayerSpecification, next: LayerSpecification): void {
  const p = prev as { paint?: Record<string, unknown>; layout?: Record<string, unknown>; filter?: unknown };
  const n = next as typeof p;
  for (const [key, value] of Object.entries(n.paint ?? {})) {
    if (JSON.stringify(p.paint?.[key]) !== JSON.stringify(value)) map.setPaintProperty(next.id, key as PaintKey, value as PaintValue);
  }
  for (const [key, value] of Object.entries(n.layout ?? {})) {
    if (JSON.stringify(p.layout?.[key]) !== JSON.stringify(value)) map.setLayoutProperty(next.id, key as LayoutKey, value as LayoutValue);
  }
  if (JSON.stringify(p.filter) !== JSON.stringify(n.filter)) map.setFilter(next.id, n.filter as FilterSpecification);
}

/** The map on `el`: a plain background, local glyphs, navigation and scale controls. */
function createMap(lib: Maplibre, el: HTMLDivElement): maplibregl.Map {
  const m = new lib.Map({
    container: el,
    style: {
      version: 8,
      glyphs: LOCAL_GLYPHS_URL,
      sources: {},
      layers: [{ id: 'background', type: 'background', paint: { 'background-color': BACKGROUND_COLOR } }],
    },
    center: INITIAL_CENTER,
    zoom: 10.5,
    minZoom: 7,
    maxZoom: 18,
    dragRotate: false,
    pitchWithRotate: false,
    touchPitch: false,
    localIdeographFontFamily: `"${FONT_FAMILY}"`,
    // Labels appear and give way at once instead of fading over 300 ms: each fade is several more
    // repaints, which on a laptop without a usable GPU (software WebGL, ~150 ms a frame at 1280×800)
    // cost a fifth of the time to the first idle map (bench, side by side: median 5.8 s → 4.8 s).
    fadeDuration: 0,
    attributionControl: { compact: true },
    locale: {
      'NavigationControl.ZoomIn': '放大 Zoom in',
      'NavigationControl.ZoomOut': '缩小 Zoom out',
      'NavigationControl.ResetBearing': '复位 Reset bearing',
      'AttributionControl.ToggleAttribution': '数据来源 Attribution',
      'ScaleControl.Meters': 'm',
      'ScaleControl.Kilometers': 'km',
    },
  });
  m.touchZoomRotate.disableRotation();
  m.addControl(new lib.NavigationControl({ showCompass: false }), 'bottom-right');
  m.addControl(new lib.ScaleControl({ unit: 'metric', maxWidth: 120 }), 'bottom-left');
  m.getCanvas().setAttribute('aria-label', el.getAttribute('aria-label') ?? 'map');
  return m;
}

/** Creates the MapLibre map, keeps its layers in step with React state, and reports picks. */
export function useAtlasMap(options: AtlasMapOptions): AtlasMapApi {
  const { container, layers, data, index, controls, lang, selectedId, basemaps } = options;
  const [map, setMap] = useState<maplibregl.Map | null>(null);
  const [styleLoaded, setStyleLoaded] = useState(false);
  const [ready, setReady] = useState(false);
  const applied = useRef(new Map<string, LayerSpecification>());
  /** The collection each source last received, so unchanged data is never re-uploaded. */
  const uploaded = useRef(new Map<string, AtlasFeatureCollection>());
  const interactiveIds = useRef<string[]>([]);
  const hovered = useRef<{ source: string; id: string } | null>(null);
  const selected = useRef<{ source: string; id: string } | null>(null);
  const latest = useRef(options);
  latest.current = options;

  // Create the map once. No tiles, no fonts, no sprites from anywhere: the style starts as a plain
  // background and every glyph comes from the localglyphs protocol or MapLibre's local CJK drawing.
  useEffect(() => {
    const el = container.current;
    if (!el) return;
    let m: maplibregl.Map | null = null;
    let cancelled = false;
    // MapLibre is its own chunk (lib/maplibre.ts), requested by main.tsx before React renders.
    void loadMaplibre().then((lib) => {
      if (cancelled) return;
      const created = createMap(lib, el);
      m = created;
      window.__atlas = { map: created, layersReady: false };
      // Sources and layers can go in once the style is parsed ('style.load'), before the first frame is
      // drawn ('load'): the worker then starts on the data while that frame renders.
      if (created.isStyleLoaded()) setStyleLoaded(true);
      else created.once('style.load', () => setStyleLoaded(true));
      setMap(created);
    }, (err: unknown) => console.error('[atlas] the map engine did not load:', err));
    return () => {
      cancelled = true;
      applied.current.clear();
      uploaded.current.clear();
      interactiveIds.current = [];
      hovered.current = null;
      selected.current = null;
      setStyleLoaded(false);
      setReady(false);
      setMap(null);
      if (!m) return;
      m.remove();
      if (window.__atlas?.map === m) window.__atlas = undefined;
    };
  }, [container]);

  const fitTo = useCallback((b: BBoxWgs84 | null, animate: boolean, maxZoom = 16, margin = 0) => {
    if (!map || !b) return;
    const pad = latest.current.padding();
    map.fitBounds([[b[0], b[1]], [b[2], b[3]]], {
      padding: { top: pad.top + margin, bottom: pad.bottom + margin, left: pad.left + margin, right: pad.right + margin },
      maxZoom,
      duration: animate && !prefersReducedMotion() ? 700 : 0,
    });
  }, [map]);

  const districtBBox = useCallback((): BBoxWgs84 | null => {
    const district = latest.current.index.get(DISTRICT_FEATURE_ID);
    if (district) return featureBBox(district.feature);
    // No `gaogang` feature: fall back to the district layer, then to everything.
    const ls = latest.current.layers ?? [];
    const byLayer = ls.find((l) => l.theme === 'administrative' && l.bbox)?.bbox;
    if (byLayer) return byLayer;
    const all = ls.filter((l) => l.bbox && l.theme !== 'basemap').map((l) => l.bbox!);
    if (!all.length) return null;
    return [Math.min(...all.map((b) => b[0])), Math.min(...all.map((b) => b[1])), Math.max(...all.map((b) => b[2])), Math.max(...all.map((b) => b[3]))];
  }, []);

  // Start fetching the font files of each layer's labels as soon as that layer arrives, overlapping the
  // other layers' requests (the browser fetches each unicode-range file once; the build below awaits all).
  useEffect(() => {
    if (ready) return;
    void loadFontFor(`${labelText(Object.values(data.byId))}${VERTICAL_FORMS}`);
  }, [data.byId, ready]);

  // Build every source and layer once the style, the catalogue and all layer data are in.
  useEffect(() => {
    if (!map || !styleLoaded || !layers || !data.settled || ready) return;
    let cancelled = false;
    (async () => {
      // Load the font files for every label first: MapLibre rasterises a glyph once and caches it,
      // so drawing before the font arrives would cache a fallback box.
      await loadFontFor(`${labelText(Object.values(data.byId))}${VERTICAL_FORMS}`);
      if (cancelled) return;
      const { controls: ctl, lang: lng } = latest.current;
      const renders: LayerRender[] = layers.map((info) =>
        buildLayerRender(info, summarise(data.byId[info.id]), ctl[info.id] ?? { visible: info.style.visible ?? true, opacity: 1 }, lng),
      );
      const sourceData = new Map<string, GeoJSON.FeatureCollection>();
      for (const info of layers) {
        const fc = data.byId[info.id];
        sourceData.set(`atlas:${info.id}`, toMapData(fc));
        sourceData.set(`atlas:${info.id}:labels`, labelPoints(fc));
        if (fc) uploaded.current.set(info.id, fc);
      }
      // The order sources are added in is only the order the (single) worker tiles them in; what is drawn
      // over what follows the layers. Sources that labels read from go first: their tiles wait on the main
      // thread for glyphs, and the last source in the queue used to be such a one (the subdistricts'
      // point labels), its glyphs held up behind the frame drawing all the others, which cost one more
      // full repaint before idle (issue 19).
      const labelled = new Set(renders.flatMap((r) => r.labels.map((l) => (l as { source: string }).source)));
      const order = [...sourceData.keys()].sort((a, b) => Number(labelled.has(b)) - Number(labelled.has(a)));
      for (const id of order) map.addSource(id, { type: 'geojson', data: sourceData.get(id)!, promoteId: 'fid' });
      for (const r of renders) {
        for (const color of r.hatchColors) {
          const name = hatchImageName(color);
          if (!map.hasImage(name)) map.addImage(name, makeHatchImage(color), { pixelRatio: 2 });
        }
      }
      for (const spec of renders.flatMap((r) => r.body)) {
        map.addLayer(spec);
        applied.current.set(spec.id, spec);
      }
      const byPriority = renders
        .map((r, i) => ({ r, i, priority: LABEL_PRIORITY[layers[i].theme] ?? 0 }))
        .sort((a, b) => a.priority - b.priority || a.i - b.i);
      for (const spec of byPriority.flatMap(({ r }) => r.labels)) {
        map.addLayer(spec);
        applied.current.set(spec.id, spec);
      }
      interactiveIds.current = renders.flatMap((r) => r.interactive);
      fitTo(districtBBox(), false);
      if (window.__atlas?.map === map) window.__atlas.layersReady = true;
      setReady(true);
    })().catch((err) => console.error('Building map layers failed', err));
    return () => {
      cancelled = true;
    };
  }, [map, styleLoaded, layers, data, ready, fitTo, districtBBox]);

  // Data that arrives or changes after the build (a retried layer) replaces that layer's source data.
  useEffect(() => {
    if (!map || !ready || !layers) return;
    for (const info of layers) {
      const fc = data.byId[info.id];
      if (!fc || uploaded.current.get(info.id) === fc) continue;
      (map.getSource(`atlas:${info.id}`) as maplibregl.GeoJSONSource | undefined)?.setData(toMapData(fc));
      (map.getSource(`atlas:${info.id}:labels`) as maplibregl.GeoJSONSource | undefined)?.setData(labelPoints(fc));
      uploaded.current.set(info.id, fc);
    }
  }, [map, ready, layers, data.byId]);

  // MapLibre names its own buttons once, when they are added: rename them in the page's language.
  useEffect(() => {
    if (!map) return;
    const t = strings(lang).mapControls;
    const names: Array<[string, string]> = [
      ['.maplibregl-ctrl-zoom-in', t.zoomIn],
      ['.maplibregl-ctrl-zoom-out', t.zoomOut],
      ['.maplibregl-ctrl-compass', t.resetBearing],
      ['.maplibregl-ctrl-attrib-button', t.attribution],
    ];
    for (const [selector, name] of names) {
      for (const b of map.getContainer().querySelectorAll(selector)) {
        b.setAttribute('title', name);
        b.setAttribute('aria-label', name);
      }
    }
  }, [map, lang]);

  // Controls and language change paint and layout only, so the camera never moves.
  const renders = useMemo(
    () =>
      (layers ?? []).map((info) =>
        buildLayerRender(info, summarise(data.byId[info.id]), controls[info.id] ?? { visible: info.style.visible ?? true, opacity: 1 }, lang),
      ),
    [layers, data.byId, controls, lang],
  );
  useEffect(() => {
    if (!map || !ready) return;
    for (const spec of renders.flatMap((r) => [...r.body, ...r.labels])) {
      const prev = applied.current.get(spec.id);
      if (!prev || !map.getLayer(spec.id)) continue;
      reconcileLayer(map, prev, spec);
      applied.current.set(spec.id, spec);
    }
  }, [map, ready, renders]);

  // Selection shows as feature-state on the feature's source.
  useEffect(() => {
    if (!map || !ready) return;
    if (selected.current) map.setFeatureState(selected.current, { selected: false });
    selected.current = null;
    const hit = selectedId ? index.get(selectedId) : undefined;
    if (hit) {
      const target = { source: `atlas:${hit.layer.id}`, id: selectedId! };
      map.setFeatureState(target, { selected: true });
      selected.current = target;
    }
  }, [map, ready, selectedId, index]);

  // Hover and click picking.
  useEffect(() => {
    if (!map || !ready) return;
    const pick = (point: maplibregl.Point, tolerance: number) => {
      const layersToQuery = interactiveIds.current.filter((id) => map.getLayer(id) && map.getLayoutProperty(id, 'visibility') !== 'none');
      if (!layersToQuery.length) return null;
      const box: [maplibregl.PointLike, maplibregl.PointLike] = [
        [point.x - tolerance, point.y - tolerance],
        [point.x + tolerance, point.y + tolerance],
      ];
      const hits = map.queryRenderedFeatures(box, { layers: layersToQuery });
      if (!hits.length) return null;
      // Stable sort: points before lines before areas; within a kind, the top-most layer wins.
      const ranked = hits
        .map((f, i) => ({ f, i, rank: KIND_RANK[f.layer.type] ?? 3 }))
        .sort((a, b) => a.rank - b.rank || a.i - b.i);
      // An area only counts if the pointer is really inside it, not just within the tolerance box.
      const exact = new Set(map.queryRenderedFeatures(point, { layers: layersToQuery }).map((f) => `${f.source}|${f.properties.fid}`));
      const best = ranked.find((r) => r.f.layer.type !== 'fill' || exact.has(`${r.f.source}|${r.f.properties.fid}`));
      if (!best) return null;
      return { source: best.f.source, id: String(best.f.properties.fid) };
    };
    const setHover = (next: { source: string; id: string } | null) => {
      const prev = hovered.current;
      if (prev && next && prev.source === next.source && prev.id === next.id) return;
      if (prev) map.setFeatureState(prev, { hover: false });
      if (next) map.setFeatureState(next, { hover: true });
      hovered.current = next;
      map.getCanvas().style.cursor = next ? 'pointer' : '';
    };
    const onMove = (e: maplibregl.MapMouseEvent) => setHover(pick(e.point, 3));
    const onLeave = () => setHover(null);
    const onClick = (e: maplibregl.MapMouseEvent) => {
      const touch = (e.originalEvent as PointerEvent | undefined)?.pointerType === 'touch';
      const hit = pick(e.point, touch ? 10 : 4);
      latest.current.onSelect(hit ? hit.id : null);
    };
    map.on('mousemove', onMove);
    map.on('mouseout', onLeave);
    map.on('click', onClick);
    return () => {
      map.off('mousemove', onMove);
      map.off('mouseout', onLeave);
      map.off('click', onClick);
    };
  }, [map, ready]);

  // Online basemaps: added below every atlas layer only while switched on.
  useEffect(() => {
    if (!map || !styleLoaded) return;
    const wanted = onlineBasemapSources(basemaps);
    const wantedIds = new Set(wanted.map((w) => w.id));
    for (const layer of map.getStyle().layers ?? []) {
      if (layer.id.startsWith('online:') && !wantedIds.has(layer.id)) {
        map.removeLayer(layer.id);
        map.removeSource(layer.id);
      }
    }
    const firstAtlasLayer = (map.getStyle().layers ?? []).find((l) => l.id.startsWith('atlas:'))?.id;
    for (const w of wanted) {
      if (map.getSource(w.id)) continue;
      map.addSource(w.id, w.source);
      map.addLayer({ id: w.id, type: 'raster', source: w.id, paint: { 'raster-opacity': 0.85 } }, firstAtlasLayer);
    }
  }, [map, styleLoaded, ready, basemaps]);

  const zoomToFeature = useCallback(
    (featureId: string) => {
      const hit = latest.current.index.get(featureId);
      // A margin keeps some surroundings in view: a park alone on screen says little.
      if (hit) fitTo(featureBBox(hit.feature), true, 14, 48);
    },
    [fitTo],
  );
  const zoomToDistrict = useCallback(() => fitTo(districtBBox(), true), [fitTo, districtBBox]);

  return { map, ready, zoomToFeature, zoomToDistrict };
}
