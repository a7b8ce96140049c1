import type { Queryable } from '../db/database.js';
import { sqlFile } from '../db/sql.js';
import type { CompareSide } from '../../../contract/api.js';

const sideSql = sqlFile(import.meta.url, 'side.sql');
const compareSql = sqlFile(import.meta.url, 'compare.sql');

/** What to compare on one side: a feature version (version null = the current feature) or a whole layer. */
export type CompareRef = { feature: string; version: number | null } | { layer: string };

/** One side as found: its geometry (EWKB hex for the overlay, GeoJSON text for the client) and its label. */
export type SideRow = Omit<CompareSide, 'geometry'> & { ewkb: string; dim: number; geometry: string };

/** The SQL of plan-version compare: resolving a side, and the PostGIS overlay of two sides. */
export class CompareRepository {
  constructor(private readonly db: Queryable) {}

  /** The side, or null when the feature, version or layer does not exist (or the layer is empty). */
  async side(ref: CompareRef): Promise<SideRow | null> {
    const params = 'layer' in ref ? [null, null, ref.layer] : [ref.feature, ref.version, null];
    const { rows } = await this.db.query<SideRow>(
      `SELECT encode(ST_AsEWKB(s.geom), 'hex') AS ewkb, ST_Dimension(s.geom) AS dim, ST_AsGeoJSON(s.geom, 7) AS geometry,
              s.kind, s.id, s.version, s.name_zh, s.name_en, s.changed_by, s.changed_at, s.features
       FROM (${sideSql}) s`, params);
    return rows[0] ?? null;
  }

  /** Areas (m², EPSG:4549) and the added/removed parts of B against A, as JSON text. */
  async overlay(a: string, b: string): Promise<string> {
    return (await this.db.query<{ body: string }>(compareSql, [a, b])).rows[0].body;
  }
}
