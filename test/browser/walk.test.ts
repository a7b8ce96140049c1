import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { AtlasFeatureCollection } from '../../contract/api';
import { baseUrl, getJson, launchChromium, LOCAL_HOSTS, waitIdle, openApp, settle } from './support';
import { checkPage, formatFindings, mapLabelFields, type Finding } from './page-checks';

/*
 * Issue 17's “done when”: a first user's walk, at phone size (390 × 844, touch) and on a desktop
 * (1280 × 800), in Chinese and in English: explorer → layers and sites tabs (a document site's card) →
 * park profile → its chain graph → compare (two parks) → charts → the park's PDF → the document viewer →
 * the data checks → the briefing builder (signed in: a view saved, a step captioned, the briefing saved) →
 * present mode (title slide and step). At every step (page-checks.ts):
 * in English no visible text, tooltip or accessible name in Chinese outside lang="zh…"; every
 * visible control is what the browser finds at its centre; on the phone every control is ≥ 44 px
 * and the panels are bottom sheets that leave part of the map visible and pannable.
 * The English PDF (pdftotext) may hold Chinese only inside evidence marked as the Chinese original:
 * “(zh) “…”” — see ZH_EVIDENCE below. Screenshots go to /tmp/walk-<viewport>-<lang>-<step>.png.
 */

const VIEWPORTS = {
  phone: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
  desktop: { viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false },
} as const;
type ViewportName = keyof typeof VIEWPORTS;

const HAN = /[\u3400-\u9fff]/;
/** Created by test/support/browser-server.ts on this suite's database clone. */
const EDITOR = { username: 'editor', password: 'editor-password-123' };
/**
 * The one place the English PDF may print Chinese: a quote kept as the evidence it is, marked
 * “zh” before its quotation marks (server/src/pdf/park-brief.ts). Anything else with Han is a finding.
 */
const ZH_EVIDENCE = /\(zh\)\s*“[^”]*”?/g;

async function walkContext(browser: Browser, name: ViewportName): Promise<{ context: BrowserContext; external: string[] }> {
  // Reduced motion: the sheets are measured where they end up, not half-way through sliding in.
  const context = await browser.newContext({ ...VIEWPORTS[name], deviceScaleFactor: 1, locale: 'zh-CN', reducedMotion: 'reduce' });
  const external: string[] = [];
  await context.route('**/*', (route) => {
    const u = route.request().url();
    let local = u.startsWith('data:') || u.startsWith('blob:');
    try {
      local ||= LOCAL_HOSTS.has(new URL(u).hostname);
    } catch {
      /* not a URL: blocked */
    }
    if (!local) external.push(u);
    return local ? route.continue() : route.abort('blockedbyclient');
  });
  return { context, external };
}

/** Clicks like the user of this viewport: a tap on the phone, a mouse click on the desktop. */
async function press(page: Page, name: ViewportName, selector: string): Promise<void> {
  const el = page.locator(selector).first();
  await el.scrollIntoViewIfNeeded();
  if (name === 'phone') await el.tap();
  else await el.click();
}

/** On the phone the dock is a sheet the title bar's toggle opens; opens it unless it is open. */
async function openDock(page: Page, name: ViewportName): Promise<void> {
  if (name !== 'phone') return;
  if (await page.locator('.app.panel-open').count()) return;
  await press(page, name, '.panel-toggle');
  await expect.poll(() => page.locator('.app.panel-open').count()).toBe(1);
}

async function openTab(page: Page, name: ViewportName, tab: string): Promise<void> {
  await openDock(page, name);
  await press(page, name, `.dock-tab[data-tab="${tab}"]`);
  await expect.poll(() => page.locator(`.dock-tab[data-tab="${tab}"]`).getAttribute('aria-selected')).toBe('true');
}

