import path from 'node:path';
import { readZip, looksLikeZip, type ZipEntry } from './unzip.js';
import { readWithGdal, notImported, type GdalSource } from './gdal-read.js';
import { readKml } from './kml.js';
import { Budget, type ImportFormat, type ParsedFile } from './parsed.js';
import type { ImportLimits } from './limits.js';
import type { GdalRunner } from '../gdal/gdal.js';
import { tooLarge, unprocessable } from './problems.js';

/** SQLite's 16-byte file header: GeoPackages are SQLite databases. */
const looksLikeSqlite = (b: Uint8Array) => b.length >= 16 && Buffer.from(b.subarray(0, 16)).toString('latin1') === 'SQLite format 3\0';

/** What the first bytes say a file is, for error messages about mislabelled uploads. */
export function sniff(b: Buffer): string {
  if (looksLikeZip(b)) return 'a zip archive';
  if (looksLikeSqlite(b)) return 'an SQLite database (GeoPackage?)';
  if (b.subarray(0, 4).toString('latin1') === '%PDF') return 'a PDF document';
  if (b.subarray(0, 3).toString('latin1') === 'fgb') return 'a FlatGeobuf file';
  const head = b.subarray(0, 512).toString('utf8').replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('<')) return /<(\w+:)?kml[\s>]/.test(head) ? 'KML' : 'an XML or HTML document';
  if (head.startsWith('{') || head.startsWith('[')) return 'JSON';
  if (/^0\s*\r?\n\s*SECTION/.test(head)) return 'a DXF drawing';
  if (b.length >= 4 && b.readInt32BE(0) === 9994) return 'a bare .shp file';
  return 'something unrecognised';
}

const EXTENSIONS = '.zip (a zipped shapefile, FileGDB .gdb folder or MapInfo .tab, or a zipped GeoJSON/KML/GeoPackage/DXF/FlatGeobuf/CSV), '
  + 'the parts of one shapefile (.shp .shx .dbf .prj .cpg) or MapInfo MIF (.mif .mid) together, .geojson/.json, .kml, .kmz, .gpkg, .dxf, .fgb, .csv';
const SINGLE: Record<string, ImportFormat> = { '.geojson': 'geojson', '.json': 'geojson', '.kml': 'kml', '.gpkg': 'gpkg', '.dxf': 'dxf', '.fgb': 'flatgeobuf', '.csv': 'csv', '.mif': 'mapinfo' };
const SHAPE_PARTS = /\.(shp|shx|dbf|prj|cpg|qix|sbn|sbx|shp\.xml)$/i;
const TAB_PARTS = /\.(tab|dat|map|id|ind)$/i;
const MIF_PARTS = /\.(mif|mid)$/i;

const base = (n: string) => n.split('/').pop()!;
const folderOf = (n: string) => n.split('/').slice(0, -1).join('/');

/** The shapefile set(s), FileGDB folder or MapInfo table a zip (or a set of loose parts) holds, as a GDAL source; null when none. */
function container(entries: ZipEntry[], label: string): GdalSource | null {
  const gdb = entries.find((e) => /(^|\/)[^/]+\.gdb\/[^/]+$/i.test(e.name));
  if (gdb) {
    const root = gdb.name.replace(/(\.gdb)\/.*$/i, '$1');
    const parts = entries.filter((e) => e.name.startsWith(`${root}/`));
    return { format: 'filegdb', label, src: `in/${base(root)}`, files: parts.map((e) => ({ path: `in/${base(root)}/${e.name.slice(root.length + 1)}`, data: e.data })) };
  }
  const shps = entries.filter((e) => /\.shp$/i.test(e.name));
  if (shps.length) {
    const folders = new Set(shps.map((e) => folderOf(e.name)));
    if (folders.size > 1) throw unprocessable(`${label} holds shapefiles in ${folders.size} folders; zip one folder at a time.`);
    const folder = [...folders][0];
    const parts = entries.filter((e) => folderOf(e.name) === folder && SHAPE_PARTS.test(e.name));
    for (const s of shps) {
      const stem = s.name.slice(0, -4).toLowerCase();
      if (!parts.some((p) => p.name.toLowerCase() === `${stem}.shx`)) {
        throw unprocessable(`${label}: ${base(s.name)} has no .shx beside it. A shapefile needs its .shp, .shx, .dbf and .prj together.`);
      }
    }
    const prj = parts.find((p) => /\.prj$/i.test(p.name));
    return { format: 'shapefile', label, src: 'in', prj: prj ? base(prj.name) : undefined, files: parts.map((e) => ({ path: `in/${base(e.name)}`, data: e.data })) };
  }
  const tab = entries.filter((e) => /\.tab$/i.test(e.name));
  const mif = entries.filter((e) => /\.mif$/i.test(e.name));
  const table = tab.length ? tab : mif;
  if (table.length > 1) throw unprocessable(`${label} holds ${table.length} MapInfo tables (${table.map((t) => t.name).slice(0, 5).join(', ')}); upload one at a time.`);
  if (table.length === 1) {
    const t = table[0];
    const stem = t.name.replace(/\.[^.]+$/, '').toLowerCase();
    const parts = entries.filter((e) => e.name.replace(/\.[^.]+$/, '').toLowerCase() === stem && (tab.length ? TAB_PARTS : MIF_PARTS).test(e.name));
    return { format: 'mapinfo', label, src: `in/${base(t.name)}`, files: parts.map((e) => ({ path: `in/${base(e.name)}`, data: e.data })) };
  }
  return null;
}

