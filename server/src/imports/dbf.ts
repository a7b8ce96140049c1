import { unprocessable } from './problems.js';

/** One DBF attribute table: field names in order and one record per row (deleted rows kept as null). */
export interface DbfTable {
  fields: string[];
  records: Array<Record<string, string | number | boolean | null> | null>;
  /** The encoding used to decode text, as a WHATWG label. */
  encoding: string;
}

/** .cpg contents and DBF language driver ids mapped to WHATWG encoding labels (GB2312/GBK read as their superset GB18030). */
const CPG: Record<string, string> = {
  'utf-8': 'utf-8', utf8: 'utf-8', '65001': 'utf-8',
  gbk: 'gb18030', gb2312: 'gb18030', gb18030: 'gb18030', cp936: 'gb18030', '936': 'gb18030', 'ansi 936': 'gb18030', '54936': 'gb18030',
  big5: 'big5', cp950: 'big5', '950': 'big5', 'ansi 950': 'big5',
  '1252': 'windows-1252', cp1252: 'windows-1252', 'ansi 1252': 'windows-1252', 'iso-8859-1': 'windows-1252', '88591': 'windows-1252', latin1: 'windows-1252',
};
const LDID: Record<number, string> = { 0x4d: 'gb18030', 0x7a: 'gb18030', 0x4f: 'big5', 0x78: 'big5', 0x03: 'windows-1252', 0x57: '' };

/** The WHATWG label for a .cpg text or a user's `encoding` field, or null when unknown. */
export function encodingLabel(raw: string): string | null {
  const key = raw.trim().toLowerCase();
  if (CPG[key]) return CPG[key];
  try {
    return new TextDecoder(key).encoding;
  } catch {
    return null;
  }
}

/**
 * Reads a dBASE III/IV table. Text is decoded with `encoding` when given (from the .cpg or the user),
 * else with the encoding the header's language driver id names, else as strict UTF-8 — and a file
 * that is not valid UTF-8 then is a 422 asking for a .cpg, rather than silently garbled names.
 */
export function readDbf(buf: Buffer, file: string, encoding: string | null): DbfTable {
  if (buf.length < 33) throw unprocessable(`${file} is too short to be a DBF table.`);
  const n = buf.readUInt32LE(4);
  const headerLen = buf.readUInt16LE(8);
  const recordLen = buf.readUInt16LE(10);
  if (headerLen < 33 || headerLen > buf.length || recordLen < 1) throw unprocessable(`${file} has a damaged DBF header.`);
  const ldid = buf[29];
  const label = encoding ?? (LDID[ldid] || null);
  const decoder = new TextDecoder(label ?? 'utf-8', { fatal: label === null });
  const decode = (b: Buffer, what: string) => {
    try {
      return decoder.decode(b);
    } catch {
      throw unprocessable(
        `${file}: ${what} is not UTF-8, and neither a .cpg file nor the DBF header says which encoding it is. ` +
          'Add a .cpg file to the zip holding the encoding (e.g. GBK), or send the form field encoding=GBK.',
        { limit: 'encoding' },
      );
    }
  };
  const defs: Array<{ name: string; type: string; offset: number; length: number }> = [];
  let offset = 1;
  for (let p = 32; p + 32 <= headerLen && buf[p] !== 0x0d; p += 32) {
    const raw = buf.subarray(p, p + 11);
    const end = raw.indexOf(0);
    const name = decode(raw.subarray(0, end < 0 ? 11 : end), 'a field name').trim();
    const length = buf[p + 16];
    defs.push({ name, type: String.fromCharCode(buf[p + 11]).toUpperCase(), offset, length });
    offset += length;
  }
  if (offset > recordLen) throw unprocessable(`${file}: its fields are longer than its records; the DBF is damaged.`);
  if (headerLen + n * recordLen > buf.length + 1) throw unprocessable(`${file} is truncated: ${n} records announced, fewer present.`);
  const records: DbfTable['records'] = [];
  for (let r = 0; r < n; r++) {
    const base = headerLen + r * recordLen;
    if (buf[base] === 0x2a) {
      records.push(null);
      continue;
    }
    const rec: Record<string, string | number | boolean | null> = {};
    for (const d of defs) {
      const cell = buf.subarray(base + d.offset, base + d.offset + d.length);
      let v: string | number | boolean | null;
      if (d.type === 'N' || d.type === 'F') {
        const t = cell.toString('latin1').trim();
        v = t === '' || /^\*+$/.test(t) ? null : Number(t);
        if (typeof v === 'number' && !Number.isFinite(v)) v = null;
      } else if (d.type === 'L') {
        const t = cell.toString('latin1').trim();
        v = /^[YyTt]$/.test(t) ? true : /^[NnFf]$/.test(t) ? false : null;
      } else if (d.type === 'D') {
        const t = cell.toString('latin1').trim();
        v = /^\d{8}$/.test(t) ? `${t.slice(0, 4)}-${t.slice(4, 6)}-${t.slice(6, 8)}` : null;
      } else {
        const t = decode(cell, `the ${d.name} value of record ${r + 1}`).replace(/[\s\0]+$/, '');
        v = t === '' ? null : t;
      }
      rec[d.name] = v;
    }
    records.push(rec);
  }
  return { fields: defs.map((d) => d.name), records, encoding: label ?? 'utf-8' };
}
