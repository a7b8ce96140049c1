import { Router } from 'express';
import type { Queryable } from '../db/database.js';
import { badRequest } from '../http/problem.js';
import { parseId } from '../http/params.js';
import { match } from './match.service.js';
import { findSites, SITE_STATUSES } from './sites.service.js';
import type { SiteStatus } from '../../../contract/api.js';

/** GET /api/match?chain=<id> | ?q=<industry text> | ?code=<GB/T 4754 class>: parks and sites ranked with the score's parts. */
export function matchRoutes(db: Queryable): Router {
  const r = Router();
  r.get('/match', async (req, res) => {
    const chain = req.query.chain === undefined ? null : parseId(req.query.chain, 'chain');
    const q = req.query.q;
    if (q !== undefined && (typeof q !== 'string' || q.trim().length === 0 || q.length > 200)) throw badRequest('q must be 1–200 characters.');
    const code = req.query.code;
    if (code !== undefined && (typeof code !== 'string' || !/^[0-9]{4}$/.test(code))) throw badRequest('code must be a 4-digit GB/T 4754-2017 class, e.g. 2761.');
    if (!chain && q === undefined && code === undefined) throw badRequest('Give chain=<chain id>, q=<industry> or code=<GB/T 4754 class>.');
    res.set('Cache-Control', 'public, max-age=0, must-revalidate');
    res.json(await match(db, { chain, q: (q as string | undefined)?.trim() ?? null, code: (code as string | undefined) ?? null }));
  });

  /** GET /api/sites/areas?status=available,planned&min_area_km2=0.5: sites with their computed / stated area (or why none). */
  r.get('/sites/areas', async (req, res) => {
    const { status, min_area_km2: min } = req.query;
    if (status !== undefined && typeof status !== 'string') throw badRequest('status must be given once, as a comma-separated list.');
    const statuses = status ? [...new Set(status.split(','))] : [];
    const bad = statuses.filter((s) => !(SITE_STATUSES as readonly string[]).includes(s));
    if (bad.length) throw badRequest(`Unknown status ${JSON.stringify(bad[0])}: expected ${SITE_STATUSES.join(', ')}.`);
    let minKm2: number | null = null;
    if (min !== undefined) {
      const n = typeof min === 'string' && min.trim() !== '' ? Number(min) : NaN;
      if (!Number.isFinite(n) || n < 0 || n > 10_000) throw badRequest('min_area_km2 must be a number of km² from 0 to 10000.');
      minKm2 = n;
    }
    res.set('Cache-Control', 'public, max-age=0, must-revalidate');
    res.json(await findSites(db, { status: statuses as SiteStatus[], min_area_km2: minKm2 }));
  });
  return r;
}