/** Picks the one data file of a zip that holds no shapefile, FileGDB or MapInfo table. */
function innerFile(entries: ZipEntry[], label: string): ZipEntry | null {
  const pick = (re: RegExp) => entries.filter((e) => re.test(e.name));
  for (const re of [/\.kml$/i, /\.(geo)?json$/i, /\.gpkg$/i, /\.dxf$/i, /\.fgb$/i, /\.csv$/i]) {
    const hits = pick(re);
    if (hits.length === 1) return hits[0];
    if (hits.length > 1) {
      const doc = hits.find((h) => /(^|\/)doc\.kml$/i.test(h.name));
      if (doc) return doc;
      throw unprocessable(`${label} holds ${hits.length} files of one kind (${hits.map((h) => h.name).slice(0, 5).join(', ')}); upload one at a time.`);
    }
  }
  return null;
}

/** How deep each GeoJSON geometry type nests its positions (a Point is one position). */
const NESTING: Record<string, number> = { Point: 0, MultiPoint: 1, LineString: 1, MultiLineString: 2, Polygon: 2, MultiPolygon: 3 };

/** Vertices of a geometry whose every position is an array of at least two numbers at the nesting its type needs; null for anything else. */
function wellFormedVertices(g: unknown): number | null {
  if (!g || typeof g !== 'object') return null;
  const { type, coordinates } = g as { type?: unknown; coordinates?: unknown };
  const depth = typeof type === 'string' && Object.hasOwn(NESTING, type) ? NESTING[type] : null;
  if (depth === null) return null;
  const count = (c: unknown, d: number): number | null => {
    if (!Array.isArray(c)) return null;
    if (d === 0) return c.length >= 2 && c.every((v) => typeof v === 'number') ? 1 : null;
    let n = 0;
    for (const x of c) {
      const k = count(x, d - 1);
      if (k === null) return null;
      n += k;
    }
    return n;
  };
  return count(coordinates, depth);
}

/**
 * A GeoJSON FeatureCollection past the feature or vertex limits is refused before GDAL converts it: with
 * the 413 (and limit name) that counting GDAL's output would give, in the order it would give them,
 * without the seconds of conversion (a million vertices take GDAL 5–10 s, and every other import waits
 * on its worker meanwhile). Only a collection GDAL reads feature for feature as it stands is judged here —
 * UTF-8 text, every geometry null or well-formed; anything else goes to GDAL and is judged there.
 */
function refuseOversizedGeoJson(json: unknown, data: Buffer, stem: string, limits: ImportLimits): void {
  if (!json || typeof json !== 'object' || (json as { type?: unknown }).type !== 'FeatureCollection') return;
  const { features, name } = json as { features?: unknown; name?: unknown };
  if (!Array.isArray(features)) return;
  const counts: number[] = [];
  let geometries = 0;
  for (const f of features) {
    if (!f || typeof f !== 'object' || (f as { type?: unknown }).type !== 'Feature') return;
    const g = (f as { geometry?: unknown }).geometry;
    const n = g === null ? 0 : wellFormedVertices(g);
    if (n === null) return;
    if (g !== null) geometries++;
    counts.push(n);
  }
  const total = counts.reduce((a, b) => a + b, 0);
  if (counts.length <= limits.features && total <= limits.verticesTotal && counts.every((n) => n <= limits.verticesPerFeature)) return;
  // Without a single geometry GDAL finds no feature table, which is a 422 of its own.
  if (geometries === 0) return;
  // Text that is not UTF-8 is refused as such after GDAL's conversion, before any feature is counted.
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    return;
  }
  // GDAL names a GeoJSON layer after the collection's "name", else after the file.
  const layer = typeof name === 'string' && name ? name : stem;
  if (counts.length > limits.features) throw tooLarge(`The file holds more than ${limits.features} features.`, { limit: 'features' });
  const budget = new Budget(limits);
  counts.forEach((n, k) => {
    budget.feature();
    budget.addVertices(n, `Feature ${k + 1} of ${layer}`);
  });
}

/**
 * Reads an upload by its extension, checking that the bytes are what the name says (a .zip that is no
 * zip, a .geojson that is no JSON are 422s naming what the file looks like), then through GDAL. `parts`
 * are the other files of a multi-file upload (a shapefile's or a MIF's loose parts). Every limit is
 * enforced while reading; nothing is stored here.
 */
