import { Router } from 'express';
import type { Queryable } from '../db/database.js';
import { sqlFile } from '../db/sql.js';
import { sendJsonText } from '../http/send.js';
import { badRequest } from '../http/problem.js';
import { parseId } from '../http/params.js';

const targetsSql = sqlFile(import.meta.url, 'targets.sql');
const growthSql = sqlFile(import.meta.url, 'derived-growth.sql');
const SUBJECT_TYPES = ['district', 'city', 'feature', 'chain', 'chain_group', 'cluster'];

/** GET /api/targets?subject=…&subject_type=…: cited figures; GET /api/analytics/growth: derived growth. */
export function targetsRoutes(db: Queryable): Router {
  const r = Router();
  r.get('/targets', async (req, res) => {
    const subject = req.query.subject === undefined ? null : parseId(req.query.subject, 'subject');
    const type = req.query.subject_type ?? null;
    if (type !== null && (typeof type !== 'string' || !SUBJECT_TYPES.includes(type))) {
      throw badRequest(`subject_type must be one of ${SUBJECT_TYPES.join(', ')}.`);
    }
    const { rows } = await db.query<{ body: string }>(targetsSql, [subject, type]);
    sendJsonText(req, res, rows[0].body);
  });
  // Derived, and labelled so: the growth each target implies from its base, beside any stated rate.
  r.get('/analytics/growth', async (req, res) => {
    const subject = req.query.subject === undefined ? null : parseId(req.query.subject, 'subject');
    const { rows } = await db.query<{ body: string }>(growthSql, [subject]);
    sendJsonText(req, res, rows[0].body);
  });
  return r;
}
