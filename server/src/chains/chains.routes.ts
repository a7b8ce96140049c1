import { Router } from 'express';
import type { ChainsRepository } from './chains.repository.js';
import { sendJsonText } from '../http/send.js';

/** GET /api/chains. */
export function chainsRoutes(repo: ChainsRepository): Router {
  const r = Router();
  r.get('/chains', async (req, res) => sendJsonText(req, res, await repo.all()));
  return r;
}
