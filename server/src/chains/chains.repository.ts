import type { Queryable } from '../db/database.js';
import { sqlFile } from '../db/sql.js';

const chainsSql = sqlFile(import.meta.url, 'chains.sql');
const graphSql = sqlFile(import.meta.url, 'chain-graph.sql');

/** All SQL about industrial chains. */
export class ChainsRepository {
  constructor(private readonly db: Queryable) {}

  /** Chain[] JSON text. */
  async all(): Promise<string> {
    return (await this.db.query<{ body: string }>(chainsSql)).rows[0].body;
  }

  /** {chain, segments: TaxonomySegment[]} JSON text of one chain, or null when there is no such chain. */
  async segments(id: string): Promise<string | null> {
    return (await this.db.query<{ body: string }>(graphSql, [id])).rows[0]?.body ?? null;
  }
}
