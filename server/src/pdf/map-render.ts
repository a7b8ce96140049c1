import type { Doc } from './pdf-doc.js';
import { FONT } from './pdf-doc.js';
import type { MapFeature, PrintLayer } from './pdf.repository.js';
import {
  HATCH, HIGHLIGHT_COLOR, LABEL_PRIORITY, MAP_BACKGROUND, SCHEMATIC_DASH, darken, featureColor, hatchOpacity,
  labelColor, labelSize, outlineWidth, type LegendSwatch,
} from './map-style.js';
import { PT_PER_PX, scaleBar, toPage, type MapFrame, type Mercator, type PagePoint } from './mercator.js';
import { pick, type Lang } from './strings.js';

/** How one feature is painted, resolved from its layer's style, its accuracy and the print's opacity. Widths in CSS px. */
export interface FeaturePaint {
  color: string;
  stroke: string;
  fillOpacity: number;
  hatch: string | null;
  hatchOpacity: number;
  lineWidth: number;
  dashed: boolean;
  /** Multiplies every opacity above (the layer opacity of the view). */
  opacity: number;
  /** Whether this feature gets a label. */
  label: boolean;
  /** Label size override (px); else by theme. */
  labelSize?: number;
  /** Label priority override; else by theme (LABEL_PRIORITY). */
  labelPriority?: number;
}

/** One layer to draw: its features (already clipped to the frame) and how each is painted (null = not drawn). */
export interface DrawLayer {
  layer: PrintLayer;
  features: MapFeature[];
  paint: (f: MapFeature) => FeaturePaint | null;
}

/** The web map's paint of a feature of `layer`, at layer opacity `opacity`. */
export function defaultPaint(layer: PrintLayer, f: MapFeature, opacity: number): FeaturePaint {
  const style = layer.style;
  const color = featureColor(style, f.id);
  const fillOpacity = style.fillOpacity ?? 0.25;
  const schematic = f.accuracy === 'schematic';
  const label = style.labels ?? true;
  if (layer.geometry_type === 'polygon') {
    return {
      color, stroke: darken(color, 0.3),
      fillOpacity: schematic ? fillOpacity * 0.6 : fillOpacity,
      hatch: schematic && hatchOpacity(fillOpacity) > 0 ? darken(color, 0.15) : null,
      hatchOpacity: schematic ? hatchOpacity(fillOpacity) : 0,
      lineWidth: outlineWidth(f.accuracy, style.lineWidth ?? 1.5), dashed: schematic, opacity, label,
    };
  }
  return {
    color, stroke: color, fillOpacity: 0, hatch: null, hatchOpacity: 0,
    lineWidth: style.lineWidth ?? 1.6, dashed: schematic, opacity, label,
  };
}

type Ring = PagePoint[];

/** The rings (polygons) or parts (lines) of a geometry, projected onto the page. */
function projectParts(frame: MapFrame, g: GeoJSON.Geometry): { polygons: Ring[][]; lines: Ring[]; points: PagePoint[] } {
  const out = { polygons: [] as Ring[][], lines: [] as Ring[], points: [] as PagePoint[] };
  const p = (c: GeoJSON.Position) => toPage(frame, [c[0], c[1]] as unknown as Mercator);
  const walk = (x: GeoJSON.Geometry) => {
    switch (x.type) {
      case 'Polygon': out.polygons.push(x.coordinates.map((r) => r.map(p))); break;
      case 'MultiPolygon': for (const poly of x.coordinates) out.polygons.push(poly.map((r) => r.map(p))); break;
      case 'LineString': out.lines.push(x.coordinates.map(p)); break;
      case 'MultiLineString': for (const l of x.coordinates) out.lines.push(l.map(p)); break;
      case 'Point': out.points.push(p(x.coordinates)); break;
      case 'MultiPoint': for (const c of x.coordinates) out.points.push(p(c)); break;
      case 'GeometryCollection': for (const c of x.geometries) walk(c); break;
    }
  };
  walk(g);
  return out;
}

