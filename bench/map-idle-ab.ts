/**
 * Map idle of two or more client builds side by side, for a before/after on a shared, noisy machine:
 * `tsx bench/map-idle-ab.ts <dirA> <dirB> …` (build each with ATLAS_CLIENT_DIR=<dir> npm run build).
 * A dir written `raw:<dir>` is served its index.html as built, without the server's preload hints
 * (server/src/http/index-html.ts), i.e. as before they existed. Each round loads every build once, in
 * alternating order (ABBA), then the plain MapLibre page with the same GeoJSON (bench/map-idle.ts), all in
 * one browser against one seeded PGlite; prints the medians, each build's ratio to the plain page, the
 * per-round ratios to the first build, and the median time to `layersReady`. BENCH_IDLE_ROUNDS rounds (8).
 */
import fs from 'node:fs';
import path from 'node:path';
import { migrate } from '../server/src/db/migrate.js';
import { openPglite } from '../server/src/db/open.js';
import { loadSeeds } from '../server/src/seed/load.js';
import { bareMapPage, launchBenchChromium, serve } from './map-idle.js';
import { percentile } from './stats.js';

const builds = process.argv.slice(2).map((arg) => ({ arg, raw: arg.startsWith('raw:'), dir: path.resolve(arg.replace(/^raw:/, '')) }));
if (builds.length < 2) throw new Error('usage: tsx bench/map-idle-ab.ts <dirA> <dirB> … (raw:<dir> = without the server\'s preload hints)');
const rounds = Number(process.env.BENCH_IDLE_ROUNDS ?? 8);
const db = (await openPglite()).db;
await migrate(db);
await loadSeeds(db);
const servers = await Promise.all(builds.map((b) => serve(db, { clientDir: b.dir })));
const browser = await launchBenchChromium();
const idle: number[][] = builds.map(() => []);
const ready: number[][] = builds.map(() => []);
const bare: number[] = [];
let bareSample: ((data: boolean) => Promise<number>) | null = null;
try {
  for (let r = 0; r < rounds; r++) {
    const order = [...builds.keys()];
    if (r % 2) order.reverse();
    for (const i of order) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      if (builds[i].raw) {
        const html = fs.readFileSync(path.join(builds[i].dir, 'index.html'), 'utf8');
        await page.route(`${servers[i].base}/`, (route) => route.fulfill({ contentType: 'text/html', body: html }));
      }
      const t = Date.now();
      await page.goto(servers[i].base + '/');
      await page.waitForFunction(() => (window as unknown as { __atlas?: { layersReady: boolean } }).__atlas?.layersReady === true, undefined, { timeout: 60_000 });
      ready[i].push(Date.now() - t);
      await page.evaluate(() => new Promise<void>((resolve) => {
        const map = (window as unknown as { __atlas: { map: { loaded(): boolean; once(e: string, f: () => void): void } } }).__atlas.map;
        if (map.loaded()) resolve();
        else map.once('idle', () => resolve());
      }));
      idle[i].push(Date.now() - t);
      await page.close();
    }
    // The app's default view (what bench/map-idle.ts reads from the page) for the plain page's camera.
    bareSample ??= bareMapPage(browser, servers[0].base, { center: [119.8511361505432, 32.31815831436528], zoom: 10.236492025824635 });
    bare.push(await bareSample(true));
    console.log(`round ${r + 1}: ${builds.map((b, i) => `${b.arg} ${idle[i][r]} ms`).join(', ')}, plain page ${bare[r]} ms`);
  }
} finally {
  await browser.close();
  for (const s of servers) await s.close();
  await db.close();
}
const plain = percentile(bare, 50);
console.log(`plain MapLibre page with the same GeoJSON: median ${plain} ms (${bare.join(' ')})`);
builds.forEach((b, i) => {
  const paired = idle[i].map((ms, r) => ms / idle[0][r]);
  console.log(`${b.arg}: idle median ${percentile(idle[i], 50)} ms (${(percentile(idle[i], 50) / plain).toFixed(2)}× the plain page; samples ${idle[i].join(' ')}), layersReady median ${percentile(ready[i], 50)} ms${i ? `, per round ÷ ${builds[0].arg}: median ${percentile(paired, 50).toFixed(2)}` : ''}`);
});
