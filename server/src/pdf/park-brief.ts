import type { BriefFigure, MapFeature, ParkBrief, PdfRepository, PrintLayer } from './pdf.repository.js';
import { addPage, finish, measure, newDocument, pageSize, textBox, type Doc } from './pdf-doc.js';
import { drawPlannedMap, type LayerPlan } from './map-layers.js';
import { frameFitBox, scaleDenominator, type MapFrame, type MercatorBox, type PageRect } from './mercator.js';
import { drawQrCode } from './qr.js';
// The UI's ICU unit formatting (locale files of client/src/locales), so page and screen read a value alike.
import { figureValue } from '../../../client/src/lib/figure-format.js';
import { SourceList, marker } from './sources.js';
import { dateInChina, pick, quoteExcerpt, strings, type Lang } from './strings.js';

const [PAGE_W, PAGE_H] = pageSize('A4', 'portrait');
const M = 34;

/** Where the brief's map sits on the A4 page (pt, y down): tests look for the park's colour here. */
export const BRIEF_MAP: PageRect = { x: M, y: M + 66, width: PAGE_W - 2 * M, height: 292 };

const GREY = '#56606b';
const INK = '#1b2733';

/** A park's deep link into the web app: the map opened on that park in that language. */
export function parkLink(base: string, parkId: string, lang: Lang): string {
  return `${base.replace(/\/+$/, '')}/?sel=${encodeURIComponent(parkId)}&lang=${lang}`;
}

/** The figure's value as the document writes it, plus its unit unless the text already contains it ("20家", "30−50个以上"). */
export function valueAsWritten(f: Pick<BriefFigure, 'value_text' | 'unit'>): string {
  return f.unit === '' || f.value_text.includes(f.unit) ? f.value_text : `${f.value_text} ${f.unit}`;
}

/** The layers of the brief's map, drawn in this order; the park and what belongs to it stand out. */
function briefPlans(layers: PrintLayer[], park: ParkBrief): LayerPlan[] {
  const byId = new Map(layers.map((l) => [l.id, l]));
  const plans: LayerPlan[] = [];
  const add = (id: string, paint?: LayerPlan['paint']) => {
    const layer = byId.get(id);
    if (layer) plans.push({ layer, opacity: 1, paint });
  };
  const inPark = (f: MapFeature) => f.parent_id === park.id || park.nodes.some((n) => n.id === f.id);
  // Only the district the park belongs to (its parent): the older DataV boundary would read as a second outline.
  add('district', (f, p) => (f.id === (park.parent_id ?? f.id) ? { ...p, fillOpacity: 0, hatch: null, label: false } : null));
  add('water', (_f, p) => ({ ...p, labelSize: 11 }));
  add('roads', (_f, p) => ({ ...p, opacity: 0.85, labelSize: 10.5 }));
  add('parks', (f, p) => (f.id === park.id ? { ...p, lineWidth: p.lineWidth + 1, labelSize: 16, labelPriority: 100 } : { ...p, opacity: 0.35, labelSize: 11 }));
  // Zones as outlines only, so the park's own colour shows through them.
  add('zones', (f, p) => (f.parent_id === park.id ? { ...p, fillOpacity: 0, hatch: null, labelSize: 11 } : null));
  add('sites', (f, p) => (inPark(f) ? p : null));
  add('nodes', (f, p) => (inPark(f) ? p : null));
  return plans;
}

/** The map frame around the park: its box grown by a fifth on each side, so neighbours and roads show. */
function briefFrame(park: ParkBrief): MapFrame {
  const [x0, y0, x1, y1] = park.bbox;
  const gx = (x1 - x0) * 0.2;
  const gy = (y1 - y0) * 0.2;
  const grown: MercatorBox = [x0 - gx, y0 - gy, x1 + gx, y1 + gy];
  return frameFitBox(BRIEF_MAP, grown, 8);
}

function heading(doc: Doc, text: string, x: number, y: number, width: number, color: string): number {
  textBox(doc, text, x, y, { width, size: 9.5, bold: true, color: INK });
  doc.moveTo(x, y + 14).lineTo(x + width, y + 14).lineWidth(0.8).undash().strokeColor(color, 1).stroke();
  return 19;
}