function tracePolygons(doc: Doc, polygons: Ring[][]) {
  for (const rings of polygons) {
    for (const ring of rings) {
      if (ring.length < 3) continue;
      doc.moveTo(ring[0].x, ring[0].y);
      for (let i = 1; i < ring.length; i++) doc.lineTo(ring[i].x, ring[i].y);
      doc.closePath();
    }
  }
}

function traceLines(doc: Doc, lines: Ring[]) {
  for (const line of lines) {
    if (line.length < 2) continue;
    doc.moveTo(line[0].x, line[0].y);
    for (let i = 1; i < line.length; i++) doc.lineTo(line[i].x, line[i].y);
  }
}

function bounds(points: PagePoint[]): { x0: number; y0: number; x1: number; y1: number } {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const q of points) {
    x0 = Math.min(x0, q.x); y0 = Math.min(y0, q.y); x1 = Math.max(x1, q.x); y1 = Math.max(y1, q.y);
  }
  return { x0, y0, x1, y1 };
}

/** Diagonal hatch lines (lower-left to upper-right, as on the web map) over a box, at the web map's spacing. */
function hatchLines(doc: Doc, b: { x0: number; y0: number; x1: number; y1: number }) {
  const step = HATCH.size * PT_PER_PX;
  // Lines x + y = c in page space; anchored to the page so neighbouring polygons' hatches line up.
  const c0 = Math.floor((b.x0 + b.y0) / step) * step;
  for (let c = c0; c <= b.x1 + b.y1 + step; c += step) {
    doc.moveTo(c - b.y1, b.y1).lineTo(c - b.y0, b.y0);
  }
}

function setDash(doc: Doc, dashed: boolean, widthPt: number) {
  if (dashed) doc.dash(SCHEMATIC_DASH[0] * Math.max(widthPt, 0.75), { space: SCHEMATIC_DASH[1] * Math.max(widthPt, 0.75) });
  else doc.undash();
}

function drawPolygons(doc: Doc, polygons: Ring[][], paint: FeaturePaint) {
  if (polygons.length === 0) return;
  const op = paint.opacity;
  if (paint.fillOpacity * op > 0) {
    tracePolygons(doc, polygons);
    doc.fillColor(paint.color, paint.fillOpacity * op).fill('even-odd');
  }
  if (paint.hatch && paint.hatchOpacity * op > 0) {
    doc.save();
    tracePolygons(doc, polygons);
    doc.clip('even-odd');
    hatchLines(doc, bounds(polygons.flat(2)));
    doc.undash().lineWidth(HATCH.stroke * PT_PER_PX).lineCap('butt').strokeColor(paint.hatch, paint.hatchOpacity * op).stroke();
    doc.restore();
  }
  if (paint.lineWidth > 0 && op > 0) {
    const w = paint.lineWidth * PT_PER_PX;
    tracePolygons(doc, polygons);
    setDash(doc, paint.dashed, w);
    doc.lineWidth(w).lineJoin('round').lineCap('butt').strokeColor(paint.stroke, op).stroke();
    doc.undash();
  }
}

function drawLines(doc: Doc, lines: Ring[], paint: FeaturePaint) {
  if (lines.length === 0 || paint.opacity <= 0) return;
  const w = paint.lineWidth * PT_PER_PX;
  traceLines(doc, lines);
  setDash(doc, paint.dashed, w);
  doc.lineWidth(w).lineJoin('round').lineCap(paint.dashed ? 'butt' : 'round').strokeColor(paint.color, paint.opacity).stroke();
  doc.undash();
}

/** Point radius (px): the web map's circle radius from the layer's line width. */
export const pointRadius = (lineWidth: number) => Math.max(4, lineWidth + 3);

