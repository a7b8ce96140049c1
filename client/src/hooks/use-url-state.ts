import { useEffect, useRef } from 'react';
import type { LayerInfo } from '@contract/api';
import type { AtlasMapApi } from './use-atlas-map';
import type { ExplorerState } from './use-explorer-state';
import type { LayerControls } from './use-layer-controls';
import type { Lang } from '../lib/i18n';
import { formatUrlView, parseUrlView, throttle, type ChainGraphView, type UrlView } from '../lib/url-state';

/** How often the URL may be rewritten while the map moves. */
const WRITE_INTERVAL_MS = 250;

/** Inputs of the URL sync: what the URL restores and everything it records. */
export interface UrlStateOptions {
  /** The view read from the URL when the page opened. */
  initial: UrlView;
  atlas: AtlasMapApi;
  layers: LayerInfo[] | undefined;
  controls: LayerControls;
  lang: Lang;
  selectedId: string | null;
  panelOpen: boolean;
  explorer: ExplorerState;
  /** The open chain graph, or null. */
  graph: ChainGraphView | null;
}

/** The view the page was opened with (read once, before the first render). */
export function readUrlView(): UrlView {
  return parseUrlView(window.location.search);
}

let flushPending: (() => void) | null = null;

/** Writes any pending URL change now (the copy-link button calls it so the link is never behind). */
export function flushUrlState(): void {
  flushPending?.();
}

/**
 * Restores the layers and camera the URL carried, then keeps the URL in step with the screen using
 * history.replaceState (throttled; no history entries, so Back still leaves the app).
 */
export function useUrlState(options: UrlStateOptions): void {
  const { initial, atlas, layers } = options;
  const latest = useRef(options);
  latest.current = options;
  const layersRestored = useRef(false);
  const restored = useRef(false);

  const writer = useRef(
    throttle(() => {
      if (!restored.current) return;
      const o = latest.current;
      const map = o.atlas.map;
      const camera = map
        ? { center: map.getCenter().toArray() as [number, number], zoom: map.getZoom(), bearing: map.getBearing(), pitch: map.getPitch() }
        : o.initial.camera;
      const visible: string[] = [];
      const opacity: Record<string, number> = {};
      for (const l of o.layers ?? []) {
        const c = o.controls.controls[l.id] ?? { visible: l.style.visible ?? true, opacity: 1 };
        if (c.visible) visible.push(l.id);
        if (c.opacity < 1) opacity[l.id] = c.opacity;
      }
      const view: UrlView = {
        lang: o.lang,
        camera,
        selected: o.selectedId,
        panel: o.panelOpen ? o.explorer.tab : 'none',
        layers: o.layers ? { visible, opacity } : o.initial.layers,
        filters: o.explorer.filters,
        compare: o.explorer.compare,
        chartGroup: o.explorer.chartGroup,
        graph: o.graph,
      };
      const search = formatUrlView(window.location.search, view);
      if (search !== window.location.search) {
        window.history.replaceState(window.history.state, '', `${window.location.pathname}${search}${window.location.hash}`);
      }
    }, WRITE_INTERVAL_MS),
  );

  // Layer visibility and opacity from the URL, applied once the catalogue (and its defaults) arrive.
  const { setVisible, setOpacity } = options.controls;
  useEffect(() => {
    if (!layers || layersRestored.current) return;
    layersRestored.current = true;
    const wanted = initial.layers;
    if (!wanted) return;
    for (const l of layers) {
      setVisible(l.id, wanted.visible.includes(l.id));
      if (wanted.opacity[l.id] !== undefined) setOpacity(l.id, wanted.opacity[l.id]);
    }
  }, [layers, initial.layers, setVisible, setOpacity]);

  // The camera: once the map has built its layers (which fits the district), jump to the URL's view.
  const { map, ready, zoomToFeature } = atlas;
  useEffect(() => {
    if (!map || !ready || restored.current) return;
    const cam = initial.camera;
    if (cam) {
      map.jumpTo({ center: cam.center, zoom: cam.zoom, bearing: cam.bearing, pitch: cam.pitch });
    } else if (initial.selected) {
      // A hand-written link with a selection but no camera: show the selection.
      zoomToFeature(initial.selected);
    }
    restored.current = true;
    writer.current.call();
  }, [map, ready, initial.camera, initial.selected, zoomToFeature]);

  // Camera changes: every move schedules a (throttled) write.
  useEffect(() => {
    if (!map || !ready) return;
    const onMove = () => writer.current.call();
    map.on('move', onMove);
    map.on('moveend', onMove);
    return () => {
      map.off('move', onMove);
      map.off('moveend', onMove);
    };
  }, [map, ready]);

  // Everything else: write when any recorded piece of state changes.
  const { lang, selectedId, panelOpen, explorer, controls, graph } = options;
  useEffect(() => {
    writer.current.call();
  }, [lang, selectedId, panelOpen, explorer.tab, explorer.filters, explorer.compare, explorer.chartGroup, controls.controls, layers, graph]);

  useEffect(() => {
    const w = writer.current;
    flushPending = () => w.flush();
    return () => {
      w.cancel();
      flushPending = null;
    };
  }, []);
}