/** On the phone: the sheet spans the width, sits on the bottom edge and leaves the map above it pannable. */
async function expectBottomSheet(page: Page, selector: string, label: string): Promise<void> {
  const box = (await page.locator(selector).first().boundingBox())!;
  expect(box, `${label}: ${selector} is on screen`).not.toBeNull();
  expect(box.x, `${label}: sheet starts at the left edge`).toBeCloseTo(0, 0);
  expect(box.width, `${label}: sheet spans the width`).toBeCloseTo(390, 0);
  expect(box.y + box.height, `${label}: sheet sits on the bottom edge`).toBeCloseTo(844, 0);
  expect(box.height, `${label}: sheet leaves map visible`).toBeLessThanOrEqual(844 * 0.62);
  // The map shows above the sheet: the canvas is what a tap there finds, and a drag there pans the map.
  const y = Math.round((52 + box.y) / 2) + 30;
  const top = await page.evaluate(([x, yy]) => document.elementFromPoint(x, yy)?.className ?? '', [40, y] as const);
  expect(top, `${label}: the map is under (40, ${y})`).toContain('maplibregl-canvas');
  const before = await page.evaluate(() => window.__atlas!.map.getCenter().toArray());
  await page.evaluate(() => window.__atlas!.map.stop());
  // A touch-drag, as a phone pans: CDP touch events through the page.
  const cdp = await page.context().newCDPSession(page);
  const point = (px: number) => [{ x: px, y, id: 1 }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: point(120) });
  for (let k = 1; k <= 6; k++) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: point(120 + k * 25) });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
  await expect.poll(async () => {
    const after = await page.evaluate(() => window.__atlas!.map.getCenter().toArray());
    return Math.abs(after[0] - before[0]);
  }, { message: `${label}: dragging above the sheet pans the map` }).toBeGreaterThan(1e-5);
}

/** Every quote (figure.citation) under `root`: its English rendering, its Chinese original, and whether that is behind a click. */
async function quotesUnder(page: Page, root: string) {
  return page.locator(root).locator('figure.citation, .doc-active-quote > .citation, .doc-missing > .citation').evaluateAll((figs) => figs.map((f) => ({
    en: f.querySelector(':scope > blockquote[lang="en"]')?.textContent?.trim() ?? '',
    zh: f.querySelector('blockquote[lang="zh-CN"]')?.textContent?.trim() ?? '',
    behindClick: !!f.querySelector('details.quote-original > blockquote[lang="zh-CN"]'),
  })));
}

/** In English each quote reads in its translation with the Chinese original (the evidence) one click away; in Chinese the original only. */
function expectQuotes(quotes: Array<{ en: string; zh: string; behindClick: boolean }>, english: boolean, label: string): void {
  expect(quotes.length, `quotes in ${label}`).toBeGreaterThan(0);
  for (const q of quotes) {
    expect(q.zh, `${label}: the Chinese original is kept`).toMatch(HAN);
    if (english) {
      expect(q.en, `${label}: an English translation`).not.toMatch(HAN);
      expect(q.en.length, `${label}: an English translation`).toBeGreaterThan(5);
      expect(q.behindClick, `${label}: the original one click away`).toBe(true);
    } else expect(q.en, `${label}: Chinese mode shows the original only`).toBe('');
  }
}

