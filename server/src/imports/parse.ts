import path from 'node:path';
import { readZip, looksLikeZip, type ZipEntry } from './zip.js';
import { readShapefiles } from './shapefile.js';
import { readGeoJson } from './geojson.js';
import { readKml } from './kml.js';
import { readGpkg } from './gpkg.js';
import { readDxf } from './dxf.js';
import { looksLikeSqlite } from './sqlite.js';
import { epsgCrs } from './source-crs.js';
import { Budget, type ParsedFile } from './parsed.js';
import type { ImportLimits } from './limits.js';
import { unprocessable, unsupported } from './problems.js';

/** What the first bytes say a file is, for error messages about mislabelled uploads. */
export function sniff(b: Buffer): string {
  if (looksLikeZip(b)) return 'a zip archive';
  if (looksLikeSqlite(b)) return 'an SQLite database (GeoPackage?)';
  if (b.subarray(0, 4).toString('latin1') === '%PDF') return 'a PDF document';
  const head = b.subarray(0, 512).toString('utf8').replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('<')) return /<(\w+:)?kml[\s>]/.test(head) ? 'KML' : 'an XML or HTML document';
  if (head.startsWith('{') || head.startsWith('[')) return 'JSON';
  if (/^0\s*\r?\n\s*SECTION/.test(head)) return 'a DXF drawing';
  if (b.length >= 4 && b.readInt32BE(0) === 9994) return 'a bare .shp file';
  return 'something unrecognised';
}

const EXTENSIONS = '.zip (zipped shapefile, or a zipped GeoJSON/KML/GeoPackage), .geojson/.json, .kml, .kmz, .gpkg, .dxf';

/** Picks the one data file of a zip that holds no shapefile. */
function innerFile(entries: ZipEntry[], label: string): ZipEntry | null {
  const pick = (re: RegExp) => entries.filter((e) => re.test(e.name));
  for (const re of [/\.kml$/i, /\.(geo)?json$/i, /\.gpkg$/i, /\.dxf$/i]) {
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

/**
 * Reads an upload by its extension, checking that the bytes are what the name says (a .zip that is
 * no zip, a .geojson that is no JSON are 422s naming what the file looks like). Every limit is enforced
 * while reading; nothing is stored here.
 */
export async function parseUpload(file: { name: string; data: Buffer }, opts: { layerType: string; encoding: string | null; limits: ImportLimits }): Promise<ParsedFile> {
  const ext = path.extname(file.name).toLowerCase();
  const budget = new Budget(opts.limits);
  const label = `"${file.name}"`;
  const mislabelled = (what: string) => unprocessable(`${label} is named ${ext} but is not ${what}: it looks like ${sniff(file.data)}.`);
  const byExt = async (name: string, ext2: string, data: Buffer, format?: 'kmz'): Promise<ParsedFile> => {
    switch (ext2) {
      case '.geojson':
      case '.json':
        if (!/^\s*[{[]/.test(data.subarray(0, 64).toString('utf8').replace(/^\uFEFF/, ''))) throw mislabelled('JSON');
        return readGeoJson(data, name, budget);
      case '.kml':
        return readKml(data, name, budget, format);
      case '.gpkg':
        if (!looksLikeSqlite(data)) throw mislabelled('a GeoPackage');
        return readGpkg(data, name, budget);
      case '.dxf':
        return readDxf(data, name, opts.layerType, budget);
      default:
        throw unsupported(`${label}: files of type "${ext2 || '(none)'}" are not imported. Upload one of: ${EXTENSIONS}.`);
    }
  };
  if (ext === '.zip' || ext === '.kmz') {
    if (!looksLikeZip(file.data)) throw mislabelled(ext === '.kmz' ? 'a KMZ (zip) archive' : 'a zip archive');
    const entries = readZip(file.data, opts.limits, label);
    if (ext === '.zip' && entries.some((e) => /\.shp$/i.test(e.name))) {
      const shp = readShapefiles(entries, opts.encoding, budget);
      const warnings = [...shp.warnings];
      let crs: ParsedFile['crs'];
      if (!shp.prj) crs = { crs: null, from: 'the shapefile', unknown: 'the zip has no .prj file' };
      else if (!shp.prj.ok) crs = { crs: null, from: shp.prj.file, unknown: `the .prj is unreadable: ${shp.prj.error}`, bad: true };
      else {
        const c = shp.prj.srid ? epsgCrs(shp.prj.srid) : null;
        crs = c
          ? { crs: c, from: `${shp.prj.file} (${shp.prj.name}, recognised by ${shp.prj.how})` }
          : { crs: null, from: shp.prj.file, unknown: `the .prj names "${shp.prj.name}"${shp.prj.srid ? ` (EPSG:${shp.prj.srid})` : ''}, which is not one of the supported CRSs (${shp.prj.how})` };
      }
      return { format: 'shapefile', items: shp.items, crs, warnings };
    }
    const inner = innerFile(entries, label);
    if (!inner) {
      if (ext === '.kmz') throw unprocessable(`${label} holds no .kml file.`);
      const found = entries.map((e) => e.name).slice(0, 12).join(', ') || 'nothing';
      throw unprocessable(`${label} holds no .shp file (found: ${found}). A shapefile needs its .shp, .shx, .dbf and .prj zipped together.`);
    }
    const inExt = path.extname(inner.name).toLowerCase();
    return byExt(`${file.name}/${inner.name}`, inExt, inner.data, inExt === '.kml' ? 'kmz' : undefined);
  }
  if (['.shp', '.shx', '.dbf', '.prj', '.cpg'].includes(ext)) {
    throw unprocessable(`${label} is one part of a shapefile: zip the .shp, .shx, .dbf, .prj (and .cpg) together and upload the .zip.`);
  }
  return byExt(file.name, ext, file.data);
}
