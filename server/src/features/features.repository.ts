import type { Queryable } from '../db/database.js';
import { sqlFile } from '../db/sql.js';

const detailSql = sqlFile(import.meta.url, 'feature-detail.sql');

/** All SQL about single features. */
export class FeaturesRepository {
  constructor(private readonly db: Queryable) {}

  /** FeatureDetail JSON text, or null if there is no such feature. */
  async detail(id: string): Promise<string | null> {
    return (await this.db.query<{ body: string }>(detailSql, [id])).rows[0]?.body ?? null;
  }
}
