import fs from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';

/** A pdfkit document. */
export type Doc = PDFKit.PDFDocument;

/** Font names registered in every document: Noto Sans SC covers Chinese and Latin, so one family does all text. */
export const FONT = { regular: 'NotoSansSC', bold: 'NotoSansSC-Bold' } as const;

/** Paper sizes in points (ISO 216), portrait. */
export const PAPER = { A4: [595.28, 841.89], A3: [841.89, 1190.55] } as const;
export type Paper = keyof typeof PAPER;
export type Orientation = 'portrait' | 'landscape';

const require = createRequire(import.meta.url);
let fontCache: { regular: Buffer; bold: Buffer } | null = null;

/**
 * The two Noto Sans SC TTFs, read once (≈ 10 MB each). pdfkit embeds only the glyphs a document uses,
 * so a page costs tens of kilobytes of font, not megabytes.
 */
function fonts(): { regular: Buffer; bold: Buffer } {
  fontCache ??= {
    regular: fs.readFileSync(require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf')),
    bold: fs.readFileSync(require.resolve('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf')),
  };
  return fontCache;
}

/** Page size in points for a paper and orientation. */
export function pageSize(paper: Paper, orientation: Orientation): [number, number] {
  const [w, h] = PAPER[paper];
  return orientation === 'portrait' ? [w, h] : [h, w];
}

/** A new document with the fonts registered, no margins (every position is explicit) and its metadata. */
export function newDocument(opts: { size: [number, number]; title: string; subject: string; lang: 'zh' | 'en' }): Doc {
  const doc = new PDFDocument({
    size: opts.size,
    margin: 0,
    autoFirstPage: false,
    lang: opts.lang === 'zh' ? 'zh-CN' : 'en',
    displayTitle: true,
    info: { Title: opts.title, Subject: opts.subject, Author: 'Industrial Space Atlas', Creator: 'Industrial Space Atlas' },
  });
  const f = fonts();
  doc.registerFont(FONT.regular, f.regular);
  doc.registerFont(FONT.bold, f.bold);
  return doc;
}

/** Adds a page of the document's size. */
export function addPage(doc: Doc, size: [number, number]): void {
  doc.addPage({ size, margin: 0 });
}

/** Ends the document and resolves with its bytes. */
export function finish(doc: Doc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

/**
 * Writes text inside a box and returns the height used. The box's height bounds the text (pdfkit
 * would otherwise start a new page when text runs past the bottom), and overflow ends in an ellipsis.
 */
export function textBox(
  doc: Doc,
  text: string,
  x: number,
  y: number,
  opts: { width: number; height?: number; size: number; bold?: boolean; color?: string; align?: 'left' | 'center' | 'right'; lineGap?: number; opacity?: number },
): number {
  doc.font(opts.bold ? FONT.bold : FONT.regular).fontSize(opts.size).fillColor(opts.color ?? '#1b2733', opts.opacity ?? 1);
  const o: PDFKit.Mixins.TextOptions = { width: opts.width, align: opts.align ?? 'left', lineGap: opts.lineGap ?? 0 };
  const natural = doc.heightOfString(text, o);
  const height = opts.height === undefined ? natural : Math.min(natural, opts.height);
  doc.text(text, x, y, { ...o, height: Math.max(height, doc.currentLineHeight(true)), ellipsis: true });
  return height;
}

/** The height `text` would take in a box of `width`. */
export function measure(doc: Doc, text: string, opts: { width: number; size: number; bold?: boolean; lineGap?: number }): number {
  doc.font(opts.bold ? FONT.bold : FONT.regular).fontSize(opts.size);
  return doc.heightOfString(text, { width: opts.width, lineGap: opts.lineGap ?? 0 });
}
