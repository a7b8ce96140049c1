import type { Feature, Geometry } from 'geojson';
import { gdal, GdalError, type GdalFile, type GdalInfo, type GdalRunner, type ProjJson } from '../gdal/gdal.js';
import { toItem, type Budget, type CrsFinding, type ImportFormat, type ParsedFile, type ParsedItem } from './parsed.js';
import { epsgCrs } from './source-crs.js';
import { decodeUtf8OrGbk, gdalEncoding } from './encoding.js';
import { tooLarge, unprocessable, unsupported } from './problems.js';
import type { ImportLimits } from './limits.js';

/** What parse.ts hands to GDAL: the files (by path in the job folder) and which of them to open. */
export interface GdalSource {
  files: GdalFile[];
  /** The dataset to open: a file, or a folder (a shapefile set, a .gdb). */
  src: string;
  format: ImportFormat;
  /** For messages: the upload's name, quoted, and the file inside it when it is a zip. */
  label: string;
  /** The .prj of a shapefile set, when it has one (a broken .prj must be reported, not ignored). */
  prj?: string;
}

/** GDAL's CSV reader: lon/lat columns by their usual names, or a WKT column; the source columns are not kept. */
const CSV_OPEN = [
  'X_POSSIBLE_NAMES=lon,lng,long,longitude,x,经度,东经',
  'Y_POSSIBLE_NAMES=lat,latitude,y,纬度,北纬',
  'GEOM_POSSIBLE_NAMES=wkt,geometry,geom,the_geom,shape',
  'KEEP_GEOM_COLUMNS=NO',
  'AUTODETECT_TYPE=YES',
  'EMPTY_STRING_AS_NULL=YES',
];
/** Attributes GIS software computes or keeps for itself: never data to import. */
const COMPUTED = ['shape_length', 'shape_area', 'shape_leng', 'objectid', 'ogc_fid'];
/** GDAL's DXF fields that are drawing style, not data. */
const DXF_KEEP: Record<string, string> = { Layer: 'dxf_layer', EntityHandle: 'dxf_handle' };

const NO_CRS: Partial<Record<ImportFormat, string>> = {
  dxf: 'a DXF drawing never records its coordinate system',
  csv: 'a CSV file carries no coordinate system',
  shapefile: 'the zip has no .prj file',
  mapinfo: 'the MapInfo file has no CoordSys line (MapInfo then means longitude/latitude, on no stated datum)',
};

const num = (v: unknown) => (typeof v === 'number' ? v : NaN);
const near = (a: unknown, b: number, tol = 1e-9) => Math.abs(num(a) - b) <= tol * Math.max(1, Math.abs(b));
const param = (p: ProjJson, ...names: string[]) => p.conversion?.parameters?.find((x) => names.includes(x.name.toLowerCase()))?.value;

/**
 * The EPSG code a CRS without an authority code matches by its parameters, for the CRSs this district
 * uses: CGCS2000 or WGS 84 geographic, and the 3-degree Gauss-Krüger zone at 120°E without zone prefix
 * (EPSG:4549). MapInfo has no CGCS2000 datum and writes that grid on WGS 84, which differs from CGCS2000
 * by millimetres here; such a file is read as EPSG:4549 too.
 */
function byParameters(p: ProjJson): number | null {
  const base = p.type === 'ProjectedCRS' ? p.base_crs : p;
  const ell = base?.datum?.ellipsoid ?? base?.datum_ensemble?.ellipsoid;
  if (!ell || !near(ell.semi_major_axis, 6378137)) return null;
  const cgcs = near(ell.inverse_flattening, 298.257222101, 1e-9);
  const wgs = near(ell.inverse_flattening, 298.257223563, 1e-9);
  if (!cgcs && !wgs) return null;
  if (p.type === 'GeographicCRS') return cgcs ? 4490 : 4326;
  if (p.type !== 'ProjectedCRS' || !/transverse mercator|gauss/i.test(p.conversion?.method?.name ?? '')) return null;
  const lon0 = param(p, 'longitude of natural origin', 'central_meridian', 'longitude of origin');
  const k = param(p, 'scale factor at natural origin', 'scale_factor') ?? 1;
  const fe = param(p, 'false easting');
  const fn = param(p, 'false northing') ?? 0;
  const lat0 = param(p, 'latitude of natural origin') ?? 0;
  return lon0 === 120 && k === 1 && fe === 500000 && fn === 0 && lat0 === 0 ? 4549 : null;
}

