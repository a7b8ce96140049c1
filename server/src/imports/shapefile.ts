import type { Geometry, Position } from 'geojson';
import type { ZipEntry } from './zip.js';
import { readDbf, encodingLabel } from './dbf.js';
import { readPrj, type PrjVerdict } from './prj.js';
import { toItem, type Budget, type ParsedItem } from './parsed.js';
import { unprocessable } from './problems.js';

/** Signed area (shoelace) of a ring: negative when clockwise with y up, as shapefile outer rings are. */
const signedArea = (r: Position[]) => {
  let s = 0;
  for (let i = 0, j = r.length - 1; i < r.length; j = i++) s += (r[j][0] - r[i][0]) * (r[j][1] + r[i][1]);
  return s / 2;
};

const inside = (p: Position, r: Position[]) => {
  let c = false;
  for (let i = 0, j = r.length - 1; i < r.length; j = i++) {
    if (r[i][1] > p[1] !== r[j][1] > p[1] && p[0] < ((r[j][0] - r[i][0]) * (p[1] - r[i][1])) / (r[j][1] - r[i][1]) + r[i][0]) c = !c;
  }
  return c;
};

/** Shapefile rings to polygons: clockwise rings are shells, the others holes of the smallest shell around them. */
function assemble(rings: Position[][]): Geometry {
  const shells: Array<{ ring: Position[]; area: number; holes: Position[][] }> = [];
  const holes: Position[][] = [];
  for (const r of rings) {
    if (signedArea(r) <= 0) shells.push({ ring: r, area: -signedArea(r), holes: [] });
    else holes.push(r);
  }
  for (const h of holes) {
    const around = shells.filter((s) => h.some((p) => inside(p, s.ring))).sort((a, b) => a.area - b.area)[0];
    // A hole inside no shell is most likely a shell written the wrong way round: keep it as one.
    if (around) around.holes.push(h);
    else shells.push({ ring: h, area: signedArea(h), holes: [] });
  }
  const polys = shells.map((s) => [s.ring, ...s.holes]);
  return polys.length === 1 ? { type: 'Polygon', coordinates: polys[0] } : { type: 'MultiPolygon', coordinates: polys };
}

/** Reads every record of a .shp: geometry (x/y only) or null, or an error for the record. */
function readShp(buf: Buffer, file: string, budget: Budget): Array<{ geometry: Geometry | null; error: string | null }> {
  if (buf.length < 100 || buf.readInt32BE(0) !== 9994) throw unprocessable(`${file} is not a shapefile (.shp): its header is wrong.`);
  const end = Math.min(buf.length, buf.readInt32BE(24) * 2);
  const out: Array<{ geometry: Geometry | null; error: string | null }> = [];
  for (let p = 100; p + 8 <= end; ) {
    const len = buf.readInt32BE(p + 4) * 2;
    const c = p + 8;
    const n = out.length + 1;
    if (len < 4 || c + len > end) throw unprocessable(`${file} is damaged at record ${n}.`);
    p = c + len;
    const type = buf.readInt32LE(c);
    const label = `Record ${n} of ${file}`;
    const xy = (q: number): Position => [buf.readDoubleLE(q), buf.readDoubleLE(q + 8)];
    if (type === 0) {
      budget.feature();
      out.push({ geometry: null, error: 'the record has a null shape' });
      continue;
    }
    const base = type % 10;
    if (type === 31) {
      budget.feature();
      out.push({ geometry: null, error: 'MultiPatch shapes are not supported' });
      continue;
    }
    if (![1, 3, 5, 8].includes(base) || ![0, 10, 20].includes(type - base)) throw unprocessable(`${file}: record ${n} has unknown shape type ${type}.`);
    if (base === 1) {
      if (len < 20) throw unprocessable(`${file} is damaged at record ${n}.`);
      budget.feature();
      budget.addVertices(1, label);
      out.push({ geometry: { type: 'Point', coordinates: xy(c + 4) }, error: null });
      continue;
    }
    if (base === 8) {
      const np = buf.readInt32LE(c + 36);
      budget.feature();
      budget.addVertices(np, label);
      if (np < 0 || c + 40 + np * 16 > p) throw unprocessable(`${file} is damaged at record ${n}.`);
      const pts = Array.from({ length: np }, (_, i) => xy(c + 40 + i * 16));
      out.push({ geometry: { type: 'MultiPoint', coordinates: pts }, error: null });
      continue;
    }
    const nParts = buf.readInt32LE(c + 36);
    const np = buf.readInt32LE(c + 40);
    budget.feature();
    budget.addVertices(np, label);
    if (nParts < 0 || np < 0 || c + 44 + nParts * 4 + np * 16 > p) throw unprocessable(`${file} is damaged at record ${n}.`);
    const starts = Array.from({ length: nParts }, (_, i) => buf.readInt32LE(c + 44 + i * 4));
    const at = c + 44 + nParts * 4;
    const parts = starts.map((s, i) => {
      const e = i + 1 < nParts ? starts[i + 1] : np;
      if (s < 0 || e > np || s > e) throw unprocessable(`${file} is damaged at record ${n}: bad part index.`);
      return Array.from({ length: e - s }, (_, k) => xy(at + (s + k) * 16));
    });
    if (parts.length === 0) {
      out.push({ geometry: null, error: 'the record has no parts' });
      continue;
    }
    out.push({
      geometry: base === 3 ? (parts.length === 1 ? { type: 'LineString', coordinates: parts[0] } : { type: 'MultiLineString', coordinates: parts }) : assemble(parts),
      error: null,
    });
  }
  return out;
}

