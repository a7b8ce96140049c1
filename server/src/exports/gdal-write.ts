import { zipSync } from 'fflate';
import { gdal, GdalError, type GdalFile, type GdalStep, type GdalRunner } from '../gdal/gdal.js';
import { HttpError } from '../http/problem.js';
import type { Attrs } from './attributes.js';

/** The file formats GDAL writes for exports (GeoJSON itself comes straight from PostGIS). */
export const GDAL_FORMATS = ['shp', 'gpkg', 'kml', 'csv', 'fgb', 'gdb', 'dxf'] as const;
export type GdalFormat = (typeof GDAL_FORMATS)[number];

/** One feature to write: its geometry as GeoJSON text (from PostGIS, already in the export CRS) and flat attributes. */
export interface OutFeature {
  geometry: string;
  /** PostGIS GeometryType(): POINT, MULTIPOLYGON, GEOMETRYCOLLECTION, … */
  type: string;
  attrs: Attrs;
}

export interface WrittenFile {
  body: Buffer;
  contentType: string;
  filename: string;
  count: number;
  notes: string[];
}

/** Shapefiles and FileGDB feature classes hold one kind of geometry each; the kind of a PostGIS type. */
const KIND: Record<string, 'point' | 'multipoint' | 'line' | 'polygon'> = {
  POINT: 'point', MULTIPOINT: 'multipoint', LINESTRING: 'line', MULTILINESTRING: 'line', POLYGON: 'polygon', MULTIPOLYGON: 'polygon',
};
const NLT = { point: 'POINT', multipoint: 'MULTIPOINT', line: 'MULTILINESTRING', polygon: 'MULTIPOLYGON' } as const;

const CONTENT_TYPE: Record<GdalFormat, string> = {
  shp: 'application/zip', gdb: 'application/zip', gpkg: 'application/geopackage+sqlite3', kml: 'application/vnd.google-earth.kml+xml; charset=utf-8',
  csv: 'text/csv; charset=utf-8', fgb: 'application/flatgeobuf', dxf: 'image/vnd.dxf',
};

/**
 * A CSV cell a spreadsheet would run as a formula (= + - @ tab CR at the start) gets a leading apostrophe
 * (OWASP "CSV injection"); GDAL writes CSV verbatim, so this is done to the values beforehand.
 */
const spreadsheetSafe = (a: Attrs): Attrs =>
  Object.fromEntries(Object.entries(a).map(([k, v]) => [k, typeof v === 'string' && /^[=+\-@\t\r]/.test(v) ? `'${v}` : v]));

/** A FeatureCollection as GeoJSON text, geometries passed through as PostGIS wrote them. */
const collection = (fs: Array<{ geometry: string; props: Attrs }>) =>
  Buffer.from(`{"type":"FeatureCollection","features":[${fs.map((f) => `{"type":"Feature","properties":${JSON.stringify(f.props)},"geometry":${f.geometry}}`).join(',')}]}`);

/** A layer or file name GDAL and every format accepts: letters, digits and underscores, starting with a letter. */
export const layerName = (s: string) => (/^[A-Za-z]/.test(s) ? s : `l_${s}`).replace(/[^A-Za-z0-9_]/g, '_').slice(0, 60);

/**
 * Writes features (already in EPSG:`srid`) as `format` with GDAL's drivers in the worker: the CRS is
 * assigned (-a_srs), never transformed again. Shapefiles and FileGDB get one layer per geometry kind;
 * multi-file results (Shapefile, FileGDB folder) are zipped. `name` is the file stem.
 */
