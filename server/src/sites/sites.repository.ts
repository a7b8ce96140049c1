import type { Queryable } from '../db/database.js';
import { sqlFile } from '../db/sql.js';
import { SITE_FIELDS, type SiteValues } from './site-fields.js';
import type { SiteNearby } from '../../../contract/sites.js';

const checkGeometrySql = sqlFile(import.meta.url, 'check-geometry.sql');
const historySql = sqlFile(import.meta.url, 'site-history.sql');
const refsSql = sqlFile(import.meta.url, 'site-refs.sql');
const parksSql = sqlFile(import.meta.url, 'parks-lookup.sql');
const nearbySql = sqlFile(import.meta.url, 'site-nearby.sql');

/** The filters of GET /api/sites (lists are OR within a filter, AND across filters; null = no filter). */
export interface SiteFilter {
  status: string[];
  kind: string[];
  park: string[];
  chain: string[];
  land_use: string[];
  min_area_mu: number | null;
  max_area_mu: number | null;
  min_floor_area_m2: number | null;
  bbox: [number, number, number, number] | null;
  ids?: string[];
}

export interface GeometryCheck {
  type: string | null;
  points: number;
  valid: boolean;
  empty: boolean;
  reason: string | null;
  xmin: number;
  ymin: number;
  xmax: number;
  ymax: number;
  inside: boolean;
}

/** The WHERE clause of a site filter over `sites s`, with its $n values (identifiers fixed here, values bound). */
/**
 * A site's area (stated, or geodesic for a surveyed or digitised polygon), computed once per site as `sa.area_m2`:
 * every query that uses siteWhere or atlas_site_json's five-argument form joins it after `sites s`. OFFSET 0 keeps
 * PostgreSQL from flattening it into each use (migration 021).
 */
export const SITE_AREA = 'CROSS JOIN LATERAL (SELECT atlas_site_area_m2(s) AS area_m2 OFFSET 0) sa';

/** The WHERE clause of `f` over `sites s` and SITE_AREA's `sa`, its values bound in order after `values`. */
export function siteWhere(f: SiteFilter, values: unknown[] = []): { where: string; values: unknown[] } {
  const c: string[] = [];
  const v = (x: unknown) => `$${values.push(x)}`;
  if (f.ids) c.push(`s.id = ANY(${v(f.ids)}::text[])`);
  if (f.status.length) c.push(`s.status = ANY(${v(f.status)}::text[])`);
  if (f.kind.length) c.push(`s.kind = ANY(${v(f.kind)}::text[])`);
  if (f.park.length) c.push(`s.park_id = ANY(${v(f.park)}::text[])`);
  if (f.chain.length) c.push(`s.chains && ${v(f.chain)}::text[]`);
  // A class includes its sub-classes: land_use=1001 finds 100101 一类工业用地 too.
  if (f.land_use.length) c.push(`EXISTS (SELECT 1 FROM unnest(${v(f.land_use)}::text[]) lu WHERE s.land_use_code LIKE lu || '%')`);
  if (f.min_area_mu !== null) c.push(`sa.area_m2 * 15 / 10000 >= ${v(f.min_area_mu)}::numeric`);
  if (f.max_area_mu !== null) c.push(`sa.area_m2 * 15 / 10000 <= ${v(f.max_area_mu)}::numeric`);
  if (f.min_floor_area_m2 !== null) c.push(`s.floor_area_m2 >= ${v(f.min_floor_area_m2)}::numeric`);
  if (f.bbox) c.push(`ST_Intersects(s.geom, ST_MakeEnvelope(${v(f.bbox[0])}::float8, ${v(f.bbox[1])}::float8, ${v(f.bbox[2])}::float8, ${v(f.bbox[3])}::float8, 4326))`);
  return { where: c.length ? `WHERE ${c.join(' AND ')}` : '', values };
}

/** Reads and writes the sites table; SQL built here only from whitelisted columns, values always bound. */
export class SitesRepository {
  constructor(private readonly db: Queryable) {}

  /** The GeoJSON FeatureCollection text of the sites passing `f`, ordered by id (built by PostGIS). */
  async collection(f: SiteFilter): Promise<string> {
    const { where, values } = siteWhere(f);
    const { rows } = await this.db.query<{ fc: string }>(
      `SELECT json_build_object('type', 'FeatureCollection', 'features', coalesce(json_agg(atlas_site_json(s, lu, c, d, sa.area_m2) ORDER BY s.id), '[]'::json))::text AS fc
       FROM sites s ${SITE_AREA} LEFT JOIN land_use_classes lu ON lu.code = s.land_use_code LEFT JOIN citations c ON c.id = s.citation_id
         LEFT JOIN documents d ON d.id = c.document_id
       ${where}`, values);
    return rows[0].fc;
  }

  /** One site's Feature text, or null. */
  async featureJson(id: string): Promise<string | null> {
    const { rows } = await this.db.query<{ f: string }>('SELECT atlas_site_json(s)::text AS f FROM sites s WHERE s.id = $1', [id]);
    return rows[0]?.f ?? null;
  }

  /** The current row (the columns writes merge into), or null. */
  async row(id: string): Promise<(SiteValues & { version: number; source_kind: string }) | null> {
    const { rows } = await this.db.query<SiteValues & { version: number; source_kind: string }>(
      `SELECT ${Object.keys(SITE_FIELDS).join(', ')}, to_char(status_as_of, 'YYYY-MM-DD') AS status_as_of, version, source_kind FROM sites WHERE id = $1`, [id]);
    return rows[0] ?? null;
  }