function drawPoints(doc: Doc, points: PagePoint[], paint: FeaturePaint, schematic: boolean) {
  if (paint.opacity <= 0) return;
  const r = pointRadius(paint.lineWidth) * PT_PER_PX;
  for (const q of points) {
    doc.circle(q.x, q.y, r);
    doc.lineWidth((schematic ? 2.2 : 1.5) * PT_PER_PX)
      .fillColor(schematic ? '#ffffff' : paint.color, paint.opacity)
      .strokeColor(schematic ? paint.color : '#ffffff', paint.opacity)
      .fillAndStroke();
  }
}

interface Box { x0: number; y0: number; x1: number; y1: number }
const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

interface LabelCandidate {
  text: string;
  size: number;
  color: string;
  priority: number;
  /** Polygon area on the page, so bigger areas are labelled first. */
  weight: number;
  anchor: PagePoint;
  angle: number;
  /** Offset (pt) from a point symbol, or 0 for centred labels. */
  pointOffset: number;
  /** An area's label, which may move a little to find room. */
  area: boolean;
  opacity: number;
}

/** Places labels greedily by priority, skipping any that would overlap a placed one or leave the frame. */
function drawLabels(doc: Doc, frame: MapFrame, candidates: LabelCandidate[], occupied: Box[]) {
  candidates.sort((a, b) => b.priority - a.priority || b.weight - a.weight);
  // One label per name: a site and the zone it stands for often share one.
  const placed = new Set<string>();
  const inside = (b: Box) => b.x0 >= frame.x + 2 && b.y0 >= frame.y + 2 && b.x1 <= frame.x + frame.width - 2 && b.y1 <= frame.y + frame.height - 2;
  for (const c of candidates) {
    if (placed.has(c.text)) continue;
    doc.font(FONT.regular).fontSize(c.size);
    // Horizontal labels wrap at 10 ems, as MapLibre's text-max-width does; labels along lines stay on one line.
    const natural = doc.widthOfString(c.text);
    const wrap = c.angle === 0 && natural > 10 * c.size;
    // pdfkit fits a word together with its trailing space, so the wrap width allows one more space.
    const w = wrap ? wrappedWidth(doc, c.text, 10 * c.size) + doc.widthOfString(' ') + 0.5 : natural;
    const h = wrap ? doc.heightOfString(c.text, { width: w, align: 'center' }) : doc.currentLineHeight(true);
    const options: Array<{ cx: number; cy: number }> = c.pointOffset > 0
      ? [
          { cx: c.anchor.x + c.pointOffset + w / 2, cy: c.anchor.y },
          { cx: c.anchor.x, cy: c.anchor.y - c.pointOffset - h / 2 },
          { cx: c.anchor.x, cy: c.anchor.y + c.pointOffset + h / 2 },
          { cx: c.anchor.x - c.pointOffset - w / 2, cy: c.anchor.y },
        ]
      : c.area
        // An area's label may move up or down a line or two to clear a symbol or another label.
        ? [0, -1, 1, -2, 2].map((k) => ({ cx: c.anchor.x, cy: c.anchor.y + k * h }))
        : [{ cx: c.anchor.x, cy: c.anchor.y }];
    const rad = (c.angle * Math.PI) / 180;
    const hw = (Math.abs(Math.cos(rad)) * w + Math.abs(Math.sin(rad)) * h) / 2;
    const hh = (Math.abs(Math.sin(rad)) * w + Math.abs(Math.cos(rad)) * h) / 2;
    for (const o of options) {
      const box = { x0: o.cx - hw, y0: o.cy - hh, x1: o.cx + hw, y1: o.cy + hh };
      if (!inside(box) || occupied.some((b) => overlaps(b, box))) continue;
      occupied.push(box);
      placed.add(c.text);
      doc.save();
      if (c.angle !== 0) doc.rotate(c.angle, { origin: [o.cx, o.cy] });
      const tx = o.cx - w / 2;
      const ty = o.cy - h / 2;
      // A white halo first, then the fill: labels stay legible over hatching and lines.
      doc.lineWidth(1.6 * PT_PER_PX * 2).lineJoin('round').strokeColor('#ffffff', 0.92 * c.opacity).fillColor('#ffffff', 0);
      const layout: PDFKit.Mixins.TextOptions = wrap ? { width: w, align: 'center' } : { lineBreak: false };
      doc.text(c.text, tx, ty, { ...layout, stroke: true, fill: false });
      doc.fillColor(c.color, c.opacity);
      doc.text(c.text, tx, ty, { ...layout, stroke: false, fill: true });
      doc.restore();
      break;
    }
  }
}

