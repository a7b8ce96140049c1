import { Router } from 'express';
import { sendJsonText } from '../http/send.js';
import type { TaxonomyRepository } from './taxonomy.repository.js';

/** GET /api/taxonomy: the 30 chains with their GB/T classes, synonyms and segments (hosts, enterprises, gaps). */
export function taxonomyRoutes(repo: TaxonomyRepository): Router {
  const r = Router();
  r.get('/taxonomy', async (req, res) => sendJsonText(req, res, await repo.body()));
  return r;
}
