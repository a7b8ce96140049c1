import { Router, type RequestHandler } from 'express';
import type { Database } from '../db/database.js';
import type { AuthService } from '../auth/auth.service.js';
import { HttpError, badRequest } from '../http/problem.js';
import { ImportsService } from './imports.service.js';
import { readUpload } from './upload.js';
import { IMPORT_LIMITS, type ImportLimits } from './limits.js';
import type { GdalRunner } from '../gdal/gdal.js';

const BATCH_ID = /^[a-z0-9]{1,40}$/;
const batchId = (raw: unknown) => {
  if (typeof raw !== 'string' || !BATCH_ID.test(raw)) throw badRequest('Invalid import id.');
  return raw;
};
const flag = (raw: unknown, name: string) => {
  if (raw === undefined) return false;
  if (raw === 'true' || raw === 'false') return raw === 'true';
  throw badRequest(`${name} must be true or false.`);
};

/** Reading a preview needs a session (drafts are not public) but, being a GET, no CSRF token. */
const signedIn: RequestHandler = (req, _res, next) => {
  if (!req.user) throw new HttpError(401, 'Unauthorized', 'Sign in to see imports.', { 'WWW-Authenticate': 'Cookie realm="atlas"' });
  next();
};

/**
 * Imports (editors): POST /imports (multipart: file, layer, crs?, encoding?) stores a preview batch;
 * GET /imports/:id[?makeValid=true] is the preview; POST /imports/:id/crs {crs} chooses the CRS;
 * POST /imports/:id/commit {accuracy?, makeValid?, preview_token?} writes it in one transaction;
 * DELETE /imports/:id discards it.
 */
export function importsRoutes(db: Database, auth: AuthService, limits: ImportLimits = IMPORT_LIMITS, runner?: GdalRunner): Router {
  const r = Router();
  const editor = auth.require('editor');
  const service = new ImportsService(db, limits, runner);

  r.post('/imports', editor, async (req, res) => {
    // Up to 8 parts: a shapefile's .shp .shx .dbf .prj .cpg (or a MIF's .mif .mid) may come loose.
    const { file, more, fields } = await readUpload(req, limits.uploadBytes, 8);
    // Layer 'sites' is the inventory's projection (migration 012): sheets and points go in through /api/sites/imports.
    if (fields.layer === 'sites') {
      throw new HttpError(422, 'Unprocessable Content', 'Sites are kept in the sites inventory: import them with POST /api/sites/imports (XLSX/CSV with lon/lat or WKT).', {}, { field: 'layer' });
    }
    const body = await service.upload(file, fields, req.user!.username, more);
    res.status(201).location(`/api/imports/${body.id}`).set('Cache-Control', 'no-store').json(body);
  });

  r.get('/imports/:id', signedIn, async (req, res) => {
    const extra = Object.keys(req.query).filter((k) => k !== 'makeValid');
    if (extra.length) throw badRequest(`Unknown query parameter(s): ${extra.join(', ')}. Allowed: makeValid.`);
    const body = await service.preview(batchId(req.params.id), flag(req.query.makeValid, 'makeValid'));
    res.set('Cache-Control', 'no-store').json(body);
  });

  r.post('/imports/:id/crs', editor, async (req, res) => {
    const crs = (req.body as { crs?: unknown } | undefined)?.crs;
    if (crs === undefined) throw badRequest('Send {"crs": "EPSG:4549"} (or EPSG:4490, EPSG:4326, GCJ-02, BD-09).');
    res.set('Cache-Control', 'no-store').json(await service.chooseCrs(batchId(req.params.id), crs, req.user!.username));
  });

  r.post('/imports/:id/commit', editor, async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    if (typeof body !== 'object' || Array.isArray(body)) throw badRequest('Send a JSON object.');
    const unknown = Object.keys(body).filter((k) => !['accuracy', 'makeValid', 'preview_token'].includes(k));
    if (unknown.length) throw badRequest(`Unknown field(s): ${unknown.join(', ')}. Allowed: accuracy, makeValid, preview_token.`);
    res.json(await service.commit(batchId(req.params.id), body, req.user!.username));
  });

  r.delete('/imports/:id', editor, async (req, res) => {
    await service.discard(batchId(req.params.id), req.user!.username);
    res.status(204).end();
  });
  return r;
}
