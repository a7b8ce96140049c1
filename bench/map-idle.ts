/** Time to the map's idle in headless Chromium (used by run.ts and map-idle-parcels.ts). */
import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { Database } from '../server/src/db/database.js';
import { createApp } from '../server/src/app.js';
import type { CacheInvalidation } from '../server/src/tiles/invalidation.js';
import { percentile, round } from './stats.js';
import { PARCEL_LAYER } from './parcels.js';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
export const clientDir = path.resolve(process.env.ATLAS_CLIENT_DIR ?? path.join(root, 'dist/client'));

/** Serves the app (API and built client) on a free port. */
export async function serve(db: Database, opts: { clientDir?: string }) {
  const app = createApp(db, opts);
  const server: Server = await new Promise((r) => {
    const s = app.listen(0, '127.0.0.1', () => r(s));
  });
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async close() {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      await (app.locals.invalidation as CacheInvalidation).close();
    },
  };
}

/** Headless Debian Chromium without background traffic, as every browser measurement of the bench uses it. */
export async function launchBenchChromium() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Cold page loads per measurement (BENCH_IDLE_ROUNDS, default 5). */
const ROUNDS = Number(process.env.BENCH_IDLE_ROUNDS ?? 5);

/**
 * Time from navigation to the map's first `idle` in headless Chromium (median of ROUNDS fresh pages, warm
 * server). Without `parcels`, each round also loads the bare MapLibre pages right after the app (same
 * browser, same camera, same GeoJSON), so app and floor are measured side by side under the same load. With `parcels`, the synthetic layer is then added as a vector-tile layer (with its TileJSON
 * minzoom) at its first drawn zoom over the centre, and the time to the next `idle` is measured too.
 */
