import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { PNG } from 'pngjs';

/*
 * What every browser suite shares: Chromium's flags on these machines, the server under test, and a
 * browser context that lets only local requests through (the app must work fully offline).
 */

declare global {
  interface Window {
    /** Debug handle the client sets (client/src/hooks/use-atlas-map.ts). */
    __atlas?: { map: MapLibreMap; layersReady: boolean };
  }
}

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
export const RESULTS = path.resolve('test-results');
export const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** Chromium from apt (CHROMIUM_PATH overrides) with the flags above; makes sure the screenshot folder exists. */
export async function launchChromium(): Promise<Browser> {
  fs.mkdirSync(RESULTS, { recursive: true });
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** The base URL of the server under test (ATLAS_URL: this suite's own server, see test/support/browser-server.ts, or one started by hand). */
export function baseUrl(): string {
  const url = process.env.ATLAS_URL;
  if (!url) throw new Error('ATLAS_URL is not set: the browser project serves each suite (test/support/browser-server.ts); outside it, start the server and set ATLAS_URL.');
  return url.replace(/\/$/, '');
}

/** GETs JSON from the server under test; throws on a non-2xx answer. */
export async function getJson<T>(p: string): Promise<T> {
  const res = await fetch(`${baseUrl()}${p}`);
  if (!res.ok) throw new Error(`GET ${p}: HTTP ${res.status}`);
  return (await res.json()) as T;
}

/** A context that lets only local requests through and records every other one it refuses. */
export async function offlineContext(browser: Browser, viewport = { width: 1280, height: 800 }) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1, locale: 'zh-CN' });
  const external: string[] = [];
  const isLocal = (u: string) => {
    if (u.startsWith('data:') || u.startsWith('blob:')) return true;
    try {
      return LOCAL_HOSTS.has(new URL(u).hostname);
    } catch {
      return false;
    }
  };
  await context.route('**/*', (route) => {
    const u = route.request().url();
    if (isLocal(u)) return route.continue();
    external.push(u);
    return route.abort('blockedbyclient');
  });
  context.on('request', (r) => {
    if (!isLocal(r.url()) && !external.includes(r.url())) external.push(r.url());
  });
  return { context, external };
}

/**
 * Opens a URL of the app in a new page and waits until every layer is on the map and the map has gone
 * idle; `prepare` runs on the page before it navigates (to attach listeners). Page errors are reported
 * in the failure message.
 */
export async function openApp(context: BrowserContext, pathAndQuery = '/', prepare?: (page: Page) => void): Promise<Page> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  prepare?.(page);
  await page.goto(`${baseUrl()}${pathAndQuery}`);
  await page.waitForFunction(() => window.__atlas?.layersReady === true, null, { timeout: 90_000 }).catch((e) => {
    throw new Error(`map layers never became ready (${errors.join('; ') || e}`);
  });
  await waitIdle(page);
  return page;
}

/**
 * Waits for the map's next idle after a repaint. Nothing is left to wait for after it: the client's
 * map has no symbol fade (fadeDuration 0, client/src/hooks/use-atlas-map.ts), so the idle frame is the
 * final one.
 */
export async function waitIdle(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const map = window.__atlas!.map;
        map.once('idle', () => resolve());
        map.triggerRepaint();
      }),
  );
}

/**
 * Waits until the page has settled: no finite CSS animation or transition running (a sheet sliding in,
 * a dialog fading up), web fonts loaded, and two frames painted since, so layout, scroll positions and
 * the screen are final.
 */
export async function settle(page: Page): Promise<void> {
  // Endless ones (a spinner) never end: they are not waited for.
  await page.waitForFunction(
    () => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
    null,
    { polling: 'raf', timeout: 20_000 },
  );
  // Web fonts still loading would change the text's metrics (and what a scroll position shows) once they arrive.
  await page.evaluate(() => document.fonts.ready.then(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())))));
}

/** Pixels of a PNG within `tolerance` of a colour. */
export function countColour(png: PNG, rgb: [number, number, number], tolerance = 6): number {
  let n = 0;
  for (let k = 0; k < png.data.length; k += 4) {
    if (Math.abs(png.data[k] - rgb[0]) <= tolerance && Math.abs(png.data[k + 1] - rgb[1]) <= tolerance && Math.abs(png.data[k + 2] - rgb[2]) <= tolerance) n++;
  }
  return n;
}
