import type { Queryable } from '../db/database.js';
import { sqlFile } from '../db/sql.js';

const chainsSql = sqlFile(import.meta.url, 'chains.sql');

/** All SQL about industrial chains. */
export class ChainsRepository {
  constructor(private readonly db: Queryable) {}

  /** Chain[] JSON text. */
  async all(): Promise<string> {
    return (await this.db.query<{ body: string }>(chainsSql)).rows[0].body;
  }
}
