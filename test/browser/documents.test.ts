import path from 'node:path';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import type { DocumentDetailV2, DocumentInfoV2, FigureList, Suggestion } from '../../contract/api';
import { makeDocx } from '../support/documents';
import { launchChromium, RESULTS, getJson, offlineContext, openApp, settle } from './support';

/*
 * Living documents in a real Chromium (issue 15): an editor uploads a DOCX built here, the extractor's
 * suggestion of a chain's 2025 revenue is accepted in the suggestions dialog, a hand-made figure whose
 * quote is not in the document shows the server's 422 reason, the same file again is refused with a link
 * to the stored one, and the accepted figure appears on the chain chart's time series — its dot painted
 * in the actuals' colour (pixels checked) — with its source, which opens the viewer at the quote.
 */

const EDITOR = { username: 'editor', password: 'editor-password-123' };
const SLOW = { timeout: 20_000 };
/** client/src/components/charts/chain-series.tsx SERIES_STYLE.actual and sources.css --mark. */
const ACTUAL_RGB: [number, number, number] = [0xa8, 0x53, 0x0a];
const MARK_RGB: [number, number, number] = [0xff, 0xd5, 0x4a];
const strip = (s: string) => s.replace(/\s+/gu, '');

/** The sentence the extractor reads as synthetic-biology's 2025 revenue (a year table row). */
const DOCX_PARAGRAPHS = ['合成生物产业链2025年运行情况', '2025年，全市合成生物产业链销售收入达到19.2亿元，同比增长17.8%。'];
const DOCX_TABLE = [
  ['序号', '重点产业链', '2025年销售收入（亿元）'],
  ['1', '合成生物', '19.2'],
];

async function signIn(page: Page): Promise<void> {
  await page.locator('.account-button').click();
  await page.locator('.sign-in-form input[name=username]').fill(EDITOR.username);
  await page.locator('.sign-in-form input[name=password]').fill(EDITOR.password);
  await page.locator('.sign-in-form button[type=submit]').click();
  await expect.poll(() => page.locator('.account-name').textContent(), SLOW).toContain(EDITOR.username);
}

function near(png: PNG, x: number, y: number, rgb: [number, number, number], tol = 30): boolean {
  const k = (Math.round(y) * png.width + Math.round(x)) * 4;
  return Math.hypot(png.data[k] - rgb[0], png.data[k + 1] - rgb[1], png.data[k + 2] - rgb[2]) < tol;
}

/** Share of the pixels in a box (page coordinates) of one colour. */
function share(png: PNG, box: { x: number; y: number; width: number; height: number }, rgb: [number, number, number]): number {
  let n = 0;
  let hit = 0;
  for (let y = Math.ceil(box.y + 1); y < Math.floor(box.y + box.height - 1); y++) {
    for (let x = Math.ceil(box.x + 1); x < Math.floor(box.x + box.width - 1); x++) {
      n++;
      if (near(png, x, y, rgb, 24)) hit++;
    }
  }
  return n ? hit / n : 0;
}