/** The width of the widest line when `text` is wrapped at `max` pt (so a label's box is no wider than its text). */
function wrappedWidth(doc: Doc, text: string, max: number): number {
  let widest = 0;
  // pdfkit does not report line widths; re-wrap greedily on its break opportunities (spaces, CJK characters).
  const tokens = text.match(/[\u3000-\u9fff\uff00-\uffef]|[^\s\u3000-\u9fff\uff00-\uffef]+\s*|\s+/g) ?? [text];
  let line = '';
  for (const tok of tokens) {
    const next = line + tok;
    if (line && doc.widthOfString(next.trimEnd()) > max) {
      widest = Math.max(widest, doc.widthOfString(line.trimEnd()));
      line = tok.trimStart();
    } else line = next;
  }
  return Math.min(max, Math.max(widest, doc.widthOfString(line.trimEnd())));
}

function ringArea(r: Ring): number {
  let a = 0;
  for (let i = 0, j = r.length - 1; i < r.length; j = i++) a += (r[j].x + r[i].x) * (r[j].y - r[i].y);
  return Math.abs(a / 2);
}

/** Optional extras on a map: selection outlines, and boxes kept free of labels (e.g. under the scale bar). */
export interface MapExtras {
  selected?: string | null;
  highlighted?: string[];
  reserved?: Box[];
}

/**
 * Draws the layers in order inside the frame (clipped to it) on the map's paper background, then the
 * selection, then every label above all bodies, then the frame's border.
 */
export function drawMap(doc: Doc, frame: MapFrame, layers: DrawLayer[], lang: Lang, extras: MapExtras = {}): void {
  doc.save();
  doc.rect(frame.x, frame.y, frame.width, frame.height).fillColor(MAP_BACKGROUND, 1).fill();
  doc.rect(frame.x, frame.y, frame.width, frame.height).clip();
  const labels: LabelCandidate[] = [];
  // Point symbols are kept free of labels, so no name hides a site or an enterprise.
  const symbols: Box[] = [];
  const outlines: Array<{ f: MapFeature; width: number; opacity: number }> = [];
  for (const dl of layers) {
    for (const f of dl.features) {
      const paint = dl.paint(f);
      if (!paint) continue;
      const parts = projectParts(frame, f.geometry);
      drawPolygons(doc, parts.polygons, paint);
      drawLines(doc, parts.lines, paint);
      if (parts.points.length) {
        drawPoints(doc, parts.points, paint, f.accuracy === 'schematic');
        const r = pointRadius(paint.lineWidth) * PT_PER_PX;
        for (const q of parts.points) symbols.push({ x0: q.x - r, y0: q.y - r, x1: q.x + r, y1: q.y + r });
      }
      if (f.id === extras.selected) outlines.push({ f, width: 3.2, opacity: 1 });
      else if (extras.highlighted?.includes(f.id)) outlines.push({ f, width: 2.2, opacity: 0.7 });
      const name = pick(lang, f.name_zh, f.name_en);
      if (paint.label && name && f.label.length > 0 && paint.opacity > 0) {
        const anchor = toPage(frame, f.label[0] as unknown as Mercator);
        let angle = 0;
        if (f.label.length === 3) {
          const a = toPage(frame, f.label[1] as unknown as Mercator);
          const b = toPage(frame, f.label[2] as unknown as Mercator);
          angle = (Math.atan2(b.y - a.y, b.x - a.x) * 180) / Math.PI;
          if (angle > 90) angle -= 180;
          if (angle < -90) angle += 180;
          if (Math.abs(angle) < 1 || !Number.isFinite(angle)) angle = 0;
        }
        const geometry = dl.layer.geometry_type;
        labels.push({
          text: name,
          size: (paint.labelSize ?? labelSize(dl.layer.theme, geometry)) * PT_PER_PX,
          color: labelColor(dl.layer.theme),
          priority: paint.labelPriority ?? LABEL_PRIORITY[dl.layer.theme] ?? 0,
          weight: parts.polygons.reduce((s, poly) => s + (poly[0] ? ringArea(poly[0]) : 0), 0),
          anchor, angle,
          pointOffset: parts.points.length ? pointRadius(paint.lineWidth) * PT_PER_PX + 1.5 : 0,
          area: parts.polygons.length > 0,
          opacity: Math.min(1, paint.opacity * 1.2),
        });
      }
    }
  }
  for (const o of outlines) {
    const parts = projectParts(frame, o.f.geometry);
    tracePolygons(doc, parts.polygons);
    traceLines(doc, parts.lines);
    for (const q of parts.points) doc.circle(q.x, q.y, 7 * PT_PER_PX);
    doc.undash().lineWidth(o.width * PT_PER_PX).lineJoin('round').strokeColor(HIGHLIGHT_COLOR, o.opacity).stroke();
  }
  drawLabels(doc, frame, labels, [...(extras.reserved ?? []), ...symbols]);
  doc.restore();
  doc.rect(frame.x, frame.y, frame.width, frame.height).lineWidth(0.6).undash().strokeColor('#5b6b7a', 1).stroke();
}

