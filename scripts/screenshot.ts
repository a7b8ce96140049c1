/**
 * Renders the README screenshot (docs/screenshot.png) from the real app in headless Chromium:
 * `npx tsx scripts/screenshot.ts` after `npm run build`. Offline: every non-local request is refused.
 */
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium } from 'playwright-core';
import { PgliteDatabase } from '../server/src/db/database.js';
import { migrate } from '../server/src/db/migrate.js';
import { loadSeeds } from '../server/src/seed/load.js';
import { createApp } from '../server/src/app.js';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const db = await PgliteDatabase.open({});
await migrate(db);
await loadSeeds(db);
const server = createApp(db, { clientDir: path.join(root, 'dist/client') }).listen(0, '127.0.0.1');
await new Promise((r) => server.once('listening', r));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.route('**/*', (route) => (new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort()));
  const layers = 'neighbours,district,subdistricts,water,roads,parks,structure,axes,nodes';
  await page.goto(`${base}/?panel=layers&lv=${layers}&lo=structure:0.9&sel=pole-health&cam=119.905,32.352,10.45,0,0`);
  await page.waitForFunction(() => (window as unknown as { __atlas?: { layersReady: boolean } }).__atlas?.layersReady === true, undefined, { timeout: 90_000 });
  await page.evaluate(() => new Promise<void>((resolve) => {
    const map = (window as unknown as { __atlas: { map: { loaded(): boolean; once(e: string, f: () => void): void } } }).__atlas.map;
    if (map.loaded()) resolve();
    else map.once('idle', () => resolve());
  }));
  await page.waitForTimeout(800); // symbol fade-in
  await page.screenshot({ path: path.join(root, 'docs/screenshot.png') });
  console.log('wrote docs/screenshot.png');
} finally {
  await browser.close();
  server.close();
  await db.close();
}
