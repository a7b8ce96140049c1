import { Router, type Request, type Response } from 'express';
import type { Database } from '../db/database.js';
import { OgcRepository } from './ogc.repository.js';
import { OgcService } from './ogc.service.js';
import { OPENAPI_TYPE } from './openapi.js';
import { contentCrs, parseBbox, parseCrs } from './crs.js';
import { LIMIT, intParam, queryParams } from './ogc.params.js';
import { etagOf, isFresh, sendJsonText } from '../http/send.js';

const base = (req: Request) => `${req.protocol}://${req.get('host')}${req.baseUrl}`;
const sendJson = (req: Request, res: Response, doc: unknown, type = 'application/json; charset=utf-8') => sendJsonText(req, res, JSON.stringify(doc), { type });

/**
 * OGC API – Features (Part 1 Core + GeoJSON + OAS 3.0, Part 2 CRS by reference) over the layers:
 * GET /, /api, /conformance, /collections, /collections/{id}, /collections/{id}/items[/{featureId}].
 * Mount it at /ogc; links are absolute, built from the request's host and mount path.
 */
export function ogcRoutes(db: Database): Router {
  const service = new OgcService(new OgcRepository(db));
  const r = Router();
  r.get('/', (req, res) => {
    queryParams(req, []);
    sendJson(req, res, service.landing(base(req)));
  });
  r.get('/api', (req, res) => {
    queryParams(req, []);
    const body = JSON.stringify(service.api(base(req)));
    // Set raw: Express would re-format the media type's parameters ("; version=3.0; charset=utf-8").
    res.set('ETag', etagOf(body)).set('Cache-Control', 'public, max-age=0, must-revalidate');
    if (isFresh(req, etagOf(body))) return res.status(304).end();
    res.setHeader('Content-Type', OPENAPI_TYPE);
    return res.end(body);
  });
  r.get('/conformance', (req, res) => {
    queryParams(req, []);
    sendJson(req, res, service.conformance());
  });
  r.get('/collections', async (req, res) => {
    queryParams(req, []);
    sendJson(req, res, await service.collections(base(req)));
  });
  r.get('/collections/:collectionId', async (req, res) => {
    queryParams(req, []);
    sendJson(req, res, await service.collection(base(req), req.params.collectionId));
  });
  r.get('/collections/:collectionId/items', async (req, res) => {
    const q = queryParams(req, ['limit', 'offset', 'bbox', 'bbox-crs', 'crs']);
    const crs = parseCrs(q.get('crs'), 'crs');
    const bboxCrs = parseCrs(q.get('bbox-crs'), 'bbox-crs');
    const bboxRaw = q.get('bbox');
    const body = await service.items(base(req), req.params.collectionId, {
      limit: intParam(q.get('limit'), 'limit', LIMIT.min, LIMIT.max, LIMIT.default),
      offset: intParam(q.get('offset'), 'offset', 0, 999_999_999, 0),
      bbox: bboxRaw === undefined ? null : parseBbox(bboxRaw, bboxCrs),
      crs,
      query: new URLSearchParams([...q]),
    });
    res.set('Content-Crs', contentCrs(crs));
    // Each response carries its own timeStamp, so it is never the same twice: no ETag, no caching.
    res.set('Cache-Control', 'no-cache');
    res.type('application/geo+json; charset=utf-8').send(body);
  });
  r.get('/collections/:collectionId/items/:featureId', async (req, res) => {
    const q = queryParams(req, ['crs']);
    const crs = parseCrs(q.get('crs'), 'crs');
    const body = await service.item(base(req), req.params.collectionId, req.params.featureId, crs);
    res.set('Content-Crs', contentCrs(crs));
    sendJsonText(req, res, body, { type: 'application/geo+json; charset=utf-8' });
  });
  return r;
}
