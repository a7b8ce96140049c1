import { Router } from 'express';
import type { FeaturesRepository } from './features.repository.js';
import { sendJsonText } from '../http/send.js';
import { parseId } from '../http/params.js';
import { notFound } from '../http/problem.js';

/** GET /api/features/:id. */
export function featuresRoutes(repo: FeaturesRepository): Router {
  const r = Router();
  r.get('/features/:id', async (req, res) => {
    const id = parseId(req.params.id, 'feature id');
    const body = await repo.detail(id);
    if (body === null) throw notFound(`Feature "${id}" does not exist.`);
    sendJsonText(req, res, body);
  });
  return r;
}
