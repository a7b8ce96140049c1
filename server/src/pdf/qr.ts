import QRCode from 'qrcode';
import type { Doc } from './pdf-doc.js';

/**
 * Draws `text` as a QR code of side `size` pt at (x, y), as vector squares (one rectangle per run of
 * dark modules in a row) on a white square with the standard four-module quiet zone.
 */
export function drawQrCode(doc: Doc, text: string, x: number, y: number, size: number): void {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const cell = size / (n + 8);
  doc.save();
  doc.rect(x, y, size, size).fillColor('#ffffff', 1).fill();
  for (let row = 0; row < n; row++) {
    let col = 0;
    while (col < n) {
      if (!qr.modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < n && qr.modules.get(row, col)) col++;
      // A hair of overlap so anti-aliasing viewers show no seams between rows.
      doc.rect(x + (start + 4) * cell, y + (row + 4) * cell, (col - start) * cell + 0.02, cell + 0.02);
    }
  }
  doc.fillColor('#000000', 1).fill();
  doc.restore();
  doc.link(x, y, size, size, text);
}
