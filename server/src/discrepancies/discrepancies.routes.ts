import { Router } from 'express';
import type { Queryable } from '../db/database.js';
import { sqlFile } from '../db/sql.js';
import { sendJsonText } from '../http/send.js';

const listSql = sqlFile(import.meta.url, 'discrepancies.sql');

/** GET /api/discrepancies: where the documents disagree, with both sides' sources. */
export function discrepanciesRoutes(db: Queryable): Router {
  const r = Router();
  r.get('/discrepancies', async (req, res) => {
    const { rows } = await db.query<{ body: string }>(listSql);
    sendJsonText(req, res, rows[0].body);
  });
  return r;
}
