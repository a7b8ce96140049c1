import path from 'node:path';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import type { AtlasFeatureCollection, SitesResult } from '../../contract/api';
import { countColour, launchChromium, RESULTS, baseUrl, getJson, offlineContext, openApp, waitIdle } from './support';

/*
 * The investor views in a real Chromium against a running server: the park explorer, chain-aware
 * matching with its score bar, the park profile with targets and data-as-of stamps, the comparison
 * with SVG charts, language switching that keeps the camera, and a shared link that reopens the view.
 * Base URL: ATLAS_URL, or what test/support/browser-setup.ts provides.
 */

/** The focus part's colour in the score bar (client/src/components/explorer/score-bar.tsx). */
const FOCUS_RGB: [number, number, number] = [0x0b, 0x66, 0x80];
const GROWTH_RGB: [number, number, number] = [0xa8, 0x53, 0x0a];


async function camera(page: Page) {
  return page.evaluate(() => {
    const m = window.__atlas!.map;
    return { center: m.getCenter().toArray() as [number, number], zoom: m.getZoom() };
  });
}

describe('investor views in Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('lists the parks, ranks them for “vaccine” with score parts, and opens the profile with targets and data-as-of stamps', async () => {
    const { context, external } = await offlineContext(browser);
    try {
      const page = await openApp(context);
      const parks = await getJson<AtlasFeatureCollection>('/api/layers/parks');
      expect(parks.features).toHaveLength(6);

      // The 园区 tab, reached by keyboard from the 图层 tab.
      await page.getByRole('tab', { name: '图层' }).focus();
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => page.getByRole('tab', { name: '园区' }).getAttribute('aria-selected')).toBe('true');
      const rows = page.locator('.park-explorer .park-list > li');
      await expect.poll(() => rows.count()).toBe(6);
      const listed = await rows.locator('.park-name').allTextContents();
      expect(new Set(listed)).toEqual(new Set(parks.features.map((f) => f.properties.name_zh)));
      expect(listed).toContain('口岸街道');

      // Availability filter: only parks with available or planned sites stay.
      const sites = await getJson<AtlasFeatureCollection>('/api/layers/sites');
      const withLand = new Set(sites.features.filter((s) => ['available', 'planned'].includes(String(s.properties.status))).map((s) => s.properties.parent_id));
      await page.getByLabel('仅显示有可供或规划地块的园区').check();
      await expect.poll(() => rows.count()).toBe(parks.features.filter((f) => withLand.has(String(f.id))).length);
      await page.getByLabel('仅显示有可供或规划地块的园区').uncheck();
      await expect.poll(() => rows.count()).toBe(6);

      // An English industry, matched on the server: 生物医药产业园 first, with its four score parts.
      const keyword = page.locator('.explorer-filters input[name="q"]');
      await keyword.fill('vaccine');
      await keyword.press('Enter');
      const ranked = page.locator('.park-list.is-ranked > li');
      await expect.poll(() => ranked.first().locator('.park-name').textContent(), { timeout: 15_000 }).toBe('生物医药产业园');
      const first = ranked.first();
      await expect.poll(() => first.locator('.score-legend li').count()).toBe(4);
      expect(await first.locator('.score-legend').textContent()).toMatch(/重点方向\s*40\/40/);
      await expect.poll(() => first.locator('.score-bar-svg').isVisible()).toBe(true);
      expect(await page.locator('.matched-chains').textContent()).toContain('生物制药');
      expect(await page.locator('.matched-chains').textContent()).toContain('vaccine');
      // The score details name the evidence, with a quote.
      await first.locator('.score-details summary').click();
      await expect.poll(() => first.locator('.score-part-list blockquote').count()).toBeGreaterThan(0);

      // Pixels: the bar's focus and growth colours are on screen.
      const bar = first.locator('.score-bar-svg');
      await bar.scrollIntoViewIfNeeded();
      const barPng = PNG.sync.read(await bar.screenshot({ path: path.join(RESULTS, 'investor-score-bar.png') }));
      const focusPx = countColour(barPng, FOCUS_RGB);
      const growthPx = countColour(barPng, GROWTH_RGB);
      expect(focusPx, 'focus-coloured pixels in the score bar').toBeGreaterThan(barPng.width * barPng.height * 0.25);
      expect(growthPx, 'growth-coloured pixels in the score bar').toBeGreaterThan(barPng.width * barPng.height * 0.08);
      await page.screenshot({ path: path.join(RESULTS, 'investor-match.png') });

      // Selecting it flies the map there and opens the profile.
      const before = await camera(page);
      await first.locator('.park-name-button').click();
      const profile = page.locator('.park-profile');
      await expect.poll(() => profile.locator('#feature-panel-title').textContent()).toBe('生物医药产业园');
      await expect.poll(async () => (await camera(page)).zoom, { timeout: 10_000 }).toBeGreaterThan(before.zoom + 0.5);
      const targets = profile.locator('.profile-targets .inv-figure');
      await expect.poll(() => targets.count(), { timeout: 15_000 }).toBeGreaterThan(0);
      // Every target carries a data-as-of stamp; the figures of 000 are as of its base year 2025.
      const docs = await getJson<Array<{ id: string; as_of_year: number | null }>>('/api/documents');
      // Stamps need /api/documents (the stamp's year is the cited document's); wait until every target has one.
      await expect
        .poll(async () => (await profile.locator('.profile-targets .inv-figure .as-of-stamp').count()) === (await targets.count()), { timeout: 15_000 })
        .toBe(true);
      const n = await targets.count();
      for (let i = 0; i < n; i++) {
        const stamp = targets.nth(i).locator('.as-of-stamp');
        expect(await stamp.count(), `target ${i} has a data-as-of stamp`).toBe(1);
        expect(await stamp.textContent()).toMatch(/数据截至 \d{4}年/);
      }
      const docOf = (await targets.first().locator('figcaption').textContent())?.match(/\((\d{3})\)/)?.[1];
      const year = docs.find((d) => d.id === docOf)?.as_of_year;
      expect(year).toBeTruthy();
      expect(await targets.first().locator('.as-of-stamp').getAttribute('data-as-of')).toBe(String(year));
      // Derived growth is marked as such.
      await expect.poll(() => profile.locator('.chain-progress .derived-tag').textContent()).toBe('推算');
      await expect.poll(() => profile.locator('.chain-progress .progress-row').count(), { timeout: 10_000 }).toBeGreaterThan(0);
      await waitIdle(page);
      await page.screenshot({ path: path.join(RESULTS, 'investor-profile.png') });
      expect(external, 'requests to non-local hosts').toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('compares two parks side by side with SVG charts', async () => {
    const { context, external } = await offlineContext(browser);
    try {
      const page = await openApp(context);
      await page.getByRole('tab', { name: '园区' }).click();
      const rows = page.locator('.park-explorer .park-list > li');
      await expect.poll(() => rows.count()).toBe(6);
      await page.getByRole('checkbox', { name: '加入对比：生物医药产业园' }).check();
      await page.getByRole('checkbox', { name: '加入对比：化学新材料产业园' }).check();
      await page.getByRole('tab', { name: /对比/ }).click();
      const columns = page.locator('.compare-columns > .compare-column');
      await expect.poll(() => columns.count()).toBe(2);
      expect(await columns.nth(0).locator('.park-name').textContent()).toBe('生物医药产业园');
      expect(await columns.nth(1).locator('.park-name').textContent()).toBe('化学新材料产业园');
      // Each column shows targets, chains and land; each metric is an SVG bar chart with one bar per park.
      await expect.poll(() => columns.nth(0).locator('.compare-figures li').count(), { timeout: 15_000 }).toBeGreaterThan(0);
      const charts = page.locator('.compare-charts .bar-chart svg');
      await expect.poll(() => charts.count()).toBeGreaterThanOrEqual(4);
      const bars = await charts.first().locator('[data-bar]').count();
      expect(bars).toBe(2);
      // The shared 2030 output target: 800 vs 700 亿元, drawn longer for the larger.
      const output = page.locator('.compare-charts .bar-chart', { hasText: '规上工业总产值' });
      await expect.poll(() => output.count()).toBe(1);
      const widths = await output.locator('rect').evaluateAll((rs) => rs.map((r) => Number(r.getAttribute('width'))));
      expect(widths).toHaveLength(2);
      expect(widths[0]).toBeGreaterThan(widths[1]);
      await page.screenshot({ path: path.join(RESULTS, 'investor-compare.png') });

      // The charts tab: grouped bars per chain (three series) and per group.
      await page.getByRole('tab', { name: '图表' }).click();
      const chainBars = page.locator('.chain-charts [data-row="chem-drugs"] rect');
      await expect.poll(() => chainBars.count()).toBe(3);
      expect(await page.locator('.chain-charts [data-row="chem-drugs"]').textContent()).toContain('177.6');
      await page.screenshot({ path: path.join(RESULTS, 'investor-charts.png') });
      await page.getByRole('button', { name: 'EN', exact: true }).click();
      await expect.poll(() => page.locator('.chain-charts [data-row="chem-drugs"]').textContent()).toContain('CNY 17.76 bn');
      expect(await page.locator('.chain-charts .unit-note').textContent()).toContain('CNY 100 million');
      await page.screenshot({ path: path.join(RESULTS, 'investor-charts-en.png') });
      expect(external).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('keeps the camera on a language switch and reopens the same view from a copied link', async () => {
    const { context, external } = await offlineContext(browser);
    try {
      const page = await openApp(context, '/?panel=parks');
      const parks = await getJson<AtlasFeatureCollection>('/api/layers/parks');
      const park = parks.features.find((f) => f.id === 'park-biomed')!;
      await page.locator('.park-explorer .park-list > li', { hasText: park.properties.name_zh }).locator('.park-name-button').click();
      await expect.poll(() => page.locator('#feature-panel-title').textContent()).toBe(park.properties.name_zh);
      await waitIdle(page);
      // Zoom in one step with the map's own control.
      const z0 = (await camera(page)).zoom;
      await page.getByRole('button', { name: /放大/ }).click();
      await expect.poll(async () => (await camera(page)).zoom, { timeout: 5_000 }).toBeGreaterThan(z0 + 0.5);
      await waitIdle(page);

      // Language: English names, same camera.
      const before = await camera(page);
      await page.getByRole('button', { name: 'EN', exact: true }).click();
      await expect.poll(() => page.locator('#feature-panel-title').textContent()).toBe(park.properties.name_en);
      await expect.poll(() => page.locator('.park-explorer .park-list > li .park-name').first().textContent()).toMatch(/[A-Za-z]/);
      expect(await page.locator('.park-explorer .park-list').textContent()).toContain(park.properties.name_en);
      await waitIdle(page);
      const after = await camera(page);
      expect(after.zoom).toBeCloseTo(before.zoom, 6);
      expect(after.center[0]).toBeCloseTo(before.center[0], 6);
      expect(after.center[1]).toBeCloseTo(before.center[1], 6);

      // The URL follows (throttled): wait until it carries this camera and language.
      await expect
        .poll(() => {
          const u = new URL(page.url());
          const cam = (u.searchParams.get('cam') ?? '').split(',').map(Number);
          return u.searchParams.get('lang') === 'en' && Math.abs(cam[2] - after.zoom) < 0.001 && u.searchParams.get('sel') === 'park-biomed';
        }, { timeout: 5_000 })
        .toBe(true);
      // Copy link puts that URL on the clipboard (or offers it to copy by hand).
      await page.getByRole('button', { name: 'Copy link' }).click();
      await expect.poll(() => page.locator('.copy-toast, .copy-manual').count()).toBe(1);
      const link = page.url();
      await page.screenshot({ path: path.join(RESULTS, 'investor-en.png') });

      // A new page from the link: same selection, zoom, centre, language and tab.
      const again = await openApp(context, link.slice(baseUrl().length));
      await expect.poll(() => again.locator('.park-profile').getAttribute('data-feature-id')).toBe('park-biomed');
      await expect.poll(() => again.locator('#feature-panel-title').textContent()).toBe(park.properties.name_en);
      const restored = await camera(again);
      expect(Math.abs(restored.zoom - after.zoom)).toBeLessThanOrEqual(0.01);
      expect(restored.center[0]).toBeCloseTo(after.center[0], 4);
      expect(restored.center[1]).toBeCloseTo(after.center[1], 4);
      expect(await again.evaluate(() => document.documentElement.lang)).toBe('en');
      expect(await again.getByRole('tab', { name: 'Parks' }).getAttribute('aria-selected')).toBe('true');
      await again.screenshot({ path: path.join(RESULTS, 'investor-deep-link.png') });
      expect(external).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('filters sites by status and minimum area (ha or km²), lists unstated areas apart, and restores the filters from the link', async () => {
    const { context, external } = await offlineContext(browser);
    try {
      const page = await openApp(context, '/?panel=parks');
      const api = await getJson<SitesResult>('/api/sites/areas');
      const sw = api.sites.find((x) => x.id === 'site-southwest')!;
      const list = page.locator('.site-results .site-matches > li');
      const unknown = page.locator('.site-results .site-unknown-area > li');
      await expect.poll(() => list.count(), { timeout: 15_000 }).toBe(api.sites.length);
      // Status: only available and planned.
      await page.locator('.site-filters').getByRole('checkbox', { name: '可供地' }).check();
      await page.locator('.site-filters').getByRole('checkbox', { name: '规划中' }).check();
      await expect.poll(async () => (await list.evaluateAll((ls) => ls.map((l) => l.getAttribute('data-site-id')))).sort()).toEqual(['site-former-wistron', 'site-southwest']);
      // Minimum 300 ha: 西南片区 (328.8 ha by PostGIS) stays; 原纬创地块 has no stated area and is listed apart, not dropped.
      await page.locator('.site-filters select[name="au"]').selectOption('ha');
      await page.locator('.site-filters input[name="minarea"]').fill('300');
      await expect.poll(() => list.evaluateAll((ls) => ls.map((l) => l.getAttribute('data-site-id')))).toEqual(['site-southwest']);
      await expect.poll(() => unknown.evaluateAll((ls) => ls.map((l) => l.getAttribute('data-site-id')))).toEqual(['site-former-wistron']);
      expect(await page.locator('.site-results .unknown-area-heading').textContent()).toContain('1 宗地块面积未写明');
      expect(await unknown.first().locator('.site-area').textContent()).toContain('面积未写明');
      const area = (await list.first().locator('.site-area').textContent())!;
      expect(area).toContain(`${new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 1 }).format(sw.area.km2! * 100)} 公顷`);
      expect(area).toContain('PostGIS');
      // The stated area opens to its quote.
      await list.first().locator('.site-stated summary').click();
      expect(await list.first().locator('.site-stated blockquote').textContent()).toContain('3.29平方公里的西南片区');
      // 400 ha: 西南片区 is too small, the unstated one is still counted apart.
      await page.locator('.site-filters input[name="minarea"]').fill('400');
      await expect.poll(() => list.count()).toBe(0);
      expect(await page.locator('.site-results .site-count').textContent()).toBe('没有符合条件的地块');
      expect(await unknown.count()).toBe(1);
      await page.locator('.site-filters input[name="minarea"]').fill('300');
      await expect.poll(() => list.count()).toBe(1);
      await page.locator('.site-results').scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(RESULTS, 'investor-site-filters.png') });

      // The URL carries the filters (written throttled, so wait for the last edit); a new page from it
      // restores them, in English with km² converted.
      await expect
        .poll(() => {
          const p = new URL(page.url()).searchParams;
          return [p.get('st'), p.get('minarea'), p.get('au')];
        })
        .toEqual(['available,planned', '300', 'ha']);
      const u = new URL(page.url());
      u.searchParams.set('lang', 'en');
      u.searchParams.set('sel', 'park-biomed');
      const again = await openApp(context, `${u.pathname}${u.search}`);
      await expect.poll(() => again.locator('.site-filters input[name="minarea"]').inputValue()).toBe('300');
      expect(await again.locator('.site-filters select[name="au"]').inputValue()).toBe('ha');
      expect(await again.locator('.site-filters').getByRole('checkbox', { name: 'available' }).isChecked()).toBe(true);
      expect(await again.locator('.site-filters').getByRole('checkbox', { name: 'reserved' }).isChecked()).toBe(false);
      await expect.poll(() => again.locator('.site-results .site-matches > li').evaluateAll((ls) => ls.map((l) => l.getAttribute('data-site-id')))).toEqual(['site-southwest']);
      expect(await again.locator('.site-results .unknown-area-heading').textContent()).toContain('1 more site of unstated area');
      // The profile applies the same filters to the park's sites.
      const profileSite = again.locator('.park-profile .profile-sites .site-item');
      await expect.poll(() => profileSite.count(), { timeout: 15_000 }).toBe(1);
      expect(await profileSite.locator('.site-area').textContent()).toMatch(/328\.\d ha/);
      await again.locator('.site-filters select[name="au"]').selectOption('km2');
      // Switching the unit converts the minimum (300 ha = 3 km²), so the same sites stay.
      await expect.poll(() => again.locator('.site-filters input[name="minarea"]').inputValue()).toBe('3');
      await expect.poll(() => profileSite.locator('.site-area').textContent()).toMatch(/3\.29 km²/);
      await waitIdle(again);
      await again.screenshot({ path: path.join(RESULTS, 'investor-site-filters-en.png') });
      expect(external).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('restores layers, filters and comparison from the URL, and works as sheets on a phone', async () => {
    const { context, external } = await offlineContext(browser, { width: 390, height: 844 });
    try {
      const page = await openApp(context, '/?panel=parks&q=%E6%96%B0%E8%83%BD%E6%BA%90%E6%B1%BD%E8%BD%A6%E9%9B%B6%E9%83%A8%E4%BB%B6&lv=district,parks,sites&lo=parks:0.4&cmp=park-biomed,park-port');
      // Layers: only those three visible, parks at 40 %.
      const vis = await page.evaluate(() => {
        const m = window.__atlas!.map;
        const of = (layer: string) => m.getStyle().layers.filter((l) => l.id.startsWith(`atlas:${layer}:`));
        return {
          roads: of('roads').map((l) => m.getLayoutProperty(l.id, 'visibility')),
          sites: of('sites').map((l) => m.getLayoutProperty(l.id, 'visibility')),
          parksText: m.getPaintProperty('atlas:parks:label', 'text-opacity'),
        };
      });
      expect(vis.roads.length).toBeGreaterThan(0);
      expect(vis.roads.every((v) => v === 'none')).toBe(true);
      expect(vis.sites.every((v) => v !== 'none')).toBe(true);
      expect(vis.parksText).toBe(0.4);
      // The comparison the link carried.
      expect(await page.locator('.dock-tab[data-tab="compare"] .tab-count').textContent()).toBe('2');
      // The dock's bottom sheet holds the tabs (the map stays visible above it); a Chinese industry ranks
      // 高端装备制造产业园 (新能源汽车) first.
      const dock = page.locator('.side-dock');
      const box = (await dock.boundingBox())!;
      expect(box.x).toBeCloseTo(0, 0);
      expect(box.width).toBeCloseTo(390, 0);
      expect(box.y + box.height).toBeCloseTo(844, 0);
      expect(box.y).toBeGreaterThan(844 * 0.4);
      const ranked = page.locator('.park-list.is-ranked > li');
      await expect.poll(() => ranked.first().locator('.park-name').textContent(), { timeout: 15_000 }).toBe('高端装备制造产业园');
      await page.screenshot({ path: path.join(RESULTS, 'investor-phone.png') });
      // A chain from the list: its available site is ranked; picking it selects it on the map, puts the
      // dock's sheet away and opens the site's bottom sheet in its place.
      await page.locator('.explorer-filters select[name="chain"]').selectOption('electronic-info');
      await expect.poll(() => page.locator('.explorer-filters input[name="q"]').inputValue()).toBe('');
      const site = page.locator('.site-list [data-site-id="site-former-wistron"] .park-name-button');
      await expect.poll(() => site.count(), { timeout: 15_000 }).toBe(1);
      await site.click();
      const sheet = page.locator('.feature-panel');
      await expect.poll(() => sheet.getAttribute('data-feature-id')).toBe('site-former-wistron');
      await expect.poll(() => dock.evaluate((e) => getComputedStyle(e).visibility)).toBe('hidden');
      await waitIdle(page);
      const s = (await sheet.boundingBox())!;
      expect(s.width).toBeCloseTo(390, 0);
      expect(s.y + s.height).toBeCloseTo(844, 0);
      await page.screenshot({ path: path.join(RESULTS, 'investor-phone-site.png') });
      expect(external).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
