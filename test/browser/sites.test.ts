import path from 'node:path';
import fs from 'node:fs';
import os from 'node:os';
import { execFileSync } from 'node:child_process';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser } from 'playwright-core';
import sharp from 'sharp';
import { PNG } from 'pngjs';
import { launchChromium, RESULTS, baseUrl, offlineContext, openApp } from './support';

/*
 * The Sites tab (招商载体库) in Chromium: filter the inventory, open a site's card with its photo and contact,
 * unknown values said as unknown, in Chinese and English, at desktop and phone size. The site is entered
 * through the API by the browser suites' editor (test/support/browser-setup.ts) and removed afterwards.
 */

async function editorSession() {
  const res = await fetch(`${baseUrl()}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'editor', password: 'editor-password-123' }) });
  expect(res.status).toBe(200);
  const cookie = res.headers.get('set-cookie')!.split(';')[0];
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie, csrf: csrfToken };
}

describe('the Sites tab', () => {
  let browser: Browser;
  let session: { cookie: string; csrf: string };
  let version = 0;
  const ID = 'browser-factory';

  beforeAll(async () => {
    browser = await launchChromium();
    session = await editorSession();
    const headers = { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrf };
    const res = await fetch(`${baseUrl()}/api/sites`, {
      method: 'POST', headers,
      body: JSON.stringify({ id: ID, name_zh: '测试标准厂房', name_en: 'Test standard factory', kind: 'factory', park_id: 'park-biomed', status: 'available', floor_area_m2: 5200, floors: 3,
        chains: ['medical-devices'], contact_name: '张工', contact_phone: '0523-8888', geometry: { type: 'Point', coordinates: [119.8967, 32.3672] } }),
    });
    expect(res.status).toBe(201);
    version = ((await res.json()) as { properties: { version: number } }).properties.version;
    const photo = await sharp({ create: { width: 800, height: 500, channels: 3, background: { r: 20, g: 120, b: 200 } } }).jpeg().toBuffer();
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(photo)]), 'front.jpg');
    const up = await fetch(`${baseUrl()}/api/sites/${ID}/photos`, { method: 'POST', headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'if-match': `"${version}"` }, body: form });
    expect(up.status).toBe(201);
    version++;
  });

  afterAll(async () => {
    await fetch(`${baseUrl()}/api/sites/${ID}`, { method: 'DELETE', headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'if-match': `"${version}"` } });
    await browser?.close();
  });

  for (const [lang, viewport, labels] of [
    ['zh', { width: 1280, height: 800 }, { tab: '载体', kind: '标准厂房', unknown: '未知', contact: '张工 · 0523-8888' }],
    ['en', { width: 390, height: 844 }, { tab: 'Sites', kind: 'Standard factory', unknown: 'unknown', contact: '张工 · 0523-8888' }],
  ] as const) {
    it(`filters the inventory and opens a site card with photo and contact (${lang}, ${viewport.width}px)`, async () => {
      const { context, external } = await offlineContext(browser, viewport);
      try {
        // ?panel=sites opens the dock on its Sites tab (on a phone the dock is a drawer).
        const page = await openApp(context, `/?lang=${lang}&panel=sites`);
        const panel = page.locator('.site-inventory');
        await panel.waitFor();
        expect(await page.locator('.dock-tab[data-tab="sites"]').textContent()).toBe(labels.tab);
        await panel.locator('select[name="kind"]').selectOption('factory');
        await panel.locator('input[name="min"]').fill('5000');
        await expect.poll(() => panel.locator('.inventory-list > li').evaluateAll((ls) => ls.map((l) => l.getAttribute('data-site-id')))).toEqual([ID]);
        await panel.locator('input[name="min"]').fill('6000');
        await expect.poll(() => panel.locator('.inventory-list > li').count()).toBe(0);
        await panel.locator('input[name="min"]').fill('5000');
        await panel.locator(`.inventory-list > li[data-site-id="${ID}"] button`).click();
        const card = page.locator(`.site-card[data-site-id="${ID}"]`);
        await card.waitFor();
        const facts = async (name: string) => card.locator('.site-fact').filter({ has: page.locator('dt', { hasText: name }) }).locator('dd').textContent();
        expect(await card.locator('.site-fact dd').first().textContent()).toBe(labels.kind);
        // No price was entered: the card says unknown rather than leaving it out.
        expect(await card.locator('.unknown').count()).toBeGreaterThan(5);
        expect((await card.locator('.site-fact dd').allTextContents()).some((t) => t.includes(labels.contact))).toBe(true);
        expect(await facts(lang === 'zh' ? '价格' : 'Price')).toBe(labels.unknown);
        const img = card.locator('.site-photos img');
        await expect.poll(() => img.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBe(320);
        await card.scrollIntoViewIfNeeded();
        const shot = PNG.sync.read(await page.screenshot({ path: path.join(RESULTS, `sites-card-${lang}-${viewport.width}.png`) }));
        // The photo's thumbnail is drawn: its blue (20, 120, 200) fills a 160 px wide box on screen (JPEG: give or take).
        let blue = 0;
        for (let k = 0; k < shot.data.length; k += 4) if (Math.abs(shot.data[k] - 20) < 12 && Math.abs(shot.data[k + 1] - 120) < 12 && Math.abs(shot.data[k + 2] - 200) < 12) blue++;
        expect(blue).toBeGreaterThan(150 * 90);
        expect(external).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }

  for (const [lang, viewport, labels] of [
    ['zh', { width: 1280, height: 800 }, { query: '医疗器械 5000平方米 厂房', card: '载体详情', port: '泰州港药品进口口岸', station: '泰州高铁南站', approx: /^约 \d+(\.\d)? 公里$/, line: '规划未标出互通出口' }],
    ['en', { width: 390, height: 844 }, { query: 'medical devices 5000 m2 factory', card: 'Site card', port: 'Taizhou Port drug import port', station: 'Taizhou South HSR station', approx: /^≈ \d+(\.\d)? km$/, line: 'the plans locate no exit' }],
  ] as const) {
    it(`goes from a match query to the site card with photo, contact and distances (${lang}, ${viewport.width}px)`, async () => {
      const { context, external } = await offlineContext(browser, viewport);
      try {
        const page = await openApp(context, `/?lang=${lang}&panel=parks`);
        await page.locator('.explorer-filters input[name="q"]').fill(labels.query);
        // The matcher ranks the factory (its floor area fits, it is available, medical devices are permitted).
        const row = page.locator(`.match-results .site-row[data-site-id="${ID}"]`);
        await row.waitFor({ timeout: 20_000 });
        const button = row.locator('.site-card-button');
        expect(await button.textContent()).toBe(labels.card);
        await button.click();
        const card = page.locator(`.site-card[data-site-id="${ID}"]`);
        await card.waitFor();
        expect(await page.locator('.dock-tab[aria-selected="true"]').getAttribute('data-tab')).toBe('sites');
        expect((await card.locator('.site-fact dd').allTextContents()).some((t) => t.includes('张工 · 0523-8888'))).toBe(true);
        await expect.poll(() => card.locator('.site-photos img').evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBe(320);
        // Distances: the port, the HSR station and an expressway already on the map, approximate (schematic positions).
        const dist = card.locator('.site-distances');
        await dist.locator('[data-nearby="port"] .nearby-distance').waitFor();
        const fact = (kind: string) => dist.locator(`[data-nearby="${kind}"]`);
        expect(await fact('port').locator('.nearby-name').textContent()).toBe(labels.port);
        expect(await fact('station').locator('.nearby-name').textContent()).toContain(labels.station);
        for (const kind of ['port', 'station', 'expressway']) {
          const d = fact(kind).locator('.nearby-distance');
          const text = (await d.textContent())!.trim();
          expect(text, kind).toMatch(labels.approx);
          // What it says is what the API measured (km to one decimal).
          const m = Number(await d.getAttribute('data-distance-m'));
          expect(Number(text.replace(/[^\d.]/g, '')), kind).toBeCloseTo(m / 1000, 1);
        }
        expect(await fact('expressway').locator('.nearby-note').textContent()).toContain(labels.line);
        await dist.scrollIntoViewIfNeeded();
        await page.screenshot({ path: path.join(RESULTS, `sites-match-card-${lang}-${viewport.width}.png`) });
        // The card shows its site on the map: selected, and its feature panel open.
        await card.locator('.show-on-map').click();
        await expect.poll(() => new URL(page.url()).searchParams.get('sel')).toBe(ID);
        await page.locator('.feature-panel').getByText(lang === 'zh' ? '测试标准厂房' : 'Test standard factory', { exact: true }).first().waitFor();
        // Its area fact is the floor space the inventory records, not “not stated in the documents”.
        const areaFact = page.locator('.feature-panel .site-area-fact');
        await expect.poll(() => areaFact.textContent()).toMatch(lang === 'zh' ? /建筑面积 5,?200 平方米/ : /floor area 5,200 m²/);
        expect(await areaFact.textContent()).not.toMatch(/documents|文件未写明/);
        await page.screenshot({ path: path.join(RESULTS, `sites-match-map-${lang}-${viewport.width}.png`) });
        expect(external).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});

describe('the Sites tab import (editors)', () => {
  let browser: Browser;
  let dir: string;
  beforeAll(async () => {
    browser = await launchChromium();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-site-import-'));
  });
  afterAll(async () => {
    await browser?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('previews a GeoPackage (EPSG:4549, Chinese attributes) with its area, and commits it', async () => {
    // Fixture: ogr2ogr -f GPKG from the GeoJSON below (EPSG:4549: a 200 m × 150 m plot east of 119.8967, 32.3672).
    const [n, e] = execFileSync('cs2cs', ['-f', '%.3f', 'EPSG:4326', 'EPSG:4549'], { input: '32.3672 119.8967\n' }).toString().trim().split(/\s+/).map(Number);
    const o = [e + 50, n - 1200];
    const src = path.join(dir, 'plot.geojson');
    fs.writeFileSync(src, JSON.stringify({
      type: 'FeatureCollection', crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::4549' } },
      features: [{ type: 'Feature', properties: { 编号: 'BROWSER-GIS-1', 名称: '浏览器导入地块', 所属园区: '生物医药产业园', 类型: '地块', 状态: '可供地' },
        geometry: { type: 'Polygon', coordinates: [[[o[0], o[1]], [o[0] + 200, o[1]], [o[0] + 200, o[1] + 150], [o[0], o[1] + 150], [o[0], o[1]]]] } }],
    }));
    const gpkg = path.join(dir, '载体.gpkg');
    execFileSync('ogr2ogr', ['-f', 'GPKG', gpkg, src], { env: { ...process.env, CPL_DEBUG: 'OFF' } });
    const { context } = await offlineContext(browser, { width: 1280, height: 800 });
    const s = await editorSession();
    try {
      const page = await openApp(context, '/?lang=zh&panel=sites');
      await page.locator('.account-button').click();
      await page.locator('.sign-in-form input[name=username]').fill('editor');
      await page.locator('.sign-in-form input[name=password]').fill('editor-password-123');
      await page.locator('.sign-in-form button[type=submit]').click();
      await expect.poll(() => page.locator('.account-name').textContent(), { timeout: 20_000 }).toContain('editor');
      if (await page.locator('.account-pop').count()) await page.keyboard.press('Escape');
      const box = page.locator('.site-import');
      await box.locator('summary').click();
      expect(await box.locator('input[type=file]').getAttribute('accept')).toMatch(/\.gpkg.*\.kmz.*\.mif/);
      await box.locator('input[type=file]').setInputFiles(gpkg);
      await box.locator('button[type=submit]').click();
      await expect.poll(() => box.getAttribute('data-step'), { timeout: 30_000 }).toBe('preview');
      expect(await box.locator('.site-import-errors').textContent()).toBe('0');
      const cells = await box.locator('tbody tr').first().locator('td').allTextContents();
      expect(cells.slice(0, 4)).toEqual(['1', 'BROWSER-GIS-1', '浏览器导入地块', '新增']);
      // 30 000 m² = 45 亩 on the grid; PostGIS's geodesic area within 1 %.
      expect(Math.abs(Number(cells[4]) - 45) / 45).toBeLessThan(0.01);
      expect(await box.textContent()).toMatch(/EPSG:4549/);
      await page.screenshot({ path: path.join(RESULTS, 'sites-import-gis-zh-1280.png') });
      await box.locator('.site-import-preview > button:not(.link-button)').click();
      await expect.poll(() => box.getAttribute('data-step'), { timeout: 20_000 }).toBe('done');
      expect(await box.locator('.staff-ok').textContent()).toMatch(/1 新增/);
      await expect.poll(() => page.locator('.inventory-list li', { hasText: '浏览器导入地块' }).count(), { timeout: 20_000 }).toBe(1);
    } finally {
      await context.close();
      const fc = (await (await fetch(`${baseUrl()}/api/sites`)).json()) as { features: Array<{ id: string; properties: { external_key: string | null; version: number } }> };
      const made = fc.features.find((f) => f.properties.external_key === 'BROWSER-GIS-1');
      if (made) await fetch(`${baseUrl()}/api/sites/${made.id}`, { method: 'DELETE', headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'if-match': `"${made.properties.version}"` } });
    }
  });
});