export async function parseUpload(
  file: { name: string; data: Buffer },
  opts: { layerType: string; encoding: string | null; limits: ImportLimits; parts?: Array<{ name: string; data: Buffer }>; runner?: GdalRunner },
): Promise<ParsedFile> {
  const ext = path.extname(file.name).toLowerCase();
  const budget = new Budget(opts.limits);
  const label = `"${file.name}"`;
  const read = (s: GdalSource) => readWithGdal(s, { layerType: opts.layerType, encoding: opts.encoding, limits: opts.limits, budget, runner: opts.runner });
  const mislabelled = (what: string, data = file.data) => unprocessable(`${label} is named ${ext} but is not ${what}: it looks like ${sniff(data)}.`);
  const single = (name: string, data: Buffer, format: ImportFormat, inLabel = label): Promise<ParsedFile> => {
    const head = data.subarray(0, 512).toString('utf8').replace(/^\uFEFF/, '');
    if (format === 'geojson' && !/^\s*[{[]/.test(head.slice(0, 64))) throw mislabelled('JSON', data);
    if (format === 'kml' && !/^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<(\w+:)?kml[\s>]/.test(head)) throw unprocessable(`${inLabel} is not KML: it does not start with a <kml> element.`);
    if (format === 'gpkg' && !looksLikeSqlite(data)) throw mislabelled('a GeoPackage', data);
    if (format === 'flatgeobuf' && data.subarray(0, 3).toString('latin1') !== 'fgb') throw mislabelled('a FlatGeobuf file', data);
    const stem = `in/${base(name).replace(/[^\p{L}\p{N}._-]/gu, '_') || 'upload'}`;
    if (format === 'geojson') {
      // GDAL would say "not recognised"; the parse error names the place.
      let json: unknown;
      try {
        json = JSON.parse(data.toString('utf8').replace(/^\uFEFF/, ''));
      } catch (e) {
        throw unprocessable(`${inLabel} is not JSON (${(e as Error).message.slice(0, 120)}); is it really GeoJSON?`);
      }
      refuseOversizedGeoJson(json, data, path.posix.basename(stem).replace(/\.[^.]*$/, ''), opts.limits);
    }
    if (format === 'kml' || format === 'kmz') return Promise.resolve(readKml(data, inLabel, budget, format));
    return read({ format, label: inLabel, src: stem, files: [{ path: stem, data }] });
  };

  if (ext === '.zip' || ext === '.kmz') {
    if (!looksLikeZip(file.data)) throw mislabelled(ext === '.kmz' ? 'a KMZ (zip) archive' : 'a zip archive');
    const entries = readZip(file.data, opts.limits, label);
    if (ext === '.zip') {
      const c = container(entries, label);
      if (c) return read(c);
    }
    const inner = innerFile(entries, label);
    if (!inner) {
      if (ext === '.kmz') throw unprocessable(`${label} holds no .kml file.`);
      const found = entries.map((e) => e.name).slice(0, 12).join(', ') || 'nothing';
      throw unprocessable(`${label} holds no .shp file (found: ${found}). A shapefile needs its .shp, .shx, .dbf and .prj zipped together.`);
    }
    const inExt = path.extname(inner.name).toLowerCase();
    const format = inExt === '.kml' && ext === '.kmz' ? 'kmz' : SINGLE[inExt];
    return single(inner.name, inner.data, format, `"${file.name}/${inner.name}"`);
  }
  const parts = [file, ...(opts.parts ?? [])];
  if (parts.length > 1 || SHAPE_PARTS.test(file.name) || TAB_PARTS.test(file.name) || ext === '.mid') {
    const c = parts.length > 1 ? container(parts.map((p) => ({ name: base(p.name), data: p.data })), label) : null;
    if (c && (c.format !== 'mapinfo' || c.src.toLowerCase().endsWith('.mif'))) return read(c);
    if (SHAPE_PARTS.test(file.name)) {
      throw unprocessable(`${label} is one part of a shapefile: zip the .shp, .shx, .dbf, .prj (and .cpg) together and upload the .zip, or upload all the parts at once.`);
    }
    if (TAB_PARTS.test(file.name)) throw unprocessable(`${label} is one part of a MapInfo table: zip the .tab, .dat, .map and .id together and upload the .zip.`);
    if (ext === '.mid') throw unprocessable(`${label} is the data half of a MapInfo MIF: upload the .mif and the .mid together.`);
    if (parts.length > 1) throw unprocessable(`${label} and the other ${parts.length - 1} file(s) are not the parts of one shapefile or MIF; upload one file (or one zip) at a time.`);
  }
  const format = SINGLE[ext];
  if (!format) throw notImported(label, ext, EXTENSIONS);
  return single(file.name, file.data, format);
}
