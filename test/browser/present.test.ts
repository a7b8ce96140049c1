import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import type { AtlasFeatureCollection, LayerInfo } from '../../contract/api';
import { launchChromium, RESULTS, getJson, offlineContext, openApp, waitIdle } from './support';

/*
 * Presenters in a real Chromium with every non-local request blocked: sign in, capture two views with
 * different cameras, build a briefing, present it and step with the keyboard (pixels: the camera moved,
 * the caption is drawn), export a PNG at 2×, print a PDF (pdftotext: title and legend), then open the
 * exported one-file HTML from file:// with the network fully blocked and step through it.
 */

/** Created by test/support/browser-setup.ts on the suites' own database clone. */
const EDITOR = { username: 'editor', password: 'editor-password-123' };
const SLOW = { timeout: 30_000 };
const TITLE = '医药高新区招商汇报';
const CAPTION_A = '全区总览：园区与发展轴';
const CAPTION_B = '生物医药产业园近景';

let browser: Browser;
let context: BrowserContext;
let external: string[];
let page: Page;
const shots: Record<string, PNG> = {};

async function shot(p: Page, name: string): Promise<PNG> {
  const buf = await p.screenshot({ path: path.join(RESULTS, `present-${name}.png`) });
  const png = PNG.sync.read(buf);
  shots[name] = png;
  return png;
}

/** Share of pixels in a rectangle whose RGB differs by more than 40 (sum of channels) between two screenshots. */
function changed(a: PNG, b: PNG, r: { x: number; y: number; w: number; h: number }): number {
  let n = 0;
  for (let y = r.y; y < r.y + r.h; y++) {
    for (let x = r.x; x < r.x + r.w; x++) {
      const i = (y * a.width + x) * 4;
      if (Math.abs(a.data[i] - b.data[i]) + Math.abs(a.data[i + 1] - b.data[i + 1]) + Math.abs(a.data[i + 2] - b.data[i + 2]) > 40) n++;
    }
  }
  return n / (r.w * r.h);
}

/** In a rectangle: the share of near-black caption background and of near-white text pixels. */
function captionInk(p: PNG, r: { x: number; y: number; w: number; h: number }): { dark: number; light: number } {
  let dark = 0;
  let light = 0;
  for (let y = r.y; y < r.y + r.h; y++) {
    for (let x = r.x; x < r.x + r.w; x++) {
      const i = (y * p.width + x) * 4;
      const s = p.data[i] + p.data[i + 1] + p.data[i + 2];
      if (s < 120) dark++;
      else if (s > 690) light++;
    }
  }
  const area = r.w * r.h;
  return { dark: dark / area, light: light / area };
}

/** Waits until the camera has finished moving and the map is idle. */
async function settle(p: Page): Promise<void> {
  await p.waitForFunction(() => !window.__atlas!.map.isMoving(), null, SLOW);
  await waitIdle(p);
  await p.waitForTimeout(600);
}

async function captionBox(p: Page) {
  const box = await p.locator('.present-caption').boundingBox();
  expect(box).not.toBeNull();
  return { x: Math.ceil(box!.x), y: Math.ceil(box!.y), w: Math.floor(box!.width) - 1, h: Math.floor(box!.height) - 1 };
}

beforeAll(async () => {
  browser = await launchChromium();
  ({ context, external } = await offlineContext(browser));
  const parks = await getJson<AtlasFeatureCollection>('/api/layers/parks');
  const park = parks.features[0];
  // Open with a park selected, so the first view names (and highlights) a feature.
  page = await openApp(context, `/?sel=${park.id}&cam=119.93,32.33,10.6,0,0`);
}, 120_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
});

