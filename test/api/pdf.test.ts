import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import express from 'express';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { PNG } from 'pngjs';
import { createApp } from '../../server/src/app.js';
import { problemHandler } from '../../server/src/http/problem.js';
import { pdfRoutes, type PdfRoutesOptions } from '../../server/src/pdf/pdf.routes.js';
import { BRIEF_MAP } from '../../server/src/pdf/park-brief.js';
import { MAP_BACKGROUND, parseHex } from '../../server/src/pdf/map-style.js';
import { frameFromCamera, frameExtent, fromPage, scaleBar, toLngLat, toPage } from '../../server/src/pdf/mercator.js';
import { normaliseQuote, quoteExcerpt } from '../../server/src/pdf/strings.js';
import { cloneTemplate } from '../support/engine.js';
import type { TestApp } from '../support/harness.js';
import type { SitesResult } from '../../contract/api.js';
import { signIn } from '../support/session.js';
import { loadDemoSites, removeDemoSites } from '../../server/src/sites/demo-sites.js';

// PDFs are checked with poppler (pdfinfo, pdftotext, pdftoppm), as a reader would open them.
const NOW = new Date('2026-03-15T04:00:00Z');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-pdf-'));
let seq = 0;

function listen(handler: express.Express): Promise<{ url: string; server: Server }> {
  return new Promise((resolve) => {
    const s = handler.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${(s.address() as AddressInfo).port}`, server: s }));
  });
}

/**
 * The real app over a fresh clone of the template, with the PDF routes in front of it. app.ts does not
 * mount them yet; once it does (api.use(pdfRoutes(db)) before apiNotFound), startTestApp() serves the same.
 */
async function startPdfApp(opts: PdfRoutesOptions): Promise<TestApp> {
  const db = await cloneTemplate(inject('template'));
  const outer = express();
  outer.use('/api', express.json(), pdfRoutes(db, opts));
  outer.use(createApp(db));
  outer.use(problemHandler);
  const { url, server } = await listen(outer);
  return {
    url,
    db,
    async close() {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      await db.close();
    },
  };
}

function save(pdf: Buffer): string {
  const file = path.join(tmp, `doc-${++seq}.pdf`);
  fs.writeFileSync(file, pdf);
  return file;
}

const pdfText = (file: string) => execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
/** Text without any whitespace: line wrapping in the PDF must not decide whether a phrase is found. */
const flat = (s: string) => s.replace(/\s+/g, '');

function pdfInfo(file: string): { pages: number; width: number; height: number } {
  const out = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(out)?.[1]);
  const size = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(out);
  return { pages, width: Number(size?.[1]), height: Number(size?.[2]) };
}

async function getPdf(url: string): Promise<{ res: Response; file: string }> {
  const res = await fetch(url);
  expect(res.status, await res.clone().text().then((t) => t.slice(0, 300))).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^application\/pdf/);
  const buf = Buffer.from(await res.arrayBuffer());
  expect(buf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  return { res, file: save(buf) };
}

async function expectProblem(res: Response, status: number) {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const body = (await res.json()) as { status: number; detail: string };
  expect(body.status).toBe(status);
  return body;
}

/**
 * Pixels inside `rect` (pt) of page 1 rendered at 50 dpi that are `color` laid over the map's
 * background at some opacity: background − pixel points the same way as background − colour.
 */
function countColour(file: string, rect: { x: number; y: number; width: number; height: number }, color: string): number {
  const out = path.join(tmp, `page-${++seq}`);
  execFileSync('pdftoppm', ['-r', '50', '-png', '-f', '1', '-l', '1', '-singlefile', file, out]);
  const png = PNG.sync.read(fs.readFileSync(`${out}.png`));
  const k = 50 / 72;
  const bg = parseHex(MAP_BACKGROUND);
  const c = parseHex(color);
  const e = bg.map((v, i) => v - c[i]);
  const eLen = Math.hypot(...e);
  let n = 0;
  for (let y = Math.ceil(rect.y * k) + 2; y < Math.floor((rect.y + rect.height) * k) - 2; y++) {
    for (let x = Math.ceil(rect.x * k) + 2; x < Math.floor((rect.x + rect.width) * k) - 2; x++) {
      const o = (y * png.width + x) * 4;
      const d = [bg[0] - png.data[o], bg[1] - png.data[o + 1], bg[2] - png.data[o + 2]];
      const dLen = Math.hypot(...d);
      if (dLen < 0.1 * eLen) continue;
      const cos = (d[0] * e[0] + d[1] * e[1] + d[2] * e[2]) / (dLen * eLen);
      if (cos > 0.98) n++;
    }
  }
  return n;
}

interface LayerRow { id: string; title_zh: string; title_en: string; style: { visible?: boolean; featureColors?: Record<string, string> } }

let app: TestApp;
beforeAll(async () => {
  app = await startPdfApp({ publicUrl: null, now: () => NOW });
});
afterAll(async () => {
  await app?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('PDF: park briefs, prints and briefing exports', () => {
  let layers: LayerRow[];
  beforeAll(async () => {
    layers = (await app.db.query<LayerRow>('SELECT id, title_zh, title_en, style FROM layers ORDER BY sort, id')).rows;
  });

  const parkFigures = async (id: string) =>
    (await app.db.query<{ value_text: string; as_of_year: number | null }>(
      `SELECT t.value_text, d.as_of_year FROM targets t JOIN citations c ON c.id = t.citation_id JOIN documents d ON d.id = c.document_id
       WHERE t.subject_type = 'feature' AND t.subject_id = $1 ORDER BY t.sort`, [id])).rows;

  it('GET /api/parks/park-biomed/brief.pdf?lang=zh is one A4 page with the name, every cited figure, its as-of year, the QR link and the accuracy note', async () => {
    const { file } = await getPdf(`${app.url}/api/parks/park-biomed/brief.pdf?lang=zh`);
    const info = pdfInfo(file);
    expect(info.pages).toBe(1);
    expect(Math.round(info.width)).toBe(595);
    expect(Math.round(info.height)).toBe(842);
    const text = flat(pdfText(file));
    expect(text).toContain('生物医药产业园');
    const figures = await parkFigures('park-biomed');
    expect(figures.length).toBeGreaterThan(3);
    for (const f of figures) expect(text).toContain(flat(f.value_text));
    expect(text).toContain(flat(`数据截至 ${figures[0].as_of_year} 年`));
    expect(text).toContain('示意图：依据规划文本绘制，非测绘成果');
    expect(text).toContain('2026-03-15');
    expect(text).toContain(`${app.url}/?sel=park-biomed&lang=zh`);
    // Its sites with the area GET /api/sites gives: PostGIS on the polygon a point site references, or "not stated".
    const sites = (await (await fetch(`${app.url}/api/sites/areas`)).json()) as SitesResult;
    const mine = sites.sites.filter((x) => x.park_id === 'park-biomed');
    const sw = mine.find((x) => x.id === 'site-southwest')!;
    expect(sw.area.computed_km2).toBeGreaterThan(3);
    const km2 = sw.area.computed_km2!.toLocaleString('zh-CN', { maximumFractionDigits: 2 });
    expect(text).toContain(flat(`面积 ${km2} 平方公里（PostGIS 依示意范围「${sw.area.computed_from_name_zh}」计算）`));
    for (const x of mine) expect(text).toContain(flat(x.name_zh));
    const siteList = text.slice(Math.min(...['可供地块', '已预留地块', '规划地块', '已占用地块'].map((h) => text.indexOf(flat(h))).filter((i) => i >= 0)));
    for (const x of mine.filter((y) => y.area.km2 === null)) expect(siteList.slice(siteList.indexOf(flat(x.name_zh))).split('•')[0]).toContain('面积未写明');
    // Chinese is drawn with an embedded subset of Noto Sans SC, not a system font.
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' });
    expect(fonts).toMatch(/[A-Z]{6}\+NotoSansSC-Regular\s+CID TrueType\s+Identity-H\s+yes yes yes/);
    expect(fs.statSync(file).size).toBeLessThan(400_000);
  });

  it('the English brief has the English name, the figures and the English accuracy note', async () => {
    const { file } = await getPdf(`${app.url}/api/parks/park-biomed/brief.pdf?lang=en`);
    const text = flat(pdfText(file));
    const { rows } = await app.db.query<{ name_en: string }>("SELECT name_en FROM features WHERE id = 'park-biomed'");
    expect(text).toContain(flat(rows[0].name_en));
    expect(text).not.toContain('生物医药产业园');
    for (const f of await parkFigures('park-biomed')) expect(text).toContain(flat(f.value_text));
    expect(text).toContain(flat('Schematic: drawn from the planning text, not surveyed'));
    expect(text).toContain(flat('data as of 2025'));
    expect(text).toContain(`${app.url}/?sel=park-biomed&lang=en`);
    const sites = (await (await fetch(`${app.url}/api/sites/areas`)).json()) as SitesResult;
    const sw = sites.sites.find((x) => x.id === 'site-southwest')!;
    expect(text).toContain(flat(`area ${sw.area.computed_km2!.toLocaleString('en', { maximumFractionDigits: 2 })} km² (computed by PostGIS from the schematic extent of “${sw.area.computed_from_name_en}”)`));
  });

  it('the English brief shows each figure quote in English translation with its Chinese excerpt (zh) beside it', async () => {
    const text = flat(pdfText((await getPdf(`${app.url}/api/parks/park-biomed/brief.pdf?lang=en`)).file));
    const { rows } = await app.db.query<{ quote: string; quote_en: string | null; metric_zh: string; value_text: string }>(
      "SELECT c.quote, c.quote_en, t.metric_zh, t.value_text FROM targets t JOIN citations c ON c.id = t.citation_id WHERE t.subject_type = 'feature' AND t.subject_id = 'park-biomed' ORDER BY t.sort, t.id");
    expect(rows.length).toBeGreaterThan(0);
    // The first figure always fits on the page: its translation's opening words and its Chinese evidence are both printed.
    const first = rows[0];
    expect(first.quote_en).toBeTruthy();
    expect(text).toContain(flat(first.quote_en!.replace(/\s+/g, ' ').slice(0, 40)));
    // The Chinese excerpt is cut to the line's width by the layout; its opening is printed, marked (zh).
    expect(text).toContain(flat(`(zh) “${quoteExcerpt(first.quote, 24, { metric: first.metric_zh, value: first.value_text }).slice(0, 12)}`));
  });

  it('lists sites grouped by status (available, reserved, planned, occupied), a planned or reserved site never under available', async () => {
    const sites = (await (await fetch(`${app.url}/api/sites/areas`)).json()) as SitesResult;
    const labels = {
      zh: { available: '可供地块', reserved: '已预留地块（暂不可供）', planned: '规划地块（尚未可供）', occupied: '已占用地块' },
      en: { available: 'Available sites', reserved: 'Reserved sites (not available yet)', planned: 'Planned sites (not available yet)', occupied: 'Occupied sites' },
    } as const;
    const order = ['available', 'reserved', 'planned', 'occupied'] as const;
    let checked = 0;
    const statuses = new Set<string>();
    for (const parkId of [...new Set(sites.sites.map((x) => x.park_id))]) {
      const mine = sites.sites.filter((x) => x.park_id === parkId && x.status);
      if (mine.length === 0 || !parkId) continue;
      for (const lang of ['zh', 'en'] as const) {
        const text = flat(pdfText((await getPdf(`${app.url}/api/parks/${parkId}/brief.pdf?lang=${lang}`)).file));
        const present = order.filter((st) => mine.some((x) => x.status === st));
        const at = present.map((st) => text.indexOf(flat(`${labels[lang][st]}(${mine.filter((x) => x.status === st).length})`)));
        // Every group present has its heading with its count, in the fixed order.
        expect(at.every((i) => i >= 0), `${parkId} ${lang}: ${present.join(',')}`).toBe(true);
        expect([...at].sort((a, b) => a - b)).toEqual(at);
        for (const x of mine) {
          const g = present.indexOf(x.status as (typeof order)[number]);
          const name = flat(lang === 'zh' ? x.name_zh : x.name_en);
          const pos = text.indexOf(name, at[g]);
          expect(pos, `${x.id} under ${x.status}`).toBeGreaterThan(at[g]);
          if (g + 1 < at.length) expect(pos, `${x.id} before the next group`).toBeLessThan(at[g + 1]);
          checked++;
          statuses.add(x.status!);
        }
      }
    }
    expect(checked).toBeGreaterThan(2);
    // The seeds have sites that are not available: the grouping is tested on more than one status.
    expect(statuses.size).toBeGreaterThan(1);
  });

  it('marks every demo site DEMO and prints inventory areas as entered (亩) and floor areas as floor space, in both languages', async () => {
    expect((await loadDemoSites(app.db)).loaded).toBe(6);
    try {
      const all = (await (await fetch(`${app.url}/api/sites/areas`)).json()) as SitesResult;
      const demo = all.sites.filter((x) => x.id.startsWith('demo-biomed-'));
      expect(demo).toHaveLength(4);
      const marks = { zh: '【演示数据，非真实地块】', en: '[DEMO data, not a real site]' } as const;
      for (const lang of ['zh', 'en'] as const) {
        const text = flat(pdfText((await getPdf(`${app.url}/api/parks/park-biomed/brief.pdf?lang=${lang}`)).file));
        for (const x of demo) {
          const name = flat(lang === 'zh' ? x.name_zh : x.name_en);
          // The site list's entry: the mark right before the name (the map may label the name elsewhere too);
          // the entry runs to the next bullet.
          const at = text.indexOf(flat(marks[lang]) + name) + flat(marks[lang]).length;
          expect(at, `${x.id} ${lang}: its name with the mark before it`).toBeGreaterThan(flat(marks[lang]).length);
          const entry = text.slice(at, text.indexOf('•', at) > 0 ? text.indexOf('•', at) : undefined);
          if (x.area.entered_m2 !== null) {
            expect(x.area.basis).toBe('entered');
            const mu = ((x.area.entered_m2 * 15) / 10000).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en', { maximumFractionDigits: 1 });
            expect(entry, x.id).toContain(flat(lang === 'zh' ? `面积${mu}亩（载体库登记）` : `area ${mu} mu (as entered in the inventory)`));
          } else {
            expect(x.area.floor_area_m2, x.id).toBeGreaterThan(0);
            const m2 = x.area.floor_area_m2!.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en');
            expect(entry, x.id).toContain(flat(lang === 'zh' ? `建筑面积${m2}平方米` : `floor area ${m2} m²`));
            expect(entry, x.id).not.toContain(flat(lang === 'zh' ? '面积未写明' : 'area not stated'));
          }
        }
        // The document sites carry no mark.
        expect(text.split(flat(marks[lang])).length - 1, lang).toBe(demo.length);
      }
    } finally {
      await removeDemoSites(app.db);
    }
  });

  it('the English brief reads values and units in English (亿元 as CNY bn), keeping the verbatim value beside them', async () => {
    const { rows } = await app.db.query<{ subject_id: string; value_text: string; value: number }>(
      `SELECT t.subject_id, t.value_text, t.value FROM targets t JOIN features f ON f.id = t.subject_id
       WHERE f.layer_id = 'parks' AND t.unit = '亿元' AND t.value IS NOT NULL AND t.value_max IS NULL ORDER BY t.subject_id, t.sort LIMIT 1`);
    expect(rows.length).toBe(1);
    const text = flat(pdfText((await getPdf(`${app.url}/api/parks/${rows[0].subject_id}/brief.pdf?lang=en`)).file));
    const bn = new Intl.NumberFormat('en', { maximumFractionDigits: 2 }).format(rows[0].value / 10);
    expect(text).toContain(flat(`CNY ${bn} bn`));
    expect(text).toContain(flat(rows[0].value_text));
    expect(text).not.toContain('亿元亿元');
  });

  it('every park has a brief in both languages with its name and figures', async () => {
    const { rows } = await app.db.query<{ id: string; name_zh: string; name_en: string }>("SELECT id, name_zh, name_en FROM features WHERE layer_id = 'parks' ORDER BY id");
    expect(rows.map((r) => r.id)).toEqual(['kouan', 'park-biomed', 'park-chemical', 'park-electronics', 'park-equipment', 'park-port']);
    for (const p of rows) {
      for (const lang of ['zh', 'en'] as const) {
        const { file } = await getPdf(`${app.url}/api/parks/${p.id}/brief.pdf?lang=${lang}`);
        expect(pdfInfo(file).pages).toBe(1);
        const text = flat(pdfText(file));
        expect(text, `${p.id} ${lang}`).toContain(flat(lang === 'zh' ? p.name_zh : p.name_en));
        for (const f of await parkFigures(p.id)) expect(text, `${p.id} ${lang}`).toContain(flat(f.value_text));
      }
    }
  });

  it("the brief's map shows the park in its own colour (pixels of page 1 at 50 dpi)", async () => {
    const { file } = await getPdf(`${app.url}/api/parks/park-biomed/brief.pdf?lang=zh`);
    const { rows } = await app.db.query<{ color: string }>("SELECT style->'featureColors'->>'park-biomed' AS color FROM layers WHERE id = 'parks'");
    const parkPixels = countColour(file, BRIEF_MAP, rows[0].color);
    expect(parkPixels).toBeGreaterThan(1000);
    // A colour the biomed map does not use stays (almost) absent: the count above is the park, not noise.
    expect(countColour(file, BRIEF_MAP, '#00897b')).toBeLessThan(parkPixels / 20);
  });

  it('brief errors: 404 for an unknown park or a feature that is not a park, 400 for a bad language or id', async () => {
    await expectProblem(await fetch(`${app.url}/api/parks/park-nowhere/brief.pdf`), 404);
    await expectProblem(await fetch(`${app.url}/api/parks/road-yaocheng-avenue/brief.pdf`), 404);
    await expectProblem(await fetch(`${app.url}/api/parks/park-biomed/brief.pdf?lang=fr`), 400);
    await expectProblem(await fetch(`${app.url}/api/parks/park-biomed/brief.pdf?lang=zh&lang=en`), 400);
    await expectProblem(await fetch(`${app.url}/api/parks/Park%20X/brief.pdf`), 400);
  });

  it('PUBLIC_URL (publicUrl) sets the base of the QR link', async () => {
    const alt = express();
    alt.use('/api', pdfRoutes(app.db, { publicUrl: 'https://atlas.example.cn/map/', now: () => NOW }));
    alt.use(problemHandler);
    const { url, server } = await listen(alt);
    try {
      const { file } = await getPdf(`${url}/api/parks/park-port/brief.pdf?lang=en`);
      expect(flat(pdfText(file))).toContain('https://atlas.example.cn/map/?sel=park-port&lang=en');
    } finally {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
  });

  const state = (lang: 'zh' | 'en', visible: Record<string, boolean>) => ({
    camera: { center: [119.93, 32.33], zoom: 10.4, bearing: 0, pitch: 0 },
    layers: Object.entries(visible).map(([id, v]) => ({ id, visible: v, opacity: 1 })),
    selected: 'park-biomed',
    highlighted: [],
    filters: {},
    lang,
    basemap: 'offline',
  });
  /** Layers shown by a state: those it switches on, plus those it omits that are on by default. */
  const shownBy = (visible: Record<string, boolean>) => layers.filter((l) => visible[l.id] ?? l.style.visible ?? true);
  const post = (body: unknown) => fetch(`${app.url}/api/print`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

  it('POST /api/print (A4 landscape, zh): title, a legend entry for every visible layer, sources, date, accuracy note', async () => {
    const visible = { zones: false, parks: true, sites: true, structure: true };
    const res = await post({ state: state('zh', visible), title: '高港区园区总览（测试）', paper: 'A4', orientation: 'landscape', format: 'pdf' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/pdf/);
    const file = save(Buffer.from(await res.arrayBuffer()));
    const info = pdfInfo(file);
    expect([Math.round(info.width), Math.round(info.height), info.pages]).toEqual([842, 595, 1]);
    const text = flat(pdfText(file));
    expect(text).toContain('高港区园区总览（测试）');
    const shown = shownBy(visible);
    expect(shown.map((l) => l.id)).toEqual(expect.arrayContaining(['parks', 'sites', 'structure', 'roads', 'district']));
    for (const l of shown) expect(text, l.id).toContain(flat(l.title_zh));
    expect(text).not.toContain('功能分区'); // zones is switched off
    expect(text).toContain('图例');
    expect(text).toContain('数据来源');
    const { rows } = await app.db.query<{ title_zh: string }>("SELECT title_zh FROM documents WHERE id = '000'");
    expect(text).toContain(flat(rows[0].title_zh));
    expect(text).toContain('2026-03-15');
    expect(text).toContain('示意图：依据规划文本绘制，非测绘成果');
  });

  it('POST /api/print (A3 portrait, en, rotated): English legend entries, page size A3, bearing noted', async () => {
    const visible = { parks: true, water: true, roads: false, nodes: false, subdistricts: false, neighbours: false, green: false };
    const s = { ...state('en', visible), camera: { center: [119.93, 32.33], zoom: 10.8, bearing: 30, pitch: 40 } };
    const res = await post({ state: s, title: 'Parks and water', paper: 'A3', orientation: 'portrait' });
    expect(res.status).toBe(200);
    const file = save(Buffer.from(await res.arrayBuffer()));
    const info = pdfInfo(file);
    expect([Math.round(info.width), Math.round(info.height)]).toEqual([842, 1191]);
    const text = flat(pdfText(file));
    expect(text).toContain('Parksandwater');
    for (const l of shownBy(visible)) expect(text, l.id).toContain(flat(l.title_en));
    expect(text).not.toContain(flat('Roads (15 east–west'));
    expect(text).toContain(flat('Map rotated to bearing 30°'));
    expect(text).toContain(flat('Pitch not printed'));
    expect(text).toContain(flat('Schematic: drawn from the planning text, not surveyed'));
  });

  it('POST /api/print rejects bad input with 400 problem+json', async () => {
    const good = { state: state('zh', {}), title: 'x', paper: 'A4', orientation: 'landscape', format: 'pdf' };
    const bad: unknown[] = [
      undefined,
      [],
      { ...good, state: undefined },
      { ...good, title: '' },
      { ...good, title: 'x'.repeat(201) },
      { ...good, paper: 'A5' },
      { ...good, orientation: 'diagonal' },
      { ...good, format: 'png' },
      { ...good, extra: 1 },
      { ...good, state: { ...good.state, lang: 'fr' } },
      { ...good, state: { ...good.state, camera: { center: [200, 32], zoom: 10 } } },
      { ...good, state: { ...good.state, layers: [{ id: 'no-such-layer', visible: true, opacity: 1 }] } },
    ];
    for (const b of bad) await expectProblem(await post(b), 400);
    const text = await fetch(`${app.url}/api/print`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"state":' });
    await expectProblem(text, 400);
  });

  it('GET /api/briefings/:id/export.pdf has a title slide and one page per step with its caption', async () => {
    const editor = await signIn(app, 'pdf-editor', 'editor');
    const viewIds: string[] = [];
    for (const [title, lang] of [['生物医药产业园视图', 'zh'], ['Port and chemical parks', 'en']] as const) {
      const res = await editor.fetch('/api/views', { method: 'POST', body: JSON.stringify({ title, state: state(lang, { parks: true }) }) });
      expect(res.status).toBe(201);
      viewIds.push(((await res.json()) as { id: string }).id);
    }
    const steps = [
      { view_id: viewIds[0], caption: '第一步：医药城核心区' },
      { view_id: viewIds[1], caption: 'Step two: the riverside parks' },
      { view_id: viewIds[0], caption: '第三步：回到医药城' },
    ];
    const created = await editor.fetch('/api/briefings', { method: 'POST', body: JSON.stringify({ title: '招商路演简报', subtitle: '测试副标题', steps }) });
    expect(created.status).toBe(201);
    const id = ((await created.json()) as { id: string }).id;

    const { file } = await getPdf(`${app.url}/api/briefings/${id}/export.pdf`);
    const info = pdfInfo(file);
    expect(info.pages).toBe(1 + steps.length);
    expect([Math.round(info.width), Math.round(info.height)]).toEqual([842, 595]);
    const text = flat(pdfText(file));
    for (const s of ['招商路演简报', '测试副标题', '生物医药产业园视图', 'Port and chemical parks', ...steps.map((x) => x.caption)]) expect(text).toContain(flat(s));
    expect(text).toContain('示意图：依据规划文本绘制，非测绘成果');
    expect(text).toContain(flat('Schematic: drawn from the planning text, not surveyed'));
    // Page 3 is step 2: its caption is on it.
    const page3 = flat(execFileSync('pdftotext', ['-enc', 'UTF-8', '-f', '3', '-l', '3', file, '-'], { encoding: 'utf8' }));
    expect(page3).toContain(flat('Step two: the riverside parks'));

    await expectProblem(await fetch(`${app.url}/api/briefings/brief-nothing/export.pdf`), 404);
    await expectProblem(await fetch(`${app.url}/api/briefings/${id}/export.pdf?lang=de`), 400);
  });
});

describe('PDF map geometry and quotes', () => {
  it('page ↔ Web-Mercator is a rotation by the bearing, and the extent covers the rotated frame', () => {
    const rect = { x: 40, y: 60, width: 500, height: 300 };
    const frame = frameFromCamera(rect, { center: [119.95, 32.38], zoom: 11.3, bearing: 37 });
    for (const p of [{ x: 40, y: 60 }, { x: 540, y: 360 }, { x: 123.4, y: 321 }]) {
      const back = toPage(frame, fromPage(frame, p));
      expect(back.x).toBeCloseTo(p.x, 6);
      expect(back.y).toBeCloseTo(p.y, 6);
    }
    // Up on the page is 37° east of north: a point due north of the centre lies up and to the left.
    const north = toPage(frame, [frame.center[0], frame.center[1] + 1000]);
    expect(north.y).toBeLessThan(rect.y + rect.height / 2);
    expect(north.x).toBeLessThan(rect.x + rect.width / 2);
    const [x0, y0, x1, y1] = frameExtent(frame);
    for (const c of [{ x: 40, y: 60 }, { x: 540, y: 60 }, { x: 40, y: 360 }, { x: 540, y: 360 }]) {
      const m = fromPage(frame, c);
      expect(m[0] >= x0 - 1e-6 && m[0] <= x1 + 1e-6 && m[1] >= y0 - 1e-6 && m[1] <= y1 + 1e-6).toBe(true);
    }
    // 96 dpi: at zoom z one CSS px is 40075016.686 / (512 · 2^z) Mercator metres, one pt is 4/3 px.
    expect(frame.metresPerPt).toBeCloseTo((40075016.686 / (512 * 2 ** 11.3)) * (4 / 3), 3);
  });

  it("the scale bar's length is its stated ground distance, as PostGIS measures it on the spheroid", async () => {
    for (const zoom of [9.5, 11, 13.2]) {
      const frame = frameFromCamera({ x: 0, y: 0, width: 600, height: 400 }, { center: [119.95, 32.38], zoom, bearing: 0 });
      const bar = scaleBar(frame, 110);
      expect(bar.pt).toBeLessThanOrEqual(110);
      expect(bar.pt).toBeGreaterThan(110 / 5);
      const a = toLngLat(fromPage(frame, { x: 300 - bar.pt / 2, y: 200 }));
      const b = toLngLat(fromPage(frame, { x: 300 + bar.pt / 2, y: 200 }));
      const { rows } = await app.db.query<{ d: number }>(
        'SELECT ST_Distance(ST_SetSRID(ST_MakePoint($1, $2), 4326)::geography, ST_SetSRID(ST_MakePoint($3, $4), 4326)::geography) AS d',
        [a[0], a[1], b[0], b[1]]);
      expect(Math.abs(Number(rows[0].d) - bar.metres) / bar.metres, `zoom ${zoom}: ${bar.label}`).toBeLessThan(0.005);
    }
  });

  it('quote excerpts are verbatim pieces of the quote around the figure', async () => {
    const { rows } = await app.db.query<{ quote: string; metric_zh: string; value_text: string }>(
      "SELECT c.quote, t.metric_zh, t.value_text FROM targets t JOIN citations c ON c.id = t.citation_id WHERE t.subject_type = 'feature'");
    expect(rows.length).toBeGreaterThan(10);
    for (const r of rows) {
      const ex = quoteExcerpt(r.quote, 30, { metric: r.metric_zh, value: r.value_text });
      expect([...ex].length).toBeLessThanOrEqual(30);
      expect(normaliseQuote(r.quote)).toContain(ex.replace(/^…|…$/g, ''));
      if (normaliseQuote(r.quote).includes(r.value_text)) expect(ex).toContain(r.value_text);
    }
  });
});

