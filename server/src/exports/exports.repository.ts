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
  /** PostGIS GeometryType(). */
  type: string;
  /** GeoJSON text in the export CRS. */
  geometry: string;
}

const filterValues = (f: ExportFilter) => [f.layer, f.ids, ...(f.bbox ?? [null, null, null, null])];

/** All SQL of exports. */
export class ExportsRepository {
  constructor(private readonly db: Queryable) {}

  async layerExists(id: string): Promise<boolean> {
    return (await this.db.query('SELECT 1 FROM layers WHERE id = $1', [id])).rows.length > 0;
  }

  /** The selected features with their geometry as GeoJSON text in `srid`; at most `limit` rows. */
  async features(f: ExportFilter, srid: number, opts: { limit: number; digits: number }): Promise<ExportFeatureRow[]> {
    return (await this.db.query<ExportFeatureRow>(featuresSql, [...filterValues(f), srid, opts.limit, opts.digits])).rows;
  }

  /** The GeoJSON features array as text (built by PostGIS) and how many it holds. */
  async geojson(f: ExportFilter, srid: number, digits: number, limit: number): Promise<{ n: number; features: string }> {
    return (await this.db.query<{ n: number; features: string }>(geojsonSql, [...filterValues(f), srid, digits, limit])).rows[0];
  }
}
