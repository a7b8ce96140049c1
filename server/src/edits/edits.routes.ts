import { Router, type Request } from 'express';
import type { Database } from '../db/database.js';
import type { AuthService } from '../auth/auth.service.js';
import { EditsRepository, type FeaturePatch } from './edits.repository.js';
import { HttpError, badRequest, notFound } from '../http/problem.js';
import { parseId } from '../http/params.js';
import { sendJsonText } from '../http/send.js';
import { isSite, patchSiteAsFeature, revertSiteAsFeature } from '../sites/site-feature-bridge.js';

const ACCURACY = ['surveyed', 'digitised', 'schematic'];
/** Which PostGIS geometry types each layer kind holds. */
export const LAYER_GEOMETRY_TYPES: Record<string, string[]> = {
  polygon: ['POLYGON', 'MULTIPOLYGON'],
  line: ['LINESTRING', 'MULTILINESTRING'],
  point: ['POINT', 'MULTIPOINT'],
};
/** The most vertices one edit may carry. */
export const MAX_VERTICES = 100_000;
const RESERVED = ['layer_id', 'name_zh', 'name_en', 'accuracy', 'parent_id', 'version', 'sources', 'area_km2', 'length_km', 'updated_at'];

/** The version an editor saw, from If-Match: "3" (or 3). 428 when missing, 400 when malformed. */
export function ifMatchVersion(req: Request): number {
  const h = req.get('if-match');
  if (!h) throw new HttpError(428, 'Precondition Required', 'Send If-Match with the feature version you edited, e.g. If-Match: "3".');
  const m = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(h);
  if (!m) throw badRequest('If-Match must be the feature version, e.g. "3".');
  return Number(m[1]);
}

const text = (v: unknown, what: string) => {
  if (typeof v !== 'string' || v.trim().length === 0 || v.length > 200) throw badRequest(`${what} must be 1–200 characters.`);
  return v.trim();
};

/** Checks a patch body's shape (not yet its geometry); unknown keys are an error, not ignored. */
export function parsePatch(body: unknown, creating = false): FeaturePatch {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw badRequest('Send a JSON object.');
  const b = body as Record<string, unknown>;
  const allowed = ['name_zh', 'name_en', 'accuracy', 'parent_id', 'geometry', 'properties', ...(creating ? ['id', 'layer_id'] : [])];
  const unknown = Object.keys(b).filter((k) => !allowed.includes(k));
  if (unknown.length) throw badRequest(`Unknown field(s): ${unknown.join(', ')}. Allowed: ${allowed.join(', ')}.`);
  const p: FeaturePatch = {};
  if (b.name_zh !== undefined) p.name_zh = text(b.name_zh, 'name_zh');
  if (b.name_en !== undefined) p.name_en = text(b.name_en, 'name_en');
  if (b.accuracy !== undefined) {
    if (!ACCURACY.includes(b.accuracy as string)) throw badRequest(`accuracy must be one of ${ACCURACY.join(', ')}.`);
    p.accuracy = b.accuracy as string;
  }
  if (b.parent_id !== undefined) p.parent_id = b.parent_id === null ? null : parseId(b.parent_id, 'parent_id');
  if (b.geometry !== undefined) {
    if (!b.geometry || typeof b.geometry !== 'object' || Array.isArray(b.geometry)) throw badRequest('geometry must be a GeoJSON geometry object.');
    if (JSON.stringify(b.geometry).length > 20_000_000) throw new HttpError(413, 'Payload Too Large', 'The geometry is too large.');
    p.geometry = b.geometry;
  }
  if (b.properties !== undefined) {
    if (!b.properties || typeof b.properties !== 'object' || Array.isArray(b.properties)) throw badRequest('properties must be an object.');
    const reserved = Object.keys(b.properties).filter((k) => RESERVED.includes(k));
    if (reserved.length) throw badRequest(`These are not properties but fields: ${reserved.join(', ')}.`);
    if (JSON.stringify(b.properties).length > 64_000) throw new HttpError(413, 'Payload Too Large', 'properties exceed 64 KB.');
    p.properties = b.properties as Record<string, unknown>;
  }
  return p;
}

