import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import gcoord from 'gcoord';
import type { CompareResult, HistoryEntry, ImportPreview } from '../../contract/api';
import { launchChromium, RESULTS, baseUrl, getJson, offlineContext, openApp, waitIdle } from './support';

/*
 * Planning staff bringing in their own boundaries, in a real Chromium against the browser suites'
 * server (test/support/browser-setup.ts creates the editor): upload a DXF drawn on a GCJ-02 web map,
 * read it first as EPSG:4326 (wrong: it lands ~500 m south-east of the truth) and then as GCJ-02
 * (right), judged from the map's pixels and its preview source; repair the invalid bow-tie with
 * ST_MakeValid, commit and see the layer draw it; swipe-compare two versions with the PostGIS areas;
 * delete with confirmation and restore from the history.
 *
 * Fixture: written in the test by GDAL — `ogr2ogr -f DXF plot.dxf plot.geojson` from the GeoJSON below,
 * whose coordinates are the WGS 84 plot converted to GCJ-02 with gcoord (as Gaode/Tencent show it). DXF
 * carries no CRS, so the importer must ask.
 */

const EDITOR = { username: 'editor', password: 'editor-password-123' };
const SLOW = { timeout: 30_000 };
type RGB = [number, number, number];
/** client/src/components/import/import-panel.tsx PREVIEW_COLORS.new / .rejected; compare-versions SIDE_COLORS. */
const PREVIEW_NEW: RGB = [0x21, 0x66, 0xac];
const PREVIEW_REJECTED: RGB = [0xb2, 0x18, 0x2b];
const SIDE_A: RGB = [0xca, 0x00, 0x20];
const SIDE_B: RGB = [0x05, 0x71, 0xb0];

/** The true plot (WGS 84) inside the biomedical park, about 140 m × 145 m, and a bow-tie east of it. */
const X0 = 119.906;
const Y0 = 32.397;
const D = 0.0015;
const TRUE_RING: number[][] = [[X0, Y0], [X0 + D, Y0], [X0 + D, Y0 + D * 0.87], [X0, Y0 + D * 0.87], [X0, Y0]];
// Lopsided, so its signed area is not zero (MapLibre's tiler drops zero-area rings, as it would a real symmetric bow-tie).
const BOWTIE: number[][] = [[X0 + 2 * D, Y0], [X0 + 3 * D, Y0 + D * 0.87], [X0 + 3 * D, Y0 + D * 0.5], [X0 + 2 * D, Y0 + D * 0.87], [X0 + 2 * D, Y0]];
const toGcj = (ring: number[][]) => ring.map((c) => gcoord.transform(c as [number, number], gcoord.WGS84, gcoord.GCJ02) as number[]);

let dir: string;

function writeDxf(): string {
  const src = path.join(dir, 'plot-gcj02.geojson');
  fs.writeFileSync(src, JSON.stringify({
    type: 'FeatureCollection',
    features: [TRUE_RING, BOWTIE].map((r) => ({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [toGcj(r)] } })),
  }));
  const out = path.join(dir, 'plot-gcj02.dxf');
  execFileSync('ogr2ogr', ['-f', 'DXF', out, src], { env: { ...process.env, CPL_DEBUG: 'OFF' } });
  return out;
}

const bboxOf = (rings: number[][][]) => {
  const xs = rings.flat().map((c) => c[0]);
  const ys = rings.flat().map((c) => c[1]);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
};

async function fitTo(page: Page, b: number[]): Promise<void> {
  await page.evaluate((b) => window.__atlas!.map.fitBounds([[b[0], b[1]], [b[2], b[3]]], { padding: { top: 120, bottom: 80, left: 400, right: 480 }, duration: 0, maxZoom: 17 }), b);
  await waitIdle(page);
}

/** The page-pixel box of a WGS 84 ring. */
async function screenBox(page: Page, ring: number[][]): Promise<{ x0: number; y0: number; x1: number; y1: number }> {
  const pts = await page.evaluate((cs) => {
    const map = window.__atlas!.map;
    const r = map.getCanvas().getBoundingClientRect();
    return cs.map((c) => { const p = map.project(c as [number, number]); return [r.left + p.x, r.top + p.y]; });
  }, ring);
  return { x0: Math.min(...pts.map((p) => p[0])), y0: Math.min(...pts.map((p) => p[1])), x1: Math.max(...pts.map((p) => p[0])), y1: Math.max(...pts.map((p) => p[1])) };
}

