import type { Queryable } from '../db/database.js';
import { sqlFile } from '../db/sql.js';

const listSql = sqlFile(import.meta.url, 'documents.sql');
const oneSql = sqlFile(import.meta.url, 'document.sql');

/** All SQL about source documents. */
export class DocumentsRepository {
  constructor(private readonly db: Queryable) {}

  /** The list as JSON text. */
  async list(): Promise<string> {
    return (await this.db.query<{ body: string }>(listSql)).rows[0].body;
  }

  /** One document with text and citations as JSON text, or null. */
  async one(id: string): Promise<string | null> {
    return (await this.db.query<{ body: string }>(oneSql, [id])).rows[0]?.body ?? null;
  }
}
