import path from 'node:path';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { bbox } from '@turf/turf';
import type { AtlasFeature, FeatureDetail, HistoryEntry, LayerInfo } from '../../contract/api';
import { launchChromium, RESULTS, baseUrl, getJson, offlineContext, openApp, waitIdle } from './support';

/*
 * Planning staff in a real Chromium against the browser suites' server (test/support/browser-setup.ts,
 * which also creates the editor below): sign in, drag a vertex and save a new version, see it in the
 * history with a red/green outline diff and revert it; a 412 conflict shows both versions; the area
 * measured on the map matches PostGIS; the EPSG:4549 readout matches cs2cs; the export link.
 */

/** Created by test/support/browser-setup.ts on the suites' own database clone. */
const EDITOR = { username: 'editor', password: 'editor-password-123' };
/** Waits on writes and refetches: generous, the machine may be busy with other suites. */
const SLOW = { timeout: 20_000 };
/** client/src/components/history/history-panel.tsx DIFF_COLORS and edit/conflict-view.tsx CONFLICT_COLORS. */
const DIFF_OLD: RGB = [0xd7, 0x19, 0x1c];
const DIFF_NEW: RGB = [0x1a, 0x96, 0x41];
const CONFLICT_MINE: RGB = [0xe6, 0x61, 0x01];
const CONFLICT_CURRENT: RGB = [0x5e, 0x3c, 0x99];

type RGB = [number, number, number];




/** Fits the map to a WGS84 bbox at once, keeping the panels' sides clear. */
async function fitTo(page: Page, b: number[], padding = { top: 170, bottom: 90, left: 380, right: 450 }): Promise<void> {
  await page.evaluate(
    ({ b, padding }) => window.__atlas!.map.fitBounds([[b[0], b[1]], [b[2], b[3]]], { padding, duration: 0, maxZoom: 17 }),
    { b, padding },
  );
  await waitIdle(page);
}

/** Page coordinates of WGS84 positions, and whether the map canvas is what is there (no panel on top). */
async function toScreen(page: Page, coords: number[][]): Promise<Array<{ x: number; y: number; onCanvas: boolean }>> {
  return page.evaluate((cs) => {
    const map = window.__atlas!.map;
    const r = map.getCanvas().getBoundingClientRect();
    return cs.map((c) => {
      const p = map.project(c as [number, number]);
      const x = r.left + p.x;
      const y = r.top + p.y;
      const el = document.elementFromPoint(x, y);
      return { x, y, onCanvas: !!el && el.classList.contains('maplibregl-canvas') };
    });
  }, coords);
}

/** Signs in through the title bar's account menu. */
async function signIn(page: Page, who = EDITOR): Promise<void> {
  await page.locator('.account-button').click();
  await page.locator('.sign-in-form input[name=username]').fill(who.username);
  await page.locator('.sign-in-form input[name=password]').fill(who.password);
  await page.locator('.sign-in-form button[type=submit]').click();
  await expect.poll(() => page.locator('.account-name').textContent(), SLOW).toContain(who.username);
}

/** Opens a feature from its layer's list in the layer panel. */
async function selectFromLayerList(page: Page, layerTitle: string, featureName: string): Promise<void> {
  const row = page.locator('.layer-row', { has: page.getByRole('checkbox', { name: layerTitle, exact: true }) });
  await row.locator('.expand-button').click();
  await row.locator('.feature-button', { hasText: featureName }).first().click();
  await expect.poll(() => page.locator('.selection-actions .selection-name').textContent()).toBe(featureName);
  await waitIdle(page);
}

/** The editing handles terra-draw draws: vertices (selection points) of the edited feature, in page coordinates. */
async function editVertices(page: Page): Promise<Array<{ x: number; y: number; index: number; onCanvas: boolean }>> {
  return page.evaluate(() => {
    const map = window.__atlas!.map;
    const r = map.getCanvas().getBoundingClientRect();
    const ids = (map.getStyle().layers ?? []).filter((l) => l.id.startsWith('staff-draw')).map((l) => l.id);
    const seen = new Set<number>();
    const out: Array<{ x: number; y: number; index: number; onCanvas: boolean }> = [];
    for (const f of map.queryRenderedFeatures({ layers: ids })) {
      if (f.geometry.type !== 'Point' || !f.properties.selectionPoint || seen.has(Number(f.properties.index))) continue;
      seen.add(Number(f.properties.index));
      const p = map.project(f.geometry.coordinates as [number, number]);
      const x = r.left + p.x;
      const y = r.top + p.y;
      const el = document.elementFromPoint(x, y);
      out.push({ x, y, index: Number(f.properties.index), onCanvas: !!el && el.classList.contains('maplibregl-canvas') });
    }
    return out;
  });
}