/** Editing with optimistic concurrency and full history: PATCH/DELETE need If-Match, all writes an editor session. */
export function editsRoutes(db: Database, auth: AuthService): Router {
  const r = Router();
  const editor = auth.require('editor');

  async function checkGeometry(repo: EditsRepository, geometry: unknown, geometryType: string) {
    let c;
    try {
      c = await repo.checkGeometry(geometry);
    } catch (e) {
      throw badRequest(`geometry is not valid GeoJSON: ${(e as Error).message}`);
    }
    if (!c.type) throw badRequest('geometry is not valid GeoJSON.');
    if (c.empty) throw badRequest('geometry is empty.');
    if (!LAYER_GEOMETRY_TYPES[geometryType].includes(c.type)) throw new HttpError(422, 'Unprocessable Content', `This layer holds ${geometryType}s; got ${c.type}.`);
    if (c.points > MAX_VERTICES) throw new HttpError(413, 'Payload Too Large', `geometry has ${c.points} vertices; at most ${MAX_VERTICES}.`);
    if (!(c.xmin >= -180 && c.xmax <= 180 && c.ymin >= -90 && c.ymax <= 90)) throw new HttpError(422, 'Unprocessable Content', 'Coordinates must be WGS84 longitude/latitude: [lng, lat] within ±180/±90.');
    if (!c.valid) {
      throw new HttpError(422, 'Unprocessable Content', `geometry is invalid: ${c.reason}. Fix it, or repair it with ST_MakeValid and review the result.`, {}, { reason: c.reason });
    }
  }

  async function conflict(repo: EditsRepository, id: string, sent: number): Promise<never> {
    const current = await repo.featureJson(id);
    if (current === null) throw notFound(`Feature "${id}" does not exist.`);
    const feature = JSON.parse(current) as { properties: { version: number } };
    throw new HttpError(412, 'Precondition Failed', `Feature "${id}" was changed by someone else: you edited version ${sent}, it is now version ${feature.properties.version}.`, {}, {
      sent_version: sent, current_version: feature.properties.version, current: feature,
    });
  }

  r.patch('/features/:id', editor, async (req, res) => {
    const id = parseId(req.params.id, 'feature id');
    const version = ifMatchVersion(req);
    const patch = parsePatch(req.body);
    if (Object.keys(patch).length === 0) throw badRequest('Nothing to change.');
    const user = req.user!.username;
    const newVersion = await db.transaction(async (tx) => {
      const repo = new EditsRepository(tx);
      const cur = await repo.current(id);
      if (!cur) throw notFound(`Feature "${id}" does not exist.`);
      if (patch.geometry !== undefined) await checkGeometry(repo, patch.geometry, cur.geometry_type);
      if (patch.parent_id && !(await repo.featureExists(patch.parent_id))) throw new HttpError(422, 'Unprocessable Content', `parent_id "${patch.parent_id}" does not exist.`);
      // A site's map feature is the inventory's projection (migration 012): the edit goes to the site.
      const v = cur.layer_id === 'sites' ? await patchSiteAsFeature(tx, id, version, patch) : await repo.update(id, version, patch);
      if (v === null) return conflict(repo, id, version);
      await tx.query('INSERT INTO audit_log (username, action, target, details) VALUES ($1, $2, $3, $4)', [user, 'feature.update', id, JSON.stringify({ from: version, to: v, fields: Object.keys(patch) })]);
      return v;
    }, user);
    res.set('ETag', `"${newVersion}"`);
    sendJsonText(req, res, (await new EditsRepository(db).featureJson(id))!, { etag: `"${newVersion}"` });
  });

  r.post('/features', editor, async (req, res) => {
    const b = (req.body ?? {}) as Record<string, unknown>;
    const patch = parsePatch(b, true);
    const id = parseId(b.id, 'id');
    const layerId = parseId(b.layer_id, 'layer_id');
    if (!patch.name_zh || !patch.name_en || !patch.accuracy || patch.geometry === undefined) throw badRequest('A new feature needs id, layer_id, name_zh, name_en, accuracy and geometry.');
    const user = req.user!.username;
    await db.transaction(async (tx) => {
      const repo = new EditsRepository(tx);
      const type = await repo.layerGeometryType(layerId);
      if (!type) throw new HttpError(422, 'Unprocessable Content', `Layer "${layerId}" does not exist.`);
      await checkGeometry(repo, patch.geometry, type);
      if (patch.parent_id && !(await repo.featureExists(patch.parent_id))) throw new HttpError(422, 'Unprocessable Content', `parent_id "${patch.parent_id}" does not exist.`);
      const v = await repo.insert({ id, layer_id: layerId, name_zh: patch.name_zh!, name_en: patch.name_en!, accuracy: patch.accuracy!, geometry: patch.geometry, parent_id: patch.parent_id ?? null, properties: patch.properties ?? {} });
      if (v === null) throw new HttpError(409, 'Conflict', `Feature "${id}" exists.`);
      await tx.query('INSERT INTO audit_log (username, action, target) VALUES ($1, $2, $3)', [user, 'feature.create', id]);
    }, user);
    res.status(201).location(`/api/features/${id}`);
    sendJsonText(req, res, (await new EditsRepository(db).featureJson(id))!);
  });

  r.delete('/features/:id', editor, async (req, res) => {
    const id = parseId(req.params.id, 'feature id');
    const version = ifMatchVersion(req);
    const user = req.user!.username;
    await db.transaction(async (tx) => {
      const repo = new EditsRepository(tx);
      if (!(await repo.delete(id, version))) return conflict(repo, id, version);
      await tx.query('INSERT INTO audit_log (username, action, target, details) VALUES ($1, $2, $3, $4)', [user, 'feature.delete', id, JSON.stringify({ version })]);
    }, user);
    res.status(204).end();
  });

  r.post('/features/:id/revert', editor, async (req, res) => {
    const id = parseId(req.params.id, 'feature id');
    const version = ifMatchVersion(req);
    const to = (req.body as { version?: unknown } | undefined)?.version;
    if (!Number.isInteger(to) || (to as number) < 1 || (to as number) > 2_147_483_647) throw badRequest('Send {"version": n} — the history version to restore.');
    const user = req.user!.username;
    const v = await db.transaction(async (tx) => {
      const repo = new EditsRepository(tx);
      if (await isSite(tx, id)) {
        const sv = await revertSiteAsFeature(tx, id, to as number, version);
        if (sv === null) return conflict(repo, id, version);
        await tx.query('INSERT INTO audit_log (username, action, target, details) VALUES ($1, $2, $3, $4)', [user, 'site.revert', id, JSON.stringify({ to, from: version, new: sv })]);
        return sv;
      }
      if (!(await repo.historyVersionExists(id, to as number))) throw notFound(`Feature "${id}" has no version ${to}.`);
      // A deleted feature (history ends in its tombstone) is restored by the same call: If-Match names the tombstone.
      if (!(await repo.featureExists(id))) {
        const restored = await repo.restore(id, to as number, version);
        if (restored === null) throw new HttpError(412, 'Precondition Failed', `Feature "${id}" is not deleted at version ${version}: read its history again.`);
        await tx.query('INSERT INTO audit_log (username, action, target, details) VALUES ($1, $2, $3, $4)', [user, 'feature.restore', id, JSON.stringify({ to, from: version, new: restored })]);
        return restored;
      }
      const nv = await repo.revert(id, to as number, version);
      if (nv === null) return conflict(repo, id, version);
      await tx.query('INSERT INTO audit_log (username, action, target, details) VALUES ($1, $2, $3, $4)', [user, 'feature.revert', id, JSON.stringify({ to, from: version, new: nv })]);
      return nv;
    }, user);
    sendJsonText(req, res, (await new EditsRepository(db).featureJson(id))!, { etag: `"${v}"` });
  });

  r.get('/features/:id/history', async (req, res) => {
    const id = parseId(req.params.id, 'feature id');
    const body = await new EditsRepository(db).history(id, req.query.geometry === 'true');
    if (body === '[]') throw notFound(`Feature "${id}" has no history.`);
    sendJsonText(req, res, body);
  });
  return r;
}
