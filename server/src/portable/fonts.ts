import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

/*
 * Noto Sans SC for the portable file: @fontsource splits the font into ~100 unicode-range WOFF2 files
 * per weight; only the files covering a character the briefing can show are inlined, so a briefing
 * carries a few hundred kilobytes to a few megabytes of font instead of the whole 3.5 MB weight.
 */

interface FontChunk {
  weight: number;
  file: string;
  ranges: Array<[number, number]>;
}

const require = createRequire(import.meta.url);
let chunks: FontChunk[] | null = null;

/** The @fontsource package folder (a runtime dependency of the client, installed with the project). */
function fontDir(): string {
  return path.dirname(require.resolve('@fontsource/noto-sans-sc/package.json'));
}

function parseRanges(s: string): Array<[number, number]> {
  return s.split(',').map((r) => {
    const [a, b] = r.trim().replace(/^U\+/i, '').split('-');
    const lo = parseInt(a, 16);
    return [lo, b ? parseInt(b, 16) : lo];
  });
}

/** Every @font-face of the given weights: file and unicode ranges, read from the package's CSS. */
function allChunks(): FontChunk[] {
  if (chunks) return chunks;
  const out: FontChunk[] = [];
  for (const weight of [400, 700]) {
    const css = fs.readFileSync(path.join(fontDir(), `${weight}.css`), 'utf8');
    for (const block of css.split('@font-face').slice(1)) {
      const file = /url\(\.\/files\/([^)]+\.woff2)\)/.exec(block)?.[1];
      const range = /unicode-range:\s*([^;]+);/.exec(block)?.[1];
      if (file && range) out.push({ weight, file, ranges: parseRanges(range) });
    }
  }
  chunks = out;
  return out;
}

const encoded = new Map<string, { base64: string; bytes: number }>();

/** A font file as base64, encoded once per process (the package's files do not change while it runs). */
function fontFile(file: string): { base64: string; bytes: number } {
  let hit = encoded.get(file);
  if (!hit) {
    const data = fs.readFileSync(path.join(fontDir(), 'files', file));
    hit = { base64: data.toString('base64'), bytes: data.length };
    encoded.set(file, hit);
  }
  return hit;
}

/** @font-face rules (WOFF2 as data: URLs) covering every character of `text400` at 400 and `text700` at 700. */
export function fontFaces(text400: string, text700: string): { css: string; files: number; bytes: number } {
  const need = (text: string) => [...new Set([...text].map((c) => c.codePointAt(0)!))];
  const wanted = { 400: need(text400), 700: need(text700) } as Record<number, number[]>;
  let css = '';
  let files = 0;
  let bytes = 0;
  for (const c of allChunks()) {
    const cps = wanted[c.weight];
    if (!cps.some((cp) => c.ranges.some(([lo, hi]) => cp >= lo && cp <= hi))) continue;
    const data = fontFile(c.file);
    files++;
    bytes += data.bytes;
    const range = c.ranges.map(([lo, hi]) => (lo === hi ? `U+${lo.toString(16)}` : `U+${lo.toString(16)}-${hi.toString(16)}`)).join(',');
    css += `@font-face{font-family:'Noto Sans SC';font-style:normal;font-weight:${c.weight};font-display:block;src:url(data:font/woff2;base64,${data.base64}) format('woff2');unicode-range:${range};}\n`;
  }
  return { css, files, bytes };
}
