import type { Attrs, Column } from './attributes.js';

/**
 * A CSV cell (RFC 4180). Text that a spreadsheet would run as a formula (= + - @ tab CR at the start)
 * gets a leading apostrophe (OWASP "CSV injection"); numbers are written as numbers.
 */
function cell(v: unknown, kind: Column['kind'] | 'wkt'): string {
  if (v === null || v === undefined) return '';
  let s = String(v);
  if (kind === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * CSV with the geometry as WKT in the first column (named WKT, which GDAL and QGIS pick up as the
 * geometry), x = easting/longitude, y = northing/latitude in the export CRS; UTF-8 with a BOM so that
 * Excel shows the Chinese names.
 */
export function writeCsv(columns: Column[], features: Array<{ wkt: string; attrs: Attrs }>): string {
  const lines = [['WKT', ...columns.map((c) => c.name)].map((h) => cell(h, 'wkt')).join(',')];
  for (const f of features) lines.push([cell(f.wkt, 'wkt'), ...columns.map((c) => cell(f.attrs[c.name], c.kind))].join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
