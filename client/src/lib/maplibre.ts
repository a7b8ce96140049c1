import type * as MaplibreModule from 'maplibre-gl';
import { registerLocalGlyphs } from './local-glyphs';

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
  loading ??= Promise.all([import('maplibre-gl'), import('maplibre-gl/dist/maplibre-gl-worker.mjs?url')]).then(
    ([maplibregl, worker]) => {
      maplibregl.setWorkerUrl(worker.default);
      registerLocalGlyphs(maplibregl);
      return maplibregl;
    },
  );
  return loading;
}
