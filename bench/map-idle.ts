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

async function serve(db: Database, opts: { clientDir?: string }) {
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

/**
 * Time from navigation to the map's first `idle` in headless Chromium (median of 3 fresh pages, warm
 * server). With `parcels`, the synthetic layer is then added as a vector-tile layer (with its TileJSON
 * minzoom) at its first drawn zoom over the centre, and the time to the next `idle` is measured too.
 */
export async function mapIdle(db: Database, parcels: boolean, center: [number, number] = [119.9456, 32.2972]): Promise<Record<string, unknown>> {
  if (!fs.existsSync(path.join(clientDir, 'index.html'))) return { ms: null, note: 'client not built' };
  const { chromium } = await import('playwright-core');
  const srv = await serve(db, { clientDir });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const samples: number[] = [];
  /** Time to `layersReady` (every source and layer added); the rest of `ms` is glyphs, fonts and drawing. */
  const readySamples: number[] = [];
  const parcelSamples: number[] = [];
  let parcelZoom: number | null = null;
  try {
    for (let i = 0; i < 3; i++) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      if (parcels) {
        // The client fetches every catalogued layer whole as GeoJSON; a 100k-parcel layer must reach it as
        // tiles only, so the catalogue the page sees leaves the synthetic layer out (it is added as tiles below).
        await page.route('**/api/layers', async (route) => {
          const res = await route.fetch();
          const list = (await res.json()) as { id: string }[];
          await route.fulfill({ response: res, json: list.filter((l) => l.id !== PARCEL_LAYER) });
        });
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
    ...(parcels ? { parcels_layer_idle_ms: round(percentile(parcelSamples, 50), 0), parcels_zoom: parcelZoom } : {}),
    note: `median of ${samples.length} cold page loads (fresh page, warm server); layers_ready_ms: to window.__atlas.layersReady${parcels ? `; the parcel layer is hidden from the GeoJSON catalogue and added as a vector-tile layer at z${parcelZoom} (its first drawn zoom) over the centre, time to its idle` : ''}`,
  };
}

