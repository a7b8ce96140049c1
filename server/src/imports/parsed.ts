import type { Geometry } from 'geojson';
import { CRS_CHOICES, crsJson, type SourceCrs } from './source-crs.js';
import type { ImportLimits } from './limits.js';
import { countVertices, force2d, structuralProblem } from './geometry.js';
import { tooLarge, unprocessable } from './problems.js';

/** One feature read from an upload, before any CRS is applied: coordinates exactly as in the file. */
export interface ParsedItem {
  /** The feature id the file gives (an `id` attribute or a GeoJSON/KML id), if any. */
  sourceId: string | null;
  nameZh: string | null;
  nameEn: string | null;
  /** The `version` attribute of a file exported from the atlas: the version it was exported at. */
  version: number | null;
  /** The other attributes; nulls and empty strings dropped (an empty cell never erases a value). */
  properties: Record<string, unknown>;
  /** Every attribute as read, names and ids included (computed GIS fields dropped): for readers that map attributes themselves (the sites import). */
  attributes: Record<string, unknown>;
  geometry: Geometry | null;
  /** Why this feature cannot be used at all (no geometry, unreadable geometry). */
  error: string | null;
}

/** Where a file's CRS came from: a .prj, gpkg_spatial_ref_sys, a GeoJSON crs member, the format's spec, or nowhere. */
export interface CrsFinding {
  crs: SourceCrs | null;
  /** e.g. "the .prj (CGCS2000_3_Degree_GK_CM_120E)", "the KML 2.2 specification". */
  from: string;
  /** When crs is null: why it could not be told. */
  unknown?: string;
  /** True when the file carries a CRS definition that cannot be read at all (a broken .prj): a 422 unless a CRS is declared. */
  bad?: boolean;
}

/** The formats the importer reads (all through GDAL). */
export type ImportFormat = 'geojson' | 'shapefile' | 'kml' | 'kmz' | 'gpkg' | 'dxf' | 'filegdb' | 'mapinfo' | 'flatgeobuf' | 'csv';

export interface ParsedFile {
  format: ImportFormat;
  items: ParsedItem[];
  crs: CrsFinding;
  warnings: string[];
  /** KML: coordinates are WGS 84 lon/lat by definition; only GCJ-02 / BD-09 may be declared instead. */
  geographicOnly?: boolean;
}

/** Attribute names that are columns of `features`, or computed: they are never stored as properties. */
const RESERVED = new Set(['id', 'fid', 'name_zh', 'name_en', 'accuracy', 'layer_id', 'version', 'parent_id', 'sources', 'area_km2', 'length_km', 'updated_at', 'updated_by']);
const NAME_ZH = ['name_zh', 'name', '名称', '名字', '地块名称'];
const NAME_EN = ['name_en', 'name_english', 'english'];

const pick = (attrs: Record<string, unknown>, keys: string[]): [string, unknown] | null => {
  const lower = new Map(Object.keys(attrs).map((k) => [k.toLowerCase(), k]));
  for (const k of keys) {
    const real = lower.get(k);
    if (real !== undefined && attrs[real] !== null && attrs[real] !== undefined && String(attrs[real]).trim() !== '') return [real, attrs[real]];
  }
  return null;
};