/** Where a format keeps its CRS, for crs_from. */
function where(s: GdalSource, layer: string): string {
  switch (s.format) {
    case 'shapefile':
      return s.prj ?? `${layer}.prj`;
    case 'gpkg':
      return 'gpkg_spatial_ref_sys';
    case 'filegdb':
      return `the FileGDB feature class "${layer}"`;
    case 'mapinfo':
      return 'the MapInfo CoordSys';
    case 'flatgeobuf':
      return 'the FlatGeobuf header';
    case 'geojson':
      return 'the GeoJSON (a "crs" member, else RFC 7946 WGS 84)';
    default:
      return `the ${s.format} file`;
  }
}

/** The importer's CRS finding from what GDAL read of a layer's coordinate system. */
function crsFinding(s: GdalSource, layer: string, cs: { projjson?: ProjJson } | null | undefined, messages: string[]): CrsFinding {
  const from = where(s, layer);
  if (!cs?.projjson) {
    if (s.prj) {
      const why = messages.find((m) => /prj|srs|wkt|projection/i.test(m)) ?? 'GDAL could not read it as a coordinate system';
      return { crs: null, from: s.prj, unknown: `the .prj is unreadable: ${why.replace(/^(ERROR|Warning) \d+: /, '').slice(0, 200)}`, bad: true };
    }
    return { crs: null, from, unknown: NO_CRS[s.format] ?? 'the file does not say' };
  }
  const p = cs.projjson;
  const name = p.name ?? 'unnamed';
  const auth = p.id ? `${p.id.authority}:${p.id.code}` : null;
  let srid = p.id?.authority === 'EPSG' ? Number(p.id.code) : p.id?.authority === 'OGC' && p.id.code === 'CRS84' ? 4326 : null;
  let how = auth ? auth : '';
  // MITAB's placeholder for a MapInfo file without a CoordSys line: longitude/latitude on no stated datum.
  if (!auth && /^undefined geographic srs$/i.test(name)) return { crs: null, from, unknown: NO_CRS[s.format] ?? 'the file does not say' };
  if (!srid && !auth) {
    srid = byParameters(p);
    how = srid ? `EPSG:${srid} by its projection parameters` : '';
  }
  const crs = srid ? epsgCrs(srid) : null;
  if (crs) return { crs, from: `${from} (${name}, ${how})` };
  return { crs: null, from, unknown: `it names "${name}"${auth ? ` (${auth})` : ''}, which is not one of the supported CRSs` };
}

/** Maps a failed GDAL job to the importer's problems: what GDAL cannot open is a 422, limits are 413/422. */
function problem(e: unknown, s: GdalSource, limits: ImportLimits): Error {
  if (!(e instanceof GdalError)) return e as Error;
  const detail = e.messages.map((m) => m.replace(/^(ERROR|Warning) \d+: /, '')).filter(Boolean).slice(0, 3).join('; ').slice(0, 300);
  switch (e.kind) {
    case 'open':
      return unprocessable(`${s.label} could not be read as ${s.format}: GDAL does not recognise it or it is damaged${detail ? ` (${detail})` : ''}.`);
    case 'translate':
      return unprocessable(`${s.label} could not be converted: ${e.message.slice(0, 200)}${detail ? ` (${detail})` : ''}.`);
    case 'timeout':
      return unprocessable(`${s.label}: ${e.message} (the limit is ${Math.round(limits.conversionMs / 1000)} s); split the file or simplify it. Nothing was stored.`, { limit: 'conversionMs' });
    case 'memory':
      return tooLarge(`${s.label}: ${e.message}; split the file or simplify it. Nothing was stored.`, { limit: 'conversionMemory' });
    default:
      return unprocessable(`${s.label} made the converter fail (${e.message.slice(0, 160)}); nothing was stored.`);
  }
}