describe('the walk: explorer → layers, sites → profile → chain graph → compare → charts → PDF → document viewer → checks → briefing → present', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('the checks can fail: they find a Chinese span without lang, a covered button and a small target', async () => {
    const { context } = await walkContext(browser, 'phone');
    try {
      const page = await openApp(context, '/?lang=en&panel=none');
      const clean = await checkPage(page, { english: true, touch: false });
      await page.evaluate(() => {
        const add = (tag: string, id: string, text: string, css: string, lang?: string) => {
          const el = document.createElement(tag);
          el.id = id;
          el.textContent = text;
          if (lang) el.lang = lang;
          el.style.cssText = `position:fixed;${css}`;
          document.body.append(el);
        };
        add('span', 'probe-zh', '园区', 'left:120px;top:300px;z-index:99;background:#fff');
        add('span', 'probe-zh-marked', '园区', 'left:120px;top:330px;z-index:99;background:#fff', 'zh-CN');
        add('span', 'probe-zh-hidden', '园区', 'left:120px;top:360px;z-index:99;visibility:hidden');
        add('button', 'probe-button', 'Probe', 'left:200px;top:400px;width:100px;height:50px;z-index:99');
        add('div', 'probe-cover', '', 'left:190px;top:390px;width:120px;height:70px;z-index:100;background:rgba(0,0,0,.2)');
        add('button', 'probe-tiny', 'x', 'left:200px;top:500px;width:30px;height:30px;z-index:99');
      });
      const found = await checkPage(page, { english: true, touch: true });
      const fresh = found.filter((f) => !clean.some((c) => c.where === f.where && c.kind === f.kind));
      const of = (kind: Finding['kind'], id: string) => fresh.filter((f) => f.kind === kind && f.where.includes(id));
      expect(of('chinese-text', 'probe-zh')).toHaveLength(1);
      expect(of('chinese-text', 'probe-zh-marked'), 'lang="zh-CN" marks it').toHaveLength(0);
      expect(of('chinese-text', 'probe-zh-hidden'), 'visibility:hidden is not visible').toHaveLength(0);
      expect(of('covered', 'probe-button')).toHaveLength(1);
      expect(of('covered', 'probe-button')[0].detail).toContain('probe-cover');
      expect(of('small-target', 'probe-tiny')).toHaveLength(1);
      expect(of('small-target', 'probe-button')).toHaveLength(0);
      // Uncovered, the button passes.
      await page.evaluate(() => document.getElementById('probe-cover')!.remove());
      const after = await checkPage(page, { english: true, touch: true });
      expect(after.filter((f) => f.kind === 'covered' && f.where.includes('probe-button'))).toHaveLength(0);
      // Chinese in a tooltip is found too; in Chinese mode, Chinese text is not a finding.
      await page.evaluate(() => document.getElementById('probe-button')!.setAttribute('title', '对比'));
      expect((await checkPage(page, { english: true, touch: false })).filter((f) => f.kind === 'chinese-attr' && f.where.includes('probe-button'))).toHaveLength(1);
      expect((await checkPage(page, { english: false, touch: false })).filter((f) => f.kind.startsWith('chinese'))).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('reads the district figures out in English in the feature panel, the verbatim values marked Chinese', async () => {
    const { context } = await walkContext(browser, 'desktop');
    try {
      const page = await openApp(context, '/?lang=en&sel=gaogang');
      const item = page.locator('.figure-item').filter({ hasText: 'New high-tech enterprises' }).first();
      await item.scrollIntoViewIfNeeded();
      await expect.poll(() => item.locator('.figure-value').innerText()).toBe('over 100 firms a year');
      expect(await item.locator('.figure-label').innerText()).toMatch(/^New high-tech enterprises · target$/);
      expect(await item.locator('.figure-verbatim [lang="zh-CN"]').innerText()).toBe('超100 家/年');
      await settle(page);
      expect(formatFindings((await checkPage(page, { english: true, touch: false })).filter((f) => f.kind.startsWith('chinese')))).toEqual([]);
    } finally {
      await context.close();
    }
  });

  for (const name of ['phone', 'desktop'] as const) {
    for (const lang of ['zh', 'en'] as const) {
      it(`walks every view without a finding (${name}, ${lang})`, async () => {
        const { context, external } = await walkContext(browser, name);
        const findings: string[] = [];
        const phone = name === 'phone';
        const english = lang === 'en';
        try {
          const page = await openApp(context, `/?lang=${lang}&panel=parks`);
          const step = async (label: string) => {
            await settle(page);
            await page.screenshot({ path: `/tmp/walk-${name}-${lang}-${label}.png` });
            findings.push(...formatFindings(await checkPage(page, { english, touch: phone })).map((l) => `${label}: ${l}`));
          };
          // A layout failure is a finding too, so one run lists everything the walk meets.
          const sheet = (selector: string, label: string) =>
            expectBottomSheet(page, selector, label).catch((e: Error) => findings.push(`${label}: not a bottom sheet: ${e.message.split('\n')[0]}`));
          // Further down a scrolling panel: every part of it is checked, 400 px at a time (at most 6 steps).
          const scrolled = async (selector: string, label: string) => {
            const el = page.locator(selector).first();
            const height = await el.evaluate((e) => e.scrollHeight);
            for (let y = 400, k = 1; y < height && k <= 6; y += 400, k++) {
              await el.evaluate((e, top) => e.scrollTo(0, top), y);
              await step(`${label}-${k}`);
            }
            await el.evaluate((e) => e.scrollTo(0, 0));
          };

          // Map labels: in English the text-field reads name_en first.
          if (english) {
            const fields = await mapLabelFields(page);
            expect(fields.length).toBeGreaterThan(0);
            for (const f of fields) expect(f.field, `map layer ${f.id} labels in English`).toContain('name_en');
            // …and every label on screen has one, so the fallback to name_zh is never what is drawn.
            const labels = await page.evaluate(() => {
              const m = window.__atlas!.map;
              const ids = m.getStyle().layers.filter((l) => l.type === 'symbol').map((l) => l.id);
              return m.queryRenderedFeatures(undefined, { layers: ids }).map((f) => ({ zh: String(f.properties?.name_zh ?? ''), en: String(f.properties?.name_en ?? '') }));
            });
            expect(labels.length, 'labels on the map').toBeGreaterThan(5);
            expect(labels.filter((l) => l.zh && !l.en).map((l) => l.zh), 'labels drawn without an English name').toEqual([]);
          }

          // 1. Explorer.
          const rows = page.locator('.park-explorer .park-list > li');
          await expect.poll(() => rows.count(), { timeout: 20_000 }).toBe(6);
          if (phone) await sheet('.side-dock', 'explorer');
          await step('explorer');

          // 1b. The layers tab, the sites tab and a document site's card with its quote.
          await openTab(page, name, 'layers');
          await expect.poll(() => page.locator('.dock-panel-layers .layer-list > li').count(), { timeout: 15_000 }).toBeGreaterThan(3);
          if (phone) await sheet('.side-dock', 'layers');
          await step('layers');
          await scrolled('.dock-panel-layers', 'layers');
          await openTab(page, name, 'sites');
          const siteId = 'site-southwest';
          await expect.poll(() => page.locator(`.site-inventory .inventory-list > li[data-site-id="${siteId}"]`).count(), { timeout: 15_000 }).toBe(1);
          if (phone) await sheet('.side-dock', 'sites');
          await step('sites');
          await press(page, name, `.site-inventory .inventory-list > li[data-site-id="${siteId}"] > button`);
          await expect.poll(() => page.locator(`.site-card[data-site-id="${siteId}"] .site-source figure.citation`).count(), { timeout: 15_000 }).toBe(1);
          expectQuotes(await quotesUnder(page, '.site-card .site-source'), english, 'site card');
          await step('site-card');
          await scrolled('.dock-panel-sites', 'site-card');
          await press(page, name, '.site-card > .link-button');
          await openTab(page, name, 'parks');

          // 2. Profile of the first park.
          const parkId = 'park-biomed';
          await press(page, name, `.park-explorer .park-list > li[data-park-id="${parkId}"] .park-name-button`);
          const profile = page.locator('.park-profile');
          await expect.poll(() => profile.getAttribute('data-feature-id')).toBe(parkId);
          await expect.poll(() => profile.locator('.profile-targets .inv-figure').count(), { timeout: 15_000 }).toBeGreaterThan(0);
          await waitIdle(page);
          if (phone) await sheet('.park-profile', 'profile');
          await step('profile');
          // Every quote of the profile: in English its translation, with the Chinese original (the evidence,
          // lang="zh-CN") one click away; in Chinese the original only.
          expectQuotes(await quotesUnder(page, '.park-profile'), english, 'the profile');
          if (english) {
            const first = profile.locator('figure.citation details.quote-original').first();
            await first.evaluate((d) => d.closest('details:not(.quote-original)')?.setAttribute('open', ''));
            await first.scrollIntoViewIfNeeded();
            await first.locator('summary').click();
            await expect.poll(() => first.locator('blockquote[lang="zh-CN"]').isVisible()).toBe(true);
            await step('profile-quote-original');
            await first.locator('summary').click();
          }
          await scrolled('.park-profile .feature-panel-body', 'profile');

          // 2b. The chain graph of the profile's first chain: a sheet over the map on the phone; a segment picked
          // shows its enterprises and parks, each with its quote.
          await press(page, name, '.park-profile .chain-item .cg-open');
          const graphDialog = page.locator('.chain-graph-dialog');
          await expect.poll(() => graphDialog.locator('.cg-node').count(), { timeout: 15_000 }).toBeGreaterThan(0);
          await settle(page);
          if (phone) await sheet('.chain-graph-dialog', 'chain graph');
          await step('chain-graph');
          await press(page, name, '.chain-graph-dialog .cg-node:not(.is-gap)');
          await expect.poll(() => graphDialog.locator('.cg-detail figure.citation').count(), { timeout: 15_000 }).toBeGreaterThan(0);
          expectQuotes(await quotesUnder(page, '.chain-graph-dialog .cg-detail'), english, 'the chain graph');
          await step('chain-graph-segment');
          await scrolled('.chain-graph-dialog .dialog-scroll', 'chain-graph');
          await press(page, name, '.chain-graph-dialog .close-button');
          await expect.poll(() => graphDialog.count()).toBe(0);

          // 3. Compare: this park from the profile, another from the explorer.
          await press(page, name, '.park-profile .profile-actions button[aria-pressed]');
          await expect.poll(() => page.locator('.park-profile .profile-actions button[aria-pressed="true"]').count()).toBe(1);
          await openTab(page, name, 'parks');
          const other = page.locator('.park-explorer .park-list > li[data-park-id="park-chemical"] input[type="checkbox"]');
          await other.scrollIntoViewIfNeeded();
          if (phone) await other.tap();
          else await other.check();
          await expect.poll(() => other.isChecked()).toBe(true);
          await openTab(page, name, 'compare');
          await expect.poll(() => page.locator('.compare-columns > .compare-column').count()).toBe(2);
          await expect.poll(() => page.locator('.compare-charts .bar-chart svg').count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(4);
          if (phone) await sheet('.side-dock', 'compare');
          await step('compare');
          await scrolled('.dock-panel-compare', 'compare');

          // 4. Charts.
          await openTab(page, name, 'charts');
          await expect.poll(() => page.locator('.chain-charts [data-row] rect').count(), { timeout: 15_000 }).toBeGreaterThan(0);
          if (phone) await sheet('.side-dock', 'charts');
          await step('charts');
          await scrolled('.dock-panel-charts', 'charts');

          // 5. The park's PDF, from the profile's link.
          await openTab(page, name, 'parks');
          await press(page, name, `.park-explorer .park-list > li[data-park-id="${parkId}"] .park-name-button`);
          const pdfLink = page.locator('.park-profile .profile-actions a[download]');
          await expect.poll(() => pdfLink.count(), { timeout: 15_000 }).toBe(1);
          const href = (await pdfLink.getAttribute('href'))!;
          expect(href).toContain(`lang=${lang}`);
          const res = await context.request.get(`${baseUrl()}${href}`);
          expect(res.status()).toBe(200);
          expect(res.headers()['content-type']).toContain('application/pdf');
          const pdf = await res.body();
          expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
          const file = `/tmp/walk-${name}-${lang}.pdf`;
          fs.writeFileSync(file, pdf);
          const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
          expect(text.length).toBeGreaterThan(200);
          if (english) {
            // Joined across line breaks, so a marked quote wrapped over two lines still counts as marked.
            const joined = text.replace(/\s*\n\s*/g, ' ');
            const outside = joined.replace(ZH_EVIDENCE, ' ').match(/.{0,30}[\u3400-\u9fff]+.{0,30}/g) ?? [];
            findings.push(...outside.map((s) => `pdf: Chinese outside marked evidence: ${s}`));
            const park = (await getJson<AtlasFeatureCollection>('/api/layers/parks')).features.find((f) => f.id === parkId)!;
            expect(joined, 'the English PDF names the park in English').toContain(String(park.properties.name_en).slice(0, 20));
          } else {
            expect(text).toMatch(HAN);
          }

          // 6. The document viewer, from a quote of the profile.
          await page.locator('.park-profile details.profile-sources').evaluate((d) => ((d as HTMLDetailsElement).open = true));
          await press(page, name, '.park-profile .profile-sources .open-in-document');
          const viewer = page.locator('.document-viewer');
          await expect.poll(() => viewer.locator('.doc-para').count(), { timeout: 15_000 }).toBeGreaterThan(0);
          await settle(page);
          if (phone) await sheet('.document-viewer', 'document viewer');
          await step('document');
          // The highlighted quote: in English its translation above the text, the Chinese original one click
          // away (and marked in the text); the list of quotes (not shown on the phone) in translation too.
          if (english) {
            expectQuotes(await quotesUnder(page, '.document-viewer .doc-text-column'), english, 'the document viewer');
            await press(page, name, '.document-viewer .doc-text-column details.quote-original > summary');
            await expect.poll(() => viewer.locator('.doc-text-column details.quote-original > blockquote[lang="zh-CN"]').first().isVisible()).toBe(true);
            await step('document-quote-original');
            if (!phone) {
              const list = await viewer.locator('.doc-citation').evaluateAll((bs) => bs.map((b) => ({ lang: b.getAttribute('lang'), text: b.textContent ?? '' })));
              expect(list.length, 'the list of quotes').toBeGreaterThan(0);
              expect(list.filter((b) => b.lang === 'en').length, 'quotes listed in translation').toBe(list.length);
              for (const b of list) expect(b.text, 'a listed quote in English').not.toMatch(HAN);
            }
          } else {
            expect(await viewer.locator('.doc-active-quote').count(), 'Chinese mode: the quote is the marked text, no translation box').toBe(0);
            if (!phone) expect(await viewer.locator('.doc-citation[lang="zh-CN"]').count(), 'the list of quotes in Chinese').toBeGreaterThan(0);
          }
          await press(page, name, '.document-viewer .close-button');
          await expect.poll(() => viewer.count()).toBe(0);

          // 6b. The data checks (discrepancies), from the title bar: a bottom sheet on the phone.
          await press(page, name, '.title-bar .sources-buttons button[aria-expanded]');
          const checks = page.locator('.checks-panel');
          await expect.poll(() => checks.locator('.checks-group').count(), { timeout: 15_000 }).toBeGreaterThan(0);
          await settle(page);
          if (phone) await sheet('.checks-panel', 'checks');
          await step('checks');
          expectQuotes(await quotesUnder(page, '.checks-panel'), english, 'the checks');
          // A computed value reads out in the page's language, from its unit (7452 亿元).
          await expect.poll(() => checks.locator('[data-discrepancy-id="sum-001-chains-2027"] .discrepancy-computed strong').textContent())
            .toMatch(english ? /^CNY 745\.2 bn$/ : /^7,?452亿元$/);
          await scrolled('.checks-panel .feature-panel-body', 'checks');
          await press(page, name, '.checks-panel .close-button');
          await expect.poll(() => checks.count()).toBe(0);

          // 7. The briefing builder, as an editor builds one: sign in, save the map as a view, add it as a
          // step with a caption, save the briefing (the builder is a bottom sheet on the phone).
          await press(page, name, '.title-bar .account-button');
          await page.locator('.sign-in-form input[name=username]').fill(EDITOR.username);
          await page.locator('.sign-in-form input[name=password]').fill(EDITOR.password);
          await press(page, name, '.sign-in-form button[type=submit]');
          await expect.poll(() => page.locator('.account-name').textContent(), { timeout: 15_000 }).toContain(EDITOR.username);
          await page.keyboard.press('Escape');
          await expect.poll(() => page.locator('.account-pop').count()).toBe(0);
          await step('signed-in');
          await press(page, name, '.briefing-launch');
          const builder = page.locator('.briefing-panel');
          await expect.poll(() => builder.count()).toBe(1);
          if (phone) await sheet('.briefing-panel', 'briefing');
          await step('briefing');
          // The four walks share the suite's database: each saves its own view and briefing.
          const viewTitle = english ? `Parks overview (${name})` : `园区总览（${name}）`;
          const caption = english ? 'The district, its parks and its axes' : '全区园区与发展轴';
          await builder.locator('input[name=view-title]').fill(viewTitle);
          await builder.locator('textarea[name=view-note]').fill(english ? 'The six parks' : '六个园区');
          await press(page, name, '.briefing-capture button[type=submit]');
          const viewRow = builder.locator('.briefing-views > li', { hasText: viewTitle });
          await expect.poll(() => viewRow.count(), { timeout: 15_000 }).toBe(1);
          const addStep = viewRow.locator('.briefing-row-tools button').nth(1);
          await addStep.scrollIntoViewIfNeeded();
          if (phone) await addStep.tap();
          else await addStep.click();
          await expect.poll(() => builder.locator('.briefing-steps > li[data-step]').count()).toBe(1);
          await builder.locator('input[name=briefing-title]').fill(english ? `Investor briefing (${name})` : `招商汇报（${name}）`);
          await builder.locator('input[name=briefing-subtitle]').fill(english ? 'Taizhou Medical High-tech Zone, 2026' : '泰州医药高新区 2026');
          await builder.locator('.briefing-steps > li[data-step] textarea').fill(caption);
          await press(page, name, '.briefing-edit button[type=submit]');
          await expect.poll(() => page.evaluate(() => new URLSearchParams(location.search).get('briefing')), { timeout: 15_000 }).toMatch(/^brief-/);
          await step('briefing-built');
          await scrolled('.briefing-panel', 'briefing');

          // 8. Present mode: the title slide, then the step with its caption; every control on screen is
          // checked as elsewhere (the overlay's buttons, in the page's language).
          const presentButton = builder.locator('.briefing-actions > button.primary[type=button]');
          await expect.poll(() => presentButton.isEnabled(), { timeout: 15_000 }).toBe(true);
          await press(page, name, '.briefing-panel .briefing-actions > button.primary[type=button]');
          const overlay = page.locator('[data-testid="present"]');
          await expect.poll(() => overlay.locator('.present-title').isVisible(), { timeout: 15_000 }).toBe(true);
          await step('present-title');
          await press(page, name, '.present-bar .present-btn:nth-child(3)');
          await expect.poll(() => overlay.locator('.present-caption-text').textContent(), { timeout: 15_000 }).toBe(caption);
          await page.waitForFunction(() => !window.__atlas!.map.isMoving(), null, { timeout: 30_000 });
          await step('present-step');
          await press(page, name, '.present-bar .present-exit');
          await expect.poll(() => overlay.count()).toBe(0);

          expect(external, 'requests to non-local hosts').toEqual([]);
          // The same finding seen at several steps is reported once, at the first.
          const seen = new Set<string>();
          const unique = findings.filter((f) => {
            const key = f.replace(/^[^:]+: /, '').replace(/ at \(\d+, \d+\)/, '');
            return !seen.has(key) && seen.add(key);
          });
          fs.writeFileSync(`/tmp/walk-${name}-${lang}-findings.txt`, unique.join('\n'));
          expect(unique).toEqual([]);
        } finally {
          await context.close();
        }
        // A hang guard, not an assertion: a phone walk takes ~50 s on an idle machine and passed 120 s in a
        // full run with the machine at load 20 on 2 cores.
      }, 300_000);
    }
  }
});
