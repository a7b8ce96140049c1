import path from 'node:path';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { bbox, booleanPointInPolygon, centerOfMass, point, pointOnFeature } from '@turf/turf';
import type { AtlasFeature, AtlasFeatureCollection, LayerInfo } from '../../contract/api';
import { launchChromium, RESULTS, getJson, offlineContext, openApp, waitIdle } from './support';

/*
 * The app in a real Chromium (WebGL through SwiftShader), against a running server: offline, a park
 * picked on the map opens its panel, and the screenshot's pixels show the park fill and real glyphs.
 * Base URL: ATLAS_URL, or what test/support/browser-setup.ts provides.
 */

/** Console warnings about failed glyph ranges, by page. */
const glyphWarnings = new WeakMap<Page, string[]>();

/** Records glyph-range warnings: MapLibre draws a glyph itself when a glyphs request fails, which must not happen. */
function watchGlyphs(page: Page): void {
  page.on('console', (m) => {
    if (/glyph range/i.test(m.text())) glyphWarnings.set(page, [...(glyphWarnings.get(page) ?? []), m.text()]);
  });
}

function decode(buf: Buffer): PNG {
  return PNG.sync.read(buf);
}

function hexToRgb(hex: string): [number, number, number] {
  const h = hex.replace('#', '');
  const full = h.length === 3 ? h.split('').map((c) => c + c).join('') : h;
  return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)) as [number, number, number];
}

/** Points inside a polygon feature to try clicking, best first. */
function interiorCandidates(f: AtlasFeature): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const geom = f.geometry as GeoJSON.Polygon | GeoJSON.MultiPolygon;
  const inside = (c: [number, number]) => booleanPointInPolygon(point(c), geom);
  const com = centerOfMass(geom).geometry.coordinates as [number, number];
  if (inside(com)) out.push(com);
  out.push(pointOnFeature(geom).geometry.coordinates as [number, number]);
  const [x0, y0, x1, y1] = bbox(geom);
  for (let i = 1; i < 6; i++) {
    for (let j = 1; j < 6; j++) {
      const c: [number, number] = [x0 + ((x1 - x0) * i) / 6, y0 + ((y1 - y0) * j) / 6];
      if (inside(c)) out.push(c);
    }
  }
  return out;
}

const luminance = (r: number, g: number, b: number) => 0.2126 * r + 0.7152 * g + 0.0722 * b;

/**
 * Binary ink mask of a rectangle: pixels where the labelled screenshot is clearly darker than the same
 * view with labels hidden. That isolates the glyph strokes from the fills, lines and hatching below
 * (the white halo only ever makes pixels lighter).
 */
function inkMask(withLabels: PNG, withoutLabels: PNG, x: number, y: number, w: number, h: number): Uint8Array {
  const mask = new Uint8Array(w * h);
  for (let j = 0; j < h; j++) {
    for (let i = 0; i < w; i++) {
      const px = Math.round(x) + i;
      const py = Math.round(y) + j;
      if (px < 0 || py < 0 || px >= withLabels.width || py >= withLabels.height) continue;
      const k = (py * withLabels.width + px) * 4;
      const a = luminance(withLabels.data[k], withLabels.data[k + 1], withLabels.data[k + 2]);
      const b = luminance(withoutLabels.data[k], withoutLabels.data[k + 1], withoutLabels.data[k + 2]);
      mask[j * w + i] = b - a > 50 ? 1 : 0;
    }
  }
  return mask;
}

/**
 * Ink statistics of a label crop: ink pixel count, horizontal extent of the ink, and periodicity, the
 * best overlap of the ink with itself shifted by 0.5–1.5 em. A row of identical boxes (tofu) overlaps
 * itself almost completely at its advance; distinct characters do not.
 */