/** Size (pt) of the north arrow box and the scale bar box, so callers can keep labels off them. */
export const NORTH_ARROW_PT = 30;

/** The page boxes the north arrow and scale bar occupy in a frame (top-right and bottom-left corners). */
export function furnitureBoxes(frame: MapFrame): Box[] {
  const n = NORTH_ARROW_PT;
  return [
    { x0: frame.x + frame.width - n - 8, y0: frame.y + 4, x1: frame.x + frame.width - 4, y1: frame.y + n + 14 },
    { x0: frame.x + 4, y0: frame.y + frame.height - 30, x1: frame.x + 150, y1: frame.y + frame.height - 4 },
  ];
}

/**
 * A north arrow in the frame's top-right corner, turned with the map: with bearing b the page's "up"
 * points b degrees east of north, so north points b degrees anticlockwise from up.
 */
export function drawNorthArrow(doc: Doc, frame: MapFrame, label: string): void {
  const r = NORTH_ARROW_PT / 2;
  const cx = frame.x + frame.width - r - 8;
  const cy = frame.y + r + 10;
  const b = (frame.bearing * Math.PI) / 180;
  const n = { x: -Math.sin(b), y: -Math.cos(b) };
  const perp = { x: -n.y, y: n.x };
  doc.save();
  doc.circle(cx, cy, r).fillColor('#ffffff', 0.85).fill();
  doc.circle(cx, cy, r).lineWidth(0.5).undash().strokeColor('#5b6b7a', 1).stroke();
  const tip = { x: cx + n.x * (r - 4), y: cy + n.y * (r - 4) };
  const tail = { x: cx - n.x * (r - 6), y: cy - n.y * (r - 6) };
  const w = r * 0.38;
  // Two halves, dark and light, as on a compass needle.
  doc.moveTo(tip.x, tip.y).lineTo(tail.x + perp.x * w, tail.y + perp.y * w).lineTo(cx - n.x * 2, cy - n.y * 2).closePath()
    .fillColor('#1b2733', 1).fill();
  doc.moveTo(tip.x, tip.y).lineTo(tail.x - perp.x * w, tail.y - perp.y * w).lineTo(cx - n.x * 2, cy - n.y * 2).closePath()
    .lineWidth(0.6).fillColor('#ffffff', 1).strokeColor('#1b2733', 1).fillAndStroke();
  doc.font(FONT.bold).fontSize(7.5).fillColor('#1b2733', 1);
  const lw = doc.widthOfString(label);
  const lp = { x: cx + n.x * (r + 5), y: cy + n.y * (r + 5) };
  const lh = doc.currentLineHeight(true);
  doc.circle(lp.x, lp.y, 5.5).fillColor('#ffffff', 0.85).fill();
  doc.fillColor('#1b2733', 1).text(label, lp.x - lw / 2, lp.y - lh / 2, { lineBreak: false });
  doc.restore();
}

