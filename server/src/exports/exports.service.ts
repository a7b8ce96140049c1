import { zipSync, strToU8 } from 'fflate';
import type { Geometry } from 'geojson';
import { ExportsRepository, type ExportFilter, type ExportFeatureRow } from './exports.repository.js';
import { wkbToGeometry } from '../imports/wkb.js';
import { columnsOf, flatAttrs } from './attributes.js';
import { ESRI_PRJ } from './esri-prj.js';
import { shapeKind, writeDbf, writeShp, type ShapeKind } from './shapefile-writer.js';
import { writeGeoPackage } from './gpkg-writer.js';
import { writeKml } from './kml-writer.js';
import { writeCsv } from './csv-writer.js';
import { HttpError, notFound } from '../http/problem.js';
import type { Queryable } from '../db/database.js';

export const FORMATS = ['geojson', 'shp', 'gpkg', 'kml', 'csv'] as const;
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
 * Builds export files. Every coordinate is transformed by PostGIS (ST_Transform); file formats use
 * x = easting/longitude, y = northing/latitude whatever the CRS's official axis order (as GDAL, QGIS
 * and ArcGIS read them).
 */
export class ExportsService {
  private readonly repo: ExportsRepository;
  constructor(db: Queryable) {
    this.repo = new ExportsRepository(db);
  }

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

    const encoding = format === 'kml' ? 'kml' : format === 'csv' ? 'wkt' : 'wkb';
    const rows = await this.repo.features(filter, outSrid, encoding, { limit: MAX_EXPORT_FEATURES + 1, clockwise: format === 'shp', digits: digitsFor(outSrid) });
    if (rows.length === 0) throw empty();
    if (rows.length > MAX_EXPORT_FEATURES) throw tooMany();
    const attrs = rows.map(flatAttrs);
    const notes: string[] = [];
    if (rows.some((r) => Object.values(r.properties).some((v) => v !== null && typeof v === 'object'))) {
      notes.push('List and object properties (aliases, chains, …) are only in the GeoJSON export.');
    }

    if (format === 'kml') {
      if (srid !== 4326) notes.push(`KML is always WGS 84 (EPSG:4326); EPSG:${srid} was not applied.`);
      const body = writeKml({ name: base, columns: columnsOf(attrs), features: rows.map((r, i) => ({ kml: r.kml!, attrs: attrs[i] })) });
      return { body, contentType: 'application/vnd.google-earth.kml+xml; charset=utf-8', filename: `${name}.kml`, srid: 4326, count: rows.length, notes };
    }
    if (format === 'csv') {
      const body = writeCsv(columnsOf(attrs), rows.map((r, i) => ({ wkt: r.wkt!, attrs: attrs[i] })));
      notes.push(`CSV carries no CRS: the WKT column is in EPSG:${srid}, x = ${geographic(srid) ? 'longitude' : 'easting'}.`);
      return { body, contentType: 'text/csv; charset=utf-8', filename: `${name}.csv`, srid, count: rows.length, notes };
    }
    if (format === 'gpkg') {
      const srs = await this.repo.srs(srid);
      const types = new Set(rows.map((r) => r.type));
      const body = await writeGeoPackage({
        table: base, srs: { srid, ...srs }, geometryType: types.size === 1 ? [...types][0] : 'GEOMETRY', columns: columnsOf(attrs), description: `产业空间一张图: ${base}`,
        features: rows.map((r, i) => ({ wkb: r.wkb!, envelope: r.envelope!, attrs: attrs[i] })),
      });
      return { body: Buffer.from(body), contentType: 'application/geopackage+sqlite3', filename: `${name}.gpkg`, srid, count: rows.length, notes };
    }
    return this.shapefile(rows, attrs, srid, name, notes);
  }

  /** A zip with one shapefile (.shp .shx .dbf .prj .cpg) per geometry kind present. */
  private shapefile(rows: ExportFeatureRow[], attrs: ReturnType<typeof flatAttrs>[], srid: number, name: string, notes: string[]): ExportFile {
    const groups = new Map<ShapeKind, Array<{ g: Geometry; a: (typeof attrs)[number] }>>();
    let skipped = 0;
    rows.forEach((r, i) => {
      const g = wkbToGeometry(r.wkb!);
      const kind = shapeKind(g);
      if (!kind) return void skipped++;
      if (!groups.has(kind)) groups.set(kind, []);
      groups.get(kind)!.push({ g, a: attrs[i] });
    });
    if (skipped) notes.push(`${skipped} geometry collection(s) cannot be stored in a shapefile and were left out; use GeoPackage or GeoJSON.`);
    const files: Record<string, Uint8Array> = {};
    for (const [kind, items] of groups) {
      const stem = groups.size === 1 ? name : `${name}_${kind}`;
      const { shp, shx } = writeShp(kind, items.map((x) => x.g));
      const cols = columnsOf(items.map((x) => x.a));
      const { dbf, truncated } = writeDbf(cols, items.map((x) => x.a));
      if (truncated.length) notes.push(`${stem}.dbf: text longer than 254 bytes was cut in ${truncated.join(', ')} (a dBASE limit).`);
      if (cols.some((c) => Buffer.byteLength(c.name) > 10)) notes.push(`${stem}.dbf: field names longer than 10 bytes were shortened (a dBASE limit).`);
      Object.assign(files, { [`${stem}.shp`]: shp, [`${stem}.shx`]: shx, [`${stem}.dbf`]: dbf, [`${stem}.prj`]: strToU8(ESRI_PRJ[srid]), [`${stem}.cpg`]: strToU8('UTF-8') });
    }
    const body = Buffer.from(zipSync(files, { level: 6 }));
    return { body, contentType: 'application/zip', filename: `${name}_shp.zip`, srid, count: rows.length - skipped, notes };
  }
}
