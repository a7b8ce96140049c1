import path from 'node:path';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import type { ChainGraph, MatchResult } from '../../contract/api';
import { countColour, launchChromium, RESULTS, getJson, offlineContext, openApp } from './support';

/*
 * The chain graph (client/src/components/chains/chain-graph.tsx) in a real Chromium against a running
 * server: opened from a match result, its segments, gaps, enterprises and host parks as GET
 * /api/chains/:id/graph gives them, the source of a quote, a park shown on the map, English names,
 * a shared link, the no-fit answer with its nearest chains, keyboard use and a phone-sized screen.
 */

/** Fill of a gap box and of a box with a named local enterprise (GRAPH_COLORS in chain-graph.tsx). */
const GAP_FILL: [number, number, number] = [0xfb, 0xd9, 0xd3];
const LOCAL_FILL: [number, number, number] = [0xe2, 0xf0, 0xf5];

async function shot(target: Locator | Page, name: string): Promise<PNG> {
  return PNG.sync.read(await target.screenshot({ path: path.join(RESULTS, name) }));
}

/** Types an industry into the park explorer's match box (园区 / Parks tab). */
async function typeQuery(page: Page, text: string, tab = '园区') {
  const tabButton = page.getByRole('tab', { name: tab });
  // On a phone the dock is a drawer: open it first.
  if (!(await tabButton.isVisible())) await page.locator('.title-bar .panel-toggle').click();
  await tabButton.click();
  const box = page.locator('.explorer-filters input[name="q"]');
  await box.fill(text);
  await box.press('Enter');
}

const node = (page: Page, segment: string) => page.locator(`.chain-graph-dialog .cg-node[data-segment="${segment}"]`);