function glyphStats(mask: Uint8Array, w: number, h: number, em: number) {
  let ink = 0;
  let first = w;
  let last = -1;
  for (let x = 0; x < w; x++) {
    let col = 0;
    for (let y = 0; y < h; y++) col += mask[y * w + x];
    ink += col;
    if (col > 0) {
      first = Math.min(first, x);
      last = x;
    }
  }
  let periodicity = 0;
  for (let p = Math.round(em * 0.5); p <= Math.round(em * 1.5); p++) {
    let both = 0;
    let left = 0;
    for (let y = 0; y < h; y++) {
      for (let x = first; x + p <= last; x++) {
        const a = mask[y * w + x];
        left += a;
        both += a & mask[y * w + x + p];
      }
    }
    if (left > 0) periodicity = Math.max(periodicity, both / left);
  }
  return { ink, extent: last >= first ? last - first + 1 : 0, periodicity };
}

/** Shows or hides every label layer of the map. */
async function setLabelsVisible(page: Page, visible: boolean): Promise<void> {
  await page.evaluate((v) => {
    const map = window.__atlas!.map;
    for (const l of map.getStyle().layers ?? []) {
      if (l.type === 'symbol') map.setLayoutProperty(l.id, 'visibility', v ? 'visible' : 'none');
    }
  }, visible);
  await waitIdle(page);
}