/** Pixels within `tol` of a colour inside a box (grown by 4 px for the outline). */
function countIn(png: PNG, box: { x0: number; y0: number; x1: number; y1: number }, rgb: RGB, tol = 45): number {
  let n = 0;
  for (let y = Math.max(0, Math.floor(box.y0 - 4)); y <= Math.min(png.height - 1, box.y1 + 4); y++) {
    for (let x = Math.max(0, Math.floor(box.x0 - 4)); x <= Math.min(png.width - 1, box.x1 + 4); x++) {
      const k = (y * png.width + x) * 4;
      if (Math.hypot(png.data[k] - rgb[0], png.data[k + 1] - rgb[1], png.data[k + 2] - rgb[2]) <= tol) n++;
    }
  }
  return n;
}

const pixel = (png: PNG, x: number, y: number): RGB => {
  const k = (Math.round(y) * png.width + Math.round(x)) * 4;
  return [png.data[k], png.data[k + 1], png.data[k + 2]];
};

async function shot(page: Page, name: string): Promise<PNG> {
  return PNG.sync.read(await page.screenshot({ path: path.join(RESULTS, name) }));
}

/** The staged preview as the map holds it: every geometry of the overlay source. */
async function previewCoords(page: Page): Promise<number[][]> {
  return page.evaluate(async () => {
    const src = window.__atlas!.map.getSource('staff:import-preview') as unknown as { getData: () => Promise<GeoJSON.FeatureCollection> } | undefined;
    if (!src) return [];
    const fc = await src.getData();
    return fc.features.flatMap((f) => (f.geometry.type === 'Polygon' ? f.geometry.coordinates.flat() : []));
  });
}

async function signIn(page: Page): Promise<void> {
  await page.locator('.account-button').click();
  await page.locator('.sign-in-form input[name=username]').fill(EDITOR.username);
  await page.locator('.sign-in-form input[name=password]').fill(EDITOR.password);
  await page.locator('.sign-in-form button[type=submit]').click();
  await expect.poll(() => page.locator('.account-name').textContent(), SLOW).toContain(EDITOR.username);
  // Close the account menu so it covers nothing.
  if (await page.locator('.account-pop').count()) await page.keyboard.press('Escape');
  if (await page.locator('.account-pop').count()) await page.locator('.account-button').click();
}

