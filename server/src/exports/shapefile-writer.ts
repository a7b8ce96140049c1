import type { Geometry, Position } from 'geojson';
import type { Attrs, Column } from './attributes.js';

/** The shapefile geometry kinds: one .shp holds one of them. */
export type ShapeKind = 'point' | 'multipoint' | 'line' | 'polygon';
const SHAPE_TYPE: Record<ShapeKind, number> = { point: 1, line: 3, polygon: 5, multipoint: 8 };

/** Which .shp a geometry goes to; null for a GeometryCollection (no shapefile type holds one). */
export function shapeKind(g: Geometry): ShapeKind | null {
  switch (g.type) {
    case 'Point':
      return 'point';
    case 'MultiPoint':
      return 'multipoint';
    case 'LineString':
    case 'MultiLineString':
      return 'line';
    case 'Polygon':
    case 'MultiPolygon':
      return 'polygon';
    default:
      return null;
  }
}

/** The parts (rings or lines) of a line or polygon geometry, flattened in order. */
function partsOf(g: Geometry): Position[][] {
  switch (g.type) {
    case 'LineString':
      return [g.coordinates];
    case 'MultiLineString':
    case 'Polygon':
      return g.coordinates;
    case 'MultiPolygon':
      return g.coordinates.flat();
    default:
      return [];
  }
}

const bboxOf = (pts: Position[]): [number, number, number, number] => {
  const b: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of pts) {
    if (x < b[0]) b[0] = x;
    if (y < b[1]) b[1] = y;
    if (x > b[2]) b[2] = x;
    if (y > b[3]) b[3] = y;
  }
  return b;
};

/** The content of one .shp record (without its 8-byte record header). */
function record(kind: ShapeKind, g: Geometry): Buffer {
  if (kind === 'point') {
    const [x, y] = (g as { coordinates: Position }).coordinates;
    const b = Buffer.alloc(20);
    b.writeInt32LE(1, 0);
    b.writeDoubleLE(x, 4);
    b.writeDoubleLE(y, 12);
    return b;
  }
  if (kind === 'multipoint') {
    const pts = (g as { coordinates: Position[] }).coordinates;
    const b = Buffer.alloc(40 + 16 * pts.length);
    b.writeInt32LE(8, 0);
    bboxOf(pts).forEach((v, i) => b.writeDoubleLE(v, 4 + 8 * i));
    b.writeInt32LE(pts.length, 36);
    pts.forEach(([x, y], i) => {
      b.writeDoubleLE(x, 40 + 16 * i);
      b.writeDoubleLE(y, 48 + 16 * i);
    });
    return b;
  }
  // Rings arrive oriented by ST_ForcePolygonCW: shells clockwise, holes counter-clockwise, as the spec wants.
  const parts = partsOf(g);
  const pts = parts.flat();
  const b = Buffer.alloc(44 + 4 * parts.length + 16 * pts.length);
  b.writeInt32LE(SHAPE_TYPE[kind], 0);
  bboxOf(pts).forEach((v, i) => b.writeDoubleLE(v, 4 + 8 * i));
  b.writeInt32LE(parts.length, 36);
  b.writeInt32LE(pts.length, 40);
  let start = 0;
  parts.forEach((p, i) => {
    b.writeInt32LE(start, 44 + 4 * i);
    start += p.length;
  });
  const at = 44 + 4 * parts.length;
  pts.forEach(([x, y], i) => {
    b.writeDoubleLE(x, at + 16 * i);
    b.writeDoubleLE(y, at + 8 + 16 * i);
  });
  return b;
}

function header(kind: ShapeKind, bytes: number, bbox: [number, number, number, number]): Buffer {
  const h = Buffer.alloc(100);
  h.writeInt32BE(9994, 0);
  h.writeInt32BE(bytes / 2, 24);
  h.writeInt32LE(1000, 28);
  h.writeInt32LE(SHAPE_TYPE[kind], 32);
  bbox.forEach((v, i) => h.writeDoubleLE(v, 36 + 8 * i));
  return h;
}

/** Truncates UTF-8 text to at most `max` bytes without splitting a character. */
export function utf8Truncate(s: string, max: number): Buffer {
  const b = Buffer.from(s, 'utf8');
  if (b.length <= max) return b;
  let end = max;
  while (end > 0 && (b[end] & 0xc0) === 0x80) end--;
  return b.subarray(0, end);
}

/** DBF field names: at most 10 bytes, unique regardless of case (GDAL's rule: truncate, then number). */
function fieldNames(columns: Column[]): string[] {
  const used = new Set<string>();
  return columns.map((c) => {
    let name = utf8Truncate(c.name, 10).toString('utf8');
    for (let i = 1; used.has(name.toLowerCase()); i++) {
      const suffix = `_${i}`;
      name = utf8Truncate(c.name, 10 - suffix.length).toString('utf8') + suffix;
    }
    used.add(name.toLowerCase());
    return name;
  });
}

