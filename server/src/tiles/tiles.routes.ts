import { Router, type Request } from 'express';
import type { Database } from '../db/database.js';
import { TilesRepository } from './tiles.repository.js';
import { TilesService, type TileEncoder } from './tiles.service.js';
import type { CacheInvalidation } from './invalidation.js';
import { isFresh, sendJsonText } from '../http/send.js';
import { parseId } from '../http/params.js';
import { badRequest } from '../http/problem.js';

export const MAX_ZOOM = 22;
const INT = /^(0|[1-9][0-9]{0,7})$/;

/** Validated z/x/y of the XYZ (Web Mercator, y down) grid: integers, 0 ≤ z ≤ 22, 0 ≤ x, y < 2^z; else 400. */
export function parseTileCoords(zRaw: string, xRaw: string, yRaw: string): { z: number; x: number; y: number } {
  if (!INT.test(zRaw) || !INT.test(xRaw) || !INT.test(yRaw)) throw badRequest('z, x and y must be non-negative integers.');
  const z = Number(zRaw);
  const x = Number(xRaw);
  const y = Number(yRaw);
  if (z > MAX_ZOOM) throw badRequest(`z must be 0–${MAX_ZOOM}.`);
  const n = 2 ** z;
  if (x >= n || y >= n) throw badRequest(`x and y must be 0–${n - 1} at zoom ${z}.`);
  return { z, x, y };
}

const origin = (req: Request) => `${req.protocol}://${req.get('host')}${req.baseUrl}`;

/**
 * GET /{layer}/{z}/{x}/{y}.mvt (Mapbox Vector Tile; 204 when empty) and GET /{layer}.json (TileJSON 3.0.0).
 * Tiles are encoded by ST_AsMVT on PostgreSQL and in JS on PGlite; `encoder` overrides that (tests).
 */
export function tilesRoutes(db: Database, opts: { encoder?: TileEncoder; invalidation?: CacheInvalidation } = {}): Router {
  const service = new TilesService(new TilesRepository(db), opts.encoder ?? (db.engine === 'postgres' ? 'sql' : 'js'));
  opts.invalidation?.subscribe((layer) => service.drop(layer));
  const r = Router();
  r.get('/:layer/:z/:x/:y.mvt', async (req, res) => {
    const layer = parseId(req.params.layer, 'layer id');
    const { z, x, y } = parseTileCoords(req.params.z, req.params.x, req.params.y);
    const v = req.query.v;
    if (v !== undefined && (typeof v !== 'string' || !INT.test(v))) throw badRequest('v must be a data version (a non-negative integer).');
    const tile = await service.tile(layer, z, x, y, v);
    res.set('ETag', tile.etag);
    // A URL naming the current data version never changes: browsers and a CDN may keep it for good.
    res.set('Cache-Control', v === tile.version ? 'public, max-age=31536000, immutable' : 'public, max-age=0, must-revalidate');
    res.set('X-Tile-Cache', tile.cache);
    res.vary('Accept-Encoding');
    if (isFresh(req, tile.etag)) return res.status(304).end();
    if (tile.body.length === 0) return res.status(204).end();
    res.type('application/vnd.mapbox-vector-tile');
    // The gzip made once when the tile was encoded; with Content-Encoding set, the compression middleware
    // leaves the response alone. The ETag names the tile's content, whichever coding carries it.
    if (tile.gzip && req.acceptsEncodings('gzip', 'identity') === 'gzip') {
      res.set('Content-Encoding', 'gzip');
      return res.send(tile.gzip);
    }
    // Not gzipped yet (a tile just encoded): sent as is, not held up by the compression middleware.
    res.locals.uncompressed = true;
    return res.send(tile.body);
  });
  r.get('/:layer.json', async (req, res) => {
    const layer = parseId(req.params.layer, 'layer id');
    const body = await service.tileJson(layer, `${origin(req)}/${layer}/{z}/{x}/{y}.mvt`);
    sendJsonText(req, res, body);
  });
  return r;
}
