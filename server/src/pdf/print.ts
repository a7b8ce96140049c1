import { badRequest } from '../http/problem.js';
import { parseViewState, type ViewState } from '../views/view-state.js';
import type { BriefingRecord, MapFeature, PdfRepository, PrintLayer, SourceDocument } from './pdf.repository.js';
import { addPage, finish, measure, newDocument, pageSize, textBox, type Doc, type Orientation, type Paper } from './pdf-doc.js';
import { drawPlannedMap, type LayerPlan } from './map-layers.js';
import { drawSwatch } from './map-render.js';
import { legendSwatch, type Accuracy } from './map-style.js';
import { frameFromCamera, scaleDenominator, type MapFrame, type PageRect } from './mercator.js';
import { dateInChina, pick, strings, type Lang } from './strings.js';

/** A validated POST /api/print body. */
export interface PrintRequest {
  state: ViewState;
  title: string;
  paper: Paper;
  orientation: Orientation;
  format: 'pdf';
}

const PRINT_KEYS = ['state', 'title', 'paper', 'orientation', 'format'];

/** Validates a print request; throws 400 naming the first bad field. paper, orientation and format default to A4, landscape, pdf. */
export function parsePrintRequest(body: unknown): PrintRequest {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw badRequest('Send a JSON object {state, title, paper, orientation, format}.');
  const b = body as Record<string, unknown>;
  const extra = Object.keys(b).filter((k) => !PRINT_KEYS.includes(k));
  if (extra.length) throw badRequest(`Unknown field(s): ${extra.join(', ')}.`);
  if (b.state === undefined) throw badRequest('state is required.');
  const state = parseViewState(b.state);
  if (typeof b.title !== 'string' || b.title.trim() === '' || b.title.length > 200) throw badRequest('title must be 1–200 characters.');
  const paper = b.paper ?? 'A4';
  if (paper !== 'A4' && paper !== 'A3') throw badRequest('paper must be "A4" or "A3".');
  const orientation = b.orientation ?? 'landscape';
  if (orientation !== 'portrait' && orientation !== 'landscape') throw badRequest('orientation must be "portrait" or "landscape".');
  const format = b.format ?? 'pdf';
  if (format !== 'pdf') throw badRequest('format must be "pdf".');
  return { state, title: b.title.trim(), paper, orientation, format };
}

/** Layer ids in the state that the catalogue does not have. */
export function unknownLayers(state: ViewState, layers: PrintLayer[]): string[] {
  const known = new Set(layers.map((l) => l.id));
  return state.layers.map((l) => l.id).filter((id) => !known.has(id));
}

/** The layers a view shows, in drawing order, with the view's opacity; a layer the state omits keeps its default visibility. */
export function visiblePlans(state: ViewState, layers: PrintLayer[]): LayerPlan[] {
  const controls = new Map(state.layers.map((l) => [l.id, l]));
  return layers.flatMap((layer) => {
    const c = controls.get(layer.id) ?? { visible: layer.style.visible ?? true, opacity: 1 };
    return c.visible ? [{ layer, opacity: c.opacity }] : [];
  });
}

/** How the legend draws a whole layer: hatched only when all of it is schematic (as the web legend). */
function layerAccuracy(layer: PrintLayer): Accuracy {
  const a = new Set(layer.accuracies);
  if (a.size > 0 && [...a].every((x) => x === 'schematic')) return 'schematic';
  return a.has('surveyed') && !a.has('digitised') ? 'surveyed' : 'digitised';
}

/** Columns a panel's blocks flow through, top to bottom, then to the next column. */
class Flow {
  private col = 0;
  y: number;
  constructor(private readonly cols: Array<{ x: number; width: number }>, private readonly top: number, readonly bottom: number) {
    this.y = top;
  }
  get x() { return this.cols[this.col].x; }
  get width() { return this.cols[this.col].width; }
  /** Reserves `h` pt, moving to the next column if needed; false when no column has room. */
  take(h: number): boolean {
    if (this.y + h <= this.bottom) return true;
    if (this.col + 1 >= this.cols.length) return false;
    this.col++;
    this.y = this.top;
    return this.y + h <= this.bottom;
  }
}

const INK = '#1b2733';
const GREY = '#56606b';

interface PageLayout { map: PageRect; panel: Array<{ x: number; width: number }>; panelTop: number; panelBottom: number; footerY: number }

