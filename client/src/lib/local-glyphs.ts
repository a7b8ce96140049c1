import type * as MaplibreModule from 'maplibre-gl';
import TinySDF from '@mapbox/tiny-sdf';
import { PbfWriter } from 'pbf';
import { FONT_FAMILY, loadFontFor } from './fonts';

/*
 * Glyphs without a glyph server: the style's `glyphs` URL is `localglyphs://{fontstack}/{range}.pbf`,
 * and this protocol answers each range by drawing its code points with TinySDF in the bundled web font
 * and encoding them as the standard glyph PBF. MapLibre itself draws CJK locally
 * (localIdeographFontFamily); this covers everything else (Latin, digits, punctuation).
 */

/** The glyphs URL template to put in the style. */
export const LOCAL_GLYPHS_URL = 'localglyphs://{fontstack}/{range}.pbf';

/** TinySDF settings of server glyphs: 24px em, 3px border (MapLibre's GLYPH_PBF_BORDER), radius 8. */
const FONT_SIZE = 24;
const BUFFER = 3;
const RADIUS = 8;
const CUTOFF = 0.25;

/**
 * MapLibre's glyph_manager aligns TinySDF output with server glyphs by `top = glyphTop - 27.5`
 * (at 1x). Using the same offset keeps Latin (from here) on the baseline of CJK (drawn by MapLibre).
 */
const TOP_ADJUSTMENT = 27.5;

/** One glyph as stored in the PBF; `bitmap` is (width+6)×(height+6) SDF bytes, empty for blank glyphs. */
export interface PbfGlyph {
  id: number;
  bitmap: Uint8Array;
  width: number;
  height: number;
  left: number;
  top: number;
  advance: number;
}

/** Encodes one fontstack range in the glyphs.proto layout MapLibre parses (parse_glyph_pbf.ts). */
export function encodeGlyphPbf(stackName: string, range: string, glyphs: PbfGlyph[]): Uint8Array {
  const pbf = new PbfWriter();
  pbf.writeMessage(1, (_: null, stack: PbfWriter) => {
    stack.writeStringField(1, stackName);
    stack.writeStringField(2, range);
    for (const g of glyphs) {
      stack.writeMessage(3, (glyph: PbfGlyph, w: PbfWriter) => {
        w.writeVarintField(1, glyph.id);
        // Blank glyphs (space) carry no bitmap, as in glyph servers' output; an empty field would
        // not match the (width+6)×(height+6) size MapLibre expects.
        if (glyph.width > 0 && glyph.height > 0) w.writeBytesField(2, glyph.bitmap);
        w.writeVarintField(3, glyph.width);
        w.writeVarintField(4, glyph.height);
        w.writeSVarintField(5, glyph.left);
        w.writeSVarintField(6, glyph.top);
        w.writeVarintField(7, glyph.advance);
      }, g);
    }
  }, null);
  return pbf.finish();
}

/** Weight from a fontstack name ("Noto Sans SC Bold" → 700); the family is always the bundled one. */
function weightOf(stack: string): number {
  return /\bbold\b/i.test(stack) ? 700 : /\bmedium\b/i.test(stack) ? 500 : 400;
}

const rasterizers = new Map<number, TinySDF>();

function rasterizer(weight: number): TinySDF {
  let sdf = rasterizers.get(weight);
  if (!sdf) {
    sdf = new TinySDF({ fontSize: FONT_SIZE, buffer: BUFFER, radius: RADIUS, cutoff: CUTOFF, fontFamily: `"${FONT_FAMILY}", sans-serif`, fontWeight: String(weight) });
    rasterizers.set(weight, sdf);
  }
  return sdf;
}

/** Draws the code points [start, end] of a fontstack as PBF glyphs; skips controls and surrogates. */
export async function renderGlyphRange(stack: string, start: number, end: number): Promise<Uint8Array> {
  const weight = weightOf(stack);
  const codePoints: number[] = [];
  for (let cp = start; cp <= end; cp++) {
    if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || (cp >= 0xd800 && cp <= 0xdfff)) continue;
    codePoints.push(cp);
  }
  // Load the unicode-range files of this block first: a canvas would otherwise draw fallback boxes.
  await loadFontFor(String.fromCodePoint(...codePoints), [weight]);
  const sdf = rasterizer(weight);
  const glyphs: PbfGlyph[] = codePoints.map((id) => {
    const g = sdf.draw(String.fromCodePoint(id));
    const blank = g.glyphWidth === 0 || g.glyphHeight === 0;
    return {
      id,
      bitmap: blank ? new Uint8Array(0) : new Uint8Array(g.data.buffer, g.data.byteOffset, g.data.byteLength),
      width: blank ? 0 : g.glyphWidth,
      height: blank ? 0 : g.glyphHeight,
      left: g.glyphLeft,
      top: Math.round(g.glyphTop - TOP_ADJUSTMENT),
      advance: Math.round(g.glyphAdvance),
    };
  });
  return encodeGlyphPbf(stack, `${start}-${end}`, glyphs);
}

/** Ranges drawn (or being drawn), by fontstack and range, so a range is drawn once however often it is asked for. */
const drawn = new Map<string, Promise<Uint8Array>>();

/** The glyph PBF of one range of a fontstack, drawn once (later calls share the promise). */
export function glyphRange(stack: string, start: number, end: number): Promise<Uint8Array> {
  const key = `${stack}\u0000${start}-${end}`;
  let job = drawn.get(key);
  if (!job) {
    job = renderGlyphRange(stack, start, end);
    drawn.set(key, job);
    // A failed draw (a font file that did not load) may be retried by the next request.
    job.catch(() => drawn.delete(key));
  }
  return job;
}

/**
 * Draws the Latin range (0–255: digits, Latin letters, punctuation of every label) of the labels' font
 * ahead of MapLibre's request for it, while the page still waits for the layer data: drawing its ~220
 * glyphs takes ~200 ms of main thread in software rendering, which otherwise came after the layers
 * were on the map and delayed its first idle (issue 19).
 */
export function predrawLatinGlyphs(stack: string): void {
  const start = () => void glyphRange(stack, 0, 255).catch(() => undefined);
  if (typeof requestIdleCallback === 'function') requestIdleCallback(start, { timeout: 200 });
  else setTimeout(start, 0);
}

let registered = false;

/** Registers the `localglyphs://` protocol once on the loaded MapLibre (lib/maplibre.ts); safe to call again. */
export function registerLocalGlyphs(maplibregl: typeof MaplibreModule): void {
  if (registered) return;
  registered = true;
  maplibregl.addProtocol('localglyphs', async (params) => {
    const m = /^localglyphs:\/\/(.+)\/(\d+)-(\d+)\.pbf$/.exec(params.url);
    if (!m) throw new Error(`Bad glyph URL: ${params.url}`);
    let stack = m[1];
    try {
      stack = decodeURIComponent(stack);
    } catch {
      // Not percent-encoded: use as is.
    }
    // Only the first family of a stack matters: every stack is drawn with the bundled font.
    const first = stack.split(',')[0].trim();
    const bytes = await glyphRange(first, Number(m[2]), Number(m[3]));
    const data = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    return { data };
  });
}