describe('atlas in Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('opens offline, picks a park, and draws its fill and real Chinese glyphs', async () => {
    const { context, external } = await offlineContext(browser);
    try {
      const page = await openApp(context, '/', watchGlyphs);

      const layers = await getJson<LayerInfo[]>('/api/layers');
      const parksInfo = layers.find((l) => l.id === 'parks');
      expect(parksInfo, 'the catalogue has a parks layer').toBeTruthy();
      const parks = await getJson<AtlasFeatureCollection>('/api/layers/parks');
      const polygons = parks.features.filter((f) => f.geometry && /Polygon/.test(f.geometry.type));
      expect(polygons.length).toBeGreaterThan(0);

      // Click inside a park until its panel opens (a road or point drawn on top may win a click).
      let picked: AtlasFeature | null = null;
      let clickAt: { x: number; y: number } | null = null;
      // Screen positions of candidate points, clear spots first: a point or a line drawn over the park
      // near the cursor rightly wins the click, so those spots are tried last.
      const spots = [];
      for (const park of polygons) {
        for (const lngLat of interiorCandidates(park)) {
          const spot = await page.evaluate(({ c, fid }) => {
            const map = window.__atlas!.map;
            const p = map.project(c as [number, number]);
            const r = map.getCanvas().getBoundingClientRect();
            const x = r.left + p.x;
            const y = r.top + p.y;
            const el = document.elementFromPoint(x, y);
            const onCanvas = !!el && el.classList.contains('maplibregl-canvas');
            const crowded = map
              .queryRenderedFeatures([[p.x - 8, p.y - 8], [p.x + 8, p.y + 8]])
              .some((f) => f.layer.type !== 'symbol' && f.layer.type !== 'fill' && f.properties.fid !== fid);
            return { x, y, onCanvas, crowded };
          }, { c: lngLat, fid: String(park.id) });
          if (spot.onCanvas) spots.push({ park, ...spot });
        }
      }
      spots.sort((a, b) => Number(a.crowded) - Number(b.crowded));
      for (const spot of spots.slice(0, 12)) {
        await page.mouse.click(spot.x, spot.y);
        const heading = page.locator('#feature-panel-title');
        await heading.waitFor({ timeout: 3_000 }).catch(() => undefined);
        if ((await heading.count()) && (await heading.textContent())?.trim() === spot.park.properties.name_zh) {
          picked = spot.park;
          clickAt = { x: spot.x, y: spot.y };
          break;
        }
        await page.keyboard.press('Escape');
      }
      expect(picked, 'clicking inside a park opens that park’s panel').not.toBeNull();
      const park = picked!;

      // The panel: Chinese name and the accuracy badge with its class.
      const panel = page.locator('.feature-panel');
      await expect.poll(() => panel.locator('#feature-panel-title').textContent()).toBe(park.properties.name_zh);
      const badge = panel.locator('.accuracy-badge');
      await expect.poll(() => badge.getAttribute('data-accuracy')).toBe(park.properties.accuracy);
      const badgeText = (await badge.textContent()) ?? '';
      expect(badgeText).toContain({ surveyed: '实测', digitised: '数字化', schematic: '示意' }[park.properties.accuracy]);
      expect(await panel.locator('.accuracy-explain').textContent()).toBeTruthy();

      await waitIdle(page);
      const shotA = await page.screenshot({ path: path.join(RESULTS, 'app.png') });

      // (b) A Chinese label drawn with real glyphs: find a placed label, crop each character's cell.
      const label = await page.evaluate(() => {
        const map = window.__atlas!.map;
        const canvas = map.getCanvas().getBoundingClientRect();
        const labelLayers = (map.getStyle().layers ?? []).filter((l) => l.type === 'symbol' && /:label$/.test(l.id)).map((l) => l.id);
        const placed = map.queryRenderedFeatures({ layers: labelLayers });
        const out: Array<{ text: string; x: number; y: number; size: number }> = [];
        for (const f of placed) {
          const text = String(f.properties.name_zh ?? '');
          if (f.geometry.type !== 'Point' || text.length < 2 || text.length > 7 || !/^[\u4e00-\u9fff]+$/.test(text)) continue;
          if (new Set(text).size < text.length) continue;
          const p = map.project(f.geometry.coordinates as [number, number]);
          const size = Number(map.getLayoutProperty(f.layer.id, 'text-size'));
          out.push({ text, x: canvas.left + p.x, y: canvas.top + p.y, size });
        }
        return out;
      });
      expect(label.length, 'at least one Chinese label is placed on the map').toBeGreaterThan(0);
      const png = decode(shotA);
      await setLabelsVisible(page, false);
      const noLabels = decode(await page.screenshot({ path: path.join(RESULTS, 'app-no-labels.png') }));
      await setLabelsVisible(page, true);
      let checked = 0;
      const report: string[] = [];
      for (const l of label) {
        const n = l.text.length;
        const em = l.size;
        // A generous box around the label: a fallback font may draw narrower or wider boxes.
        const left = Math.round(l.x - (n * em) / 2 - em);
        const top = Math.round(l.y - em);
        const w = Math.round(n * em + 2 * em);
        const h = Math.round(2 * em);
        const mask = inkMask(png, noLabels, left, top, w, h);
        const stats = glyphStats(mask, w, h, em);
        report.push(`${l.text}@${Math.round(l.x)},${Math.round(l.y)} ink=${stats.ink} extent=${stats.extent} period=${stats.periodicity.toFixed(2)}`);
        if (stats.ink < n * 10) continue;
        // Real CJK glyphs are full-width: the ink spans about n ems.
        expect(stats.extent, `label “${l.text}” spans its n ems (${report.at(-1)})`).toBeGreaterThanOrEqual(0.75 * n * em);
        // Different characters draw different shapes; a missing-glyph box repeats with the advance.
        expect(stats.periodicity, `label “${l.text}” is not one shape repeated (${report.at(-1)})`).toBeLessThan(0.65);
        checked++;
        if (checked >= 2) break;
      }
      expect(checked, `a Chinese label with ink was checked: ${report.join(' | ')}`).toBeGreaterThan(0);

      // (a) The park fill colour: switch the parks layer off from the layer panel and compare. Pixels
      // inside the park must be the layer underneath moved towards the park colour, A = B + α(C − B).
      await page.getByRole('checkbox', { name: parksInfo!.title_zh, exact: true }).uncheck();
      await waitIdle(page);
      const shotB = await page.screenshot({ path: path.join(RESULTS, 'app-parks-off.png') });
      const pngB = decode(shotB);
      const color = hexToRgb(parksInfo!.style.featureColors?.[String(park.id)] ?? parksInfo!.style.color);
      let parkPixels = 0;
      for (let k = 0; k < png.data.length; k += 4) {
        const a = [png.data[k], png.data[k + 1], png.data[k + 2]];
        const b = [pngB.data[k], pngB.data[k + 1], pngB.data[k + 2]];
        if (a.every((v, c) => Math.abs(v - b[c]) <= 2)) continue;
        // Solve α on the channel where the park colour differs most from what is underneath.
        const d = [0, 1, 2].map((c) => color[c] - b[c]);
        const c0 = [0, 1, 2].reduce((m, c) => (Math.abs(d[c]) > Math.abs(d[m]) ? c : m), 0);
        if (Math.abs(d[c0]) < 20) continue;
        const alpha = (a[c0] - b[c0]) / d[c0];
        if (alpha < 0.05 || alpha > 1.05) continue;
        if ([0, 1, 2].every((c) => Math.abs(b[c] + alpha * d[c] - a[c]) <= 10)) parkPixels++;
      }
      expect(parkPixels, 'pixels tinted with the park colour').toBeGreaterThan(300);
      // And the clicked point itself is one of them.
      const at = (img: PNG, x: number, y: number) => {
        const k = (Math.round(y) * img.width + Math.round(x)) * 4;
        return [img.data[k], img.data[k + 1], img.data[k + 2]];
      };
      const onPx = at(png, clickAt!.x, clickAt!.y);
      const offPx = at(pngB, clickAt!.x, clickAt!.y);
      const dist = (p: number[], q: number[]) => Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
      expect(dist(onPx, color)).toBeLessThan(dist(offPx, color));

      expect(external, 'requests to non-local hosts').toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('reaches features by keyboard, switches language without moving the map, and closes with Esc', async () => {
    const { context, external } = await offlineContext(browser);
    try {
      const page = await openApp(context, '/', watchGlyphs);
      const layers = await getJson<LayerInfo[]>('/api/layers');
      const parksInfo = layers.find((l) => l.id === 'parks')!;
      const parks = await getJson<AtlasFeatureCollection>('/api/layers/parks');
      const first = parks.features[0];

      // Keyboard: expand the parks layer's feature list and open the first park with Enter.
      const expand = page.getByRole('button', { name: new RegExp(`列出要素: ${parksInfo.title_zh}$`) });
      await expand.focus();
      await page.keyboard.press('Enter');
      const item = page.locator('.feature-list button', { hasText: first.properties.name_zh }).first();
      await item.focus();
      await page.keyboard.press('Enter');
      const heading = page.locator('#feature-panel-title');
      await expect.poll(() => heading.textContent()).toBe(first.properties.name_zh);
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('feature-panel-title');
      await waitIdle(page);

      // Language: labels and UI switch, the camera does not move.
      const before = await page.evaluate(() => {
        const m = window.__atlas!.map;
        return { center: m.getCenter().toArray(), zoom: m.getZoom() };
      });
      await page.getByRole('button', { name: 'EN', exact: true }).click();
      await expect.poll(() => heading.textContent()).toBe(first.properties.name_en || first.properties.name_zh);
      await waitIdle(page);
      const after = await page.evaluate(() => {
        const m = window.__atlas!.map;
        return {
          center: m.getCenter().toArray(),
          zoom: m.getZoom(),
          textField: JSON.stringify(m.getLayoutProperty('atlas:parks:label', 'text-field')),
        };
      });
      expect(after.zoom).toBeCloseTo(before.zoom, 6);
      expect(after.center[0]).toBeCloseTo(before.center[0], 6);
      expect(after.center[1]).toBeCloseTo(before.center[1], 6);
      expect(after.textField).toContain('name_en');
      expect(await page.locator('.title-main').textContent()).toBe('Industrial Space Atlas');
      const shotEn = decode(await page.screenshot({ path: path.join(RESULTS, 'app-en.png') }));

      // Latin labels come from the localglyphs:// protocol; a missing range would draw nothing.
      const latin = await page.evaluate(() => {
        const map = window.__atlas!.map;
        const canvas = map.getCanvas().getBoundingClientRect();
        const ids = (map.getStyle().layers ?? []).filter((l) => l.type === 'symbol' && /:label$/.test(l.id)).map((l) => l.id);
        return map
          .queryRenderedFeatures({ layers: ids })
          .filter((f) => f.geometry.type === 'Point' && /^[A-Za-z][A-Za-z '’()-]{3,30}$/.test(String(f.properties.name_en ?? '')))
          .map((f) => {
            const p = map.project((f.geometry as GeoJSON.Point).coordinates as [number, number]);
            return { text: String(f.properties.name_en), x: canvas.left + p.x, y: canvas.top + p.y, size: Number(map.getLayoutProperty(f.layer.id, 'text-size')) };
          });
      });
      expect(latin.length, 'an English label is placed').toBeGreaterThan(0);
      await setLabelsVisible(page, false);
      const shotEnBare = decode(await page.screenshot());
      await setLabelsVisible(page, true);
      const l = latin[0];
      // Long names wrap at 10 ems, so the box is at most 10 ems wide (plus slack) and three lines high.
      const w = Math.round(Math.min(l.text.length * 0.7, 10) * l.size + 2 * l.size);
      const h = Math.round(3 * l.size);
      const stats = glyphStats(inkMask(shotEn, shotEnBare, l.x - w / 2, l.y - h / 2, w, h), w, h, l.size);
      expect(stats.ink, `ink of the English label “${l.text}”`).toBeGreaterThan(l.text.length * 4);
      expect(stats.extent, `width of the English label “${l.text}”`).toBeGreaterThan(2 * l.size);
      expect(glyphWarnings.get(page) ?? [], 'every localglyphs:// range loaded').toEqual([]);

      // Esc closes the panel and focus goes back to the list item that opened it.
      await page.keyboard.press('Escape');
      await expect.poll(() => page.locator('.feature-panel').count()).toBe(0);
      await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('feature-button') ?? false)).toBe(true);

      expect(external).toEqual([]);
      // Online basemaps are opt-in: switching one on is what makes the first outside request.
      await page.getByRole('checkbox', { name: 'OpenStreetMap', exact: true }).check();
      await expect.poll(() => external.some((u) => u.startsWith('https://tile.openstreetmap.org/'))).toBe(true);
    } finally {
      await context.close();
    }
  });

  it('shows the feature panel as a bottom sheet on a phone', async () => {
    const { context, external } = await offlineContext(browser, { width: 390, height: 844 });
    try {
      const page = await openApp(context, '/', watchGlyphs);
      const parks = await getJson<AtlasFeatureCollection>('/api/layers/parks');
      // On a phone the layer panel is a drawer behind the 图层 button.
      await page.getByRole('button', { name: /图层/ }).click();
      const layers = await getJson<LayerInfo[]>('/api/layers');
      const parksTitle = layers.find((l) => l.id === 'parks')!.title_zh;
      const parkRow = page.locator('.layer-row', { has: page.getByRole('checkbox', { name: parksTitle, exact: true }) });
      await parkRow.locator('.expand-button').click();
      await parkRow.locator('.feature-button').first().click();
      const panel = page.locator('.feature-panel');
      await expect.poll(() => panel.locator('#feature-panel-title').textContent()).toBe(parks.features[0].properties.name_zh);
      await waitIdle(page);
      const box = (await panel.boundingBox())!;
      expect(box.x).toBeCloseTo(0, 0);
      expect(box.width).toBeCloseTo(390, 0);
      expect(box.y + box.height).toBeCloseTo(844, 0);
      expect(box.height).toBeLessThanOrEqual(844 * 0.56);
      await page.screenshot({ path: path.join(RESULTS, 'app-phone.png') });
      expect(external).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
