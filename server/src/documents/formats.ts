import { DOMParser, type Element as XmlElement, type Node as XmlNode } from '@xmldom/xmldom';
import { looksLikeZip, readZip } from '../imports/unzip.js';
import { tooLarge, unprocessable, unsupported } from '../imports/problems.js';
import { textLines, type SourceLine } from './paragraphs.js';

export type DocumentFormat = 'txt' | 'md' | 'pdf' | 'docx';

/** What one document upload may hold; each breach is a 413 or 422 and nothing is stored. */
export const DOCUMENT_LIMITS = {
  /** Bytes of the uploaded file. */
  uploadBytes: 50 * 1024 * 1024,
  /** Entries of a DOCX (a zip): text, styles, numbering, media, relations. */
  zipEntries: 2000,
  /** Bytes of all DOCX entries once inflated: the zip-bomb guard (checked before and during inflation). */
  unzippedBytes: 200 * 1024 * 1024,
  /** Pages of a PDF. */
  pdfPages: 2000,
} as const;

/** The text of a file as lines (with pages for a PDF), before splitting into paragraphs. */
export interface ExtractedText {
  format: DocumentFormat;
  lines: SourceLine[];
  /** The text as stored (documents.body): what quotes are checked against. */
  body: string;
  pages: number | null;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const gb18030 = new TextDecoder('gb18030', { fatal: true });

/** Plain text as UTF-8 (BOM dropped) or, failing that, GB18030 (what Windows in China writes); null when neither. */
function decodeText(data: Buffer): string | null {
  if (data.includes(0)) return null; // binary (or UTF-16, which nobody sends as a plan text)
  for (const dec of [utf8, gb18030]) {
    try {
      return dec.decode(data).replace(/^\uFEFF/, '');
    } catch {
      // next decoder
    }
  }
  return null;
}

/** Which format the bytes are, by content first (magic numbers), by name only to tell Markdown from text. */
export function detectFormat(name: string, data: Buffer): DocumentFormat {
  if (data.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (looksLikeZip(data)) {
    if (/\.docx$/i.test(name) || data.includes(Buffer.from('word/'))) return 'docx';
    throw unsupported(`"${name.slice(0, 80)}" is a zip archive but not a Word document (DOCX). Upload PDF, DOCX, TXT or Markdown.`);
  }
  if (/\.(pdf|docx)$/i.test(name)) throw unprocessable(`"${name.slice(0, 80)}" is named like a ${name.split('.').pop()!.toUpperCase()} but its content is not one (damaged or renamed?).`);
  if (/\.(txt|text|md|markdown)$/i.test(name) || !/\.[a-z0-9]{1,5}$/i.test(name)) {
    if (decodeText(data) === null) throw unsupported(`"${name.slice(0, 80)}" is not readable text (UTF-8 or GB18030).`);
    return /\.(md|markdown)$/i.test(name) ? 'md' : 'txt';
  }
  throw unsupported(`Unknown format "${name.slice(0, 80)}": upload PDF (with a text layer), DOCX, TXT or Markdown.`);
}

// Markdown: only the markup that is not text goes (heading marks, emphasis, list bullets, link targets);
// a table row becomes one paragraph with its cells joined by tabs, as table rows are everywhere else.
function markdownLines(text: string): SourceLine[] {
  const out: SourceLine[] = [];
  let fence = false;
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    if (/^\s*(```|~~~)/.test(raw)) { fence = !fence; continue; }
    if (fence) { out.push({ text: raw, page: null }); continue; }
    if (/^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/.test(raw)) continue; // table rule
    if (/^\s*\|.*\|\s*$/.test(raw)) {
      const cells = raw.trim().replace(/^\||\|$/g, '').split('|').map((c) => inline(c.trim()));
      out.push({ text: cells.join('\t'), page: null, standalone: true });
      continue;
    }
    const line = raw
      .replace(/^\s{0,3}#{1,6}\s+/, '')
      .replace(/^\s{0,3}>\s?/, '')
      .replace(/^\s*(?:[-*+]|\d+[.)])\s+(?=\S)/, (m) => (/\d/.test(m) ? m.trim() : ''));
    const heading = /^\s{0,3}#{1,6}\s+/.test(raw);
    out.push({ text: inline(line), page: null, ...(heading ? { standalone: true } : {}) });
  }
  return out;
}
const inline = (s: string) => s.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/(\*\*|__)(.+?)\1/g, '$2').replace(/`([^`]+)`/g, '$1');

/** A PDF's text layer: pdf.js text items grouped into lines by their baseline, per page. */
async function pdfLines(data: Buffer): Promise<{ lines: SourceLine[]; pages: number }> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  let doc;
  try {
    doc = await pdfjs.getDocument({ data: new Uint8Array(data), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  } catch (e) {
    const name = (e as Error).name;
    if (name === 'PasswordException') throw unprocessable('The PDF is encrypted (it needs a password to open). Upload it without a password.', { reason: 'encrypted' });
    throw unprocessable(`The PDF cannot be read: ${(e as Error).message}`, { reason: 'unreadable' });
  }
  try {
    if (doc.numPages > DOCUMENT_LIMITS.pdfPages) throw tooLarge(`The PDF has ${doc.numPages} pages; at most ${DOCUMENT_LIMITS.pdfPages} are read.`, { limit: 'pdfPages' });
    const lines: SourceLine[] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      type Item = { str: string; x: number; y: number; w: number; h: number };
      const items: Item[] = [];
      for (const it of content.items) {
        if (!('str' in it) || !it.str) continue;
        items.push({ str: it.str, x: it.transform[4], y: it.transform[5], w: it.width, h: Math.abs(it.transform[3]) || it.height || 10 });
      }
      // Top to bottom, then left to right; items whose baselines are within half a glyph height share a line.
      items.sort((a, b) => b.y - a.y || a.x - b.x);
      const rows: Item[][] = [];
      for (const it of items) {
        const row = rows[rows.length - 1];
        if (row && Math.abs(row[0].y - it.y) < row[0].h * 0.5) row.push(it);
        else rows.push([it]);
      }
      for (const row of rows) {
        row.sort((a, b) => a.x - b.x);
        let text = '';
        let cells = 1;
        for (let i = 0; i < row.length; i++) {
          const it = row[i];
          if (i > 0) {
            const prev = row[i - 1];
            const gap = it.x - (prev.x + prev.w);
            // A wide gap is a column (a table cell); a narrow one a word space in Latin text.
            if (gap > 2 * it.h) { text += '\t'; cells++; }
            else if (gap > 0.2 * it.h && /[A-Za-z0-9]$/.test(text) && /^[A-Za-z0-9]/.test(it.str)) text += ' ';
          }
          text += it.str;
        }
        lines.push({ text, page: p, ...(cells > 1 ? { standalone: true } : {}) });
      }
      page.cleanup();
    }
    if (!lines.some((l) => /\S/.test(l.text))) {
      throw unprocessable('The PDF has no text layer (a scan?): run OCR on it first, or upload the DOCX or text it was made from.', { reason: 'no text layer' });
    }
    return { lines, pages: doc.numPages };
  } finally {
    await doc.destroy();
  }
}

/** A DOCX through mammoth (its HTML, so table rows stay rows), after our own zip check refused bombs. */
async function docxLines(data: Buffer): Promise<SourceLine[]> {
  // mammoth inflates with JSZip without limits: check entry count and inflated size first, with the
  // same reader the GIS imports use (it also refuses lying headers while inflating).
  const entries = readZip(data, DOCUMENT_LIMITS, 'The DOCX');
  if (!entries.some((e) => e.name === 'word/document.xml')) throw unprocessable('The DOCX has no word/document.xml: it is not a Word document, or it is damaged.');
  // Loaded here, not at start-up: only a DOCX upload needs it (~0.1 s of module loading).
  const { default: mammoth } = await import('mammoth');
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: data })).value;
  } catch (e) {
    throw unprocessable(`The DOCX cannot be read: ${(e as Error).message}`);
  }
  const root = new DOMParser().parseFromString(`<root>${html}</root>`, 'text/xml').documentElement;
  if (!root) throw unprocessable('The DOCX cannot be read: its text did not convert.');
  const lines: SourceLine[] = [];
  const text = (n: XmlNode): string => (n.textContent ?? '').replace(/\s+/g, ' ').trim();
  const walk = (n: XmlElement) => {
    for (let c = n.firstChild; c; c = c.nextSibling) {
      if (c.nodeType !== 1) continue;
      const el = c as XmlElement;
      const tag = el.tagName.toLowerCase();
      if (tag === 'table') {
        for (const tr of Array.from(el.getElementsByTagName('tr'))) {
          const cells = Array.from(tr.childNodes).filter((x) => x.nodeType === 1).map((td) => text(td));
          if (cells.some(Boolean)) lines.push({ text: cells.join('\t'), page: null, standalone: true });
        }
      } else if (/^(p|h[1-6]|li)$/.test(tag)) {
        // A Word paragraph is a paragraph: the splitter's line-joining is for hard-wrapped text only.
        lines.push({ text: text(el), page: null, standalone: true });
      } else walk(el);
    }
  };
  walk(root);
  return lines;
}

/** Reads a document file into lines; 415 for a format it does not read, 413/422 for a file it cannot use. */
export async function extractText(file: { name: string; data: Buffer }): Promise<ExtractedText> {
  if (file.data.length === 0) throw unprocessable(`"${file.name.slice(0, 80)}" is empty.`);
  if (file.data.length > DOCUMENT_LIMITS.uploadBytes) throw tooLarge(`The file is larger than ${DOCUMENT_LIMITS.uploadBytes / 1024 / 1024} MB.`, { limit: 'uploadBytes' });
  const format = detectFormat(file.name, file.data);
  let lines: SourceLine[];
  let pages: number | null = null;
  if (format === 'pdf') ({ lines, pages } = await pdfLines(file.data));
  else if (format === 'docx') lines = await docxLines(file.data);
  else {
    const text = decodeText(file.data)!;
    // Plain text is stored exactly as sent (quotes are checked against it); Markdown without its markup.
    if (format === 'txt') return { format, lines: textLines(text), body: text, pages: null };
    lines = markdownLines(text);
  }
  const body = lines.map((l) => l.text).join('\n');
  if (!/\S/.test(body)) throw unprocessable(`"${file.name.slice(0, 80)}" holds no text.`);
  return { format, lines, body, pages };
}