/** A feature as the importer keeps it, with the format's own attribute conventions undone. */
function item(f: Feature, s: GdalSource, layerType: string, skip: Map<string, number>): ParsedItem | null {
  let props: Record<string, unknown> = { ...(f.properties ?? {}) };
  let geometry = (f.geometry ?? null) as Geometry | null;
  const drop = [...COMPUTED];
  if (s.format === 'dxf') {
    // Text and dimension entities come through as points with a Text: annotations, not geometry to import.
    if (typeof props.Text === 'string' && props.Text.trim() && geometry?.type === 'Point' && !/AcDbPoint/.test(String(props.SubClasses))) {
      const kind = /MText/.test(String(props.SubClasses)) ? 'MTEXT' : 'TEXT';
      skip.set(kind, (skip.get(kind) ?? 0) + 1);
      return null;
    }
    const kept: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(DXF_KEEP)) if (props[k] !== undefined) kept[v] = props[k];
    const sub = String(props.SubClasses ?? '').split(':').pop();
    if (sub) kept.dxf_type = sub.replace(/^AcDb/, '').toUpperCase();
    props = kept;
  }
  // Drawings close parcels by repeating the first vertex instead of setting the "closed" flag: on a
  // polygon layer such a line is the polygon it outlines.
  if (layerType === 'polygon' && geometry?.type === 'LineString') {
    const c = geometry.coordinates;
    if (c.length >= 4 && c[0][0] === c[c.length - 1][0] && c[0][1] === c[c.length - 1][1]) geometry = { type: 'Polygon', coordinates: [c] };
  }
  const id = typeof f.id === 'string' && props.id === undefined ? f.id : undefined;
  return toItem(props, geometry, { id, drop });
}

/**
 * Fills in the coordinate system of MIF layers. GDAL reads a MIF's CoordSys line (ogr2ogr reprojects from
 * it), but its MITAB driver does not put it on the layer's geometry field, which is what ogrinfo's JSON
 * (GDALVectorInfo, the `info` gdal3.js gives) reports: the CRS comes out null for every MIF, while a TAB's
 * is there. A one-feature copy of each layer into a GeoPackage carries the CRS into gpkg_spatial_ref_sys,
 * where `info` reads it. A MIF without a CoordSys line (a non-earth drawing) stays without a CRS.
 */
async function mifCoordSys(runner: GdalRunner, s: GdalSource, layers: NonNullable<GdalInfo['layers']>, openOptions: string[], timeoutMs: number): Promise<void> {
  const missing = layers.map((l, i) => ({ l, i })).filter(({ l }) => !l.geometryFields?.[0]?.coordinateSystem?.projjson);
  if (!missing.length) return;
  const copies = await runner.run(s.files, missing.map(({ l, i }) => ({
    op: 'translate' as const, src: s.src, openOptions, out: `crs${i}`, args: ['-f', 'GPKG', '-limit', '1', l.name],
  })), { timeoutMs });
  for (const { l, i } of missing) {
    const gpkg = copies.outputs.find((o) => o.path === `crs${i}.gpkg`);
    if (!gpkg) continue;
    const r = await runner.run([{ path: 'crs.gpkg', data: gpkg.data }], [{ op: 'info', src: 'crs.gpkg' }], { timeoutMs });
    const cs = r.results[0].info?.layers?.[0]?.geometryFields?.[0]?.coordinateSystem;
    if (cs?.projjson && l.geometryFields?.[0]) l.geometryFields[0].coordinateSystem = cs;
  }
}

/**
 * A UTF-8 Shapefile whose field names were cut at the DBF's 10 bytes in the middle of a character (GDAL's and
 * ArcGIS's writers do: 所属园区 is 12 bytes) gives GeoJSON that is not UTF-8 in its keys only. Such a file is
 * read with the broken character dropped from each name, and a warning; null when anything else is not
 * UTF-8 (a value, or a name broken before its end), which is the encoding error it looks like.
 */
