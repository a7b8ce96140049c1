import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { launchChromium, LOCAL_HOSTS, RESULTS, openApp, settle, waitIdle } from './support';

/*
 * Accessibility in a real Chromium: axe-core (WCAG 2 A and AA rules) on the default view, a park profile,
 * the comparison, the English UI and the phone layout; keyboard access to the park explorer with a visible
 * focus ring; every title-bar control on screen at 390 and 320 px. No axe rule is disabled.
 */

const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeResult {
  violations: Array<{ id: string; impact: string; help: string; nodes: Array<{ target: string[]; failureSummary?: string }> }>;
  passes: Array<{ id: string }>;
}

/**
 * An offline context (local requests only) that bypasses the page's Content-Security-Policy, only so
 * that axe can be injected as a script tag (the app's CSP allows 'self' scripts only).
 */
async function axeContext(browser: Browser, viewport: { width: number; height: number }): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1, locale: 'zh-CN', bypassCSP: true });
  await context.route('**/*', (route) => {
    const u = route.request().url();
    let local = u.startsWith('data:') || u.startsWith('blob:');
    try {
      local ||= LOCAL_HOSTS.has(new URL(u).hostname);
    } catch {
      /* not a URL: blocked */
    }
    return local ? route.continue() : route.abort('blockedbyclient');
  });
  return context;
}

/** Runs axe with the WCAG 2.0/2.1 A and AA rules on the whole page; returns the violations as readable lines. */
async function axe(page: Page, label: string): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE_SOURCE });
  const r = await page.evaluate(
    () => (window as unknown as { axe: { run: (ctx: Document, o: unknown) => Promise<unknown> } }).axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] }, resultTypes: ['violations'] }),
  ) as AxeResult;
  // The run checked something: colour contrast and names are among the rules that passed or failed.
  expect(r.passes.length + r.violations.length, `${label}: axe ran rules`).toBeGreaterThan(10);
  return r.violations.flatMap((v) => v.nodes.map((n) => `${label}: ${v.id} (${v.impact}) ${v.help} at ${n.target.join(' ')} — ${(n.failureSummary ?? '').replace(/\s+/g, ' ')}`));
}

/** Opens every <details> so the text inside is checked too. */
async function openDetails(page: Page): Promise<void> {
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
}

