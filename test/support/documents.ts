/**
 * Document fixtures built in the test itself (no committed binaries): PDFs by pdfkit with the Noto Sans
 * SC font embedded (so Chinese text has a text layer), an encrypted PDF (pdfkit's user password), a
 * scanned one (a PNG drawn by pngjs, no text), DOCX files as a zip of document.xml by fflate, and
 * multipart uploads through the API with a session.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { PNG } from 'pngjs';
import { strToU8, zipSync } from 'fflate';
import type { Session } from './session.js';
import type { TestApp } from './harness.js';

const require = createRequire(import.meta.url);
const FONT = fs.readFileSync(require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'));

/** A PDF with one text block per page (Noto Sans SC embedded); `opts` go to pdfkit (userPassword …). */
export function makePdf(pages: string[][], opts: Record<string, unknown> = {}): Promise<Buffer> {
  return new Promise((resolve) => {
    const doc = new PDFDocument({ size: 'A4', ...opts });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.font(FONT).fontSize(12);
    pages.forEach((lines, i) => {
      if (i > 0) doc.addPage();
      for (const l of lines) doc.text(l);
    });
    doc.end();
  });
}

/** A "scan": one page holding only an image, so no text layer. */
export function makeScannedPdf(): Promise<Buffer> {
  const png = new PNG({ width: 64, height: 64 });
  for (let i = 0; i < png.data.length; i += 4) png.data.set([i % 255, 80, 160, 255], i);
  const image = PNG.sync.write(png);
  return new Promise((resolve) => {
    const doc = new PDFDocument({ size: 'A4' });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.image(image, 72, 72, { width: 400 });
    doc.end();
  });
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const p = (t: string) => `<w:p><w:r><w:t xml:space="preserve">${esc(t)}</w:t></w:r></w:p>`;

/** A DOCX of paragraphs and (optionally) one table (rows of cells), as Word stores it: a zip of XML parts. */
export function makeDocx(paragraphs: string[], table: string[][] = [], extra: Record<string, Uint8Array> = {}): Buffer {
  const tbl = table.length ? `<w:tbl>${table.map((r) => `<w:tr>${r.map((c) => `<w:tc>${p(c)}</w:tc>`).join('')}</w:tr>`).join('')}</w:tbl>` : '';
  const body = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${paragraphs.map(p).join('')}${tbl}</w:body></w:document>`;
  return Buffer.from(zipSync({
    '[Content_Types].xml': strToU8('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'),
    '_rels/.rels': strToU8('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'),
    'word/document.xml': strToU8(body),
    ...extra,
  }));
}

/** POST /api/documents as multipart with the session's cookie and CSRF token. */
export async function uploadDocument(app: TestApp, s: Session, name: string, data: Buffer, fields: Record<string, string> = {}): Promise<Response> {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append('file', new Blob([new Uint8Array(data)]), name);
  return fetch(`${app.url}/api/documents`, { method: 'POST', headers: { Cookie: s.cookie, 'X-CSRF-Token': s.csrf }, body: form });
}