/** Map frame and panel of a view page: landscape puts the panel on the right, portrait below the map. */
function layoutFor(size: [number, number], paper: Paper, headerH: number): PageLayout {
  const [W, H] = size;
  const M = paper === 'A3' ? 36 : 28;
  const footerH = 16;
  const top = M + headerH;
  const bottom = H - M - footerH;
  if (W > H) {
    const panelW = paper === 'A3' ? 250 : 190;
    const map = { x: M, y: top, width: W - 2 * M - panelW - 14, height: bottom - top };
    return { map, panel: [{ x: map.x + map.width + 14, width: panelW }], panelTop: top, panelBottom: bottom, footerY: H - M - 10 };
  }
  const map = { x: M, y: top, width: W - 2 * M, height: Math.round((bottom - top) * 0.64) };
  const colW = (W - 2 * M - 16) / 2;
  return { map, panel: [{ x: M, width: colW }, { x: M + colW + 16, width: colW }], panelTop: map.y + map.height + 12, panelBottom: bottom, footerY: H - M - 10 };
}

/** What one view page shows besides the map. */
interface ViewPage {
  state: ViewState;
  title: string;
  /** Small line above the title (e.g. "Step 2 of 5"). */
  kicker?: string;
  caption?: string;
}

/** Draws the legend of the layers shown: a swatch per layer and per feature colour that appears on the map. */
function drawLegend(doc: Doc, flow: Flow, plans: LayerPlan[], shown: Map<string, MapFeature[]>, lang: Lang, k: number): void {
  const t = strings(lang);
  if (!flow.take(14 * k)) return;
  textBox(doc, t.legend, flow.x, flow.y, { width: flow.width, size: 9 * k, bold: true, color: INK });
  flow.y += 14 * k;
  for (const p of plans) {
    const title = pick(lang, p.layer.title_zh, p.layer.title_en);
    const h = Math.max(12 * k, measure(doc, title, { width: flow.width - 26 * k, size: 7.5 * k })) + 3;
    if (!flow.take(h)) return;
    drawSwatch(doc, legendSwatch(p.layer.geometry_type, p.layer.style, p.layer.style.color, layerAccuracy(p.layer), p.opacity), flow.x, flow.y, 21 * k, 12 * k);
    textBox(doc, title, flow.x + 26 * k, flow.y + 1, { width: flow.width - 26 * k, size: 7.5 * k, color: INK });
    flow.y += h;
    const here = new Set((shown.get(p.layer.id) ?? []).map((f) => f.id));
    for (const c of p.layer.colored.filter((x) => here.has(x.id))) {
      const name = pick(lang, c.name_zh, c.name_en);
      const sh = Math.max(9 * k, measure(doc, name, { width: flow.width - 40 * k, size: 6.5 * k })) + 2;
      if (!flow.take(sh)) return;
      drawSwatch(doc, legendSwatch(p.layer.geometry_type, p.layer.style, p.layer.style.featureColors?.[c.id] ?? p.layer.style.color, c.accuracy, p.opacity), flow.x + 12 * k, flow.y, 16 * k, 9 * k);
      textBox(doc, name, flow.x + 32 * k, flow.y + 0.5, { width: flow.width - 40 * k, size: 6.5 * k, color: GREY });
      flow.y += sh;
    }
  }
  // The accuracy classes in one line: what a dashed, hatched outline means.
  const note = t.accuracyNote;
  const nh = Math.max(12 * k, measure(doc, note, { width: flow.width - 26 * k, size: 7 * k })) + 4;
  if (!flow.take(nh + 2)) return;
  flow.y += 2;
  drawSwatch(doc, legendSwatch('polygon', { color: '#5b6b7a', fillOpacity: 0.25 }, '#5b6b7a', 'schematic', 1), flow.x, flow.y, 21 * k, 12 * k);
  textBox(doc, note, flow.x + 26 * k, flow.y + 1, { width: flow.width - 26 * k, size: 7 * k, color: '#8a4b00' });
  flow.y += nh + 6;
}