function cutFieldNames(bytes: Uint8Array, warnings: string[], layer: string): { text: string; guessed: false } | null {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return null;
  } catch {
    // not UTF-8: see whether only the names are broken
  }
  const fc = JSON.parse(new TextDecoder('utf-8').decode(bytes)) as { features: Feature[] };
  const cut = new Set<string>();
  for (const f of fc.features) {
    const props: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(f.properties ?? {})) {
      if (typeof v === 'string' && v.includes('\uFFFD')) return null;
      const name = k.replace(/\uFFFD+$/, '');
      if (name.includes('\uFFFD') || !name) return null;
      if (name !== k) cut.add(name);
      props[name] = v;
    }
    f.properties = props;
  }
  if (cut.size === 0) return null;
  warnings.push(`${layer}: field names cut mid-character at the DBF's 10-byte limit were read without the cut character: ${[...cut].join(', ')}.`);
  return { text: JSON.stringify(fc), guessed: false };
}

/**
 * Reads an upload with GDAL in the worker: ogrinfo first (layers, feature counts, CRS; the feature limit
 * is checked before anything is converted), then each layer to GeoJSON with its coordinates exactly as in
 * the file (the CRS is applied later, by PostGIS or gcoord). Attribute text must come out as UTF-8: from
 * the .cpg or DBF header as GDAL reads it, the user's `encoding`, or else — when the bytes are not UTF-8 —
 * GB18030 when they are valid as such (with a warning), else a 422 asking for a .cpg.
 */
