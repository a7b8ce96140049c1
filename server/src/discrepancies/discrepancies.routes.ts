import { Router } from 'express';
import type { Database } from '../db/database.js';
import type { AuthService } from '../auth/auth.service.js';
import { sendJsonText } from '../http/send.js';
import { badRequest } from '../http/problem.js';
import { DiscrepanciesService } from './discrepancies.service.js';

const ID = /^[a-z0-9][a-z0-9:_-]{0,199}$/;

/**
 * GET /api/discrepancies: where the documents (and the map) disagree, computed from the data each time
 * it changes, with both sides' sources; POST /api/discrepancies/:id/resolve {reason} and /reopen {reason?}
 * (editor) keep the staff's decisions as history.
 */
export function discrepanciesRoutes(db: Database, auth: AuthService): Router {
  const r = Router();
  const service = new DiscrepanciesService(db);
  const editor = auth.require('editor');
  r.get('/discrepancies', async (req, res) => sendJsonText(req, res, await service.listJson()));
  for (const action of ['resolve', 'reopen'] as const) {
    r.post(`/discrepancies/:id/${action}`, editor, async (req, res) => {
      if (!ID.test(String(req.params.id))) throw badRequest('Invalid discrepancy id.');
      res.set('Cache-Control', 'no-store').json(await service.decide(String(req.params.id), action, req.body, req.user!.username));
    });
  }
  return r;
}
