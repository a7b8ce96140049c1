/*
 * Web-Mercator (EPSG:3857) maths for maps printed on paper. Three kinds of coordinates meet here and
 * are kept apart by type: WGS84 degrees (LngLat), Web-Mercator metres (Mercator) and PDF page points
 * (PagePoint, 1/72 inch, y down).
 */

/** WGS84 longitude/latitude in degrees, [lng, lat]. */
export type LngLat = readonly [lng: number, lat: number];
/** Web-Mercator (EPSG:3857) coordinates in metres, [x, y]; y grows north. */
export type Mercator = readonly [x: number, y: number] & { readonly __crs?: 'EPSG:3857' };
/** A point on the PDF page in points, y grows down. */
export interface PagePoint { x: number; y: number }
/** [xmin, ymin, xmax, ymax] in EPSG:3857 metres. */
export type MercatorBox = [number, number, number, number];
/** A rectangle on the page, in points. */
export interface PageRect { x: number; y: number; width: number; height: number }

const R = 6378137;
/** Length of the equator in EPSG:3857 metres. */
export const WORLD_METRES = 2 * Math.PI * R;
/** Largest |y| of Web Mercator (latitude ±85.0511°). */
export const MAX_Y = Math.PI * R;
/** MapLibre's world is 512 CSS px wide at zoom 0. */
export const TILE_PX = 512;
/** CSS pixels per PDF point at 96 dpi. */
export const PX_PER_PT = 96 / 72;
/** PDF points per CSS pixel at 96 dpi: the factor from on-screen style widths to paper. */
export const PT_PER_PX = 72 / 96;

/** Projects WGS84 degrees to Web-Mercator metres. */
export function toMercator([lng, lat]: LngLat): Mercator {
  const clamped = Math.max(-85.0511287798, Math.min(85.0511287798, lat));
  return [(lng * Math.PI * R) / 180, R * Math.log(Math.tan(Math.PI / 4 + (clamped * Math.PI) / 360))] as Mercator;
}

/** Unprojects Web-Mercator metres to WGS84 degrees. */
export function toLngLat([x, y]: Mercator): LngLat {
  return [(x / R) * (180 / Math.PI), (2 * Math.atan(Math.exp(y / R)) - Math.PI / 2) * (180 / Math.PI)];
}

/** A map placed on the page: which piece of the Mercator plane shows in which page rectangle. */
export interface MapFrame extends PageRect {
  /** The Mercator point at the centre of the rectangle. */
  center: Mercator;
  /** Mercator metres per page point (the print scale in projected units). */
  metresPerPt: number;
  /** Degrees clockwise from north of the direction that points up on the page (MapLibre bearing). */
  bearing: number;
}

/**
 * The frame a MapLibre camera would show in a `rect` the size of the page's map frame at 96 dpi:
 * at zoom z one CSS pixel is WORLD_METRES / (512 · 2^z) Mercator metres.
 */
export function frameFromCamera(rect: PageRect, camera: { center: LngLat; zoom: number; bearing: number }): MapFrame {
  const metresPerPx = WORLD_METRES / (TILE_PX * 2 ** camera.zoom);
  return { ...rect, center: toMercator(camera.center), metresPerPt: metresPerPx * PX_PER_PT, bearing: camera.bearing };
}

/** The north-up frame that fits `box` into `rect` with `paddingPt` free on every side. */
export function frameFitBox(rect: PageRect, box: MercatorBox, paddingPt: number): MapFrame {
  const w = Math.max(box[2] - box[0], 1);
  const h = Math.max(box[3] - box[1], 1);
  const metresPerPt = Math.max(w / Math.max(rect.width - 2 * paddingPt, 1), h / Math.max(rect.height - 2 * paddingPt, 1));
  return { ...rect, center: [(box[0] + box[2]) / 2, (box[1] + box[3]) / 2] as Mercator, metresPerPt, bearing: 0 };
}

