import { Router } from 'express';
import type { Queryable } from '../db/database.js';
import { sqlFile } from '../db/sql.js';
import { sendJsonText } from '../http/send.js';
import { badRequest } from '../http/problem.js';
import { parseId } from '../http/params.js';
import { SeededBodyCache } from '../http/seeded-cache.js';

const targetsSql = sqlFile(import.meta.url, 'targets.sql');
const growthSql = sqlFile(import.meta.url, 'derived-growth.sql');
const SUBJECT_TYPES = ['district', 'city', 'feature', 'chain', 'chain_group', 'cluster'];

/** GET /api/targets?subject=…&subject_type=…: cited figures; GET /api/analytics/growth: derived growth. */
export function targetsRoutes(db: Queryable): Router {
  const r = Router();
  // Targets and their growth change only when the seeds are reloaded, so their JSON is built once per seed version.
  const cache = new SeededBodyCache(db);
  r.get('/targets', async (req, res) => {
    const subject = req.query.subject === undefined ? null : parseId(req.query.subject, 'subject');
    const type = req.query.subject_type ?? null;
    if (type !== null && (typeof type !== 'string' || !SUBJECT_TYPES.includes(type))) {
      throw badRequest(`subject_type must be one of ${SUBJECT_TYPES.join(', ')}.`);
    }
    const body = await cache.get(JSON.stringify(['targets', subject, type]), async () => (await db.query<{ body: string }>(targetsSql, [subject, type])).rows[0].body);
    sendJsonText(req, res, body);
  });
  // Derived, and labelled so: the growth each target implies from its base, beside any stated rate.
  r.get('/analytics/growth', async (req, res) => {
    const subject = req.query.subject === undefined ? null : parseId(req.query.subject, 'subject');
    const body = await cache.get(JSON.stringify(['growth', subject]), async () => (await db.query<{ body: string }>(growthSql, [subject])).rows[0].body);
    sendJsonText(req, res, body);
  });
  return r;
}
