import path from 'node:path';
import { inject } from 'vitest';
import type { Browser } from 'playwright-core';
import type { Map as MapLibreMap } from 'maplibre-gl';

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

/** The base URL of the server under test (ATLAS_URL, or what browser-setup provides). */
export function baseUrl(): string {
  const url = process.env.ATLAS_URL || inject('atlasUrl');
  if (!url) throw new Error('ATLAS_URL is not set and no atlasUrl was provided: start the server and set ATLAS_URL.');
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