export async function mapIdle(db: Database, parcels: boolean, center: [number, number] = [119.9456, 32.2972]): Promise<Record<string, unknown>> {
  if (!fs.existsSync(path.join(clientDir, 'index.html'))) return { ms: null, note: 'client not built' };
  const srv = await serve(db, { clientDir });
  const browser = await launchBenchChromium();
  const samples: number[] = [];
  /** Time to `layersReady` (every source and layer added); the rest of `ms` is glyphs, fonts and drawing. */
  const readySamples: number[] = [];
  const parcelSamples: number[] = [];
  let parcelZoom: number | null = null;
  let camera: { center: [number, number]; zoom: number } | null = null;
  let baseline: Record<string, unknown> = {};
  /** The bare pages' samples, each taken right after the app's sample of the same round (same load). */
  const bare: number[] = [];
  const bareData: number[] = [];
  let bareSample: ((data: boolean) => Promise<number>) | null = null;
  try {
    for (let i = 0; i < ROUNDS; i++) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      if (parcels) {
        // The client fetches every catalogued layer whole as GeoJSON; a 100k-parcel layer must reach it as
        // tiles only, so the catalogue the page sees leaves the synthetic layer out (it is added as tiles below).
        await page.route('**/api/layers', async (route) => {
          const res = await route.fetch();
          const list = (await res.json()) as { id: string }[];
          await route.fulfill({ response: res, json: list.filter((l) => l.id !== PARCEL_LAYER) });
        });
        await dropPreloads(page, srv.base, (id) => id !== PARCEL_LAYER);
      }
      const t = Date.now();
      await page.goto(srv.base + '/');
      await page.waitForFunction(() => (window as unknown as { __atlas?: { layersReady: boolean } }).__atlas?.layersReady === true, undefined, { timeout: 60_000 });
      readySamples.push(Date.now() - t);
      await page.evaluate(() => new Promise<void>((resolve) => {
        const map = (window as unknown as { __atlas: { map: { loaded(): boolean; once(e: string, f: () => void): void } } }).__atlas.map;
        if (map.loaded()) resolve();
        else map.once('idle', () => resolve());
      }));
      samples.push(Date.now() - t);
      camera = await page.evaluate(() => {
        const map = (window as unknown as { __atlas: { map: { getCenter(): { lng: number; lat: number }; getZoom(): number } } }).__atlas.map;
        const c = map.getCenter();
        return { center: [c.lng, c.lat] as [number, number], zoom: map.getZoom() };
      });
      if (parcels) {
        const tj = (await (await fetch(`${srv.base}/tiles/${PARCEL_LAYER}.json`)).json()) as { tiles: string[]; minzoom?: number; maxzoom?: number };
        // Below the layer's minzoom its tiles are empty: measure at the first zoom that draws parcels.
        const zoom = Math.max(13, tj.minzoom ?? 0);
        parcelZoom = zoom;
        parcelSamples.push(await page.evaluate(({ tiles, center, layer, zoom, minzoom, maxzoom }) => new Promise<number>((resolve) => {
          type M = { addSource(id: string, s: unknown): void; addLayer(l: unknown): void; jumpTo(o: unknown): void; once(e: string, f: () => void): void };
          const map = (window as unknown as { __atlas: { map: M } }).__atlas.map;
          const t1 = performance.now();
          map.addSource('bench-parcels', { type: 'vector', tiles, minzoom, maxzoom });
          map.addLayer({ id: 'bench-parcels', type: 'fill', source: 'bench-parcels', 'source-layer': layer, paint: { 'fill-color': '#c60', 'fill-opacity': 0.4, 'fill-outline-color': '#630' } });
          map.jumpTo({ center, zoom });
          map.once('idle', () => resolve(performance.now() - t1));
        }), { tiles: tj.tiles, center, layer: PARCEL_LAYER, zoom, minzoom: tj.minzoom ?? 0, maxzoom: tj.maxzoom ?? 16 }));
      }
      await page.close();
      if (!parcels && camera) {
        bareSample ??= bareMapPage(browser, srv.base, camera);
        bareData.push(await bareSample(true));
        bare.push(await bareSample(false));
      }
    }
    if (!parcels && camera) {
      baseline = {
        bare_maplibre_ms: percentile(bare, 50),
        bare_maplibre_geojson_ms: percentile(bareData, 50),
        samples: { app: samples, bare_maplibre_geojson: bareData, bare_maplibre: bare },
        no_labels_ms: await appIdleWith(browser, srv.base, (list) => list.map((l) => ({ ...l, style: { ...(l.style ?? {}), labels: false } }))),
        empty_catalogue_ms: await appIdleWith(browser, srv.base, () => [], true),
      };
    }
  } catch (e) {
    return { ms: null, note: `failed: ${(e as Error).message.split('\n')[0]}` };
  } finally {
    await browser.close();
    await srv.close();
  }
  return {
    ms: percentile(samples, 50),
    layers_ready_ms: percentile(readySamples, 50),
    ...baseline,
    ...(parcels ? { parcels_layer_idle_ms: round(percentile(parcelSamples, 50), 0), parcels_zoom: parcelZoom } : {}),
    note: `median of ${samples.length} cold page loads (fresh page, warm server), app and bare pages interleaved per round; layers_ready_ms: to window.__atlas.layersReady${parcels ? `; the parcel layer is hidden from the GeoJSON catalogue and added as a vector-tile layer at z${parcelZoom} (its first drawn zoom) over the centre, time to its idle` : ''}`,
  };
}


/**
 * Serves the app's index.html to `page` without the server's preload hints (server/src/http/index-html.ts)
 * of the layers `keep` refuses: a catalogue rewritten by the bench must not have the browser download the
 * GeoJSON of layers the page never asks for.
 */
async function dropPreloads(page: Awaited<ReturnType<Browser['newPage']>>, base: string, keep: (layerId: string) => boolean): Promise<void> {
  await page.route(`${base}/`, async (route) => {
    const res = await route.fetch();
    const html = (await res.text()).replace(/\s*<link rel="preload" href="\/api\/layers\/([^"]+)"[^>]*>/g, (link, id: string) => (keep(decodeURIComponent(id)) ? link : ''));
    await route.fulfill({ response: res, body: html });
  });
}

export type Browser = Awaited<ReturnType<(typeof import('playwright-core'))['chromium']['launch']>>;

/**
 * The same app with its catalogue (`/api/layers`) rewritten by `catalogue` before the page sees it:
 * every label switched off through `style.labels` (what staff can set per layer) — the difference to `ms`
 * is what placing and drawing the labels' glyphs costs in this browser — or no layers at all, the app's
 * shell (its code, panels, fonts and an empty map): the part of `ms` that no map work can remove.
 */