/** An English translation cut at a word boundary to at most max characters, with an ellipsis when cut. */
function enExcerpt(text: string, max: number): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2))}…`;
}

/** The figures table: indicator, value as written (with an English reading in en), year and kind, then a verbatim excerpt of its quote. */
function drawFigures(doc: Doc, park: ParkBrief, lang: Lang, sources: SourceList, x: number, y: number, width: number, bottom: number): void {
  const t = strings(lang);
  let cy = y + heading(doc, t.figures, x, y, width, park.color);
  if (park.figures.length === 0) {
    textBox(doc, t.noFigures, x, cy, { width, size: 7.5, color: GREY });
    return;
  }
  const valueW = 96;
  const glossW = lang === 'en' ? 104 : 0;
  const TR_H = 7.5;
  const baseH = (f: BriefFigure) => Math.max(measure(doc, pick(lang, f.metric_zh, f.metric_en), { width: width - valueW - 6, size: 8 }), 13) + 9.5 + 5;
  // In English, as many rows as the page has room for (never pushing a figure off it) get a line with the quote's translation.
  let translated = 0;
  if (lang === 'en') {
    const slack = bottom - cy - park.figures.reduce((a, f) => a + baseH(f), 0);
    translated = Math.max(0, Math.floor(slack / TR_H));
  }
  for (let i = 0; i < park.figures.length; i++) {
    const f = park.figures[i];
    const n = sources.ref(f.citation);
    const metric = pick(lang, f.metric_zh, f.metric_en);
    const when = f.year ? `${t.yearOf(f.year)}${lang === 'zh' ? '' : ' '}${t.kind[f.kind] ?? f.kind}` : t.kind[f.kind] ?? f.kind;
    const excerpt = quoteExcerpt(f.citation.quote, lang === 'zh' ? 30 : 24, { metric: f.metric_zh, value: f.value_text });
    // In English, Chinese appears only as evidence, marked “(zh)” (t.zhNote in the footer says what it means).
    const line2 = `${when} · ${marker(lang, [n])}${t.zhMark}“${excerpt}”`;
    const metricH = measure(doc, metric, { width: width - valueW - 6, size: 8 });
    // In English the quote's translation gets its own line, the Chinese excerpt (the evidence) stays beside it.
    const translation = lang === 'en' && i < translated && f.citation.quote_en ? `“${enExcerpt(f.citation.quote_en, 150)}”` : null;
    const rowH = Math.max(metricH, 13) + 9.5 + (translation ? TR_H : 0) + 5;
    if (cy + rowH > bottom) {
      textBox(doc, t.more(park.figures.length - i), x, cy, { width, size: 7, color: GREY });
      return;
    }
    textBox(doc, metric, x, cy, { width: width - valueW - 6, size: 8, color: INK });
    textBox(doc, shownValue(lang, f), x + width - valueW, cy - 1.5, { width: valueW, height: 14, size: lang === 'zh' ? 9.5 : 8.5, bold: true, color: INK, align: 'right' });
    const y2 = cy + Math.max(metricH, 13);
    textBox(doc, line2, x, y2, { width: width - glossW, height: 9.5, size: 6.3, color: GREY });
    // In English the document's own wording stays beside the reading, as the evidence it is.
    if (glossW) textBox(doc, `${t.zhMark}“${valueAsWritten(f)}”`, x + width - glossW, y2, { width: glossW, height: 9.5, size: 6.3, color: GREY, align: 'right' });
    if (translation) textBox(doc, translation, x, y2 + 8.5, { width, height: TR_H, size: 5.8, color: INK });
    cy += rowH;
    doc.moveTo(x, cy - 2.5).lineTo(x + width, cy - 2.5).lineWidth(0.3).undash().strokeColor('#c9ced4', 1).stroke();
  }
}

/** The right column: chains (focus / leaders), enterprises and nodes, sites with status. */
function drawSideFacts(doc: Doc, park: ParkBrief, lang: Lang, sources: SourceList, x: number, y: number, width: number, bottom: number): void {
  const t = strings(lang);
  let cy = y;
  const para = (text: string, size = 7.5, color = INK) => {
    const room = bottom - cy;
    if (room < 9) return;
    cy += textBox(doc, text, x, cy, { width, height: room, size, color, lineGap: 0.5 }) + 3;
  };
  const names = (role: string) => {
    const cs = park.chains.filter((c) => c.role === role);
    const refs = cs.flatMap((c) => (c.citation ? [sources.ref(c.citation)] : []));
    const sep = lang === 'zh' ? '、' : ', ';
    return cs.length ? `${cs.map((c) => pick(lang, c.name_zh, c.name_en)).join(sep)} ${marker(lang, refs)}` : t.none;
  };
  const colon = lang === 'zh' ? '：' : ': ';
  cy += heading(doc, t.chains, x, cy, width, park.color);
  para(`${t.focus}${colon}${names('focus')}`);
  para(`${t.leaders}${colon}${names('leader')}`);
  cy += 5;

  cy += heading(doc, t.enterprises, x, cy, width, park.color);
  if (park.nodes.length === 0) para(t.noEnterprises, 7.2, GREY);
  for (const n of park.nodes) {
    const k = n.kind ? (t.nodeKind[n.kind] ?? n.kind) : '';
    const kind = k ? (lang === 'zh' ? `（${k}）` : ` (${k})`) : '';
    para(`• ${pick(lang, n.name_zh, n.name_en)}${kind}`);
  }
  cy += 5;

  cy += heading(doc, t.sites, x, cy, width, park.color);
  if (park.sites.length === 0) para(t.noSites, 7.2, GREY);
  // Grouped by status, so a planned or reserved site never reads as available.
  for (const group of groupSites(park.sites)) {
    para(`${t.siteGroup[group.status] ?? group.status} (${group.sites.length})`, 7.5, park.color);
    for (const s of group.sites) {
      const refs = [...s.citations, ...s.figures.map((f) => f.citation)].map((c) => sources.ref(c));
      const sep = lang === 'zh' ? '，' : ', ';
      const size = s.figures.map((f) => shownValue(lang, f)).join(sep);
      const a = s.area;
      const num = (v: number, digits: number) => v.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en', { maximumFractionDigits: digits });
      // A building's floor space is said as such, never as land area.
      const floor = a?.floor_area_m2 != null ? t.siteFloorArea(num(a.floor_area_m2, 0)) : '';
      const measured = a?.computed_km2 != null
        ? t.siteArea(a.computed_km2.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en', { maximumFractionDigits: 2 }), a.computed_accuracy === 'schematic',
          pick(lang, a.computed_from_name_zh ?? '', a.computed_from_name_en))
        : a?.basis === 'entered' && a.entered_m2 !== null ? t.siteAreaEntered(num((a.entered_m2 * 15) / 10000, 1))
        : a && a.km2 === null && !floor ? t.siteAreaUnknown : '';
      para(`• ${s.demo ? `${t.demo} ` : ''}${pick(lang, s.name_zh, s.name_en)} — ${[size, measured, floor].filter(Boolean).join(sep)} ${marker(lang, refs)}`);
      // Land use is the document's Chinese wording; the English page does not print untranslated text.
      if (s.land_use && (lang === 'zh' || !/\p{Script=Han}/u.test(s.land_use))) para(`   ${s.land_use}`, 6.5, GREY);
    }
  }
}

/** The order sites are listed in: what an investor can take first, what is taken last. */
export const SITE_STATUS_ORDER = ['available', 'reserved', 'planned', 'occupied', 'unknown'] as const;

/** A park's sites by status in SITE_STATUS_ORDER (a site without a status is `unknown`); empty groups left out. */
export function groupSites<S extends { status: string | null }>(sites: S[]): { status: string; sites: S[] }[] {
  const key = (s: S) => (s.status && (SITE_STATUS_ORDER as readonly string[]).includes(s.status) ? s.status : 'unknown');
  return SITE_STATUS_ORDER.map((status) => ({ status, sites: sites.filter((s) => key(s) === status) })).filter((g) => g.sites.length > 0);
}

/** A figure's value in the page's language: zh as the document writes it, en read out (“over CNY 80 bn”, “at least 10 firms”). */
function shownValue(lang: Lang, f: Pick<BriefFigure, 'value_text' | 'value' | 'value_max' | 'qualifier' | 'unit'>): string {
  return lang === 'zh' ? valueAsWritten(f) : figureValue('en', f);
}

/** Renders the one-page A4 investor brief of a park. */
export async function renderParkBrief(repo: PdfRepository, park: ParkBrief, lang: Lang, link: string, now: Date): Promise<Buffer> {
  const t = strings(lang);
  const name = pick(lang, park.name_zh, park.name_en);
  const size = pageSize('A4', 'portrait');
  const doc = newDocument({ size, title: `${name} — ${t.briefKind}`, subject: t.atlas, lang });
  addPage(doc, size);
  const sources = new SourceList();
  const date = dateInChina(now);
  const W = PAGE_W - 2 * M;

  // Header: the park's colour, its name (shrunk to fit two lines at most), what this page is.
  const titleW = W - 13;
  const titleRoom = BRIEF_MAP.y - M - 26;
  let titleSize = lang === 'zh' ? 21 : 17;
  while (titleSize > 11 && measure(doc, name, { width: titleW, size: titleSize, bold: true }) > titleRoom) titleSize -= 0.5;
  const titleH = textBox(doc, name, M + 13, M - 3, { width: titleW, height: titleRoom, size: titleSize, bold: true, color: INK });
  const subY = M - 3 + titleH + 1;
  textBox(doc, `${t.district} · ${t.briefKind}`, M + 13, subY, { width: titleW, size: 8.5, color: GREY });
  textBox(doc, t.areaComputed(park.area_km2.toFixed(2)), M + 13, subY + 12, { width: titleW, size: 7, color: GREY });
  doc.rect(M, M, 5, subY + 22 - M).fillColor(park.color, 1).fill();

  // The map.
  const layers = await repo.layers();
  const frame = briefFrame(park);
  await drawPlannedMap(doc, repo, frame, briefPlans(layers, park), lang);
  const capY = BRIEF_MAP.y + BRIEF_MAP.height + 3;
  // The documents the park's extent was drawn from come first in the source list.
  const extentRefs = park.citations.map((c) => sources.ref(c));
  const caption = `${t.accuracyNote}${lang === 'zh' ? '；' : '; '}${t.extentFrom(marker(lang, extentRefs))}`;
  textBox(doc, caption, M, capY, { width: W * 0.62, height: 10, size: 7, color: '#8a4b00' });
  textBox(doc, t.scale(scaleDenominator(frame).toLocaleString('en-US')), M + W * 0.62, capY, { width: W * 0.38, size: 7, color: GREY, align: 'right' });

  // Body: figures on the left, chains / enterprises / sites on the right.
  const footerTop = PAGE_H - M - 92;
  const bodyY = capY + 17;
  const leftW = 300;
  drawFigures(doc, park, lang, sources, M, bodyY, leftW, footerTop - 6);
  drawSideFacts(doc, park, lang, sources, M + leftW + 18, bodyY, W - leftW - 18, footerTop - 6);

  // Footer: numbered sources with their as-of year, the QR code back to the map, the date and the note.
  doc.moveTo(M, footerTop).lineTo(M + W, footerTop).lineWidth(0.6).strokeColor('#9aa4ae', 1).stroke();
  const qr = 70;
  const srcW = W - qr - 16;
  let sy = footerTop + 5;
  textBox(doc, t.sources, M, sy, { width: srcW, size: 8, bold: true, color: INK });
  sy += 12;
  if (t.zhNote) sy += textBox(doc, t.zhNote, M, sy, { width: srcW, size: 6.3, color: GREY }) + 1.5;
  const srcBottom = PAGE_H - M - 14;
  for (const s of sources.all()) {
    const line = `${marker(lang, [s.n])} ${pick(lang, s.title_zh, s.title_en)}（${t.dataAsOf(s.as_of_year)}）`;
    const text = lang === 'zh' ? line : line.replace('（', ' (').replace(/）$/, ')');
    if (sy + 8 > srcBottom) break;
    sy += textBox(doc, text, M, sy, { width: srcW, height: srcBottom - sy, size: 6.3, color: GREY }) + 1.5;
  }
  drawQrCode(doc, link, M + W - qr, footerTop + 4, qr);
  textBox(doc, t.scanToOpen, M + W - qr - 40, footerTop + 4 + qr, { width: qr + 40, size: 5.8, color: GREY, align: 'right' });
  textBox(doc, link, M, PAGE_H - M - 10, { width: W * 0.55, height: 9, size: 6, color: '#1565c0' });
  doc.link(M, PAGE_H - M - 10, Math.min(doc.widthOfString(link), W * 0.55), 8, link);
  textBox(doc, `${t.generated(date)} · ${t.accuracyNote}`, M + W * 0.45, PAGE_H - M - 10, { width: W * 0.55, size: 6, color: GREY, align: 'right' });
  return finish(doc);
}
