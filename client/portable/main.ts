import * as maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { FilterSpecification, LayerSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { AtlasFeature, AtlasFeatureCollection, Briefing, LayerInfo, ViewState } from '@contract/api';
import { BACKGROUND_COLOR, LABEL_PRIORITY, buildLayerRender, hatchImageName, type LayerControl, type LayerRender } from '../src/lib/layer-style';
import { labelPoints, labelText, summarise, toMapData } from '../src/lib/atlas-data';
import { LOCAL_GLYPHS_URL, registerLocalGlyphs } from '../src/lib/local-glyphs';
import { FONT_FAMILY, VERTICAL_FORMS, loadFontFor } from '../src/lib/fonts';
import { makeHatchImage } from '../src/lib/hatch';
import { presenterFeatures } from '../src/components/present/features';
import { slidesOf, startPresenter } from '../src/components/present/presenter';

/*
 * The portable briefing: the server (server/src/portable) inlines this script, the MapLibre worker,
 * the fonts and a JSON block with the briefing, the layer catalogue and the GeoJSON of its layers into
 * one HTML file. Opened from file:// it draws the same map as the app and presents the briefing;
 * it makes no request at all (glyphs are drawn from the inlined font, the worker is a data: URL).
 */

/** The JSON block `<script type="application/json" id="atlas-portable-data">`. */
export interface PortableData {
  briefing: Briefing;
  layers: LayerInfo[];
  data: Record<string, AtlasFeatureCollection>;
  generatedAt: string;
}

type PaintKey = Parameters<maplibregl.Map['setPaintProperty']>[1];
type PaintValue = Parameters<maplibregl.Map['setPaintProperty']>[2];
type LayoutKey = Parameters<maplibregl.Map['setLayoutProperty']>[1];
type LayoutValue = Parameters<maplibregl.Map['setLayoutProperty']>[2];

/** Applies paint, layout and filter differences of one layer (as the app's map hook does). */
function reconcile(map: maplibregl.Map, prev: LayerSpecification, next: LayerSpecification): void {
  const p = prev as { paint?: Record<string, unknown>; layout?: Record<string, unknown>; filter?: unknown };
  const n = next as typeof p;
  for (const [k, v] of Object.entries(n.paint ?? {})) if (JSON.stringify(p.paint?.[k]) !== JSON.stringify(v)) map.setPaintProperty(next.id, k as PaintKey, v as PaintValue);
  for (const [k, v] of Object.entries(n.layout ?? {})) if (JSON.stringify(p.layout?.[k]) !== JSON.stringify(v)) map.setLayoutProperty(next.id, k as LayoutKey, v as LayoutValue);
  if (JSON.stringify(p.filter) !== JSON.stringify(n.filter)) map.setFilter(next.id, n.filter as FilterSpecification);
}

function readData(): PortableData {
  const el = document.getElementById('atlas-portable-data');
  if (!el?.textContent) throw new Error('The briefing data block is missing.');
  return JSON.parse(el.textContent) as PortableData;
}

function workerUrl(): string {
  const el = document.getElementById('atlas-portable-worker');
  if (!el?.textContent) throw new Error('The map worker is missing.');
  return `data:text/javascript;base64,${el.textContent.trim()}`;
}

function main() {
  const d = readData();
  const container = document.getElementById('map')!;
  registerLocalGlyphs(maplibregl);
  maplibregl.setWorkerUrl(workerUrl());
  const firstCam = d.briefing.views?.[0]?.state.camera;
  const map = new maplibregl.Map({
    container,
    style: { version: 8, glyphs: LOCAL_GLYPHS_URL, sources: {}, layers: [{ id: 'background', type: 'background', paint: { 'background-color': BACKGROUND_COLOR } }] },
    center: firstCam?.center ?? [119.93, 32.36],
    zoom: firstCam?.zoom ?? 10.5,
    minZoom: 7,
    maxZoom: 18,
    localIdeographFontFamily: `"${FONT_FAMILY}"`,
    attributionControl: false,
    dragRotate: false,
  });
  (window as unknown as { __atlas: unknown }).__atlas = { map, layersReady: false };
  let controls: Record<string, LayerControl> = Object.fromEntries(d.layers.map((l) => [l.id, { visible: l.style.visible ?? true, opacity: 1 }]));
  let lang: 'zh' | 'en' = 'zh';
  const applied = new Map<string, LayerSpecification>();
  const renders = () => d.layers.map((info): LayerRender => buildLayerRender(info, summarise(d.data[info.id]), controls[info.id], lang));
  const byId = new Map<string, AtlasFeature>();
  for (const fc of Object.values(d.data)) for (const f of fc.features) byId.set(String(f.id), f);

  map.on('load', async () => {
    await loadFontFor(`${labelText(Object.values(d.data))}${VERTICAL_FORMS}`, [400, 700]);
    const rs = renders();
    for (const info of d.layers) {
      map.addSource(`atlas:${info.id}`, { type: 'geojson', data: toMapData(d.data[info.id]), promoteId: 'fid' });
      map.addSource(`atlas:${info.id}:labels`, { type: 'geojson', data: labelPoints(d.data[info.id]), promoteId: 'fid' });
    }
    for (const r of rs) for (const c of r.hatchColors) if (!map.hasImage(hatchImageName(c))) map.addImage(hatchImageName(c), makeHatchImage(c), { pixelRatio: 2 });
    for (const spec of rs.flatMap((r) => r.body)) {
      map.addLayer(spec);
      applied.set(spec.id, spec);
    }
    const ordered = rs.map((r, i) => ({ r, i, p: LABEL_PRIORITY[d.layers[i].theme] ?? 0 })).sort((a, b) => a.p - b.p || a.i - b.i);
    for (const spec of ordered.flatMap(({ r }) => r.labels)) {
      map.addLayer(spec);
      applied.set(spec.id, spec);
    }
    let selected: { source: string; id: string } | null = null;
    const applyState = (state: ViewState) => {
      const next = { ...controls };
      for (const l of state.layers) if (next[l.id]) next[l.id] = { visible: l.visible, opacity: l.opacity };
      controls = next;
      lang = state.lang;
      document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
      for (const spec of renders().flatMap((r) => [...r.body, ...r.labels])) {
        const prev = applied.get(spec.id);
        if (!prev || !map.getLayer(spec.id)) continue;
        reconcile(map, prev, spec);
        applied.set(spec.id, spec);
      }
      if (selected) map.setFeatureState(selected, { selected: false });
      selected = null;
      const f = state.selected ? byId.get(state.selected) : undefined;
      if (f) {
        selected = { source: `atlas:${f.properties.layer_id}`, id: String(f.id) };
        map.setFeatureState(selected, { selected: true });
      }
    };
    (window as unknown as { __atlas: { layersReady: boolean } }).__atlas.layersReady = true;
    startPresenter(document.body, slidesOf(d.briefing), { map, applyState, features: (ids, lg) => presenterFeatures(ids, lg, (id) => byId.get(id)) }, { start: 0, exitable: false, fullscreenButton: true });
  });
}

try {
  main();
} catch (err) {
  document.body.textContent = String(err);
}