/** The Web-Mercator zoom (MapLibre, 512 px tiles) that corresponds to a frame's scale at 96 dpi. */
export function zoomOf(frame: MapFrame): number {
  return Math.log2(WORLD_METRES / (TILE_PX * frame.metresPerPt * PT_PER_PX));
}

/** Page position of a Mercator point: offset from the centre, rotated by -bearing, y flipped. */
export function toPage(frame: MapFrame, [mx, my]: Mercator): PagePoint {
  const dx = (mx - frame.center[0]) / frame.metresPerPt;
  const dy = (my - frame.center[1]) / frame.metresPerPt;
  const b = (frame.bearing * Math.PI) / 180;
  const right = dx * Math.cos(b) - dy * Math.sin(b);
  const up = dx * Math.sin(b) + dy * Math.cos(b);
  return { x: frame.x + frame.width / 2 + right, y: frame.y + frame.height / 2 - up };
}

/** Mercator position of a page point (the inverse of toPage). */
export function fromPage(frame: MapFrame, p: PagePoint): Mercator {
  const right = p.x - (frame.x + frame.width / 2);
  const up = frame.y + frame.height / 2 - p.y;
  const b = (frame.bearing * Math.PI) / 180;
  const dx = right * Math.cos(b) + up * Math.sin(b);
  const dy = -right * Math.sin(b) + up * Math.cos(b);
  return [frame.center[0] + dx * frame.metresPerPt, frame.center[1] + dy * frame.metresPerPt] as Mercator;
}

/** The Mercator bounding box of everything the frame shows (of its rotated corners), grown by `marginPt`. */
export function frameExtent(frame: MapFrame, marginPt = 0): MercatorBox {
  const { x, y, width: w, height: h } = frame;
  const corners = [
    { x: x - marginPt, y: y - marginPt }, { x: x + w + marginPt, y: y - marginPt },
    { x: x - marginPt, y: y + h + marginPt }, { x: x + w + marginPt, y: y + h + marginPt },
  ].map((p) => fromPage(frame, p));
  const xs = corners.map((c) => c[0]);
  const ys = corners.map((c) => Math.max(-MAX_Y, Math.min(MAX_Y, c[1])));
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

/**
 * Ground metres per page point at the frame's centre: Web Mercator stretches distances by
 * 1/cos(latitude), so the true scale is the projected one times cos(latitude).
 */
export function groundMetresPerPt(frame: MapFrame): number {
  const lat = toLngLat(frame.center)[1];
  return frame.metresPerPt * Math.cos((lat * Math.PI) / 180);
}

/** A scale bar: the longest round distance (1, 2 or 5 × 10ⁿ m) whose bar fits in `maxPt`. */
export interface ScaleBar { metres: number; pt: number; label: string; segments: number }

/** The scale bar for a frame, measured at the frame's centre latitude. */
export function scaleBar(frame: MapFrame, maxPt: number): ScaleBar {
  const perPt = groundMetresPerPt(frame);
  const maxMetres = perPt * maxPt;
  const pow = 10 ** Math.floor(Math.log10(maxMetres));
  const step = [5, 2, 1].find((s) => s * pow <= maxMetres) ?? 1;
  const metres = step * pow;
  const label = metres >= 1000 ? `${trimNumber(metres / 1000)} km` : `${trimNumber(metres)} m`;
  return { metres, pt: metres / perPt, label, segments: step === 2 ? 4 : step === 5 ? 5 : 4 };
}

const trimNumber = (n: number) => String(Number(n.toPrecision(6)));

/** The representative fraction (1 : N) of the frame at its centre latitude, rounded to 2 significant digits. */
export function scaleDenominator(frame: MapFrame): number {
  const n = groundMetresPerPt(frame) / (0.0254 / 72);
  const pow = 10 ** (Math.floor(Math.log10(n)) - 1);
  return Math.round(n / pow) * pow;
}