export async function writeWithGdal(
  features: OutFeature[],
  opts: { format: GdalFormat; srid: number; name: string; layer: string; description?: string; runner?: GdalRunner },
): Promise<WrittenFile> {
  const { format, srid, name } = opts;
  const layer = layerName(opts.layer);
  const notes: string[] = [];
  const a_srs = ['-a_srs', `EPSG:${srid}`];
  let feats = features;
  if (format === 'shp' || format === 'gdb') {
    const skipped = feats.filter((f) => !KIND[f.type]).length;
    if (skipped) notes.push(`${skipped} geometry collection(s) cannot be stored in a ${format === 'shp' ? 'shapefile' : 'FileGDB feature class'} and were left out; use GeoPackage or GeoJSON.`);
    feats = feats.filter((f) => KIND[f.type]);
  }
  const groups = new Map<string, OutFeature[]>();
  for (const f of feats) {
    const k = format === 'shp' || format === 'gdb' ? KIND[f.type] : 'all';
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k)!.push(f);
  }
  const files: GdalFile[] = [];
  const steps: GdalStep[] = [];
  let first = true;
  for (const [kind, group] of groups) {
    const stem = groups.size === 1 ? (format === 'shp' ? name : layer) : `${format === 'shp' ? name : layer}_${kind}`;
    const props = group.map((f) => {
      if (format === 'csv') return spreadsheetSafe(f.attrs);
      // KML's <name> is the field "Name"; name_zh stays in the typed SchemaData too.
      if (format === 'kml') return { Name: f.attrs.name_zh ?? null, ...f.attrs };
      // DXF has no attribute table: only the drawing layer survives.
      if (format === 'dxf') return { Layer: String(f.attrs.layer_id ?? opts.layer) };
      return f.attrs;
    });
    const src = `in/${kind}.geojson`;
    files.push({ path: src, data: collection(group.map((f, i) => ({ geometry: f.geometry, props: props[i] }))) });
    const nlt = kind in NLT ? ['-nlt', NLT[kind as keyof typeof NLT]] : [];
    let args: string[];
    let out: string;
    switch (format) {
      case 'shp':
        args = ['-f', 'ESRI Shapefile', '-lco', 'ENCODING=UTF-8', '-nln', stem, ...nlt];
        out = `shp/${stem}`;
        break;
      case 'gdb':
        args = ['-f', 'OpenFileGDB', '-nln', stem, ...nlt, ...(first ? [] : ['-update'])];
        out = `${name}`;
        break;
      case 'gpkg':
        args = ['-f', 'GPKG', '-nln', layer, ...(opts.description ? ['-lco', `DESCRIPTION=${opts.description}`] : [])];
        out = name;
        break;
      case 'fgb':
        args = ['-f', 'FlatGeobuf', '-nln', layer];
        out = name;
        break;
      case 'csv':
        args = ['-f', 'CSV', '-lco', 'GEOMETRY=AS_WKT', '-lco', 'WRITE_BOM=YES', '-lco', 'LINEFORMAT=CRLF', '-lco', 'STRING_QUOTING=IF_NEEDED', '-nln', layer];
        out = name;
        break;
      case 'kml':
        args = ['-f', 'KML', '-nln', layer, '-dsco', `DOCUMENT_ID=${layer}`];
        out = name;
        break;
      case 'dxf':
        args = ['-f', 'DXF'];
        out = name;
        break;
    }
    steps.push({ op: 'translate', src, args: [...args, ...a_srs], out });
    first = false;
  }
  if (format === 'shp') {
    const cols = Object.keys(Object.assign({}, ...feats.map((f) => f.attrs)));
    if (cols.some((c) => Buffer.byteLength(c) > 10)) notes.push('Field names longer than 10 bytes were shortened by GDAL (a dBASE limit).');
    if (feats.some((f) => Object.values(f.attrs).some((v) => typeof v === 'string' && Buffer.byteLength(v) > 254))) notes.push('Text longer than 254 bytes was cut (a dBASE limit).');
  }
  if (format === 'dxf') notes.push(`DXF carries no attributes and no CRS: the drawing is in EPSG:${srid}, one drawing layer per atlas layer.`);
  if (format === 'csv') notes.push(`CSV carries no CRS: the WKT column is in EPSG:${srid}, x = ${srid === 4326 || srid === 4490 ? 'longitude' : 'easting'}.`);

  let outputs: GdalFile[];
  try {
    outputs = (await (opts.runner ?? gdal()).run(files, steps)).outputs;
  } catch (e) {
    if (e instanceof GdalError && (e.kind === 'timeout' || e.kind === 'memory')) {
      throw new HttpError(413, 'Payload Too Large', `The export could not be converted: ${e.message}. Narrow the selection with layer, ids or bbox.`);
    }
    throw new HttpError(422, 'Unprocessable Content', `GDAL could not write the ${format} file: ${(e as Error).message.slice(0, 200)}`);
  }
  const count = feats.length;
  const one = (ext: string) => {
    const f = outputs.find((o) => o.path === `${name}.${ext}`);
    if (!f) throw new HttpError(500, 'Internal Server Error', `GDAL wrote no ${name}.${ext}.`);
    return Buffer.from(f.data);
  };
  if (format === 'shp') {
    const zip = zipSync(Object.fromEntries(outputs.map((o) => [o.path.replace(/^shp\//, ''), o.data])), { level: 6 });
    return { body: Buffer.from(zip), contentType: CONTENT_TYPE.shp, filename: `${name}_shp.zip`, count, notes };
  }
  if (format === 'gdb') {
    const zip = zipSync(Object.fromEntries(outputs.map((o) => [o.path, o.data])), { level: 6 });
    return { body: Buffer.from(zip), contentType: CONTENT_TYPE.gdb, filename: `${name}_gdb.zip`, count, notes };
  }
  return { body: one(format), contentType: CONTENT_TYPE[format], filename: `${name}.${format}`, count, notes };
}
