import type { Queryable } from '../db/database.js';
import { sqlFile } from '../db/sql.js';

const catalogueSql = sqlFile(import.meta.url, 'catalogue.sql');
const layerFeaturesSql = sqlFile(import.meta.url, 'layer-features.sql');
const layerExistsSql = sqlFile(import.meta.url, 'layer-exists.sql');
const layerIdsSql = sqlFile(import.meta.url, 'layer-ids.sql');

/** All SQL about layers. Returns JSON text built by PostGIS. */
export class LayersRepository {
  constructor(private readonly db: Queryable) {}

  /** The catalogue as a JSON array text. */
  async catalogue(): Promise<string> {
    return (await this.db.query<{ body: string }>(catalogueSql)).rows[0].body;
  }

  /** Every layer's id in catalogue order (no counts: cheap whatever the features table holds). */
  async ids(): Promise<Array<{ id: string; theme: string }>> {
    return (await this.db.query<{ id: string; theme: string }>(layerIdsSql)).rows;
  }

  /** The layer's current data version, or null if the layer does not exist. */
  async version(id: string): Promise<string | null> {
    const row = (await this.db.query<{ version: string }>(layerExistsSql, [id])).rows[0];
    return row ? row.version : null;
  }

  /** The layer's features as FeatureCollection text (an empty collection for an empty layer). */
  async features(id: string): Promise<string> {
    return (await this.db.query<{ body: string }>(layerFeaturesSql, [id])).rows[0].body;
  }
}