/** A scale bar in the frame's bottom-left corner, its length from the projection at the frame's centre latitude. */
export function drawScaleBar(doc: Doc, frame: MapFrame): void {
  const bar = scaleBar(frame, 110);
  const x = frame.x + 10;
  const y = frame.y + frame.height - 14;
  const seg = bar.pt / bar.segments;
  doc.save();
  doc.rect(x - 5, y - 14, bar.pt + 42, 22).fillColor('#ffffff', 0.85).fill();
  for (let i = 0; i < bar.segments; i++) {
    doc.rect(x + i * seg, y, seg, 3.5).fillColor(i % 2 === 0 ? '#1b2733' : '#ffffff', 1).fill();
  }
  doc.rect(x, y, bar.pt, 3.5).lineWidth(0.5).undash().strokeColor('#1b2733', 1).stroke();
  doc.font(FONT.regular).fontSize(6.5).fillColor('#1b2733', 1);
  doc.text('0', x - 2, y - 10, { lineBreak: false });
  doc.text(bar.label, x + bar.pt - doc.widthOfString(bar.label) / 2, y - 10, { lineBreak: false });
  doc.restore();
}

/** A legend swatch (w × h pt) drawn from the same numbers the map paint uses. */
export function drawSwatch(doc: Doc, s: LegendSwatch, x: number, y: number, w: number, h: number): void {
  doc.save();
  if (s.geometry === 'polygon') {
    doc.roundedRect(x + 1, y + 1, w - 2, h - 2, 1.5).fillColor(s.color, s.fillOpacity).fill();
    if (s.hatch) {
      doc.save();
      doc.roundedRect(x + 1, y + 1, w - 2, h - 2, 1.5).clip();
      hatchLines(doc, { x0: x, y0: y, x1: x + w, y1: y + h });
      doc.lineWidth(HATCH.stroke * PT_PER_PX).strokeColor(s.hatch, s.hatchOpacity).stroke();
      doc.restore();
    }
    const sw = Math.min(s.strokeWidth, 3) * PT_PER_PX;
    setDash(doc, s.dashed, sw);
    doc.roundedRect(x + 1, y + 1, w - 2, h - 2, 1.5).lineWidth(sw).strokeColor(s.strokeColor, s.strokeOpacity).stroke();
  } else if (s.geometry === 'line') {
    const sw = Math.min(Math.max(s.strokeWidth, 1.5), 6) * PT_PER_PX;
    setDash(doc, s.dashed, sw);
    doc.moveTo(x + 2, y + h / 2).lineTo(x + w - 2, y + h / 2).lineWidth(sw).lineCap(s.dashed ? 'butt' : 'round').strokeColor(s.color, s.strokeOpacity).stroke();
  } else {
    doc.circle(x + w / 2, y + h / 2, h / 2 - 2).lineWidth(s.strokeWidth * PT_PER_PX)
      .fillColor(s.color, s.fillOpacity).strokeColor(s.strokeColor === '#ffffff' ? '#8a96a3' : s.strokeColor, s.strokeOpacity).fillAndStroke();
  }
  doc.undash();
  doc.restore();
}
