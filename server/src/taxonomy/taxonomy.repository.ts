import type { Queryable } from '../db/database.js';
import { sqlFile } from '../db/sql.js';

const taxonomySql = sqlFile(import.meta.url, 'taxonomy.sql');

/** All SQL that reads the chain taxonomy (migration 014). */
export class TaxonomyRepository {
  constructor(private readonly db: Queryable) {}

  /** TaxonomyResult as JSON text (chains in table order, segments in seed order). */
  async body(): Promise<string> {
    return (await this.db.query<{ body: string }>(taxonomySql)).rows[0].body;
  }
}
