import type { Queryable } from '../db/database.js';
import { sqlFile } from '../db/sql.js';
import type { ExportRow } from './attributes.js';

const featuresSql = sqlFile(import.meta.url, 'export-features.sql');
const geojsonSql = sqlFile(import.meta.url, 'export-geojson.sql');

/** Which features an export holds: a layer, ids, a WGS 84 bbox, or any combination (all must match). */
export interface ExportFilter {
  layer: string | null;
  ids: string[] | null;
  bbox: [number, number, number, number] | null;
}

export interface ExportFeatureRow extends ExportRow {
  type: string;
  wkb: Uint8Array | null;
  envelope: [number, number, number, number] | null;
  wkt: string | null;
  kml: string | null;
}

const filterValues = (f: ExportFilter) => [f.layer, f.ids, ...(f.bbox ?? [null, null, null, null])];

/** All SQL of exports. */
export class ExportsRepository {
  constructor(private readonly db: Queryable) {}

  async layerExists(id: string): Promise<boolean> {
    return (await this.db.query('SELECT 1 FROM layers WHERE id = $1', [id])).rows.length > 0;
  }

  /** The selected features with geometry in `srid`, encoded as `encoding`; at most `limit` rows. */
  async features(f: ExportFilter, srid: number, encoding: 'wkb' | 'wkt' | 'kml', opts: { limit: number; clockwise?: boolean; digits?: number }): Promise<ExportFeatureRow[]> {
    const { rows } = await this.db.query<ExportFeatureRow>(featuresSql, [...filterValues(f), srid, encoding, opts.limit, opts.clockwise ?? false, opts.digits ?? 9]);
    // pg gives bytea as Buffer, PGlite as Uint8Array: both are Uint8Array.
    return rows;
  }

  /** The GeoJSON features array as text (built by PostGIS) and how many it holds. */
  async geojson(f: ExportFilter, srid: number, digits: number, limit: number): Promise<{ n: number; features: string }> {
    return (await this.db.query<{ n: number; features: string }>(geojsonSql, [...filterValues(f), srid, digits, limit])).rows[0];
  }

  /** PostGIS's name and WKT for an SRID (for gpkg_spatial_ref_sys). */
  async srs(srid: number): Promise<{ name: string; definition: string }> {
    const { rows } = await this.db.query<{ name: string; definition: string }>(
      "SELECT coalesce(substring(srtext from '^[A-Z]+\\[\"([^\"]+)\"'), 'EPSG:' || srid) AS name, srtext AS definition FROM spatial_ref_sys WHERE srid = $1", [srid]);
    return rows[0];
  }
}
