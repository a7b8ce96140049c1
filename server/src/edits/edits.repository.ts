import type { Queryable } from '../db/database.js';
import { sqlFile } from '../db/sql.js';

const checkSql = sqlFile(import.meta.url, 'check-geometry.sql');
const updateSql = sqlFile(import.meta.url, 'update-feature.sql');
const insertSql = sqlFile(import.meta.url, 'insert-feature.sql');
const revertSql = sqlFile(import.meta.url, 'revert-feature.sql');
const historySql = sqlFile(import.meta.url, 'history.sql');
const restoreSql = sqlFile(import.meta.url, 'restore-feature.sql');

export interface GeometryCheck {
  type: string;
  points: number;
  valid: boolean;
  reason: string | null;
  xmin: number;
  ymin: number;
  xmax: number;
  ymax: number;
  empty: boolean;
}

export interface FeaturePatch {
  name_zh?: string;
  name_en?: string;
  accuracy?: string;
  parent_id?: string | null;
  geometry?: unknown;
  properties?: Record<string, unknown>;
}

/** All SQL that writes features (run inside the caller's transaction). */
export class EditsRepository {
  constructor(private readonly db: Queryable) {}

  /** PostGIS's verdict on a GeoJSON geometry; throws a PostgreSQL error if it is not GeoJSON at all. */
  async checkGeometry(geojson: unknown): Promise<GeometryCheck> {
    return (await this.db.query<GeometryCheck>(checkSql, [JSON.stringify(geojson)])).rows[0];
  }

  /** The feature's version and layer geometry type, or null. */
  async current(id: string): Promise<{ version: number; layer_id: string; geometry_type: string } | null> {
    const { rows } = await this.db.query<{ version: number; layer_id: string; geometry_type: string }>(
      'SELECT f.version, f.layer_id, l.geometry_type FROM features f JOIN layers l ON l.id = f.layer_id WHERE f.id = $1', [id]);
    return rows[0] ?? null;
  }

  async layerGeometryType(layerId: string): Promise<string | null> {
    return (await this.db.query<{ geometry_type: string }>('SELECT geometry_type FROM layers WHERE id = $1', [layerId])).rows[0]?.geometry_type ?? null;
  }

  async featureExists(id: string): Promise<boolean> {
    return (await this.db.query('SELECT 1 FROM features WHERE id = $1', [id])).rows.length > 0;
  }

  /** Applies the patch if the version matches; returns the new version or null on a version mismatch. */
  async update(id: string, version: number, p: FeaturePatch): Promise<number | null> {
    const { rows } = await this.db.query<{ version: number }>(updateSql, [
      id, version, p.name_zh ?? null, p.name_en ?? null, p.accuracy ?? null, p.parent_id !== undefined, p.parent_id ?? null,
      p.geometry === undefined ? null : JSON.stringify(p.geometry), p.properties === undefined ? null : JSON.stringify(p.properties),
    ]);
    return rows[0]?.version ?? null;
  }

  /** Inserts a feature; null if the id is taken. */
  async insert(f: Required<Pick<FeaturePatch, 'name_zh' | 'name_en' | 'accuracy' | 'geometry'>> & { id: string; layer_id: string; parent_id: string | null; properties: Record<string, unknown> }): Promise<number | null> {
    const { rows } = await this.db.query<{ version: number }>(insertSql, [
      f.id, f.layer_id, f.name_zh, f.name_en, f.parent_id, JSON.stringify(f.geometry), f.accuracy, JSON.stringify(f.properties),
    ]);
    return rows[0]?.version ?? null;
  }

  /** Deletes if the version matches; true when deleted. */
  async delete(id: string, version: number): Promise<boolean> {
    return (await this.db.query('DELETE FROM features WHERE id = $1 AND version = $2 RETURNING id', [id, version])).rows.length === 1;
  }

  /** Restores history version `to` as a new version if the current version is `version`. */
  async revert(id: string, to: number, version: number): Promise<number | null> {
    return (await this.db.query<{ version: number }>(revertSql, [id, to, version])).rows[0]?.version ?? null;
  }

  /** Re-creates a deleted feature from history version `to` if its delete tombstone is `tombstone`; the new version, or null. */
  async restore(id: string, to: number, tombstone: number): Promise<number | null> {
    return (await this.db.query<{ version: number }>(restoreSql, [id, to, tombstone])).rows[0]?.version ?? null;
  }

  async historyVersionExists(id: string, v: number): Promise<boolean> {
    return (await this.db.query("SELECT 1 FROM feature_history WHERE feature_id = $1 AND version = $2 AND op <> 'delete'", [id, v])).rows.length > 0;
  }

  /** The history as JSON text ('[]' for an unknown id). */
  async history(id: string, withGeometry: boolean): Promise<string> {
    return (await this.db.query<{ body: string }>(historySql, [id, withGeometry])).rows[0].body;
  }

  /** The current feature as GeoJSON text, or null. */
  async featureJson(id: string): Promise<string | null> {
    return (await this.db.query<{ body: string }>('SELECT atlas_feature_json(f)::text AS body FROM features f WHERE f.id = $1', [id])).rows[0]?.body ?? null;
  }
}
