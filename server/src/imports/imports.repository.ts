import type { Queryable } from '../db/database.js';
import { sqlFile } from '../db/sql.js';
import type { ParsedItem } from './parsed.js';

const insertItemsSql = sqlFile(import.meta.url, 'insert-items.sql');
const projectItemsSql = sqlFile(import.meta.url, 'project-items.sql');
const setItemsGeomSql = sqlFile(import.meta.url, 'set-items-geom.sql');
const itemFactsSql = sqlFile(import.meta.url, 'item-facts.sql');

export interface BatchRow {
  id: string;
  layer_id: string;
  filename: string;
  format: string;
  source_crs: string | null;
  crs_from: string;
  warnings: string[];
  status: 'pending' | 'committed';
  created_by: string;
  created_at: string;
  committed_by: string | null;
  committed_at: string | null;
  result: unknown;
}

/** One row of item-facts.sql: what PostGIS says about an item and the feature it matches. */
export interface ItemFacts {
  seq: number;
  source_id: string | null;
  name_zh: string | null;
  name_en: string | null;
  file_version: number | null;
  properties: Record<string, unknown>;
  error: string | null;
  transform_error: string | null;
  invalid: boolean;
  invalid_reason: string | null;
  repaired: boolean;
  valid_now: boolean;
  dup_count: number | null;
  type: string | null;
  points: number | null;
  empty: boolean;
  inside: boolean | null;
  layer_kind: string;
  batch_layer: string;
  layer_geometry_type: string;
  match_id: string | null;
  match_by: 'id' | 'name_zh' | null;
  match_layer: string | null;
  match_version: number | null;
  candidates: number | null;
  match_name_zh: string | null;
  match_name_en: string | null;
  same_geometry: boolean | null;
  same_properties: boolean | null;
  area_km2: number | null;
  current_area_km2: number | null;
  /** GeoJSON text in WGS 84, or null. */
  geometry: string | null;
}

const CHUNK = 2000;

/** All SQL of the import area: batches, their items, re-projection and the facts a preview is built from. */
export class ImportsRepository {
  constructor(private readonly db: Queryable) {}

  async layerGeometryType(layerId: string): Promise<string | null> {
    return (await this.db.query<{ geometry_type: string }>('SELECT geometry_type FROM layers WHERE id = $1', [layerId])).rows[0]?.geometry_type ?? null;
  }

  async createBatch(b: { id: string; layer_id: string; filename: string; format: string; source_crs: string | null; crs_from: string; warnings: string[]; created_by: string }): Promise<void> {
    await this.db.query(
      `INSERT INTO import_batches (id, layer_id, filename, format, source_crs, crs_from, warnings, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [b.id, b.layer_id, b.filename, b.format, b.source_crs, b.crs_from, JSON.stringify(b.warnings), b.created_by],
    );
  }

  /** Stores the items with their coordinates as in the file, in chunks of one statement each. */
  async insertItems(batchId: string, items: ParsedItem[]): Promise<void> {
    for (let i = 0; i < items.length; i += CHUNK) {
      const chunk = items.slice(i, i + CHUNK).map((it, k) => ({
        seq: i + k + 1, source_id: it.sourceId, name_zh: it.nameZh, name_en: it.nameEn, file_version: it.version,
        properties: it.properties, geometry: it.geometry, error: it.error,
      }));
      await this.db.query(insertItemsSql, [batchId, JSON.stringify(chunk)]);
    }
  }

  /** Re-projects raw → geom with ST_Transform from `srid`, leaving items outside the CRS's ranges untransformed. */
  async projectItems(batchId: string, srid: number, x: [number, number], y: [number, number]): Promise<void> {
    await this.db.query(projectItemsSql, [batchId, srid, x[0], x[1], y[0], y[1]]);
  }

  /** The raw geometries as GeoJSON text (full precision), for conversions PostGIS cannot do. */
  async rawGeometries(batchId: string): Promise<Array<{ seq: number; raw: string }>> {
    return (await this.db.query<{ seq: number; raw: string }>(
      'SELECT seq, ST_AsGeoJSON(raw, 15) AS raw FROM import_items WHERE batch_id = $1 AND raw IS NOT NULL ORDER BY seq', [batchId])).rows;
  }

  async setItemGeometries(batchId: string, rows: Array<{ seq: number; geometry: unknown; transform_error: string | null }>): Promise<void> {
    for (let i = 0; i < rows.length; i += CHUNK) await this.db.query(setItemsGeomSql, [batchId, JSON.stringify(rows.slice(i, i + CHUNK))]);
  }

  async setBatchCrs(batchId: string, crs: string, from: string): Promise<void> {
    await this.db.query('UPDATE import_batches SET source_crs = $2, crs_from = $3 WHERE id = $1', [batchId, crs, from]);
  }

  /** The batch, or null; `lock` takes a row lock for the rest of the transaction (commit, CRS change). */
  async batch(id: string, lock = false): Promise<BatchRow | null> {
    const { rows } = await this.db.query<BatchRow>(
      `SELECT id, layer_id, filename, format, source_crs, crs_from, warnings, status, created_by, created_at, committed_by, committed_at, result
       FROM import_batches WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
    return rows[0] ?? null;
  }

  async facts(batchId: string, makeValid: boolean): Promise<ItemFacts[]> {
    return (await this.db.query<ItemFacts>(itemFactsSql, [batchId, makeValid])).rows;
  }

  async markCommitted(batchId: string, user: string, result: unknown): Promise<void> {
    await this.db.query("UPDATE import_batches SET status = 'committed', committed_by = $2, committed_at = now(), result = $3 WHERE id = $1", [batchId, user, JSON.stringify(result)]);
  }

  /** Deletes a batch (its items cascade); false when there was none. */
  async deleteBatch(id: string): Promise<boolean> {
    return (await this.db.query('DELETE FROM import_batches WHERE id = $1 RETURNING id', [id])).rows.length > 0;
  }

  /** Drops uncommitted batches older than `days`: previews are drafts, not an archive. */
  async deleteStale(days: number): Promise<void> {
    await this.db.query("DELETE FROM import_batches WHERE status = 'pending' AND created_at < now() - make_interval(days => $1)", [days]);
  }

  async audit(user: string, action: string, target: string, details: unknown): Promise<void> {
    await this.db.query('INSERT INTO audit_log (username, action, target, details) VALUES ($1, $2, $3, $4)', [user, action, target, JSON.stringify(details)]);
  }
}