export async function readWithGdal(s: GdalSource, opts: { layerType: string; encoding: string | null; limits: ImportLimits; budget: Budget; runner?: GdalRunner }): Promise<ParsedFile> {
  const runner = opts.runner ?? gdal();
  const timeoutMs = opts.limits.conversionMs;
  const openOptions = s.format === 'csv' ? CSV_OPEN : opts.encoding && (s.format === 'shapefile' || s.format === 'mapinfo') ? [`ENCODING=${gdalEncoding(opts.encoding)}`] : [];
  let info: GdalInfo;
  let infoMessages: string[];
  try {
    const r = await runner.run(s.files, [{ op: 'info', src: s.src, openOptions }], { timeoutMs });
    info = r.results[0].info ?? {};
    infoMessages = r.messages;
  } catch (e) {
    throw problem(e, s, opts.limits);
  }
  const layers = (info.layers ?? []).filter((l) => (l.geometryFields?.length ?? 0) > 0);
  if (layers.length === 0) {
    if (s.format === 'csv') throw unprocessable(`${s.label} has no geometry: a CSV needs lon/lat (or x/y, 经度/纬度) columns or a WKT column.`);
    throw unprocessable(`${s.label} has no feature table with a geometry.`);
  }
  // GDAL opens a shapefile whose .dbf it cannot read as one without attributes, silently: a .dbf that is
  // there but gave no field is damaged, and the import would lose every name.
  if (s.format === 'shapefile' && s.files.some((f) => /\.dbf$/i.test(f.path)) && layers.some((l) => (l.fields?.length ?? 0) === 0)) {
    throw unprocessable(`${s.label} is damaged: GDAL could not read its .dbf (no attribute fields); the attributes would be lost.`);
  }
  const count = layers.reduce((n, l) => n + Math.max(0, l.featureCount ?? 0), 0);
  if (count > opts.limits.features) throw tooLarge(`The file holds more than ${opts.limits.features} features.`, { limit: 'features' });

  if (/\.mif$/i.test(s.src)) {
    try {
      await mifCoordSys(runner, s, layers, openOptions, timeoutMs);
    } catch (e) {
      throw problem(e, s, opts.limits);
    }
  }
  const findings = layers.map((l) => crsFinding(s, l.name, l.geometryFields?.[0]?.coordinateSystem, infoMessages));
  const codes = [...new Set(findings.map((f) => f.crs?.code ?? f.unknown ?? ''))];
  if (codes.length > 1) {
    throw unprocessable(`The layers of ${s.label} are in different coordinate systems (${layers.map((l, i) => `${l.name}: ${findings[i].crs?.code ?? 'unknown'}`).join(', ')}); upload them one at a time.`);
  }
  let outputs: GdalFile[];
  let messages: string[];
  try {
    const steps = layers.map((l, i) => ({
      op: 'translate' as const, src: s.src, openOptions, out: `layer${i}`,
      args: ['-f', 'GeoJSON', '-lco', 'RFC7946=NO', '-lco', 'WRITE_NAME=NO', '-lco', 'COORDINATE_PRECISION=15', '-dim', 'XY', l.name],
    }));
    ({ outputs, messages } = await runner.run(s.files, steps, { timeoutMs }));
  } catch (e) {
    throw problem(e, s, opts.limits);
  }
  // GDAL reads past damage it can step over (a truncated .dbf, a broken record) and says so as an ERROR:
  // an import must not store a half-read file. CRS complaints are the CRS finding's, not damage.
  const damage = [...infoMessages, ...messages].filter((m) => /^ERROR/.test(m) && !/prj|srs|wkt|projection|coordinate system/i.test(m));
  if (damage.length) throw unprocessable(`${s.label} is damaged: GDAL reports ${damage.slice(0, 3).map((m) => m.replace(/^ERROR \d+: /, '')).join('; ').slice(0, 300)}.`);

  const warnings: string[] = [];
  const sourceEncoding = layers.map((l) => l.metadata?.SHAPEFILE?.SOURCE_ENCODING ?? '').find(Boolean) ?? '';
  const items: ParsedItem[] = [];
  const skip = new Map<string, number>();
  for (let i = 0; i < layers.length; i++) {
    const bytes = outputs.find((o) => o.path === `layer${i}.geojson`)?.data;
    if (!bytes) throw unprocessable(`${s.label}: GDAL converted nothing of layer "${layers[i].name}".`);
    const declaredUtf8 = /^utf-?8$/i.test(opts.encoding ?? sourceEncoding);
    const decoded = (declaredUtf8 && s.format === 'shapefile' && cutFieldNames(bytes, warnings, layers[i].name)) || decodeUtf8OrGbk(bytes);
    const guessable = !opts.encoding && !sourceEncoding && (s.format === 'shapefile' || s.format === 'mapinfo');
    if (!decoded || (decoded.guessed && !guessable)) {
      throw unprocessable(
        `${s.label}: attribute text is not UTF-8, and neither a .cpg file nor the DBF header says which encoding it is. ` +
          'Add a .cpg file to the zip holding the encoding (e.g. GBK), or send the form field encoding=GBK.',
        { limit: 'encoding' },
      );
    }
    const text = decoded.text;
    if (decoded.guessed) {
      warnings.push(`${layers[i].name}: attribute text is not UTF-8 and no .cpg says its encoding; it was read as GBK (GB18030). If names look wrong, upload again with the form field encoding.`);
    }
    const fc = JSON.parse(text) as { features: Feature[] };
    fc.features.forEach((f, k) => {
      const it = item(f, s, opts.layerType, skip);
      if (!it) return;
      opts.budget.add((f.geometry ?? null) as Geometry | null, `Feature ${k + 1} of ${layers[i].name}`);
      items.push(it);
    });
  }
  if (layers.length > 1) warnings.push(`${s.label} has ${layers.length} layers (${layers.map((l) => l.name).join(', ')}); all were read.`);
  for (const [t, n] of skip) warnings.push(`${n} ${t} entit${n === 1 ? 'y was' : 'ies were'} skipped (annotation, not geometry).`);
  if (s.format === 'dxf') warnings.push('DXF has no attributes: features are named after their drawing layer; add names after the import.');
  return { format: s.format, items, crs: findings[0], warnings };
}

/** 415 for an extension GDAL is not asked to read. */
export const notImported = (label: string, ext: string, list: string) => unsupported(`${label}: files of type "${ext || '(none)'}" are not imported. Upload one of: ${list}.`);
