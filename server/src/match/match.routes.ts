import { Router } from 'express';
import type { Queryable } from '../db/database.js';
import { badRequest } from '../http/problem.js';
import { parseId } from '../http/params.js';
import { match } from './match.service.js';

/** GET /api/match?chain=<id> | ?q=<industry text>: parks and sites ranked with the score's parts. */
export function matchRoutes(db: Queryable): Router {
  const r = Router();
  r.get('/match', async (req, res) => {
    const chain = req.query.chain === undefined ? null : parseId(req.query.chain, 'chain');
    const q = req.query.q;
    if (q !== undefined && (typeof q !== 'string' || q.trim().length === 0 || q.length > 200)) throw badRequest('q must be 1–200 characters.');
    if (!chain && q === undefined) throw badRequest('Give chain=<chain id> or q=<industry>.');
    res.set('Cache-Control', 'public, max-age=0, must-revalidate');
    res.json(await match(db, { chain, q: (q as string | undefined)?.trim() ?? null }));
  });
  return r;
}