const decimals = (v: number) => {
  const s = String(v);
  if (/e/i.test(s)) return 15;
  return s.includes('.') ? s.split('.')[1].length : 0;
};

/**
 * A dBASE III table in UTF-8 (the .cpg says so): text as C (≤ 254 bytes, cut at a character boundary),
 * integers as N(w,0), reals as N(w,d) with enough decimals for every value, booleans as L.
 * Returns the bytes and the names of fields whose values had to be cut.
 */
export function writeDbf(columns: Column[], rows: Attrs[]): { dbf: Buffer; truncated: string[] } {
  const names = fieldNames(columns);
  const truncated = new Set<string>();
  const specs = columns.map((c, i) => {
    const vals = rows.map((r) => r[c.name]).filter((v) => v !== null && v !== undefined);
    if (c.kind === 'boolean') return { name: names[i], type: 'L', length: 1, dec: 0 };
    if (c.kind === 'integer') return { name: names[i], type: 'N', length: Math.min(18, Math.max(1, ...vals.map((v) => String(v).length))), dec: 0 };
    if (c.kind === 'real') {
      const dec = Math.min(15, Math.max(1, ...vals.map((v) => decimals(v as number))));
      const len = Math.max(3, ...vals.map((v) => (v as number).toFixed(dec).length));
      return len <= 24 ? { name: names[i], type: 'N', length: len, dec } : { name: names[i], type: 'N', length: 24, dec: Math.max(0, dec - (len - 24)) };
    }
    return { name: names[i], type: 'C', length: Math.min(254, Math.max(1, ...vals.map((v) => Buffer.byteLength(String(v), 'utf8')))), dec: 0 };
  });
  const headerLen = 32 + 32 * specs.length + 1;
  const recordLen = 1 + specs.reduce((n, s) => n + s.length, 0);
  const buf = Buffer.alloc(headerLen + recordLen * rows.length + 1, 0x20);
  buf.fill(0, 0, headerLen);
  const now = new Date();
  buf[0] = 0x03;
  buf[1] = now.getUTCFullYear() - 1900;
  buf[2] = now.getUTCMonth() + 1;
  buf[3] = now.getUTCDate();
  buf.writeUInt32LE(rows.length, 4);
  buf.writeUInt16LE(headerLen, 8);
  buf.writeUInt16LE(recordLen, 10);
  specs.forEach((s, i) => {
    const p = 32 + 32 * i;
    Buffer.from(s.name, 'utf8').copy(buf, p);
    buf[p + 11] = s.type.charCodeAt(0);
    buf[p + 16] = s.length;
    buf[p + 17] = s.dec;
  });
  buf[headerLen - 1] = 0x0d;
  rows.forEach((r, ri) => {
    let p = headerLen + ri * recordLen + 1;
    specs.forEach((s, ci) => {
      const v = r[columns[ci].name];
      let cell: Buffer;
      if (v === null || v === undefined) cell = Buffer.alloc(0);
      else if (s.type === 'L') cell = Buffer.from(v ? 'T' : 'F');
      else if (s.type === 'N') cell = Buffer.from((v as number).toFixed(s.dec).padStart(s.length, ' '));
      else {
        const full = Buffer.from(String(v), 'utf8');
        cell = utf8Truncate(String(v), s.length);
        if (cell.length < full.length) truncated.add(columns[ci].name);
      }
      cell.copy(buf, p, 0, Math.min(cell.length, s.length));
      p += s.length;
    });
  });
  buf[buf.length - 1] = 0x1a;
  return { dbf: buf, truncated: [...truncated] };
}

/** The .shp and .shx of one geometry kind. */
export function writeShp(kind: ShapeKind, geometries: Geometry[]): { shp: Buffer; shx: Buffer } {
  const records = geometries.map((g) => record(kind, g));
  const all: Position[] = geometries.flatMap((g) => (g.type === 'Point' ? [g.coordinates] : g.type === 'MultiPoint' ? g.coordinates : partsOf(g).flat()));
  const bbox = all.length ? bboxOf(all) : ([0, 0, 0, 0] as [number, number, number, number]);
  const shpLen = 100 + records.reduce((n, r) => n + 8 + r.length, 0);
  const shp = Buffer.alloc(shpLen);
  const shx = Buffer.alloc(100 + 8 * records.length);
  header(kind, shpLen, bbox).copy(shp);
  header(kind, shx.length, bbox).copy(shx);
  let p = 100;
  records.forEach((r, i) => {
    shx.writeInt32BE(p / 2, 100 + 8 * i);
    shx.writeInt32BE(r.length / 2, 104 + 8 * i);
    shp.writeInt32BE(i + 1, p);
    shp.writeInt32BE(r.length / 2, p + 4);
    r.copy(shp, p + 8);
    p += 8 + r.length;
  });
  return { shp, shx };
}