async function appIdleWith(browser: Browser, base: string, catalogue: (list: { style?: Record<string, unknown> }[]) => unknown[], dropData = false): Promise<number> {
  const out: number[] = [];
  for (let i = 0; i < 3; i++) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.route('**/api/layers', async (route) => {
      const res = await route.fetch();
      const list = catalogue((await res.json()) as { style?: Record<string, unknown> }[]);
      await route.fulfill({ response: res, json: list });
    });
    if (dropData) await dropPreloads(page, base, () => false);
    const t = Date.now();
    await page.goto(base + '/');
    await page.waitForFunction(() => (window as unknown as { __atlas?: { layersReady: boolean } }).__atlas?.layersReady === true, undefined, { timeout: 60_000 });
    await page.evaluate(() => new Promise<void>((resolve) => {
      const map = (window as unknown as { __atlas: { map: { loaded(): boolean; once(e: string, f: () => void): void } } }).__atlas.map;
      if (map.loaded()) resolve();
      else map.once('idle', () => resolve());
    }));
    out.push(Date.now() - t);
    await page.close();
  }
  return percentile(out, 50);
}

/**
 * The floor under the app's number, measured in the same browser right after it: MapLibre alone on a
 * blank page (same size, same camera as the app's default view) to its first idle — (a) with only a
 * background, (b) with the GeoJSON of every layer the app shows at first (the same API, the same bodies)
 * drawn as plain fills, lines and circles, no labels. What the app adds on top of (b) is its own code, fonts, glyphs and styling.
 */
export function bareMapPage(browser: Browser, base: string, camera: { center: [number, number]; zoom: number }) {
  const dist = path.join(root, 'node_modules/maplibre-gl/dist');
  const html = `<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="/__bench/maplibre-gl.css">
<style>html,body,#map{margin:0;width:100%;height:100%}</style></head><body><div id="map"></div>
<script type="module">
import * as maplibregl from '/__bench/maplibre-gl.mjs';
maplibregl.setWorkerUrl('/__bench/maplibre-gl-worker.mjs');
const withData = new URLSearchParams(location.search).get('data') === '1';
const sources = {};
const layers = [{ id: 'bg', type: 'background', paint: { 'background-color': '#f4f1ea' } }];
if (withData) {
  const list = await (await fetch('/api/layers')).json();
  // The same layers the app shows at its first view (every catalogue layer switched on, basemap included).
  const shown = list.filter((l) => l.style?.visible ?? true);
  const bodies = await Promise.all(shown.map((l) => fetch('/api/layers/' + l.id).then((r) => r.json())));
  shown.forEach((l, i) => {
    sources[l.id] = { type: 'geojson', data: bodies[i] };
    layers.push({ id: l.id + '-fill', type: 'fill', source: l.id, filter: ['==', ['geometry-type'], 'Polygon'], paint: { 'fill-color': '#3a7', 'fill-opacity': 0.3 } });
    layers.push({ id: l.id + '-line', type: 'line', source: l.id, paint: { 'line-color': '#245', 'line-width': 1.5 } });
    layers.push({ id: l.id + '-point', type: 'circle', source: l.id, filter: ['==', ['geometry-type'], 'Point'], paint: { 'circle-radius': 5, 'circle-color': '#c33' } });
  });
}
const map = new maplibregl.Map({ container: 'map', style: { version: 8, sources, layers }, center: ${JSON.stringify(camera.center)}, zoom: ${camera.zoom} });
map.once('idle', () => { window.__idle = true; });
</script></body></html>`;
  /** One cold page load of the bare page to its first idle (ms). */
  return async (data: boolean): Promise<number> => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    try {
      await page.route(`${base}/__bench/**`, async (route) => {
        const name = new URL(route.request().url()).pathname.replace('/__bench/', '');
        if (name.startsWith('bare.html')) return route.fulfill({ contentType: 'text/html', body: html });
        const file = path.join(dist, path.basename(name));
        return route.fulfill({ contentType: name.endsWith('.css') ? 'text/css' : 'text/javascript', body: fs.readFileSync(file) });
      });
      const t = Date.now();
      await page.goto(`${base}/__bench/bare.html${data ? '?data=1' : ''}`);
      await page.waitForFunction(() => (window as unknown as { __idle?: boolean }).__idle === true, undefined, { timeout: 60_000 });
      return Date.now() - t;
    } finally {
      await page.close();
    }
  };
}