describe('present mode', () => {
  it('captures two views, builds a briefing and presents it with the keyboard, offline', async () => {
    await page.locator('.account-button').click();
    await page.locator('.sign-in-form input[name=username]').fill(EDITOR.username);
    await page.locator('.sign-in-form input[name=password]').fill(EDITOR.password);
    await page.locator('.sign-in-form button[type=submit]').click();
    await expect.poll(() => page.locator('.account-name').textContent(), SLOW).toContain(EDITOR.username);

    await page.getByTestId('briefing-launch').click();
    const panel = page.getByTestId('briefing-panel');
    // The selected park's panel stays in view beside the builder, not under it.
    await expect.poll(() => panel.isVisible()).toBe(true);
    const featureBox = (await page.locator('.feature-panel').boundingBox())!;
    const panelBox = (await panel.boundingBox())!;
    expect(featureBox.width).toBeGreaterThan(300);
    expect(featureBox.x + featureBox.width).toBeLessThanOrEqual(panelBox.x);
    await page.screenshot({ path: path.join(RESULTS, 'present-builder-beside-feature.png') });
    await panel.locator('input[name=view-title]').fill('全区总览');
    await panel.locator('textarea[name=view-note]').fill('overview');
    await panel.getByRole('button', { name: '保存当前地图为视图' }).click();
    await expect.poll(() => panel.locator('.briefing-views li').count(), SLOW).toBe(1);

    // A second view: another camera (closer, turned), nothing selected.
    await page.evaluate(() => window.__atlas!.map.jumpTo({ center: [119.905, 32.385], zoom: 13.2, bearing: 25, pitch: 0 }));
    await waitIdle(page);
    await panel.locator('input[name=view-title]').fill('园区近景');
    await panel.getByRole('button', { name: '保存当前地图为视图' }).click();
    await expect.poll(() => panel.locator('.briefing-views li').count(), SLOW).toBe(2);
    const views = await getJson<Array<{ title: string; state: { camera: { zoom: number; bearing: number }; selected: string | null; highlighted: string[] } }>>('/api/views');
    const a = views.find((v) => v.title === '全区总览')!;
    const b = views.find((v) => v.title === '园区近景')!;
    expect(a.state.camera.zoom).toBeCloseTo(10.6, 1);
    expect(a.state.highlighted).toHaveLength(1);
    expect(b.state.camera).toMatchObject({ zoom: 13.2, bearing: 25 });

    // Build: add B then A, then fix the order with the keyboard-accessible move buttons.
    await panel.locator('input[name=briefing-title]').fill(TITLE);
    await panel.locator('input[name=briefing-subtitle]').fill('2026 年度');
    // B by its button, A dragged from the view list onto the first step (inserted before it), then the
    // keyboard-accessible move buttons swap the steps and swap them back.
    const steps = panel.locator('.briefing-steps li');
    const order = async () => (await steps.allTextContents()).map((t) => (t.includes('全区总览') ? 'A' : t.includes('园区近景') ? 'B' : '?')).join('');
    await panel.locator('.briefing-views li', { hasText: '园区近景' }).getByRole('button', { name: '加入汇报' }).click();
    await expect.poll(order).toBe('B');
    // The drag as the browser delivers it (dragstart on the view, dragover and drop on the step, one DataTransfer).
    await page.evaluate(() => {
      const from = [...document.querySelectorAll('.briefing-views li')].find((li) => li.textContent?.includes('全区总览'))!;
      const to = document.querySelector('.briefing-steps li')!;
      const dataTransfer = new DataTransfer();
      from.dispatchEvent(new DragEvent('dragstart', { bubbles: true, cancelable: true, dataTransfer }));
      to.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer }));
      to.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer }));
      from.dispatchEvent(new DragEvent('dragend', { bubbles: true, cancelable: true, dataTransfer }));
    });
    await expect.poll(order).toBe('AB');
    await panel.getByRole('button', { name: '下移: 第 1 步' }).click();
    await expect.poll(order).toBe('BA');
    await panel.getByRole('button', { name: '上移: 第 2 步' }).click();
    await expect.poll(order).toBe('AB');
    await steps.nth(0).locator('textarea').fill(CAPTION_A);
    await steps.nth(1).locator('textarea').fill(CAPTION_B);
    await panel.getByRole('button', { name: '保存汇报' }).click();
    await expect.poll(() => page.evaluate(() => new URLSearchParams(location.search).get('briefing')), SLOW).toMatch(/^brief-/);
    const id = (await page.evaluate(() => new URLSearchParams(location.search).get('briefing')))!;
    const saved = await getJson<{ steps: Array<{ caption: string }> }>(`/api/briefings/${id}`);
    expect(saved.steps.map((s) => s.caption)).toEqual([CAPTION_A, CAPTION_B]);

    await panel.screenshot({ path: path.join(RESULTS, 'present-panel.png') });
    await page.screenshot({ path: path.join(RESULTS, 'present-builder.png') });
    const beforeZoom = await page.evaluate(() => window.__atlas!.map.getZoom());
    await panel.getByRole('button', { name: '开始汇报' }).click();
    const overlay = page.getByTestId('present');
    await expect.poll(() => overlay.locator('.present-title').textContent(), SLOW).toBe(TITLE);
    await settle(page);
    await shot(page, '0-title');

    await page.keyboard.press('ArrowRight');
    await settle(page);
    await expect.poll(() => overlay.locator('.present-caption-text').textContent()).toBe(CAPTION_A);
    expect(await overlay.locator('.present-counter').textContent()).toBe('1 / 2');
    const s1 = await shot(page, '1-step');
    expect(await page.evaluate(() => window.__atlas!.map.getZoom())).toBeCloseTo(10.6, 1);
    // The highlighted park is labelled.
    expect(await page.locator('.present-label').count()).toBe(1);

    await page.keyboard.press('PageDown');
    await settle(page);
    await expect.poll(() => overlay.locator('.present-caption-text').textContent()).toBe(CAPTION_B);
    const s2 = await shot(page, '2-step');
    const cam = await page.evaluate(() => ({ zoom: window.__atlas!.map.getZoom(), bearing: window.__atlas!.map.getBearing() }));
    expect(cam.zoom).toBeCloseTo(13.2, 1);
    expect(cam.bearing).toBeCloseTo(25, 0);

    // Pixels: the map above the caption changed between the steps; the caption is drawn (dark box, light text).
    const vp = page.viewportSize()!;
    expect(changed(s1, s2, { x: 0, y: 0, w: vp.width, h: Math.round(vp.height * 0.55) })).toBeGreaterThan(0.1);
    const box = await captionBox(page);
    const ink = captionInk(s2, box);
    expect(ink.dark).toBeGreaterThan(0.5);
    expect(ink.light).toBeGreaterThan(0.01);

    // Back with the keyboard, then Esc leaves.
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => overlay.locator('.present-counter').textContent()).toBe('1 / 2');
    await page.keyboard.press('End');
    await expect.poll(() => overlay.locator('.present-counter').textContent()).toBe('2 / 2');
    await page.keyboard.press('Home');
    await expect.poll(() => overlay.locator('.present-title').isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => overlay.count()).toBe(0);
    // The screen is back where it was before presenting.
    expect(await page.evaluate(() => window.__atlas!.map.getZoom())).toBeCloseTo(beforeZoom, 3);
    expect(external).toEqual([]);
  }, 180_000);

  it('exports a PNG at 2× and a print PDF with the title and legend', async () => {
    await page.getByTestId('briefing-launch').click();
    const panel = page.getByTestId('briefing-panel');
    await settle(page);
    const size = await page.evaluate(() => {
      const c = window.__atlas!.map.getContainer();
      return { w: c.clientWidth, h: c.clientHeight };
    });
    const [png] = await Promise.all([page.waitForEvent('download', SLOW), panel.getByRole('button', { name: 'PNG 2×' }).click()]);
    const pngFile = path.join(RESULTS, 'present-export-2x.png');
    await png.saveAs(pngFile);
    const img = PNG.sync.read(fs.readFileSync(pngFile));
    expect([img.width, img.height]).toEqual([size.w * 2, size.h * 2]);
    const colours = new Set<number>();
    for (let i = 0; i < img.data.length; i += 4 * 97) colours.add((img.data[i] << 16) | (img.data[i + 1] << 8) | img.data[i + 2]);
    expect(colours.size).toBeGreaterThan(30);
    // After the export the map is back at the screen's pixel ratio.
    expect(await page.evaluate(() => window.__atlas!.map.getPixelRatio())).toBe(1);

    const [pdf] = await Promise.all([page.waitForEvent('download', SLOW), panel.getByRole('button', { name: '打印 PDF' }).click()]);
    const pdfFile = path.join(RESULTS, 'present-print.pdf');
    await pdf.saveAs(pdfFile);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdfFile, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain(TITLE);
    const layers = await getJson<LayerInfo[]>('/api/layers');
    const shown = await page.evaluate(() => new URLSearchParams(location.search).get('lv')!.split(','));
    const legend = layers.filter((l) => shown.includes(l.id) && l.theme !== 'basemap').map((l) => l.title_zh);
    expect(legend.length).toBeGreaterThan(1);
    for (const t of legend) expect(text).toContain(t.replace(/\s+/g, ''));
    expect(external).toEqual([]);
  }, 120_000);

  it('exports one HTML file that presents from file:// with no network at all', async () => {
    const panel = page.getByTestId('briefing-panel');
    const [dl] = await Promise.all([page.waitForEvent('download', SLOW), panel.getByRole('button', { name: '离线 HTML' }).click()]);
    const file = path.join(RESULTS, 'present-portable.html');
    await dl.saveAs(file);
    const bytes = fs.statSync(file).size;
    await expect.poll(() => panel.getByTestId('html-size').textContent()).toBe(`离线文件 ${(bytes / 1048576).toFixed(1)} MB`);

    const offline = await browser.newContext({ viewport: { width: 1024, height: 768 }, deviceScaleFactor: 1, offline: true });
    const requests: string[] = [];
    // The file itself loads; anything else the page asks for is refused and recorded.
    await offline.route('**/*', (route) => {
      const u = route.request().url();
      if (u.startsWith('file:') || u.startsWith('data:') || u.startsWith('blob:')) return route.continue();
      requests.push(u);
      return route.abort('blockedbyclient');
    });
    offline.on('request', (r) => {
      if (!r.url().startsWith('file:') && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) requests.push(r.url());
    });
    const p = await offline.newPage();
    const errors: string[] = [];
    p.on('pageerror', (e) => errors.push(e.message));
    await p.goto(`file://${file}`);
    await p.waitForFunction(() => (window as unknown as { __atlas?: { layersReady: boolean } }).__atlas?.layersReady === true, null, SLOW).catch((e) => {
      throw new Error(`portable map never ready: ${errors.join('; ') || e}`);
    });
    await expect.poll(() => p.locator('.present-title').textContent(), SLOW).toBe(TITLE);
    await settle(p);
    await p.keyboard.press('Space');
    await settle(p);
    await expect.poll(() => p.locator('.present-caption-text').textContent()).toBe(CAPTION_A);
    const f1 = await shot(p, 'portable-1');
    await p.keyboard.press('ArrowRight');
    await settle(p);
    await expect.poll(() => p.locator('.present-caption-text').textContent()).toBe(CAPTION_B);
    const f2 = await shot(p, 'portable-2');
    expect(changed(f1, f2, { x: 0, y: 0, w: 1024, h: 400 })).toBeGreaterThan(0.1);
    const box = await captionBox(p);
    expect(captionInk(f2, box).light).toBeGreaterThan(0.01);
    expect(requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:') && !u.startsWith('blob:'))).toEqual([]);
    expect(errors).toEqual([]);
    await offline.close();
  }, 120_000);

  it('shows a briefing on /embed with the presenter only (no title bar, no panels)', async () => {
    const id = (await page.evaluate(() => new URLSearchParams(location.search).get('briefing')))!;
    const p = await openApp(context, `/embed?briefing=${id}`);
    await expect.poll(() => p.locator('.present-title').textContent(), SLOW).toBe(TITLE);
    expect(await p.locator('.title-bar').isVisible()).toBe(false);
    expect(await p.locator('.present-exit').count()).toBe(0);
    await p.keyboard.press('ArrowRight');
    await settle(p);
    await expect.poll(() => p.locator('.present-caption-text').textContent()).toBe(CAPTION_A);
    await shot(p, 'embed');
    await p.close();
    expect(external).toEqual([]);
  }, 60_000);
});
