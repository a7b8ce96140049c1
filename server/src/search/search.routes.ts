import { Router } from 'express';
import type { Queryable } from '../db/database.js';
import { sqlFile } from '../db/sql.js';
import { sendJsonText } from '../http/send.js';
import { badRequest } from '../http/problem.js';

const searchSql = sqlFile(import.meta.url, 'search.sql');

/** GET /api/search?q=…&limit=…: features, chains, layers and figures matching q in either language. */
export function searchRoutes(db: Queryable): Router {
  const r = Router();
  r.get('/search', async (req, res) => {
    const q = req.query.q;
    if (typeof q !== 'string' || q.trim().length === 0 || q.length > 100) throw badRequest('q must be 1–100 characters.');
    const limitRaw = req.query.limit ?? '20';
    const limit = Number(limitRaw);
    if (typeof limitRaw !== 'string' || !Number.isInteger(limit) || limit < 1 || limit > 100) throw badRequest('limit must be an integer 1–100.');
    const { rows } = await db.query<{ body: string }>(searchSql, [q.trim().toLowerCase(), limit]);
    sendJsonText(req, res, rows[0].body);
  });
  return r;
}
