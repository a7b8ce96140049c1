import type * as MaplibreModule from 'maplibre-gl';
// The worker's URL is a string in this chunk (not a dynamic import of its own: one round trip less).
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { predrawLatinGlyphs, registerLocalGlyphs } from './local-glyphs';
import { LABEL_FONT } from './layer-style';

/** The MapLibre module once loaded, with its worker URL set and the local glyph protocol registered. */
export type Maplibre = typeof MaplibreModule;

/*
 * MapLibre is about three quarters of the app's JavaScript (≈295 KB gzip of ≈400). It is its own chunk,
 * requested by main.tsx as the first thing it does, so the page's own code (panels, a shared park
 * profile) renders without waiting for it while it downloads and compiles in parallel; the map is built
 * when it arrives. Every runtime use of MapLibre goes through this one loader.
 */
let loading: Promise<Maplibre> | null = null;

/** Loads MapLibre once (later calls share the promise). */
export function loadMaplibre(): Promise<Maplibre> {
  loading ??= import('maplibre-gl').then((maplibregl) => {
    maplibregl.setWorkerUrl(workerUrl);
    registerLocalGlyphs(maplibregl);
    // Start the worker now, while React renders and the layer data downloads, instead of when the map
    // is created: the first GeoJSON cannot be tiled before the worker script has loaded (issue 19).
    maplibregl.prewarm();
    predrawLatinGlyphs(LABEL_FONT);
    return maplibregl;
  });
  return loading;
}