describe('chain graph in Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('opens from a match result with the API’s segments, gaps and enterprises, cites, shows a park on the map, and switches to English (desktop)', async () => {
    const { context, external } = await offlineContext(browser);
    try {
      const graph = await getJson<ChainGraph>('/api/chains/petrochemicals/graph');
      const match = await getJson<MatchResult>(`/api/match?q=${encodeURIComponent('润滑油添加剂')}`);
      const seg = match.segments.find((s) => s.chain_id === 'petrochemicals' && s.segment === 'lubricant-additives');
      expect(seg, 'the API names the segment this test opens').toBeTruthy();
      const gaps = graph.nodes.filter((n) => n.gap);
      const withFirm = graph.nodes.filter((n) => n.enterprises.some((e) => e.scope === 'district' && !e.former));
      expect(gaps.length).toBeGreaterThan(0);
      expect(withFirm.length).toBeGreaterThan(0);

      const page = await openApp(context);
      await typeQuery(page, '润滑油添加剂');
      const matched = page.locator(`.matched-segment[data-chain-id="petrochemicals"][data-segment="lubricant-additives"]`);
      await expect.poll(() => matched.count(), { timeout: 15_000 }).toBe(1);
      expect(await matched.locator('.cg-tag').textContent()).toBe('中游');
      expect(await matched.textContent()).toContain('润滑油添加剂');
      await page.screenshot({ path: path.join(RESULTS, 'chain-graph-match.png') });

      // Opened from the matched segment: that segment is picked.
      await matched.getByRole('button', { name: /产业链图谱/ }).click();
      const dialog = page.locator('.chain-graph-dialog');
      await expect.poll(() => dialog.locator('#chain-graph-title').textContent()).toBe(graph.chain.name_zh);
      await expect.poll(() => dialog.locator('.cg-node').count()).toBe(graph.nodes.length);
      expect(new URL(page.url()).searchParams.get('graph')).toBe('petrochemicals');
      await expect.poll(() => new URL(page.url()).searchParams.get('gseg')).toBe('lubricant-additives');
      expect(await node(page, 'lubricant-additives').getAttribute('aria-pressed')).toBe('true');

      // Every node as the API gives it: names, stage column, gap mark, local enterprises on the box.
      for (const n of graph.nodes) {
        const box = node(page, n.segment);
        const text = (await box.textContent()) ?? '';
        expect(text, n.segment).toContain(n.name_zh.slice(0, 6));
        expect(await box.getAttribute('data-gap'), n.segment).toBe(String(n.gap));
        expect(text.includes('补链'), `${n.segment} gap badge`).toBe(n.gap);
        for (const e of n.enterprises.filter((x) => x.scope === 'district' && !x.former)) expect(text, n.segment).toContain(e.name_zh);
      }
      // Stages run left to right: each edge goes from a box to one further right.
      for (const e of graph.edges) {
        const a = await node(page, e.from.split(':')[1]).boundingBox();
        const b = await node(page, e.to.split(':')[1]).boundingBox();
        expect(b!.x, `${e.from} → ${e.to}`).toBeGreaterThan(a!.x + a!.width - 1);
      }
      expect(await dialog.locator('.cg-edge-flow').count()).toBe(graph.edges.length);
      // The picked gap: its note says it is a 补链 target.
      const detail = dialog.locator('.cg-detail');
      expect(await detail.getAttribute('data-segment')).toBe('lubricant-additives');
      expect(await detail.locator('.cg-gap-note').textContent()).toContain('补链');
      expect(await dialog.locator('.cg-legend').textContent()).toContain('缺口');

      // Pixels: a gap box is drawn in the gap colour, a box with a local enterprise is not.
      const gapPng = await shot(node(page, gaps[0].segment), 'chain-graph-gap-node.png');
      const localPng = await shot(node(page, withFirm[0].segment), 'chain-graph-local-node.png');
      expect(countColour(gapPng, GAP_FILL), 'gap-coloured pixels in a gap box').toBeGreaterThan(gapPng.width * gapPng.height * 0.3);
      expect(countColour(localPng, GAP_FILL), 'gap-coloured pixels in a box with a local enterprise').toBe(0);
      expect(countColour(localPng, LOCAL_FILL)).toBeGreaterThan(localPng.width * localPng.height * 0.3);
      await page.screenshot({ path: path.join(RESULTS, 'chain-graph-desktop.png') });

      // Keyboard: from the picked box, arrows move along the boxes and Enter picks.
      const firm = withFirm[0];
      const order = await dialog.locator('.cg-node').evaluateAll((els) => els.map((el) => el.getAttribute('data-segment')));
      await node(page, 'lubricant-additives').focus();
      const steps = order.indexOf(firm.segment) - order.indexOf('lubricant-additives');
      for (let i = 0; i < Math.abs(steps); i++) await page.keyboard.press(steps > 0 ? 'ArrowRight' : 'ArrowLeft');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-segment'))).toBe(firm.segment);
      await page.keyboard.press('Enter');
      await expect.poll(() => detail.getAttribute('data-segment')).toBe(firm.segment);
      const enterprise = firm.enterprises.find((e) => e.scope === 'district' && !e.former)!;
      const item = detail.locator('.cg-enterprise').filter({ hasText: enterprise.name_zh });
      expect(await item.locator('blockquote').textContent()).toBe(enterprise.citation.quote.replace(/\s+/g, ' ').trim());
      // Its source opens in the document viewer, over the graph; Esc comes back to the graph.
      await item.locator(`.open-in-document[data-citation-id="${enterprise.citation.id}"]`).click();
      const viewer = page.locator('dialog.document-viewer');
      await expect.poll(() => viewer.isVisible(), { timeout: 15_000 }).toBe(true);
      await expect.poll(() => viewer.locator('.quote-mark').count(), { timeout: 15_000 }).toBeGreaterThan(0);
      await page.keyboard.press('Escape');
      await expect.poll(() => viewer.count()).toBe(0);
      expect(await dialog.isVisible()).toBe(true);

      // A host park: shown on the map (graph closes, the park is selected and its profile opens).
      const park = firm.parks[0];
      const zoomBefore = await page.evaluate(() => window.__atlas!.map.getZoom());
      await detail.locator(`.cg-park[data-park-id="${park.park_id}"] .cg-show-park`).click();
      await expect.poll(() => dialog.count()).toBe(0);
      const profile = page.locator('.park-profile');
      await expect.poll(() => profile.getAttribute('data-feature-id')).toBe(park.park_id);
      await expect.poll(() => new URL(page.url()).searchParams.get('sel')).toBe(park.park_id);
      expect(new URL(page.url()).searchParams.get('graph')).toBeNull();
      await expect.poll(() => page.evaluate(() => window.__atlas!.map.getZoom()), { timeout: 10_000 }).toBeGreaterThan(zoomBefore + 0.3);

      // Switch to English; the park profile links back into the graph, now in English.
      await page.getByRole('button', { name: 'EN' }).click();
      const link = profile.locator(`.chain-item[data-chain-id="petrochemicals"] .cg-open`);
      await expect.poll(() => link.textContent()).toBe('Chain graph');
      await link.click();
      await expect.poll(() => dialog.locator('#chain-graph-title').textContent()).toBe(graph.chain.name_en);
      for (const n of graph.nodes) expect(await node(page, n.segment).textContent(), n.segment).toContain(n.name_en.split(' ')[0]);
      const gapBox = node(page, gaps[0].segment);
      expect(await gapBox.textContent()).toContain('Gap');
      await gapBox.click();
      expect(await detail.locator('.cg-gap-note').textContent()).toContain('gap-filling');
      expect(await dialog.locator('.cg-stage-label').allTextContents()).toEqual(
        ['Upstream', 'Midstream', 'Downstream'].filter((_, i) => graph.nodes.some((n) => n.stage === (['upstream', 'midstream', 'downstream'] as const)[i])),
      );
      await page.screenshot({ path: path.join(RESULTS, 'chain-graph-desktop-en.png') });

      // Esc closes it and the URL forgets it.
      await page.keyboard.press('Escape');
      await expect.poll(() => dialog.count()).toBe(0);
      await expect.poll(() => new URL(page.url()).searchParams.get('graph')).toBeNull();

      // From the title-bar search: a chain hit opens its card, and the card opens the graph in its place.
      await page.locator('.search-input').fill(graph.chain.name_en);
      const hit = page.locator('.search-result', { has: page.locator('.kind-chain') }).filter({ hasText: graph.chain.name_en }).first();
      await expect.poll(() => hit.count(), { timeout: 10_000 }).toBe(1);
      await hit.click();
      const card = page.locator('dialog.chain-card');
      await expect.poll(() => card.locator('#chain-card-title').textContent()).toBe(graph.chain.name_en);
      await card.getByRole('button', { name: /Open the chain graph/ }).click();
      await expect.poll(() => dialog.locator('#chain-graph-title').textContent()).toBe(graph.chain.name_en);
      expect(await card.count()).toBe(0);
      expect(await dialog.locator('.cg-hint').textContent()).toContain('Pick a segment');
      await page.keyboard.press('Escape');
      await expect.poll(() => dialog.count()).toBe(0);

      // An abbreviation (ADC) names a sub-segment: drawn indented under its parent, joined by a dashed line.
      const bio = await getJson<ChainGraph>('/api/chains/biopharma/graph');
      await page.locator('.explorer-filters input[name="q"]').fill('ADC');
      await page.locator('.explorer-filters input[name="q"]').press('Enter');
      const adcRow = page.locator('.matched-segment[data-chain-id="biopharma"][data-segment="adc"]');
      await expect.poll(() => adcRow.count(), { timeout: 15_000 }).toBe(1);
      expect(await adcRow.locator('.cg-tag').textContent()).toBe('Midstream');
      await adcRow.locator('.cg-open').click();
      await expect.poll(() => dialog.locator('.cg-node').count()).toBe(bio.nodes.length);
      const adc = await node(page, 'adc').boundingBox();
      const parent = await node(page, bio.nodes.find((n) => n.segment === 'adc')!.parent!.split(':')[1]).boundingBox();
      expect(adc!.x).toBeGreaterThan(parent!.x);
      expect(adc!.y).toBeGreaterThan(parent!.y + parent!.height - 1);
      expect(await dialog.locator('.cg-edge-part[data-to="biopharma:adc"]').count()).toBe(1);
      expect(await node(page, 'adc').locator('.cg-node-box').getAttribute('stroke-dasharray')).toBeTruthy();
      await page.screenshot({ path: path.join(RESULTS, 'chain-graph-desktop-subsegment.png') });
      expect(external).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('on a phone: a shared link opens the graph top → bottom, a no-fit query names its nearest chains and opens one', async () => {
    const { context, external } = await offlineContext(browser, { width: 390, height: 844 });
    try {
      const bio = await getJson<ChainGraph>('/api/chains/biopharma/graph');
      const adc = bio.nodes.find((n) => n.segment === 'adc')!;
      const parent = bio.nodes.find((n) => n.id === adc.parent)!;

      // A shared link: graph and segment from the URL, in English.
      const page = await openApp(context, '/?lang=en&panel=none&graph=biopharma&gseg=adc');
      const dialog = page.locator('.chain-graph-dialog');
      await expect.poll(() => dialog.locator('#chain-graph-title').textContent(), { timeout: 15_000 }).toBe(bio.chain.name_en);
      await expect.poll(() => dialog.locator('.cg-node').count()).toBe(bio.nodes.length);
      expect(await dialog.locator('.cg-drawing').getAttribute('class')).toContain('is-vertical');
      const detail = dialog.locator('.cg-detail');
      expect(await detail.getAttribute('data-segment')).toBe('adc');
      expect(await detail.textContent()).toContain(`Part of: ${parent.name_en}`);
      // Nothing wider than the screen; stages run top to bottom.
      const svgBox = await dialog.locator('.cg-svg').boundingBox();
      expect(svgBox!.x).toBeGreaterThanOrEqual(0);
      expect(svgBox!.x + svgBox!.width).toBeLessThanOrEqual(390);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      for (const e of bio.edges) {
        const a = await node(page, e.from.split(':')[1]).boundingBox();
        const b = await node(page, e.to.split(':')[1]).boundingBox();
        expect(b!.y, `${e.from} → ${e.to}`).toBeGreaterThan(a!.y + a!.height - 1);
      }
      for (const n of bio.nodes) {
        const box = await node(page, n.segment).boundingBox();
        expect(box!.width, n.segment).toBeGreaterThan(120);
      }
      const gap = bio.nodes.find((n) => n.gap);
      if (gap) {
        await node(page, gap.segment).scrollIntoViewIfNeeded();
        const png = await shot(node(page, gap.segment), 'chain-graph-phone-gap-node.png');
        expect(countColour(png, GAP_FILL)).toBeGreaterThan(png.width * png.height * 0.3);
      }
      await page.screenshot({ path: path.join(RESULTS, 'chain-graph-phone-link.png') });
      // A host park, shown on the map: the graph gives way to the park's sheet.
      const park = adc.parks[0];
      await detail.locator(`.cg-park[data-park-id="${park.park_id}"] .cg-show-park`).click();
      await expect.poll(() => dialog.count()).toBe(0);
      await expect.poll(() => page.locator('.park-profile').getAttribute('data-feature-id')).toBe(park.park_id);
      const sheet = await page.locator('.park-profile').boundingBox();
      expect(sheet!.width).toBeCloseTo(390, 0);
      await page.screenshot({ path: path.join(RESULTS, 'chain-graph-phone-park.png') });
      await page.keyboard.press('Escape');
      await expect.poll(() => page.locator('.park-profile').count()).toBe(0);

      // A query that fits no chain: said so, no park ranked, the nearest chains apart; one opens its graph.
      const noFit = await getJson<MatchResult>(`/api/match?q=${encodeURIComponent('外包装设计')}`);
      expect(noFit.no_fit).toBe(true);
      expect(noFit.nearest.length).toBeGreaterThan(0);
      await typeQuery(page, '外包装设计', 'Parks');
      const block = page.locator('.no-fit-block');
      await expect.poll(() => block.count(), { timeout: 15_000 }).toBe(1);
      expect(await block.locator('.no-fit').textContent()).toContain('No fit');
      expect(await page.locator('.park-list.is-ranked').count()).toBe(0);
      const near = block.locator('.nearest-chain');
      expect(await near.evaluateAll((els) => els.map((el) => el.getAttribute('data-chain-id')))).toEqual(noFit.nearest.map((n) => n.id));
      await page.screenshot({ path: path.join(RESULTS, 'chain-graph-phone-nofit.png') });
      const first = noFit.nearest[0];
      const firstGraph = await getJson<ChainGraph>(`/api/chains/${first.id}/graph`);
      await near.first().locator('.cg-open[data-chain-id]').click();
      await expect.poll(() => dialog.locator('#chain-graph-title').textContent()).toBe(firstGraph.chain.name_en);
      await expect.poll(() => dialog.locator('.cg-node').count()).toBe(firstGraph.nodes.length);
      await page.screenshot({ path: path.join(RESULTS, 'chain-graph-phone-nearest.png') });
      expect(external).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