  async idByExternalKey(key: string): Promise<string | null> {
    return (await this.db.query<{ id: string }>('SELECT id FROM sites WHERE external_key = $1', [key])).rows[0]?.id ?? null;
  }

  async checkGeometry(geojson: string): Promise<GeometryCheck> {
    return (await this.db.query<GeometryCheck>(checkGeometrySql, [geojson])).rows[0];
  }

  async refs(park: string | null, chains: string[], landUse: string | null, zone: string | null) {
    return (await this.db.query<{ park: string | null; unknown_chains: string[]; land_use: string | null; zone: string | null }>(refsSql, [park, chains, landUse, zone])).rows[0];
  }

  /** The nearest mapped port, station and expressway to a site, one per kind (none when the site does not exist). */
  async nearby(id: string): Promise<SiteNearby[]> {
    return (await this.db.query<SiteNearby>(nearbySql, [id])).rows;
  }

  async parks(): Promise<Array<{ id: string; name_zh: string; name_en: string }>> {
    return (await this.db.query<{ id: string; name_zh: string; name_en: string }>(parksSql)).rows;
  }

  /** Inserts a site; the versioning trigger numbers it (a re-created id continues its history). */
  async insert(id: string, values: SiteValues, geojson: string, source: { kind: 'staff' | 'demo'; by: string; note: string | null }): Promise<number> {
    const cols = Object.keys(values).filter((k) => Object.hasOwn(SITE_FIELDS, k));
    const vals: unknown[] = [id, geojson, source.kind, source.by, source.note, source.kind === 'demo', ...cols.map((k) => values[k])];
    const { rows } = await this.db.query<{ version: number }>(
      `INSERT INTO sites (id, geom, source_kind, source_by, source_at, source_note, demo${cols.map((c) => `, ${c}`).join('')})
       VALUES ($1, ST_SetSRID(ST_GeomFromGeoJSON($2), 4326), $3, $4, now(), $5, $6${cols.map((_, i) => `, $${i + 7}`).join('')})
       RETURNING version`, vals);
    return rows[0].version;
  }

  /** Updates the given columns (and geometry) if the site is at `version`; the new version, or null on a version mismatch. */
  async update(id: string, version: number | null, values: SiteValues, geojson: string | null): Promise<number | null> {
    const cols = Object.keys(values).filter((k) => Object.hasOwn(SITE_FIELDS, k));
    const vals: unknown[] = [id, version, ...cols.map((k) => values[k])];
    const sets = cols.map((c, i) => `${c} = $${i + 3}`);
    if (geojson !== null) sets.push(`geom = ST_SetSRID(ST_GeomFromGeoJSON($${vals.push(geojson)}), 4326)`);
    // A person's edit makes the site theirs: the seed leaves it alone from now on.
    sets.push('seed_hash = NULL');
    const { rows } = await this.db.query<{ version: number }>(
      `UPDATE sites SET ${sets.join(', ')} WHERE id = $1 AND ($2::int IS NULL OR version = $2::int) RETURNING version`, vals);
    return rows[0]?.version ?? null;
  }

  /** Deletes the site at `version` (its tombstone goes into site_history); false on a version mismatch or when absent. */
  async delete(id: string, version: number): Promise<boolean> {
    return (await this.db.query('DELETE FROM sites WHERE id = $1 AND version = $2 RETURNING id', [id, version])).rows.length > 0;
  }

  async history(id: string) {
    return (await this.db.query<{ version: number; op: string; changed_by: string; changed_at: string; data: Record<string, unknown>; geometry: string }>(historySql, [id])).rows;
  }

  /**
   * Brings a site back to the state of one of its versions (also a deleted site): every column from that
   * version's history row, as a new version. Returns the new version, or null when that version does not exist.
   */
  async revert(id: string, toVersion: number): Promise<number | null> {
    const cols = await this.columns();
    const keep = cols.filter((c) => !['id', 'geom', 'version', 'created_at', 'updated_at', 'updated_by', 'seed_hash'].includes(c));
    const from = `FROM site_history h, jsonb_populate_record(NULL::sites, h.data) r WHERE h.site_id = $1 AND h.version = $2 AND h.op <> 'delete'`;
    // Two statements, not INSERT … ON CONFLICT: a BEFORE INSERT trigger would write a history row even when the insert becomes an update.
    const exists = (await this.db.query('SELECT 1 FROM sites WHERE id = $1', [id])).rows.length > 0;
    const { rows } = exists
      ? await this.db.query<{ version: number }>(
        `UPDATE sites s SET geom = h.geom, seed_hash = NULL, ${keep.map((c) => `${c} = r.${c}`).join(', ')} ${from} AND s.id = $1 RETURNING s.version`, [id, toVersion])
      : await this.db.query<{ version: number }>(
        `INSERT INTO sites (id, geom, seed_hash, ${keep.join(', ')}) SELECT $1, h.geom, NULL, ${keep.map((c) => `r.${c}`).join(', ')} ${from} RETURNING version`, [id, toVersion]);
    return rows[0]?.version ?? null;
  }

  private async columns(): Promise<string[]> {
    const { rows } = await this.db.query<{ name: string }>(
      "SELECT attname AS name FROM pg_attribute WHERE attrelid = 'sites'::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attnum");
    return rows.map((r) => r.name).filter((n) => /^[a-z0-9_]+$/.test(n));
  }
}
