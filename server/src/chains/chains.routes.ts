import { Router } from 'express';
import type { ChainsRepository } from './chains.repository.js';
import { sendJsonText } from '../http/send.js';
import { parseId } from '../http/params.js';
import { notFound } from '../http/problem.js';
import { chainGraph } from './chain-graph.service.js';
import type { ChainGraph, TaxonomySegment } from '../../../contract/taxonomy.js';

/** GET /api/chains; GET /api/chains/:id/graph (segments upstream → downstream, enterprises, parks, gaps). */
export function chainsRoutes(repo: ChainsRepository): Router {
  const r = Router();
  r.get('/chains', async (req, res) => sendJsonText(req, res, await repo.all()));
  r.get('/chains/:id/graph', async (req, res) => {
    const id = parseId(req.params.id, 'chain id');
    const body = await repo.segments(id);
    if (body === null) throw notFound(`No chain "${id}".`);
    const { chain, segments } = JSON.parse(body) as { chain: ChainGraph['chain']; segments: TaxonomySegment[] };
    sendJsonText(req, res, JSON.stringify(chainGraph(chain, segments)));
  });
  return r;
}
