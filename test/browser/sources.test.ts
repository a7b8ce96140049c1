import path from 'node:path';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import type { AtlasFeatureCollection, Chain, DerivedGrowth, Discrepancy, FeatureDetail, SearchHit } from '../../contract/api';
import { launchChromium, RESULTS, getJson, offlineContext, openApp, settle, waitIdle } from './support';

/*
 * “Every plan on the map, every figure traceable to its sentence”, in a real Chromium against a running
 * server: search selects and flies to a park, a figure's source opens its document with the quoted
 * passage marked and in view (checked in the screenshot's pixels), the data checks list every
 * discrepancy and open the viewer at each side's quote, and derived growth is labelled and warns.
 * Base URL: ATLAS_URL, or what test/support/browser-setup.ts provides.
 */

/** Waits on the server's answers (a fetch, then a render): generous, the machine may be busy with other suites. */
const SLOW = { timeout: 20_000 };

/** --mark in client/src/styles/sources.css: the highlight behind a cited passage. */
const MARK_RGB: [number, number, number] = [0xff, 0xd5, 0x4a];

const strip = (s: string) => s.replace(/\s+/gu, '');

/** Types into the search box and waits for the option with this data-id; returns its index. */
async function searchFor(page: Page, text: string, id: string): Promise<{ input: Locator; index: number }> {
  const input = page.getByRole('combobox', { name: '搜索' });
  await input.click();
  await input.fill('');
  await input.pressSequentially(text, { delay: 30 });
  const option = page.locator(`[role="option"][data-id="${id}"]`);
  await option.waitFor({ timeout: 10_000 });
  const ids = await page.locator('[role="option"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));
  return { input, index: ids.indexOf(id) };
}

/** The open document viewer's <mark>: its text, rectangles, and whether its centre is really on top. */
async function markState(page: Page) {
  const mark = page.locator('dialog.document-viewer mark.quote-mark');
  await mark.waitFor({ timeout: 10_000 });
  // Let the scroll settle and the dialog paint.
  await settle(page);
  return mark.evaluate((el) => {
    const pane = el.closest('.doc-text')!.getBoundingClientRect();
    const rects = [...el.getClientRects()].map((r) => ({ x: r.x, y: r.y, w: r.width, h: r.height }));
    const first = rects[0];
    const hit = document.elementFromPoint(first.x + first.w / 2, first.y + first.h / 2);
    return {
      text: el.textContent ?? '',
      rects,
      onTop: !!hit && (hit === el || el.contains(hit)),
      inPane: rects.every((r) => r.y >= pane.top - 1 && r.y + r.h <= pane.bottom + 1),
      inViewport: rects.every((r) => r.y >= 0 && r.y + r.h <= window.innerHeight && r.x >= 0 && r.x + r.w <= window.innerWidth),
      citationId: el.getAttribute('data-citation-id'),
    };
  });
}

/** Share of the pixels inside the mark's rectangles that are the highlight colour (the rest is ink). */
function highlightShare(png: PNG, rects: Array<{ x: number; y: number; w: number; h: number }>): number {
  let total = 0;
  let yellow = 0;
  for (const r of rects) {
    for (let y = Math.ceil(r.y + 1); y < Math.floor(r.y + r.h - 1); y++) {
      for (let x = Math.ceil(r.x + 1); x < Math.floor(r.x + r.w - 1); x++) {
        const k = (y * png.width + x) * 4;
        total++;
        const d = Math.hypot(png.data[k] - MARK_RGB[0], png.data[k + 1] - MARK_RGB[1], png.data[k + 2] - MARK_RGB[2]);
        if (d < 24) yellow++;
      }
    }
  }
  return total ? yellow / total : 0;
}

/** Checks the viewer shows `quote` marked, on top and in view, and the mark is painted in the highlight colour. */
async function expectQuoteShown(page: Page, quote: string, shot: string) {
  const state = await markState(page);
  expect(strip(state.text), 'the <mark> says the quote, whitespace aside').toBe(strip(quote));
  expect(state.inPane, `mark inside the text pane: ${JSON.stringify(state.rects)}`).toBe(true);
  expect(state.inViewport, 'mark inside the viewport').toBe(true);
  expect(state.onTop, 'nothing covers the mark').toBe(true);
  const png = PNG.sync.read(await page.screenshot({ path: path.join(RESULTS, shot) }));
  const share = highlightShare(png, state.rects);
  expect(share, `share of highlight-coloured pixels in the mark (${shot})`).toBeGreaterThan(0.4);
  return state;
}

describe('sources in Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('searches a park by keyboard, flies to it, and opens a figure’s sentence marked in its document', async () => {
    const { context, external } = await offlineContext(browser);
    try {
      const page = await openApp(context);
      const hits = await getJson<SearchHit[]>(`/api/search?q=${encodeURIComponent('生物医药')}`);
      const parkHit = hits.find((h) => h.kind === 'feature' && h.layer_id === 'parks');
      expect(parkHit, 'the server finds a park for 生物医药').toBeTruthy();
      const detail = await getJson<FeatureDetail>(`/api/features/${parkHit!.id}`);
      const parks = await getJson<AtlasFeatureCollection>('/api/layers/parks');
      const park = parks.features.find((f) => f.id === parkHit!.id)!;

      // Keyboard only: arrow down to the park's option, Enter.
      const { input, index } = await searchFor(page, '生物医药', parkHit!.id);
      expect(index).toBeGreaterThanOrEqual(0);
      await page.screenshot({ path: path.join(RESULTS, 'sources-search.png') });
      for (let i = 0; i <= index; i++) await page.keyboard.press('ArrowDown');
      const optionId = await page.locator(`[role="option"][data-id="${parkHit!.id}"]`).getAttribute('id');
      expect(await input.getAttribute('aria-activedescendant')).toBe(optionId);
      await page.keyboard.press('Enter');

      const heading = page.locator('#feature-panel-title');
      await expect.poll(() => heading.textContent(), SLOW).toBe(park.properties.name_zh);
      expect(await input.getAttribute('aria-expanded')).toBe('false');
      // The camera went to the park: its centre is inside the park's bounding box (waited for while it flies there).
      const ring = (park.geometry as GeoJSON.Polygon).coordinates.flat();
      const xs = ring.map((c) => c[0]);
      const ys = ring.map((c) => c[1]);
      const arrived = async () => {
        const [x, y, moving] = await page.evaluate(() => [...window.__atlas!.map.getCenter().toArray(), window.__atlas!.map.isMoving()] as const);
        return !moving && x > Math.min(...xs) && x < Math.max(...xs) && y > Math.min(...ys) && y < Math.max(...ys);
      };
      await expect.poll(arrived, SLOW).toBe(true);
      await waitIdle(page);
      const center = await page.evaluate(() => window.__atlas!.map.getCenter().toArray());
      expect(center[0]).toBeGreaterThan(Math.min(...xs));
      expect(center[0]).toBeLessThan(Math.max(...xs));
      expect(center[1]).toBeGreaterThan(Math.min(...ys));
      expect(center[1]).toBeLessThan(Math.max(...ys));
      await page.screenshot({ path: path.join(RESULTS, 'sources-park.png') });

      // The first figure's source: 查看原文 opens the viewer at that sentence.
      expect(detail.targets.length).toBeGreaterThan(0);
      const figure = detail.targets[0];
      // The park's panel lists its targets, each with its source; the first target's 查看原文 button.
      const open = page.locator(`.feature-panel .figure-item .open-in-document[data-citation-id="${figure.citation.id}"]`).first();
      await open.scrollIntoViewIfNeeded();
      await open.click();
      const dialog = page.locator('dialog.document-viewer');
      await expect.poll(() => dialog.evaluate((d: HTMLDialogElement) => d.open)).toBe(true);
      // The heading shows the document id until the document has loaded, then its title.
      await expect.poll(() => dialog.getByRole('heading', { level: 2 }).textContent(), SLOW).toBe(figure.citation.document_title_zh);
      const state = await expectQuoteShown(page, figure.citation.quote, 'sources-viewer.png');
      expect(state.citationId).toBe(figure.citation.id);
      expect(await dialog.locator('.doc-citation[aria-current="true"]').getAttribute('data-citation-id')).toBe(figure.citation.id);

      // Focus stays in the dialog: Shift+Tab from the heading wraps to its last control.
      await page.keyboard.press('Shift+Tab');
      expect(await page.evaluate(() => !!document.activeElement?.closest('dialog.document-viewer'))).toBe(true);

      // Jump to another citation of the same document from the list.
      const doc = await getJson<{ citations: Array<{ id: string; quote: string }> }>(`/api/documents/${figure.citation.document_id}`);
      const other = doc.citations.find((c) => strip(c.quote) !== strip(figure.citation.quote) && strip(c.quote).length > 12)!;
      await dialog.locator(`.doc-citation[data-citation-id="${other.id}"]`).click();
      await expectQuoteShown(page, other.quote, 'sources-viewer-jump.png');

      // Esc closes the viewer only (not the feature panel) and gives focus back to the button.
      await page.keyboard.press('Escape');
      await expect.poll(() => dialog.count()).toBe(0);
      expect(await heading.textContent()).toBe(park.properties.name_zh);
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('查看原文');

      expect(external, 'requests to non-local hosts').toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('lists every discrepancy with both sides and opens the viewer at each claim’s quote', async () => {
    const { context, external } = await offlineContext(browser);
    try {
      const page = await openApp(context);
      const all = await getJson<Discrepancy[]>('/api/discrepancies');
      expect(all.length).toBeGreaterThanOrEqual(10);

      const toggle = page.getByRole('button', { name: '数据核对' });
      await toggle.click();
      const panel = page.locator('.checks-panel');
      await expect.poll(() => panel.locator('.discrepancy').count(), SLOW).toBe(all.length);
      expect(await toggle.getAttribute('aria-expanded')).toBe('true');
      expect(await panel.locator('.checks-intro').textContent()).toContain('不判断哪一方正确');

      const sum = panel.locator('.discrepancy', { hasText: '7500' }).filter({ hasText: '7452' });
      expect(await sum.count()).toBe(1);
      const id = await sum.getAttribute('data-discrepancy-id');
      const item = all.find((d) => d.id === id)!;
      expect(item.claims.length).toBeGreaterThanOrEqual(2);
      await sum.scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(RESULTS, 'sources-checks.png') });

      // Each side opens the viewer at its own quote.
      const claims = sum.locator('.claim');
      expect(await claims.count()).toBe(item.claims.length);
      for (let i = 0; i < item.claims.length; i++) {
        const button = claims.nth(i).getByRole('button', { name: /^查看原文/ });
        await button.click();
        await expectQuoteShown(page, item.claims[i].citation.quote, `sources-claim-${i + 1}.png`);
        await page.keyboard.press('Escape');
        await expect.poll(() => page.locator('dialog.document-viewer').count()).toBe(0);
        expect(await button.evaluate((b) => b === document.activeElement)).toBe(true);
      }

      // Subjects are links: a figure opens its sentence, a feature is selected on the map.
      const figureChip = sum.locator('.subject-figure').first();
      await figureChip.click();
      await markState(page);
      await page.keyboard.press('Escape');
      const withFeature = all.find((d) => d.subjects.includes('park-port'))!;
      const chip = panel.locator(`[data-discrepancy-id="${withFeature.id}"] .subject-feature[data-subject-id="park-port"]`);
      await chip.scrollIntoViewIfNeeded();
      await chip.click();
      const parks = await getJson<AtlasFeatureCollection>('/api/layers/parks');
      const port = parks.features.find((f) => f.id === 'park-port')!;
      await expect.poll(() => page.locator('#feature-panel-title').textContent(), SLOW).toBe(port.properties.name_zh);

      expect(external, 'requests to non-local hosts').toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('opens a chain card from search with its sourced figures, and labels derived growth and its contradictions', async () => {
    const { context, external } = await offlineContext(browser);
    try {
      const page = await openApp(context);
      const chains = await getJson<Chain[]>('/api/chains');
      const chain = chains.find((c) => c.id === 'synthetic-biology')!;

      const { index } = await searchFor(page, chain.name_zh, chain.id);
      for (let i = 0; i <= index; i++) await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      const card = page.locator('dialog.chain-card');
      await expect.poll(() => card.getByRole('heading', { level: 2 }).textContent(), SLOW).toBe(chain.name_zh);
      const figures = card.locator('.figure-item');
      expect(await figures.count()).toBe(chain.figures.length);
      expect(await figures.getByRole('button', { name: /^查看原文/ }).count()).toBe(chain.figures.length);
      for (const year of [2024, 2027, 2030]) expect(await card.textContent()).toContain(`${year}年`);
      const growth = await getJson<DerivedGrowth[]>(`/api/analytics/growth?subject=${chain.id}`);
      expect(growth.length).toBeGreaterThan(0);
      const pct = `${(growth[growth.length - 1].implied_annual_growth * 100).toFixed(1).replace(/\.0$/, '')}%`;
      expect(await card.locator('.growth-row').last().textContent()).toContain(`年均增长 ${pct}（推算）`);
      await page.screenshot({ path: path.join(RESULTS, 'sources-chain.png') });
      await page.keyboard.press('Escape');
      await expect.poll(() => card.count()).toBe(0);

      // The district states 8% a year for GDP while its end points imply more: both numbers shown.
      const rows = await getJson<DerivedGrowth[]>('/api/analytics/growth?subject=gaogang');
      const bad = rows.find((r) => r.disagrees)!;
      expect(bad, 'a stated rate that disagrees with its end points').toBeTruthy();
      const fmt = (r: number) => `${(r * 100).toFixed(1).replace(/\.0$/, '')}%`;
      await searchFor(page, '泰州医药高新区', 'gaogang');
      await page.locator('[role="option"][data-id="gaogang"]').click();
      const warning = page.locator('.feature-panel .growth-warning').first();
      await warning.waitFor({ timeout: 10_000 });
      const text = (await warning.textContent()) ?? '';
      expect(text).toContain(fmt(bad.stated_annual_growth!));
      expect(text).toContain(fmt(bad.implied_annual_growth));
      await warning.scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(RESULTS, 'sources-growth.png') });

      expect(external, 'requests to non-local hosts').toEqual([]);
    } finally {
      await context.close();
    }
  });
});