async function uploadIn(dialog: Locator, buffer: Buffer, title: string) {
  const form = dialog.locator('form.doc-upload');
  await form.locator('input[type=file]').setInputFiles({ name: 'report-2025.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer });
  await form.locator('input[name=title_zh]').fill(title);
  await form.locator('input[name=date]').fill('2026-02-01');
  await form.locator('select[name=status]').selectOption('final');
  await form.getByRole('button', { name: '上传' }).click();
}

describe('living documents in Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('uploads a DOCX, accepts a suggested figure and sees it on the chain chart with its source', async () => {
    const { context, external } = await offlineContext(browser, { width: 1400, height: 900 });
    try {
      const page = await openApp(context);
      await signIn(page);
      const before = await getJson<FigureList>('/api/figures?subject_type=chain&subject_id=synthetic-biology');
      expect(before.figures.some((f) => f.year === 2025), 'no 2025 figure before the upload').toBe(false);

      // The library: upload the DOCX as an editor.
      await page.getByRole('button', { name: '资料来源' }).click();
      const list = page.locator('dialog.document-list');
      await list.locator('form.doc-upload').waitFor();
      const docx = makeDocx(DOCX_PARAGRAPHS, DOCX_TABLE);
      await uploadIn(list, docx, '合成生物产业链2025年运行情况');

      // The suggestions open by themselves after the upload.
      const dialog = page.locator('dialog.suggestions-dialog');
      await dialog.waitFor(SLOW);
      const docId = (await dialog.locator('.dialog-frame').getAttribute('data-document-id'))!;
      expect(docId).toMatch(/^\d{3}$/);
      const meta = (await getJson<DocumentInfoV2[]>('/api/documents')).find((d) => d.id === docId)!;
      expect(meta).toMatchObject({ title_zh: '合成生物产业链2025年运行情况', status: 'final', date: '2026-02-01', format: 'docx', uploaded_by: EDITOR.username });
      const suggestions = await getJson<Suggestion[]>(`/api/documents/${docId}/suggestions`);
      const row = suggestions.find((s) => s.pattern === 'year-table' && s.proposal.subject_id === 'synthetic-biology' && s.proposal.year === 2025)!;
      expect(row, 'the extractor proposes the table row').toBeTruthy();
      const item = dialog.locator(`.suggestion[data-suggestion-id="${row.id}"]`);
      await expect.poll(() => item.count(), SLOW).toBe(1);
      expect(strip((await item.locator('blockquote').textContent()) ?? '')).toBe(strip(row.quote));
      expect(await item.textContent()).toContain('19.2');
      await page.screenshot({ path: path.join(RESULTS, 'documents-suggestions.png') });

      await item.getByRole('button', { name: '采纳', exact: true }).click();
      await expect.poll(() => item.getAttribute('data-status'), SLOW).toBe('accepted');
      const figureId = await item.locator('.accepted-figure').getAttribute('data-figure-id');
      expect(figureId).toBeTruthy();

      // A figure by hand whose quote is not in the document: the server's reason is shown, nothing stored.
      const form = dialog.locator('form.figure-form');
      await form.scrollIntoViewIfNeeded();
      await form.locator('input[name=subject_id]').fill('synthetic-biology');
      await form.locator('input[name=year]').fill('2026');
      await form.locator('input[name=value]').fill('25');
      await form.locator('textarea[name=quote]').fill('2026年全市合成生物产业链销售收入达到25亿元');
      await form.getByRole('button', { name: '保存指标' }).click();
      const refused = form.locator('.figure-error');
      await refused.waitFor(SLOW);
      expect(await refused.textContent()).toContain('引文不在该文档中');
      await page.screenshot({ path: path.join(RESULTS, 'documents-figure-422.png') });
      expect((await getJson<FigureList>('/api/figures?subject_type=chain&subject_id=synthetic-biology')).figures.some((f) => f.year === 2026)).toBe(false);
      await page.keyboard.press('Escape');
      await expect.poll(() => dialog.count()).toBe(0);

      // The same file again: refused as a duplicate, with a link that opens the stored document.
      await uploadIn(list, docx, '重复上传');
      const dup = list.locator('.upload-error');
      await dup.waitFor(SLOW);
      expect(await dup.textContent()).toContain('同样内容的文档已经存在');
      await dup.locator(`button[data-document-id="${docId}"]`).click();
      const viewer = page.locator('dialog.document-viewer');
      await expect.poll(() => viewer.getByRole('heading', { level: 2 }).textContent(), SLOW).toBe('合成生物产业链2025年运行情况');
      // The accepted figure's quote is now a citation of the document: highlighted in the text.
      await expect.poll(() => viewer.locator('mark.cited-mark').count(), SLOW).toBeGreaterThan(0);
      await page.keyboard.press('Escape');
      await page.keyboard.press('Escape');
      await expect.poll(() => page.locator('dialog').count()).toBe(0);

      // The chain chart: 2024 → 2025 actuals toward the targets; the new point carries its source.
      await page.getByRole('tab', { name: '图表' }).click();
      const series = page.locator('.chain-series');
      await series.locator('select.series-chain-select').selectOption('synthetic-biology');
      const point = series.locator(`.series-point[data-figure-id="${figureId}"]`);
      await point.waitFor(SLOW);
      expect(await point.getAttribute('data-year')).toBe('2025');
      expect(await point.getAttribute('data-kind')).toBe('actual');
      expect(await point.locator('title').textContent()).toContain(docId);
      const years = await series.locator('.series-point[data-kind="actual"]:not([data-superseded])').evaluateAll((els) => els.map((e) => e.getAttribute('data-year')));
      expect(years).toEqual(['2024', '2025']);
      const progress = series.locator('.series-progress li[data-target-year="2030"]');
      expect(await progress.textContent()).toContain(`${Math.round((19.2 / 30) * 1000) / 10}%`);
      await point.scrollIntoViewIfNeeded();
      const dot = (await point.locator('circle').boundingBox())!;
      const png = PNG.sync.read(await page.screenshot({ path: path.join(RESULTS, 'documents-chain-series.png') }));
      expect(near(png, dot.x + dot.width / 2, dot.y + dot.height / 2, ACTUAL_RGB), 'the 2025 dot is painted in the actuals colour').toBe(true);
      // The line from 2024 reaches it: actuals colour halfway between the two dots.
      const first = (await series.locator('.series-point[data-year="2024"][data-kind="actual"] circle').boundingBox())!;
      expect(near(png, (first.x + first.width / 2 + dot.x + dot.width / 2) / 2, (first.y + first.height / 2 + dot.y + dot.height / 2) / 2, ACTUAL_RGB, 60)).toBe(true);

      // Its source in the list below the chart opens the viewer at the quote, and the URL says where.
      const entry = series.locator(`.series-figures li[data-figure-id="${figureId}"]`);
      expect(await entry.locator('cite').textContent()).toBe('合成生物产业链2025年运行情况');
      await entry.scrollIntoViewIfNeeded();
      await entry.getByRole('button', { name: /^查看原文/ }).click();
      const mark = viewer.locator('mark.quote-mark');
      await mark.waitFor(SLOW);
      expect(strip((await mark.textContent()) ?? '')).toBe(strip(row.quote));
      await settle(page);
      const shot = PNG.sync.read(await page.screenshot({ path: path.join(RESULTS, 'documents-viewer.png') }));
      const box = (await mark.boundingBox())!;
      expect(share(shot, box, MARK_RGB), 'the quote is painted highlighted').toBeGreaterThan(0.4);
      const hash = await page.evaluate(() => window.location.hash);
      const detail = await getJson<DocumentDetailV2>(`/api/documents/${docId}`);
      const citation = detail.citations.find((c) => strip(c.quote) === strip(row.quote))!;
      expect(hash).toBe(`#doc=${docId}&cite=${citation.id}`);

      // That link opens the same place in a fresh page.
      const again = await openApp(context, `/${hash}`);
      const mark2 = again.locator('dialog.document-viewer mark.quote-mark');
      await mark2.waitFor(SLOW);
      expect(await mark2.getAttribute('data-citation-id')).toBe(citation.id);

      expect(external, 'requests to non-local hosts').toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('searches the paragraphs, shows page numbers and the stored English beside the Chinese, marked as a translation', async () => {
    const { context } = await offlineContext(browser);
    try {
      const page = await openApp(context, '/#doc=004&p=3');
      const viewer = page.locator('dialog.document-viewer');
      await viewer.locator('.doc-text').waitFor(SLOW);
      const doc = await getJson<DocumentDetailV2>('/api/documents/004');
      // Every citation of the document is highlighted.
      const placed = doc.citations.filter((c) => c.first_seq !== null).length;
      expect(await viewer.locator('mark.cited-mark').count()).toBeGreaterThanOrEqual(Math.min(placed, 1));
      // Search: the paragraphs containing the word, each a jump.
      const word = '生物医药';
      const expected = doc.paragraphs.filter((p) => strip(p.text).includes(word)).map((p) => String(p.seq));
      await viewer.getByRole('searchbox').fill(word);
      await expect.poll(() => viewer.locator('.doc-hit-button').evaluateAll((els) => els.map((e) => e.getAttribute('data-seq')))).toEqual(expected.slice(0, 50));
      await viewer.locator('.doc-hit-button').nth(1).click();
      await expect.poll(() => page.evaluate(() => window.location.hash)).toBe(`#doc=004&p=${expected[1]}`);
      // The English beside: a paragraph with a stored translation shows it with the translation tag.
      await viewer.getByRole('checkbox', { name: '并排显示英文译文' }).check();
      const withEn = doc.paragraphs.find((p) => p.en)!;
      const rows = viewer.locator('.doc-row');
      expect(await rows.count()).toBe(doc.paragraphs.length);
      const row = rows.nth(doc.paragraphs.indexOf(withEn));
      expect(await row.locator('.doc-en').textContent()).toContain(withEn.en!.slice(0, 40));
      expect(await row.locator('.translation-tag').textContent()).toBe('译文');
      expect(strip((await row.locator('.doc-zh').textContent()) ?? '')).toBe(strip(withEn.text));
      expect(await viewer.locator('.doc-translation-note').textContent()).toContain('以中文原文为准');
      await row.scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(RESULTS, 'documents-bilingual.png') });
    } finally {
      await context.close();
    }
  });
});