function drawSources(doc: Doc, flow: Flow, sources: SourceDocument[], lang: Lang, k: number): void {
  const t = strings(lang);
  if (!flow.take(14 * k)) return;
  textBox(doc, t.dataSources, flow.x, flow.y, { width: flow.width, size: 8 * k, bold: true, color: INK });
  flow.y += measure(doc, t.dataSources, { width: flow.width, size: 8 * k, bold: true }) + 3;
  if (sources.length === 0 && flow.take(10 * k)) {
    flow.y += textBox(doc, t.noSources, flow.x, flow.y, { width: flow.width, size: 6.8 * k, color: GREY }) + 2;
  }
  for (let i = 0; i < sources.length; i++) {
    const s = sources[i];
    const asOf = lang === 'zh' ? `（${t.dataAsOf(s.as_of_year)}）` : ` (${t.dataAsOf(s.as_of_year)})`;
    const line = `• ${pick(lang, s.title_zh, s.title_en)}${asOf}`;
    const h = measure(doc, line, { width: flow.width, size: 6.5 * k }) + 2;
    if (!flow.take(Math.min(h, 20 * k))) {
      return;
    }
    flow.y += textBox(doc, line, flow.x, flow.y, { width: flow.width, height: 20 * k, size: 6.5 * k, color: GREY }) + 2;
  }
  flow.y += 4;
}

/** Draws one page: header, the view's map with north arrow and scale bar, the panel (caption, legend, notes, sources), footer. */
async function drawViewPage(doc: Doc, repo: PdfRepository, layers: PrintLayer[], paper: Paper, orientation: Orientation, page: ViewPage, now: Date): Promise<void> {
  const size = pageSize(paper, orientation);
  addPage(doc, size);
  const lang = page.state.lang;
  const t = strings(lang);
  const W = size[0];
  const M = paper === 'A3' ? 36 : 28;
  // Panel text grows with the paper so an A3 print reads at the same distance as its map.
  const k = paper === 'A3' ? 1.3 : 1;
  const titleSize = paper === 'A3' ? 22 : 16;
  let hy = M;
  if (page.kicker) {
    textBox(doc, page.kicker, M, hy, { width: W - 2 * M, size: 8, color: GREY });
    hy += 11;
  }
  hy += textBox(doc, page.title, M, hy, { width: W - 2 * M, height: titleSize * 1.5, size: titleSize, bold: true, color: INK });
  textBox(doc, `${t.atlas} · ${dateInChina(now)}`, M, hy + 1, { width: W - 2 * M, size: 7.5, color: GREY });
  const layout = layoutFor(size, paper, hy - M + 16);

  const frame: MapFrame = frameFromCamera(layout.map, { center: page.state.camera.center, zoom: page.state.camera.zoom, bearing: page.state.camera.bearing });
  const plans = visiblePlans(page.state, layers);
  const drawn = await drawPlannedMap(doc, repo, frame, plans, lang, { selected: page.state.selected, highlighted: page.state.highlighted });
  const sources = await repo.sources(drawn.features.map((f) => f.id));

  const flow = new Flow(layout.panel, layout.panelTop, layout.panelBottom);
  if (page.caption) {
    const ch = Math.min(measure(doc, page.caption, { width: flow.width, size: 9.5 * k, lineGap: 1 }), (layout.panelBottom - layout.panelTop) * 0.4);
    flow.take(ch + 8);
    doc.rect(flow.x - 4, flow.y - 3, 2.5, ch + 4).fillColor('#1565c0', 1).fill();
    flow.y += textBox(doc, page.caption, flow.x + 2, flow.y, { width: flow.width - 2, height: ch, size: 9.5 * k, color: INK, lineGap: 1 }) + 10;
  }
  drawLegend(doc, flow, plans, drawn.byLayer, lang, k);
  const notes = [t.scale(scaleDenominator(frame).toLocaleString('en-US'))];
  if (page.state.camera.bearing !== 0) notes.push(t.bearingNote(Math.round(page.state.camera.bearing * 10) / 10));
  if (page.state.camera.pitch !== 0) notes.push(t.pitchIgnored);
  if (page.state.basemap !== 'offline') notes.push(t.basemapNotPrinted);
  for (const n of notes) {
    const h = measure(doc, n, { width: flow.width, size: 6.8 * k }) + 2;
    if (!flow.take(h)) break;
    flow.y += textBox(doc, n, flow.x, flow.y, { width: flow.width, size: 6.8 * k, color: GREY }) + 2;
  }
  flow.y += 6;
  drawSources(doc, flow, sources, lang, k);

  textBox(doc, `${t.generated(dateInChina(now))} · ${t.accuracyNote}`, M, layout.footerY, { width: W - 2 * M, size: 7, color: GREY });
}