describe('accessibility (axe-core, keyboard, narrow screens)', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('has no WCAG 2 A/AA violations: default view, park profile, compare, English UI', async () => {
    const context = await axeContext(browser, { width: 1280, height: 800 });
    try {
      const page = await openApp(context);
      const found: string[] = [];
      found.push(...(await axe(page, 'default')));

      // A park's profile beside the explorer, every section expanded, site filters on.
      await page.getByRole('tab', { name: '园区' }).click();
      await page.locator('.site-filters input[name="minarea"]').fill('1');
      await page.locator('.park-list > li', { hasText: '生物医药产业园' }).locator('.park-name-button').click();
      await expect.poll(() => page.locator('.park-profile .profile-sites .site-item').count(), { timeout: 15_000 }).toBeGreaterThan(0);
      await expect.poll(() => page.locator('.park-profile .profile-targets .inv-figure').count(), { timeout: 15_000 }).toBeGreaterThan(0);
      await openDetails(page);
      found.push(...(await axe(page, 'profile')));

      // The comparison of two parks, with its charts.
      await page.getByRole('button', { name: '加入对比', exact: true }).click();
      await page.getByRole('tab', { name: '园区', exact: true }).click();
      await page.getByRole('checkbox', { name: '加入对比：化学新材料产业园' }).check();
      await page.getByRole('tab', { name: /对比/ }).click();
      await expect.poll(() => page.locator('.compare-charts .bar-chart svg').count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(4);
      await openDetails(page);
      found.push(...(await axe(page, 'compare')));

      // English, with a ranked match and its score details.
      await page.getByRole('button', { name: 'EN', exact: true }).click();
      await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
      await page.getByRole('tab', { name: 'Parks', exact: true }).click();
      await page.locator('.explorer-filters input[name="q"]').fill('vaccine');
      await page.locator('.explorer-filters input[name="q"]').press('Enter');
      await expect.poll(() => page.locator('.park-list.is-ranked > li').count(), { timeout: 15_000 }).toBeGreaterThan(0);
      await openDetails(page);
      found.push(...(await axe(page, 'english')));
      await page.screenshot({ path: path.join(RESULTS, 'a11y-english.png') });
      expect(found).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('has no WCAG 2 A/AA violations in the chain graph, wide and on a phone, in both languages', async () => {
    const found: string[] = [];
    for (const [viewport, query, label] of [
      [{ width: 1280, height: 800 }, '/?graph=petrochemicals&gseg=white-oils', 'chain graph'],
      [{ width: 390, height: 844 }, '/?lang=en&panel=none&graph=biopharma&gseg=adc', 'chain graph (phone, en)'],
    ] as const) {
      const context = await axeContext(browser, viewport);
      try {
        const page = await openApp(context, query);
        await expect.poll(() => page.locator('.chain-graph-dialog .cg-detail .cg-list > li').count(), { timeout: 15_000 }).toBeGreaterThan(0);
        await openDetails(page);
        found.push(...(await axe(page, label)));
      } finally {
        await context.close();
      }
    }
    expect(found).toEqual([]);
  });

  it('reaches the park list with Tab, opens a profile with Enter, and shows where the focus is', async () => {
    const context = await axeContext(browser, { width: 1280, height: 800 });
    try {
      const page = await openApp(context, '/?panel=parks');
      await expect.poll(() => page.locator('.park-list > li').count()).toBe(6);
      // The first Tab lands on the skip link, drawn on screen; Enter takes focus to the panel's current tab.
      await page.keyboard.press('Tab');
      const skip = page.locator('.skip-link');
      await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('skip-link'))).toBe(true);
      const box = (await skip.boundingBox())!;
      expect(box.y, 'the focused skip link is inside the viewport').toBeGreaterThanOrEqual(0);
      await page.keyboard.press('Enter');
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('tab');
      let reached = false;
      for (let i = 0; i < 60 && !reached; i++) {
        await page.keyboard.press('Tab');
        reached = await page.evaluate(() => !!document.activeElement?.closest('.park-list .park-name-button'));
      }
      expect(reached, 'Tab reaches a park in the explorer list').toBe(true);
      const button = page.locator('.park-list .park-name-button:focus');
      const name = (await button.locator('.park-name').textContent())!;
      // Focus is visible: a ring is drawn (CSS) and its pixels are on screen around the button.
      const ring = await button.evaluate((e) => {
        const cs = getComputedStyle(e);
        return { style: cs.outlineStyle, width: parseFloat(cs.outlineWidth), color: cs.outlineColor };
      });
      expect(ring.style).not.toBe('none');
      expect(ring.width).toBeGreaterThanOrEqual(2);
      const rgb = ring.color.match(/\d+/g)!.slice(0, 3).map(Number);
      const row = page.locator('.park-list > li:has(.park-name-button:focus)');
      const png = PNG.sync.read(await row.screenshot({ path: path.join(RESULTS, 'a11y-focus.png') }));
      let ringPx = 0;
      for (let k = 0; k < png.data.length; k += 4) {
        if (Math.abs(png.data[k] - rgb[0]) <= 10 && Math.abs(png.data[k + 1] - rgb[1]) <= 10 && Math.abs(png.data[k + 2] - rgb[2]) <= 10) ringPx++;
      }
      expect(ringPx, 'focus-ring pixels around the focused park').toBeGreaterThan(100);

      await page.keyboard.press('Enter');
      const profile = page.locator('.park-profile');
      await expect.poll(() => profile.locator('#feature-panel-title').textContent()).toBe(name);
      // Focus moves to the profile's heading, visibly.
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('feature-panel-title');
      const headingRing = await page.locator('#feature-panel-title').evaluate((e) => getComputedStyle(e).outlineStyle);
      expect(headingRing).not.toBe('none');
      await waitIdle(page);
      await page.screenshot({ path: path.join(RESULTS, 'a11y-keyboard-profile.png') });
    } finally {
      await context.close();
    }
  });

  it('fits the phone: every title-bar control on screen at 390 and 320 px, no horizontal scroll, no axe violations', async () => {
    const context = await axeContext(browser, { width: 390, height: 844 });
    try {
      const page = await openApp(context);
      for (const width of [390, 320]) {
        await page.setViewportSize({ width, height: 844 });
        await settle(page);
        const boxes = await page.evaluate(() =>
          [...document.querySelectorAll('.title-bar button, .title-bar input, .title-bar a, .tool-dock button, .briefing-launch')]
            .filter((e) => getComputedStyle(e).visibility !== 'hidden')
            .map((e) => {
              const r = e.getBoundingClientRect();
              return { name: e.getAttribute('aria-label') || e.textContent?.trim() || e.className, left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width };
            }),
        );
        expect(boxes.length, `${width}px: controls found`).toBeGreaterThanOrEqual(8);
        for (const b of boxes) {
          expect(b.width, `${width}px: ${b.name} has a size`).toBeGreaterThan(20);
          expect(b.left, `${width}px: ${b.name} left edge`).toBeGreaterThanOrEqual(0);
          expect(b.right, `${width}px: ${b.name} right edge`).toBeLessThanOrEqual(width);
        }
        // The account button (sign-in) is the right-most and reachable: the point at its centre is it.
        const hit = await page.evaluate(() => {
          const b = document.querySelector('.account-button')!.getBoundingClientRect();
          return document.elementFromPoint(b.left + b.width / 2, b.top + b.height / 2)?.closest('.account-button') !== null;
        });
        expect(hit, `${width}px: sign-in button not covered`).toBe(true);
        expect(await page.evaluate(() => document.documentElement.scrollWidth), `${width}px: no horizontal scroll`).toBeLessThanOrEqual(width);
        await page.screenshot({ path: path.join(RESULTS, `a11y-phone-${width}.png`) });
      }
      await page.setViewportSize({ width: 390, height: 844 });
      const found = await axe(page, 'phone');
      // The explorer drawer open on the phone.
      await page.locator('.panel-toggle').click();
      await page.getByRole('tab', { name: '园区' }).click();
      await expect.poll(() => page.locator('.park-list > li').count()).toBe(6);
      found.push(...(await axe(page, 'phone drawer')));
      await page.screenshot({ path: path.join(RESULTS, 'a11y-phone-drawer.png') });
      expect(found).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
