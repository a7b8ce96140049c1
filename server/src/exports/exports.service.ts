import { ExportsRepository, type ExportFilter } from './exports.repository.js';
import { flatAttrs } from './attributes.js';
import { writeWithGdal, GDAL_FORMATS } from './gdal-write.js';
import { HttpError, notFound } from '../http/problem.js';
import type { Queryable } from '../db/database.js';

export const FORMATS = ['geojson', ...GDAL_FORMATS] as const;
export type ExportFormat = (typeof FORMATS)[number];

/** The most features one export holds. */
export const MAX_EXPORT_FEATURES = 100_000;

export interface ExportFile {
  body: Buffer | string;
  contentType: string;
  /** File name without directory, ASCII. */
  filename: string;
  /** The CRS the coordinates are in (KML: always 4326). */
  srid: number;
  count: number;
  notes: string[];
}

const geographic = (srid: number) => srid === 4326 || srid === 4490;
const digitsFor = (srid: number) => (geographic(srid) ? 9 : 4);

/**
 * Builds export files. Every coordinate is transformed by PostGIS (ST_Transform); GeoJSON is PostGIS's
 * text as is, every other format is written by GDAL (gdal-write.ts) from it. File formats use
 * x = easting/longitude, y = northing/latitude whatever the CRS's official axis order (as GDAL, QGIS
 * and ArcGIS read them).
 */
export class ExportsService {
  private readonly repo: ExportsRepository;
  constructor(db: Queryable) {
    this.repo = new ExportsRepository(db);
  }

  /** The selection as one file in `format` and EPSG:`srid` (KML: always 4326); 404 when it is empty, 413 past MAX_EXPORT_FEATURES. */
  async export(filter: ExportFilter, format: ExportFormat, srid: number, base: string): Promise<ExportFile> {
    if (filter.layer && !(await this.repo.layerExists(filter.layer))) throw notFound(`Layer "${filter.layer}" does not exist.`);
    const stamp = new Date().toISOString().slice(0, 10).replace(/-/g, '');
    const outSrid = format === 'kml' ? 4326 : srid;
    const name = `${base}_${stamp}${outSrid === 4326 ? '' : `_epsg${outSrid}`}`;
    const empty = () => notFound('No features match this selection.');
    const tooMany = () => new HttpError(413, 'Payload Too Large', `The selection holds more than ${MAX_EXPORT_FEATURES} features; narrow it with layer, ids or bbox.`);

    if (format === 'geojson') {
      const { n, features } = await this.repo.geojson(filter, srid, digitsFor(srid), MAX_EXPORT_FEATURES + 1);
      if (n === 0) throw empty();
      if (n > MAX_EXPORT_FEATURES) throw tooMany();
      // RFC 7946 GeoJSON is WGS 84 only; other CRSs carry the 2008-style named crs member GDAL and QGIS read.
      const crs = srid === 4326 ? '' : `"crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::${srid}"}},`;
      const body = `{"type":"FeatureCollection","name":${JSON.stringify(base)},${crs}"features":${features}}\n`;
      const notes = srid === 4326 ? [] : [`GeoJSON in EPSG:${srid} is not RFC 7946 GeoJSON (which is WGS 84 only); it carries a "crs" member, x = easting/longitude.`];
      return { body, contentType: 'application/geo+json; charset=utf-8', filename: `${name}.geojson`, srid, count: n, notes };
    }

    const rows = await this.repo.features(filter, outSrid, { limit: MAX_EXPORT_FEATURES + 1, digits: digitsFor(outSrid) });
    if (rows.length === 0) throw empty();
    if (rows.length > MAX_EXPORT_FEATURES) throw tooMany();
    const notes: string[] = [];
    if (rows.some((r) => Object.values(r.properties).some((v) => v !== null && typeof v === 'object'))) {
      notes.push('List and object properties (aliases, chains, …) are only in the GeoJSON export.');
    }
    if (format === 'kml' && srid !== 4326) notes.push(`KML is always WGS 84 (EPSG:4326); EPSG:${srid} was not applied.`);
    const file = await writeWithGdal(rows.map((r) => ({ geometry: r.geometry, type: r.type, attrs: flatAttrs(r) })), {
      format, srid: outSrid, name, layer: base, description: `产业空间一张图: ${base}`,
    });
    return { ...file, srid: outSrid, notes: [...notes, ...file.notes] };
  }
}