async function apiSession(): Promise<{ cookie: string; csrf: string }> {
  const res = await fetch(`${baseUrl()}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(EDITOR) });
  expect(res.status).toBe(200);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0], csrf: csrfToken };
}

describe('staff import, compare and delete in Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-staff-import-'));
  });

  afterAll(async () => {
    await browser?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('imports a GCJ-02 DXF: a wrong CRS shows elsewhere, the right one in place; repairs, commits, compares, deletes and restores', async () => {
    const dxf = writeDxf();
    const { context, external } = await offlineContext(browser);
    try {
      const page = await openApp(context);
      await signIn(page);
      const wrongRing = toGcj(TRUE_RING); // GCJ-02 numbers read as WGS 84: ~500 m south-east of the truth
      const view = bboxOf([TRUE_RING, BOWTIE, wrongRing, toGcj(BOWTIE)]);
      await fitTo(page, view);
      const trueBox = await screenBox(page, TRUE_RING);
      const wrongBox = await screenBox(page, wrongRing);
      expect(Math.abs(trueBox.x0 - wrongBox.x0) + Math.abs(trueBox.y0 - wrongBox.y0), 'the two places are apart on screen').toBeGreaterThan(100);
      const before = await shot(page, 'staff-import-0-before.png');

      // Upload: DXF has no CRS, so the sheet asks, and nothing is drawn yet.
      await page.locator('.import-tool').click();
      await page.locator('.import-form input[type=file]').setInputFiles(dxf);
      await page.locator('.import-form select[name=layer]').selectOption('zones');
      await page.locator('.import-form button[type=submit]').click();
      await page.locator('.import-preview').waitFor(SLOW);
      expect(await page.locator('.import-crs .staff-warning').textContent()).toContain('文件没有说明坐标系');
      expect(await page.locator('.crs-choice input').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value))).toEqual(['EPSG:4490', 'EPSG:4549', 'EPSG:4326', 'GCJ-02', 'BD-09']);
      expect(await page.locator('.import-summary [data-status=awaiting_crs] dd').textContent()).toBe('2');
      const batch = await page.locator('.import-panel').getAttribute('data-batch');

      // Wrong guess: EPSG:4326. The preview is drawn at the GCJ-02 numbers, not at the plot.
      await page.locator('.crs-choice input[value="EPSG:4326"]').check();
      await expect.poll(() => page.locator('.import-preview').getAttribute('data-crs'), SLOW).toBe('EPSG:4326');
      await expect.poll(() => page.locator('.import-preview').getAttribute('data-loading'), SLOW).toBe('false');
      await fitTo(page, view);
      const wrongCoords = await previewCoords(page);
      expect(wrongCoords.some((c) => Math.hypot(c[0] - wrongRing[0][0], c[1] - wrongRing[0][1]) < 1e-6)).toBe(true);
      expect(wrongCoords.some((c) => Math.hypot(c[0] - X0, c[1] - Y0) < 1e-4)).toBe(false);
      const wrong = await shot(page, 'staff-import-1-wrong-crs.png');
      const wrongAtWrong = countIn(wrong, wrongBox, PREVIEW_NEW);
      const wrongAtTrue = countIn(wrong, trueBox, PREVIEW_NEW);
      expect(wrongAtWrong, 'blue preview outline where the wrong CRS puts the plot').toBeGreaterThan(150);
      expect(wrongAtTrue, 'no preview at the true place').toBeLessThan(wrongAtWrong / 10);

      // Right: GCJ-02. The same outline moves onto the plot.
      await page.locator('.crs-choice input[value="GCJ-02"]').check();
      await expect.poll(() => page.locator('.import-preview').getAttribute('data-crs'), SLOW).toBe('GCJ-02');
      await expect.poll(() => page.locator('.import-preview').getAttribute('data-loading'), SLOW).toBe('false');
      await fitTo(page, view);
      const rightCoords = await previewCoords(page);
      // gcoord's inverse is iterative: back within 1e-6° (~0.1 m) of the surveyed corner.
      expect(Math.min(...rightCoords.map((c) => Math.hypot(c[0] - X0, c[1] - Y0)))).toBeLessThan(1e-6);
      const right = await shot(page, 'staff-import-2-right-crs.png');
      const rightAtTrue = countIn(right, trueBox, PREVIEW_NEW);
      expect(rightAtTrue, 'blue preview outline on the plot').toBeGreaterThan(150);
      expect(countIn(right, wrongBox, PREVIEW_NEW), 'gone from the wrong place').toBeLessThan(rightAtTrue / 10);
      // The bow-tie is rejected (dashed red) with its reason, and ST_MakeValid is offered.
      expect(countIn(right, await screenBox(page, BOWTIE), PREVIEW_REJECTED), 'the invalid bow-tie is drawn dashed red').toBeGreaterThan(40);
      expect(await page.locator('.import-summary [data-status=new] dd').textContent()).toBe('1');
      expect(await page.locator('.import-summary [data-status=rejected] dd').textContent()).toBe('1');
      expect(await page.locator('.import-item[data-status=rejected] .import-reason').textContent()).toMatch(/无效几何: invalid geometry: Self-intersection/);

      // Degrees read as EPSG:4549 metres land near the equator: the plot is rejected as outside the district, nothing here.
      await page.locator('.crs-choice input[value="EPSG:4549"]').check();
      await expect.poll(() => page.locator('.import-preview').getAttribute('data-crs'), SLOW).toBe('EPSG:4549');
      await expect.poll(() => page.locator('.import-summary [data-status=rejected] dd').textContent(), SLOW).toBe('2');
      await expect.poll(() => page.locator('.import-preview').getAttribute('data-loading'), SLOW).toBe('false');
      // (The bow-tie stays rejected as invalid: GEOS cannot say where an invalid geometry lies.)
      expect(await page.locator('.import-item[data-seq="1"] .import-reason[data-reason=outside_district]').count()).toBe(1);
      expect(Math.max(...(await previewCoords(page)).map((c) => c[1])), 'the preview lies near the equator').toBeLessThan(1);
      await fitTo(page, view);
      const metres = await shot(page, 'staff-import-2b-4549.png');
      expect(countIn(metres, trueBox, PREVIEW_REJECTED) + countIn(metres, trueBox, PREVIEW_NEW)).toBeLessThan(10);
      await page.locator('.crs-choice input[value="GCJ-02"]').check();
      await expect.poll(() => page.locator('.import-summary [data-status=new] dd').textContent(), SLOW).toBe('1');

      // Repair with ST_MakeValid: the bow-tie becomes a new (Multi)Polygon; commit both.
      await page.locator('.import-invalid input[name=make-valid]').check();
      await expect.poll(() => page.locator('.import-summary [data-status=new] dd').textContent(), SLOW).toBe('2');
      await expect.poll(() => page.locator('.import-preview').getAttribute('data-loading'), SLOW).toBe('false');
      expect(await page.locator('.import-item[data-seq="2"]').getAttribute('data-status')).toBe('new');
      expect(await page.locator('.import-item[data-seq="2"] .import-warning').allTextContents()).toContainEqual(expect.stringMatching(/repaired with ST_MakeValid/));
      await shot(page, 'staff-import-4-repaired.png');
      await page.locator('.import-commit').click();
      await expect.poll(() => page.locator('.import-panel').getAttribute('data-step'), SLOW).toBe('done');
      expect(await page.locator('.import-result [data-status=inserted] dd').textContent()).toBe('2');
      expect(await page.locator('.import-panel .staff-ok').textContent()).toContain('新增 2 个');
      const s = await apiSession();
      const committed = (await (await fetch(`${baseUrl()}/api/imports/${batch}`, { headers: { cookie: s.cookie } })).json()) as ImportPreview;
      expect(committed.status).toBe('committed');
      const [plotId] = committed.result!.inserted;

      // The zones layer now draws the plot (its source has it, and the pixels there changed from before).
      await expect.poll(() => page.evaluate(async (id) => {
        const src = window.__atlas!.map.getSource('atlas:zones') as unknown as { getData: () => Promise<GeoJSON.FeatureCollection> };
        return (await src.getData()).features.some((f) => f.properties?.fid === id);
      }, plotId), SLOW).toBe(true);
      await fitTo(page, view);
      const after = await shot(page, 'staff-import-3-committed.png');
      const cx = (trueBox.x0 + trueBox.x1) / 2;
      const cy = (trueBox.y0 + trueBox.y1) / 2;
      const [b0, a0] = [pixel(before, cx, cy), pixel(after, cx, cy)];
      expect(Math.hypot(a0[0] - b0[0], a0[1] - b0[1], a0[2] - b0[2]), `the plot is drawn by the zones layer (${b0} → ${a0})`).toBeGreaterThan(15);
      expect(countIn(after, trueBox, PREVIEW_NEW), 'the preview overlay is gone after commit').toBeLessThan(30);

      // A second version (the plot moved east by half its width), then the swipe compare from the history.
      const shifted = TRUE_RING.map(([x, y]) => [x + D / 2, y]);
      const patched = await fetch(`${baseUrl()}/api/features/${plotId}`, {
        method: 'PATCH', headers: { 'content-type': 'application/json', cookie: s.cookie, 'x-csrf-token': s.csrf, 'if-match': '"1"' },
        body: JSON.stringify({ geometry: { type: 'Polygon', coordinates: [shifted] } }),
      });
      expect(patched.status).toBe(200);
      await page.goto(`${baseUrl()}/?sel=${plotId}`);
      await page.waitForFunction(() => window.__atlas?.layersReady === true, null, { timeout: 90_000 });
      await page.locator('.selection-actions').getByRole('button', { name: '历史版本', exact: true }).click();
      await page.locator('.history-panel[data-versions="2"]').waitFor(SLOW);
      await page.locator('.swipe-compare').click();
      await page.locator('.compare-versions .compare-areas').waitFor(SLOW);
      const api = await getJson<CompareResult>(`/api/compare?a=${plotId}@1&b=${plotId}@2`);
      for (const k of ['a', 'b', 'unchanged', 'added', 'removed'] as const) {
        const m2 = k === 'a' ? api.area_a_m2 : k === 'b' ? api.area_b_m2 : api[`${k}_m2`];
        expect(Number(await page.locator(`.compare-areas [data-area=${k}] dd`).getAttribute('data-m2')), k).toBe(m2);
      }
      expect(api.added_m2 / api.area_a_m2).toBeGreaterThan(0.45);
      expect(await page.locator('.compare-areas [data-area=added] dd').textContent()).toMatch(/^\+[\d,]+ m² \([\d.]+ 公顷\)$/);

      // Swipe: put the divider in the middle of the overlap; left shows A (red), right B (blue).
      await fitTo(page, bboxOf([TRUE_RING, shifted]));
      const lng = (f: number) => X0 + f * D;
      const yMid = Y0 + D * 0.43;
      const [pA, pOverlap, pB, pDivider, pEnd] = await page.evaluate((cs) => {
        const map = window.__atlas!.map;
        const r = map.getCanvas().getBoundingClientRect();
        return cs.map((c) => { const p = map.project(c as [number, number]); return [r.left + p.x, r.top + p.y]; });
      }, [[lng(0.3), yMid], [lng(0.9), yMid], [lng(1.2), yMid], [lng(0.75), yMid], [lng(1.7), yMid]]);
      const divider = page.locator('.swipe-divider');
      const dragTo = async (x: number) => {
        const box = (await divider.boundingBox())!;
        await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
        await page.mouse.down();
        for (let i = 1; i <= 8; i++) await page.mouse.move(box.x + box.width / 2 + ((x - box.x - box.width / 2) * i) / 8, box.y + box.height / 2);
        await page.mouse.up();
        await waitIdle(page);
      };
      await dragTo(pDivider[0]);
      const swipe = await shot(page, 'staff-compare-swipe.png');
      await dragTo(pEnd[0]);
      const swiped = await shot(page, 'staff-compare-swipe-moved.png');
      // Overlay mode: added green and removed red parts instead of the swipe.
      await page.locator('.compare-mode').getByRole('button', { name: '叠加' }).click();
      await expect.poll(() => page.locator('.swipe-root').count()).toBe(0);
      await waitIdle(page);
      await shot(page, 'staff-compare-overlay.png');

      // The same view without the swipe is the background each side's 40 % fill is blended onto.
      await page.locator('.staff-sheet .close-button').click();
      await expect.poll(() => page.locator('.swipe-root').count()).toBe(0);
      await fitTo(page, bboxOf([TRUE_RING, shifted]));
      const plain = await shot(page, 'staff-compare-plain.png');
      /** Which side's colour (SIDE_COLORS in compare-versions/swipe-maps.tsx, fill-opacity 0.4) a pixel shows, or 'none'. */
      const side = (png: PNG, p: number[]): string => {
        const bg = pixel(plain, p[0], p[1]);
        const got = pixel(png, p[0], p[1]);
        const d = (rgb: RGB) => Math.hypot(...[0, 1, 2].map((i) => got[i] - (0.6 * bg[i] + 0.4 * rgb[i])));
        const [da, db, dn] = [d(SIDE_A), d(SIDE_B), Math.hypot(...[0, 1, 2].map((i) => got[i] - bg[i]))];
        const best = Math.min(da, db, dn);
        if (best > 25) return `unexplained ${got} over ${bg}`;
        return best === da ? 'a' : best === db ? 'b' : 'none';
      };
      // Divider in the overlap: A left of it, B right of it (in the overlap and in B's own part).
      expect(side(swipe, pA)).toBe('a');
      expect(side(swipe, pOverlap)).toBe('b');
      expect(side(swipe, pB)).toBe('b');
      // Divider past B: the overlap shows A, and B's own part (not in A) shows nothing.
      expect(side(swiped, pOverlap)).toBe('a');
      expect(side(swiped, pB)).toBe('none');

      // Delete with confirmation: gone from the map and the API, kept in history, restored from there.
      await expect.poll(() => page.locator('.selection-actions .delete-feature').count(), SLOW).toBe(1);
      await page.locator('.selection-actions .delete-feature').click();
      expect(await page.locator('.delete-confirm').textContent()).toContain('第 2 版');
      await shot(page, 'staff-delete-confirm.png');
      await page.locator('.delete-confirm .confirm-delete').click();
      await page.locator('.history-panel[data-versions="3"]').waitFor(SLOW);
      expect((await fetch(`${baseUrl()}/api/features/${plotId}`)).status).toBe(404);
      await expect.poll(() => page.evaluate(async (id) => {
        const src = window.__atlas!.map.getSource('atlas:zones') as unknown as { getData: () => Promise<GeoJSON.FeatureCollection> };
        return (await src.getData()).features.some((f) => f.properties?.fid === id);
      }, plotId), SLOW).toBe(false);
      await page.locator('.version-item[data-version="2"]').getByRole('button', { name: '恢复为此版本' }).click();
      await page.locator('.history-panel[data-versions="4"]').waitFor(SLOW);
      const hist = await getJson<HistoryEntry[]>(`/api/features/${plotId}/history`);
      expect(hist.map((h) => h.op)).toEqual(['insert', 'update', 'delete', 'insert']);
      await expect.poll(() => page.evaluate(async (id) => {
        const src = window.__atlas!.map.getSource('atlas:zones') as unknown as { getData: () => Promise<GeoJSON.FeatureCollection> };
        return (await src.getData()).features.some((f) => f.properties?.fid === id);
      }, plotId), SLOW).toBe(true);
      await shot(page, 'staff-restored.png');
      expect(external).toEqual([]);
    } finally {
      await context.close();
    }
    // One user's whole session: 275 s measured with the machine at load 13 on 2 cores, so the budget is
    // generous; it is a hang guard, not an assertion.
  }, 480_000);
});