/** Builds an item from a feature's attributes: picks id, names and version, keeps the rest as properties. */
export function toItem(attrs: Record<string, unknown>, geometry: Geometry | null, opts: { id?: unknown; error?: string | null; drop?: string[] } = {}): ParsedItem {
  const id = pick(attrs, ['id']);
  const zh = pick(attrs, NAME_ZH);
  const en = pick(attrs, NAME_EN);
  const ver = pick(attrs, ['version']);
  const used = new Set([id?.[0], zh?.[0], en?.[0], ver?.[0]]);
  const drop = new Set((opts.drop ?? []).map((d) => d.toLowerCase()));
  const properties: Record<string, unknown> = {};
  const attributes: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(attrs)) {
    if (drop.has(k.toLowerCase())) continue;
    attributes[k] = v;
    if (used.has(k) || RESERVED.has(k.toLowerCase())) continue;
    if (v === null || v === undefined || (typeof v === 'string' && v.trim() === '')) continue;
    properties[k] = v;
  }
  const rawId = opts.id ?? id?.[1];
  const version = ver ? Number(ver[1]) : NaN;
  let error = opts.error ?? null;
  let geom = geometry;
  if (!error && !geom) error = 'the feature has no geometry';
  if (!error && geom) {
    error = structuralProblem(geom);
    if (!error) geom = force2d(geom);
  }
  return {
    sourceId: rawId === undefined || rawId === null || String(rawId).trim() === '' ? null : String(rawId).trim(),
    nameZh: zh ? String(zh[1]).trim() : null,
    nameEn: en ? String(en[1]).trim() : null,
    version: Number.isInteger(version) && version > 0 ? version : null,
    properties,
    attributes,
    geometry: error ? null : geom,
    error,
  };
}

/** Counts features and vertices as they are read; throws a 413 the moment a limit is passed. */
export class Budget {
  private features = 0;
  private vertices = 0;
  constructor(private readonly limits: ImportLimits) {}

  /** Counts one more feature. */
  feature(): void {
    if (++this.features > this.limits.features) throw tooLarge(`The file holds more than ${this.limits.features} features.`, { limit: 'features' });
  }

  /** Counts one feature's vertices (readers that know the count before building the geometry call this first). */
  addVertices(n: number, label: string): void {
    if (n > this.limits.verticesPerFeature) {
      throw tooLarge(`${label} has ${n} vertices; at most ${this.limits.verticesPerFeature} per feature.`, { limit: 'verticesPerFeature' });
    }
    this.vertices += n;
    if (this.vertices > this.limits.verticesTotal) throw tooLarge(`The file holds more than ${this.limits.verticesTotal} vertices in all.`, { limit: 'verticesTotal' });
  }

  /** Counts a feature and its vertices. */
  add(g: Geometry | null, label: string): void {
    this.feature();
    this.addVertices(g ? countVertices(g) : 0, label);
  }
}

/** 422 when EPSG:4549 (a projected grid) is declared for KML/KMZ, whose coordinates are WGS 84 longitude/latitude by definition. */
export function refuseGridForKml(format: string, crs: SourceCrs): void {
  if ((format === 'kml' || format === 'kmz') && crs.kind === 'epsg' && crs.srid === 4549) {
    throw unprocessable('KML coordinates are WGS 84 longitude/latitude by definition (OGC KML 2.2); only GCJ-02 or BD-09 may be declared for a KML drawn on a Chinese web map.');
  }
}

/**
 * The CRS an upload is read in: the declared one (with a warning when the file says another or carries an
 * unreadable one), else the file's own, else null (the preview asks for it). An unreadable CRS definition
 * (a broken .prj) with nothing declared is a 422 offering the choices. Shared by the feature and the sites import.
 */
export function settleCrs(parsed: ParsedFile, declared: SourceCrs | null): { crs: SourceCrs | null; from: string; warnings: string[] } {
  const warnings: string[] = [];
  if (declared) {
    refuseGridForKml(parsed.format, declared);
    if (parsed.crs.crs && parsed.crs.crs.code !== declared.code) {
      warnings.push(`The file says ${parsed.crs.crs.code} (${parsed.crs.from}); ${declared.code} was used as declared.`);
    } else if (parsed.crs.bad) warnings.push(`Ignored ${parsed.crs.from}: ${parsed.crs.unknown}.`);
    return { crs: declared, from: 'declared on upload', warnings };
  }
  if (parsed.crs.bad) {
    throw unprocessable(`${parsed.crs.unknown}. Fix or remove the .prj, or upload again with the form field crs (one of ${CRS_CHOICES.map((c) => c.code).join(', ')}).`, {
      crs_choices: CRS_CHOICES.map(crsJson),
    });
  }
  return { crs: parsed.crs.crs, from: parsed.crs.crs ? parsed.crs.from : `unknown: ${parsed.crs.unknown ?? 'the file does not say'}`, warnings };
}
