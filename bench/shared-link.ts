/** Time from opening a shared link to a park profile to the profile shown, cold cache, headless Chromium (run.ts). */
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from '../server/src/db/database.js';
import { clientDir, launchBenchChromium, serve } from './map-idle.js';
import { percentile, round } from './stats.js';

/**
 * A shared link (`/?sel=<park>&lang=en`, what “copy link” and the PDF's QR code give) opened in a fresh
 * browser context each time (empty HTTP cache), warm server; the time until the park profile's title
 * is visible, and, for comparison, until the map's first idle. Median of 5.
 */
export async function sharedLinkProfile(db: Database, parkId = 'park-biomed'): Promise<Record<string, unknown>> {
  if (!fs.existsSync(path.join(clientDir, 'index.html'))) return { ms: null, note: 'client not built' };
  const srv = await serve(db, { clientDir });
  const browser = await launchBenchChromium();
  const profile: number[] = [];
  const idle: number[] = [];
  try {
    // One warm-up so the server's own caches are warm: the measurement is the client's cold start.
    for (let i = 0; i < 6; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      const t = Date.now();
      await page.goto(`${srv.base}/?sel=${encodeURIComponent(parkId)}&lang=en`);
      await page.locator(`.park-profile[data-feature-id="${parkId}"] #feature-panel-title`).waitFor({ state: 'visible', timeout: 60_000 });
      const shown = Date.now() - t;
      await page.waitForFunction(() => (window as unknown as { __atlas?: { layersReady: boolean } }).__atlas?.layersReady === true, undefined, { timeout: 60_000 });
      await page.evaluate(() => new Promise<void>((resolve) => {
        const map = (window as unknown as { __atlas: { map: { loaded(): boolean; once(e: string, f: () => void): void } } }).__atlas.map;
        if (map.loaded()) resolve();
        else map.once('idle', () => resolve());
      }));
      const idleMs = Date.now() - t;
      if (i > 0) {
        profile.push(shown);
        idle.push(idleMs);
      }
      await context.close();
    }
  } finally {
    await browser.close();
    await srv.close();
  }
  return { ms: round(percentile(profile, 50), 0), samples: profile, map_idle_ms: round(percentile(idle, 50), 0), link: `/?sel=${parkId}&lang=en`, target_ms: 2000 };
}