/** Presses at (x, y), drags by (dx, dy) in small steps and releases. */
async function drag(page: Page, x: number, y: number, dx: number, dy: number): Promise<void> {
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let i = 1; i <= 12; i++) await page.mouse.move(x + (dx * i) / 12, y + (dy * i) / 12);
  await page.mouse.up();
}

/** Pixels within `tolerance` (RGB distance) of a colour. */
function countColor(png: PNG, rgb: RGB, tolerance = 40): number {
  let n = 0;
  for (let k = 0; k < png.data.length; k += 4) {
    if (Math.hypot(png.data[k] - rgb[0], png.data[k + 1] - rgb[1], png.data[k + 2] - rgb[2]) <= tolerance) n++;
  }
  return n;
}

/** A session for API writes from the test itself (as a second editor would). */
async function apiSession(): Promise<{ cookie: string; csrf: string }> {
  const res = await fetch(`${baseUrl()}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(EDITOR),
  });
  expect(res.status).toBe(200);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie, csrf: csrfToken };
}

function ringsOf(g: GeoJSON.Geometry): number[][] {
  if (g.type === 'Polygon') return g.coordinates[0];
  if (g.type === 'MultiPolygon') return g.coordinates[0][0];
  throw new Error(`not a polygon: ${g.type}`);
}

describe('staff tools in Chromium', () => {
  let browser: Browser;
  let layers: LayerInfo[];

  beforeAll(async () => {
    browser = await launchChromium();
    layers = await getJson<LayerInfo[]>('/api/layers');
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('signs in as an editor, drags a vertex of 口岸街道, saves version 2, diffs it red/green and reverts it', async () => {
    const { context, external } = await offlineContext(browser);
    try {
      const page = await openApp(context);
      const before = (await getJson<FeatureDetail>('/api/features/kouan')).feature;
      const startVersion = before.properties.version;

      // Signed out there is no edit button, only the history.
      const parksTitle = layers.find((l) => l.id === 'parks')!.title_zh;
      await selectFromLayerList(page, parksTitle, '口岸街道');
      expect(await page.locator('.selection-actions').getByRole('button', { name: '编辑', exact: true }).count()).toBe(0);
      await signIn(page);
      // The session cookie is Secure (as in production) and Chromium keeps it on http://127.0.0.1.
      expect((await context.cookies()).find((c) => c.name === 'atlas_session')).toBeTruthy();
      await expect.poll(() => page.locator('.account-name .role-tag').textContent()).toBe('编辑');
      await page.screenshot({ path: path.join(RESULTS, 'staff-signed-in.png') });

      // Edit: the sheet opens on the server's current version; terra-draw shows the vertices.
      await page.locator('.selection-actions').getByRole('button', { name: '编辑', exact: true }).click();
      await page.locator(`.edit-session[data-version="${startVersion}"]`).waitFor();
      await fitTo(page, bbox(before.geometry));
      await expect.poll(async () => (await editVertices(page)).length).toBeGreaterThanOrEqual(4);
      const vertices = (await editVertices(page)).filter((v) => v.onCanvas);
      // The east-most vertex, dragged outwards (east and a little south) so the ring stays simple.
      const v = vertices.sort((a, b) => b.x - a.x)[0];
      expect(v, 'a vertex of 口岸街道 is on the visible map').toBeTruthy();
      await drag(page, v.x, v.y, 40, 25);
      await expect.poll(() => page.locator('.edit-session').getAttribute('data-dirty'), SLOW).toBe('true');
      // editVertices reads what the map has rendered, which follows terra-draw's last move after the
      // worker's next source update: wait for it to show the vertex where the pointer let go.
      const movedBy = async () => {
        const w = (await editVertices(page)).find((q) => q.index === v.index);
        return w ? Math.hypot(w.x - (v.x + 40), w.y - (v.y + 25)) : Infinity;
      };
      await expect.poll(movedBy, SLOW).toBeLessThan(3);
      const moved = (await editVertices(page)).find((w) => w.index === v.index)!;
      const movedLngLat = await page.evaluate(({ x, y }) => {
        const map = window.__atlas!.map;
        const r = map.getCanvas().getBoundingClientRect();
        return map.unproject([x - r.left, y - r.top]).toArray();
      }, moved);
      await waitIdle(page);
      await page.screenshot({ path: path.join(RESULTS, 'staff-edit-vertex.png') });

      await page.locator('.edit-session').getByRole('button', { name: '保存', exact: true }).click();
      await expect.poll(() => page.locator('.tool-notice').textContent(), SLOW).toContain(`第 ${startVersion + 1} 版`);
      const after = (await getJson<FeatureDetail>('/api/features/kouan')).feature;
      expect(after.properties.version).toBe(startVersion + 1);
      // The vertex is where it was dropped (to a fraction of a pixel).
      const nearest = Math.min(...ringsOf(after.geometry).map((c) => Math.hypot(c[0] - movedLngLat[0], c[1] - movedLngLat[1])));
      expect(nearest).toBeLessThan(1e-5);
      // The map's source has the saved geometry at once (the layer query was updated and refetched).
      await expect
        .poll(() =>
          page.evaluate(async () => {
            const src = window.__atlas!.map.getSource('atlas:parks') as unknown as { getData: () => Promise<GeoJSON.FeatureCollection> };
            const fc = await src.getData();
            return JSON.stringify(fc.features.find((f) => f.properties?.fid === 'kouan')?.geometry);
          }),
          SLOW,
        )
        .toBe(JSON.stringify(after.geometry));

      // History: the new version with who, what and the signed area change; diff of the last two.
      await page.locator('.selection-actions').getByRole('button', { name: '历史版本', exact: true }).click();
      const history = page.locator('.history-panel');
      await expect.poll(() => history.getAttribute('data-versions'), SLOW).toBe(String(startVersion + 1));
      const newest = history.locator(`.version-item[data-version="${startVersion + 1}"]`);
      expect(await newest.textContent()).toContain('editor');
      expect(await newest.locator('.version-changes').textContent()).toContain('几何');
      const api = await getJson<HistoryEntry[]>('/api/features/kouan/history');
      const change = api[api.length - 1].area_change_km2!;
      expect(change).not.toBe(0);
      expect(await newest.locator('.version-area').textContent()).toContain(change > 0 ? '+' : '−');
      expect(await history.getAttribute('data-compared')).toBe(`${startVersion},${startVersion + 1}`);
      await history.getByRole('button', { name: '缩放到对比范围' }).click();
      await waitIdle(page);
      const withDiff = PNG.sync.read(await page.screenshot({ path: path.join(RESULTS, 'staff-history-diff.png') }));
      // The same view without the diff overlay: the colours must come from it.
      await page.evaluate(() => {
        const map = window.__atlas!.map;
        for (const l of map.getStyle().layers ?? []) if (l.id.startsWith('staff:diff')) map.setLayoutProperty(l.id, 'visibility', 'none');
      });
      await waitIdle(page);
      const withoutDiff = PNG.sync.read(await page.screenshot({ path: path.join(RESULTS, 'staff-history-nodiff.png') }));
      await page.evaluate(() => {
        const map = window.__atlas!.map;
        for (const l of map.getStyle().layers ?? []) if (l.id.startsWith('staff:diff')) map.setLayoutProperty(l.id, 'visibility', 'visible');
      });
      const red = countColor(withDiff, DIFF_OLD) - countColor(withoutDiff, DIFF_OLD);
      const green = countColor(withDiff, DIFF_NEW) - countColor(withoutDiff, DIFF_NEW);
      expect(red, 'old outline: dashed red pixels').toBeGreaterThan(150);
      expect(green, 'new outline: solid green pixels').toBeGreaterThan(300);

      // Revert to the first version: a new version with the old geometry.
      await history.locator(`.version-item[data-version="${startVersion}"]`).getByRole('button', { name: '恢复为此版本' }).click();
      const outcome = history.locator('.staff-ok, .staff-error');
      await outcome.waitFor();
      expect(await outcome.textContent()).toBe(`已将第 ${startVersion} 版恢复为新的第 ${startVersion + 2} 版。`);
      await expect.poll(() => history.getAttribute('data-versions'), SLOW).toBe(String(startVersion + 2));
      const reverted = (await getJson<FeatureDetail>('/api/features/kouan')).feature;
      expect(reverted.properties.version).toBe(startVersion + 2);
      expect(reverted.properties.area_km2).toBeCloseTo(before.properties.area_km2!, 6);
      await waitIdle(page);
      await page.screenshot({ path: path.join(RESULTS, 'staff-history-reverted.png') });

      // Signing out hides the edit tools again.
      await page.locator('.staff-sheet .close-button').click();
      await page.locator('.account-button').click();
      await page.locator('.account-pop').getByRole('button', { name: '退出登录' }).click();
      await expect.poll(() => page.locator('.account-name').count()).toBe(0);
      expect(await page.locator('.tool-dock').getByRole('button', { name: '新建要素' }).count()).toBe(0);
      expect(external).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('on a 412 shows both versions (table and two outline colours) and re-applies the edit on top', async () => {
    const { context, external } = await offlineContext(browser);
    let restoreTo: number | null = null;
    try {
      const page = await openApp(context);
      const site = (await getJson<FeatureDetail>('/api/features/site-haiji')).feature;
      restoreTo = site.properties.version;
      const sitesTitle = layers.find((l) => l.id === 'sites')!.title_zh;
      await signIn(page);
      await selectFromLayerList(page, sitesTitle, site.properties.name_zh);
      await page.locator('.selection-actions').getByRole('button', { name: '编辑', exact: true }).click();
      const v0 = site.properties.version;
      await page.locator(`.edit-session[data-version="${v0}"]`).waitFor();
      await page.evaluate((c) => window.__atlas!.map.jumpTo({ center: c as [number, number], zoom: 15 }), (site.geometry as GeoJSON.Point).coordinates);
      await waitIdle(page);

      // Meanwhile someone else renames it (a second session of the API).
      const other = await apiSession();
      const theirName = `${site.properties.name_en} (checked)`;
      const res = await fetch(`${baseUrl()}/api/features/site-haiji`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', cookie: other.cookie, 'x-csrf-token': other.csrf, 'if-match': `"${v0}"` },
        body: JSON.stringify({ name_en: theirName }),
      });
      expect(res.status).toBe(200);

      // Here: drag the point and change the status, then save against the old version.
      const [p] = await toScreen(page, [(site.geometry as GeoJSON.Point).coordinates]);
      expect(p.onCanvas).toBe(true);
      await drag(page, p.x, p.y, 60, -30);
      await expect.poll(() => page.locator('.edit-session').getAttribute('data-dirty'), SLOW).toBe('true');
      const status = site.properties.status === 'available' ? 'planned' : 'available';
      await page.locator('.edit-session select[name=status]').selectOption(status);
      await page.locator('.edit-session').getByRole('button', { name: '保存', exact: true }).click();

      const conflict = page.locator('.conflict-view');
      await conflict.waitFor();
      expect(await conflict.getAttribute('data-current-version')).toBe(String(v0 + 1));
      expect(await conflict.locator('tr[data-field="name_en"] td').nth(1).textContent()).toBe(theirName);
      expect(await conflict.locator('tr[data-field="status"]').getAttribute('class')).toBe('changed');
      expect(await conflict.locator('tr[data-field="geometry"]').getAttribute('class')).toBe('changed');
      await waitIdle(page);
      const shot = PNG.sync.read(await page.screenshot({ path: path.join(RESULTS, 'staff-conflict.png') }));
      expect(countColor(shot, CONFLICT_MINE, 30), 'your version drawn in orange').toBeGreaterThan(20);
      expect(countColor(shot, CONFLICT_CURRENT, 30), 'the current version drawn in purple').toBeGreaterThan(20);

      await conflict.getByRole('button', { name: '在当前版本上重新应用我的修改并保存' }).click();
      await expect.poll(() => page.locator('.tool-notice').textContent(), SLOW).toContain(`第 ${v0 + 2} 版`);
      const merged = (await getJson<FeatureDetail>('/api/features/site-haiji')).feature as AtlasFeature;
      expect(merged.properties.version).toBe(v0 + 2);
      expect(merged.properties.name_en, 'their change kept').toBe(theirName);
      expect(merged.properties.status, 'your change applied').toBe(status);
      expect(JSON.stringify(merged.geometry)).not.toBe(JSON.stringify(site.geometry));
      expect(external).toEqual([]);
    } finally {
      await context.close();
      // Put the site back as it was (other suites rank parks by their sites' status).
      const now = (await getJson<FeatureDetail>('/api/features/site-haiji')).feature;
      if (restoreTo !== null && now.properties.version !== restoreTo) {
        const s = await apiSession();
        const res = await fetch(`${baseUrl()}/api/features/site-haiji/revert`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie: s.cookie, 'x-csrf-token': s.csrf, 'if-match': `"${now.properties.version}"` },
          body: JSON.stringify({ version: restoreTo }),
        });
        expect(res.status).toBe(200);
      }
    }
  });

  it('shows PostGIS’s reason when a save would make the ring cross itself (422), and saves nothing', async () => {
    const { context, external } = await offlineContext(browser);
    try {
      const page = await openApp(context);
      const zone = (await getJson<FeatureDetail>('/api/features/zone-cmc-research')).feature;
      const zonesTitle = layers.find((l) => l.id === 'zones')!.title_zh;
      await signIn(page);
      await selectFromLayerList(page, zonesTitle, zone.properties.name_zh);
      await page.locator('.selection-actions').getByRole('button', { name: '编辑', exact: true }).click();
      await page.locator(`.edit-session[data-version="${zone.properties.version}"]`).waitFor();
      await fitTo(page, bbox(zone.geometry), { top: 200, bottom: 160, left: 480, right: 560 });
      await expect.poll(async () => (await editVertices(page)).length).toBe(4);
      // The rectangle's top-left corner dragged past its right side: a bow tie.
      const vs = (await editVertices(page)).filter((w) => w.onCanvas);
      const topLeft = [...vs].sort((a, b) => a.x + a.y - (b.x + b.y))[0];
      const right = Math.max(...vs.map((w) => w.x));
      await drag(page, topLeft.x, topLeft.y, right - topLeft.x + 60, 30);
      await expect.poll(() => page.locator('.edit-session').getAttribute('data-dirty'), SLOW).toBe('true');
      // Warned at once, before saving.
      await expect.poll(() => page.locator('.edit-session .staff-warning').count(), SLOW).toBe(1);
      await page.locator('.edit-session').getByRole('button', { name: '保存', exact: true }).click();
      const error = page.locator('.edit-session .staff-error');
      await error.waitFor();
      expect(await error.textContent()).toMatch(/服务器拒绝了此几何：.*Self-intersection/);
      await page.screenshot({ path: path.join(RESULTS, 'staff-invalid-geometry.png') });
      expect((await getJson<FeatureDetail>('/api/features/zone-cmc-research')).feature.properties.version).toBe(zone.properties.version);
      await page.locator('.edit-session').getByRole('button', { name: '取消', exact: true }).click();
      await expect.poll(() => page.locator('.staff-sheet').count()).toBe(0);
      expect(external).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('measures an area on the map that matches the PostGIS area of the same ring within 0.1 %', async () => {
    const { context, external } = await offlineContext(browser);
    try {
      const page = await openApp(context);
      // 大健康极 (pole-health): five vertices, ~9 km²; its ring clicked on the map vertex by vertex.
      const feature = (await getJson<FeatureDetail>('/api/features/pole-health')).feature;
      const ring = ringsOf(feature.geometry);
      await page.locator('.tool-dock').getByRole('button', { name: '测面' }).click();
      // Clicks before the drawing library is on the map would be lost: wait until the tool says it is ready.
      await expect.poll(() => page.locator('.measure-readout').getAttribute('data-ready'), SLOW).toBe('true');
      await fitTo(page, bbox(feature.geometry), { top: 200, bottom: 90, left: 380, right: 60 });
      const pts = await toScreen(page, ring.slice(0, -1));
      expect(pts.every((q) => q.onCanvas), 'every vertex is on the visible map').toBe(true);
      for (const q of pts) {
        await page.mouse.click(q.x, q.y);
        await page.waitForTimeout(60);
      }
      await page.mouse.click(pts[0].x, pts[0].y);
      const readout = page.locator('.measure-readout');
      await expect.poll(() => readout.getAttribute('data-state'), SLOW).toBe('done');
      const measuredKm2 = Number(await readout.getAttribute('data-area-m2')) / 1e6;
      const serverKm2 = feature.properties.area_km2!;
      expect(Math.abs(measuredKm2 / serverKm2 - 1), `measured ${measuredKm2} km² vs PostGIS ${serverKm2} km²`).toBeLessThan(0.001);
      expect(await readout.locator('.measure-area').textContent()).toContain('km²');
      await waitIdle(page);
      await page.screenshot({ path: path.join(RESULTS, 'staff-measure-area.png') });

      // Distance: two clicks along the same ring's first edge, finished on the last point.
      await page.locator('.tool-dock').getByRole('button', { name: '测距' }).click();
      await expect.poll(async () => `${await readout.getAttribute('data-kind')} ${await readout.getAttribute('data-ready')}`, SLOW).toBe('line true');
      await page.mouse.click(pts[0].x, pts[0].y);
      await page.mouse.click(pts[1].x, pts[1].y);
      await page.mouse.click(pts[1].x, pts[1].y);
      await expect.poll(() => readout.getAttribute('data-state'), SLOW).toBe('done');
      expect(Number(await readout.getAttribute('data-length-m'))).toBeGreaterThan(100);
      expect(external).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('reads the pointer position in EPSG:4549 as cs2cs does, within 0.5 m', async () => {
    const { context, external } = await offlineContext(browser);
    try {
      const page = await openApp(context);
      // echo "32.40 119.91" | cs2cs EPSG:4490 EPSG:4549 -f %.4f  →  3586212.1245  491532.7435 (N, E)
      const known = { lng: 119.91, lat: 32.4, easting: 491532.7435, northing: 3586212.1245 };
      await page.locator('.coord-readout select').selectOption('EPSG:4549');
      expect(await page.locator('.coord-readout select').getAttribute('title')).toContain('120°E');
      // The known point in the middle of the canvas, so an integer pointer position sits exactly on it.
      const at = await page.evaluate((k) => {
        const map = window.__atlas!.map;
        map.jumpTo({ center: [k.lng, k.lat], zoom: 17 });
        const r = map.getCanvas().getBoundingClientRect();
        const p = map.project([k.lng, k.lat]);
        return { x: r.left + p.x, y: r.top + p.y };
      }, known);
      await waitIdle(page);
      await page.mouse.move(at.x - 30, at.y - 30);
      await page.mouse.move(at.x, at.y, { steps: 3 });
      const value = page.locator('.coord-readout .coord-value');
      await expect.poll(() => value.getAttribute('data-x')).not.toBeNull();
      const e = Number(await value.getAttribute('data-x'));
      const n = Number(await value.getAttribute('data-y'));
      expect(Math.abs(e - known.easting), `easting ${e}`).toBeLessThan(0.5);
      expect(Math.abs(n - known.northing), `northing ${n}`).toBeLessThan(0.5);
      expect(await value.textContent()).toMatch(/E 4915\d\d\.\d\d m/);
      await page.screenshot({ path: path.join(RESULTS, 'staff-coordinates.png') });

      // CGCS2000 reads the same degrees as WGS84 and says why.
      await page.locator('.coord-readout select').selectOption('EPSG:4490');
      expect(await page.locator('.coord-readout select').getAttribute('title')).toContain('WGS84');
      await page.mouse.move(at.x + 1, at.y);
      await page.mouse.move(at.x, at.y);
      await expect.poll(() => value.getAttribute('data-y')).toBe('32.400000');
      expect(external).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('exports a layer, features picked on the map, or a box drawn on the map, in EPSG:4549', async () => {
    const { context, external } = await offlineContext(browser);
    try {
      const page = await openApp(context);
      const download = (dialog: ReturnType<Page['locator']>) => dialog.getByRole('link', { name: '下载' });
      /** Fetches a download link the way the browser would and returns the export's headers. */
      const fetchExport = async (href: string | null) => {
        expect(href).toBeTruthy();
        const res = await fetch(`${baseUrl()}${href}`);
        expect(res.status, `GET ${href}`).toBe(200);
        await res.arrayBuffer();
        return { crs: res.headers.get('x-crs'), count: Number(res.headers.get('x-feature-count')) };
      };

      await page.locator('.tool-dock').getByRole('button', { name: '导出' }).click();
      const dialog = page.locator('.export-dialog');
      await dialog.waitFor();

      // A whole layer: GeoPackage in CGCS2000 / 3° Gauss–Krüger by default.
      await dialog.getByRole('radio', { name: '整个图层' }).check();
      await dialog.getByLabel('图层', { exact: true }).selectOption('parks');
      const layerHref = await download(dialog).getAttribute('href');
      expect(layerHref).toBe('/api/export?layer=parks&format=gpkg&crs=EPSG%3A4549');
      const parks = layers.find((l) => l.id === 'parks')!;
      expect(await fetchExport(layerHref)).toEqual({ crs: 'EPSG:4549', count: parks.feature_count });

      // Features picked on the map: 口岸街道 clicked where nothing else is drawn over it.
      const kouan = (await getJson<FeatureDetail>('/api/features/kouan')).feature;
      await fitTo(page, bbox(kouan.geometry), { top: 200, bottom: 90, left: 380, right: 450 });
      await dialog.getByRole('radio', { name: '在地图上点选的要素' }).check();
      await dialog.getByRole('button', { name: '在地图上点选' }).click();
      await expect.poll(() => dialog.locator('.staff-hint').getAttribute('data-ready'), SLOW).toBe('true');
      const spot = await page.evaluate(() => {
        const map = window.__atlas!.map;
        const r = map.getCanvas().getBoundingClientRect();
        // Scan the canvas for a spot with only areas around it (no line or point to win the click), kouan's on top.
        for (let y = 60; y < r.height - 60; y += 12) {
          for (let x = 60; x < r.width - 60; x += 12) {
            const hits = map.queryRenderedFeatures([[x - 6, y - 6], [x + 6, y + 6]]).filter((f) => f.source.startsWith('atlas:') && f.layer.type !== 'symbol');
            const el = document.elementFromPoint(r.left + x, r.top + y);
            if (hits.length > 0 && hits.every((f) => f.layer.type === 'fill') && hits[0].properties.fid === 'kouan' && el?.classList.contains('maplibregl-canvas')) {
              return { x: r.left + x, y: r.top + y };
            }
          }
        }
        return null;
      });
      expect(spot, 'a clear spot inside 口岸街道').not.toBeNull();
      await page.mouse.click(spot!.x, spot!.y);
      await expect.poll(() => dialog.locator('.selection-list li').allTextContents(), SLOW).toEqual(['口岸街道×']);
      const idsHref = await download(dialog).getAttribute('href');
      expect(idsHref).toBe('/api/export?ids=kouan&format=gpkg&crs=EPSG%3A4549');
      expect(await fetchExport(idsHref)).toEqual({ crs: 'EPSG:4549', count: 1 });
      await dialog.getByRole('button', { name: '结束选择' }).click();

      // A box drawn with two clicks, as GeoJSON in WGS84.
      await dialog.getByRole('radio', { name: '在地图上框选的范围' }).check();
      await dialog.getByLabel('格式', { exact: true }).selectOption('geojson');
      await dialog.getByLabel('坐标系', { exact: true }).selectOption('EPSG:4326');
      await dialog.getByRole('button', { name: '在地图上框选' }).click();
      // The hint says ready once the rectangle mode is live; a click before it would be lost.
      await expect.poll(() => dialog.locator('.staff-hint').getAttribute('data-ready'), SLOW).toBe('true');
      await page.mouse.click(spot!.x - 80, spot!.y - 60);
      await page.mouse.click(spot!.x + 80, spot!.y + 60);
      await expect.poll(() => download(dialog).getAttribute('href'), SLOW).toMatch(/^\/api\/export\?bbox=119\.\d+%2C32\.\d+%2C119\.\d+%2C32\.\d+&format=geojson&crs=EPSG%3A4326$/);
      const boxExport = await fetchExport(await download(dialog).getAttribute('href'));
      expect(boxExport.crs).toBe('EPSG:4326');
      expect(boxExport.count).toBeGreaterThan(0);
      await waitIdle(page);
      await page.screenshot({ path: path.join(RESULTS, 'staff-export.png') });
      expect(external).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
