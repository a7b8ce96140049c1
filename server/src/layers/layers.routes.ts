import { Router } from 'express';
import type { LayersService } from './layers.service.js';
import { sendJsonText } from '../http/send.js';
import { parseId } from '../http/params.js';

/** GET /api/layers and GET /api/layers/:id. */
export function layersRoutes(service: LayersService): Router {
  const r = Router();
  r.get('/layers', async (req, res) => {
    const { body, etag } = await service.catalogue();
    sendJsonText(req, res, body, { etag });
  });
  r.get('/layers/:id', async (req, res) => {
    const { body, etag } = await service.features(parseId(req.params.id, 'layer id'));
    sendJsonText(req, res, body, { etag, type: 'application/geo+json; charset=utf-8' });
  });
  return r;
}