export interface ShapefileResult {
  items: ParsedItem[];
  /** The .prj verdict, null when no shapefile had one. */
  prj: (PrjVerdict & { file: string }) | null;
  warnings: string[];
}

/**
 * Reads every shapefile in a zip (a .shp with its .dbf, .prj and .cpg beside it; one per geometry type
 * is common). The .dbf text encoding comes from the .cpg, else the user's `encoding`, else the DBF header,
 * else strict UTF-8. All .prj files must agree.
 */
export function readShapefiles(entries: ZipEntry[], encoding: string | null, budget: Budget): ShapefileResult {
  const byBase = new Map<string, Map<string, ZipEntry>>();
  for (const e of entries) {
    const m = /^(.*)\.(shp|shx|dbf|prj|cpg)$/i.exec(e.name);
    if (!m) continue;
    const base = m[1].toLowerCase();
    if (!byBase.has(base)) byBase.set(base, new Map());
    byBase.get(base)!.set(m[2].toLowerCase(), e);
  }
  const sets = [...byBase.values()].filter((s) => s.has('shp'));
  if (sets.length === 0) {
    const names = entries.map((e) => e.name).slice(0, 12).join(', ') || 'nothing';
    throw unprocessable(`The zip holds no .shp file (found: ${names}). A shapefile needs at least its .shp, and its .dbf and .prj beside it.`);
  }
  const items: ParsedItem[] = [];
  const warnings: string[] = [];
  let prj: ShapefileResult['prj'] = null;
  for (const set of sets) {
    const shp = set.get('shp')!;
    const records = readShp(shp.data, shp.name, budget);
    const cpg = set.get('cpg');
    let enc = encoding;
    if (cpg) {
      const label = encodingLabel(cpg.data.toString('latin1'));
      if (!label) throw unprocessable(`${cpg.name} names an unknown encoding "${cpg.data.toString('latin1').trim().slice(0, 40)}"; use UTF-8 or GBK.`);
      enc = label;
    }
    const dbfEntry = set.get('dbf');
    const table = dbfEntry ? readDbf(dbfEntry.data, dbfEntry.name, enc) : null;
    if (!table) warnings.push(`${shp.name} has no .dbf: its features have no attributes.`);
    else if (table.records.length !== records.length) warnings.push(`${shp.name} has ${records.length} shapes but its .dbf has ${table.records.length} rows; rows were paired in order.`);
    const p = set.get('prj');
    if (p) {
      const v = { ...readPrj(p.data.toString('utf8')), file: p.name };
      if (prj && JSON.stringify([prj.ok, prj.ok && prj.srid]) !== JSON.stringify([v.ok, v.ok && v.srid])) {
        throw unprocessable(`The shapefiles in this zip are in different coordinate systems (${prj.file}, ${v.file}); upload them one at a time.`);
      }
      prj = v;
    } else warnings.push(`${shp.name} has no .prj.`);
    records.forEach((r, i) => {
      const rec = table?.records[i];
      if (rec === null) return; // deleted in the .dbf
      items.push(toItem(rec ?? {}, r.geometry, { error: r.error }));
    });
  }
  return { items, prj, warnings };
}