/** Renders POST /api/print: one page of the view. */
export async function renderPrint(repo: PdfRepository, req: PrintRequest, layers: PrintLayer[], now: Date): Promise<Buffer> {
  const t = strings(req.state.lang);
  const doc = newDocument({ size: pageSize(req.paper, req.orientation), title: req.title, subject: t.atlas, lang: req.state.lang });
  await drawViewPage(doc, repo, layers, req.paper, req.orientation, { state: req.state, title: req.title }, now);
  return finish(doc);
}

/** The title slide of a briefing: title, subtitle, the list of steps, date and the accuracy note. */
function drawTitleSlide(doc: Doc, b: BriefingRecord, lang: Lang, size: [number, number], now: Date): void {
  addPage(doc, size);
  const t = strings(lang);
  const [W, H] = size;
  const M = 56;
  doc.rect(0, 0, W, 8).fillColor('#1565c0', 1).fill();
  textBox(doc, t.atlas, M, M, { width: W - 2 * M, size: 10, color: GREY });
  let y = M + 40;
  y += textBox(doc, b.title, M, y, { width: W - 2 * M, height: 90, size: 30, bold: true, color: INK }) + 8;
  if (b.subtitle) y += textBox(doc, b.subtitle, M, y, { width: W - 2 * M, height: 50, size: 14, color: GREY }) + 10;
  y += textBox(doc, `${t.steps(b.steps.length)} · ${dateInChina(now)} · ${t.createdBy(b.created_by)}`, M, y, { width: W - 2 * M, size: 9, color: GREY }) + 18;
  const views = new Map(b.views.map((v) => [v.id, v]));
  const bottom = H - M - 30;
  b.steps.forEach((s, i) => {
    if (y + 12 > bottom) return;
    const v = views.get(s.view_id);
    const line = `${i + 1}. ${v ? v.title : t.viewMissing}${s.caption ? ` — ${s.caption}` : ''}`;
    y += textBox(doc, line, M, y, { width: W - 2 * M, height: Math.min(22, bottom - y), size: 9, color: INK }) + 4;
  });
  textBox(doc, t.accuracyNote, M, H - M - 12, { width: W - 2 * M, size: 8, color: '#8a4b00' });
}

/**
 * Renders a briefing: a title slide, then one A4 landscape page per step with the step's view and its
 * caption. A step whose view is gone or unreadable still gets its page, saying so, so page n + 1 is
 * always step n.
 */
export async function renderBriefing(repo: PdfRepository, b: BriefingRecord, layers: PrintLayer[], lang: Lang | null, now: Date): Promise<Buffer> {
  const views = new Map(b.views.map((v) => [v.id, v]));
  const firstState = b.views.length ? safeState(views.get(b.steps[0]?.view_id ?? '')?.state) : null;
  const titleLang: Lang = lang ?? firstState?.lang ?? 'zh';
  const size = pageSize('A4', 'landscape');
  const doc = newDocument({ size, title: b.title, subject: strings(titleLang).atlas, lang: titleLang });
  drawTitleSlide(doc, b, titleLang, size, now);
  for (let i = 0; i < b.steps.length; i++) {
    const step = b.steps[i];
    const view = views.get(step.view_id);
    const state = view ? safeState(view.state) : null;
    const kicker = strings(state?.lang ?? titleLang).step(i + 1, b.steps.length);
    if (!view || !state) {
      addPage(doc, size);
      const t = strings(titleLang);
      textBox(doc, kicker, 28, 28, { width: size[0] - 56, size: 8, color: GREY });
      textBox(doc, t.viewMissing, 28, 44, { width: size[0] - 56, size: 16, bold: true, color: INK });
      if (step.caption) textBox(doc, step.caption, 28, 80, { width: size[0] - 56, height: size[1] - 140, size: 11, color: INK });
      continue;
    }
    await drawViewPage(doc, repo, layers, 'A4', 'landscape', { state, title: view.title, kicker, caption: step.caption || undefined }, now);
  }
  return finish(doc);
}

/** A stored view state, or null if it no longer validates (a step's page then says so instead of failing the whole export). */
function safeState(s: unknown): ViewState | null {
  try {
    return parseViewState(s);
  } catch {
    return null;
  }
}
