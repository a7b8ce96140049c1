import { Router } from 'express';
import type { Database } from '../db/database.js';
import type { AuthService } from '../auth/auth.service.js';
import { HttpError, badRequest, notFound } from '../http/problem.js';
import { parseId } from '../http/params.js';
import { sendJsonText } from '../http/send.js';
import { ifMatchVersion } from '../edits/edits.routes.js';
import { SitesRepository } from './sites.repository.js';
import { checkSite, fieldProblem, parseSiteFilter, siteConflict, siteHistory } from './sites.service.js';
import { RESERVED_IDS, parseSiteBody, type SiteValues } from './site-fields.js';
import { siteImportRoutes } from './site-import.routes.js';
import { sitePhotoRoutes } from './site-photos.js';
import { exportSites, EXPORT_FORMATS, type SiteExportFormat } from './site-export.js';
import { parseSrid } from '../exports/exports.routes.js';

const siteId = (raw: unknown) => {
  const id = parseId(raw, 'site id');
  if (RESERVED_IDS.includes(id)) throw notFound(`No site "${id}".`);
  return id;
};

/**
 * The sites and buildings inventory (招商载体库): GET /api/sites (filters), one site, its history; editors
 * create, PATCH (If-Match), DELETE (If-Match) and revert; imports and export (site-import.routes.ts, site-export.ts).
 */
export function sitesRoutes(db: Database, auth: AuthService, importOpts: Parameters<typeof siteImportRoutes>[2] = {}): Router {
  const r = Router();
  const editor = auth.require('editor');

  r.get('/sites', async (req, res) => {
    sendJsonText(req, res, await new SitesRepository(db).collection(parseSiteFilter(req.query as Record<string, unknown>)), { type: 'application/geo+json; charset=utf-8' });
  });

  r.get('/sites/export', async (req, res) => {
    const f = String(req.query.f ?? 'geojson') as SiteExportFormat;
    if (!EXPORT_FORMATS.includes(f)) throw fieldProblem([{ field: 'f', message: `f must be one of ${EXPORT_FORMATS.join(', ')}.` }]);
    const { f: _f, crs, ...rest } = req.query as Record<string, unknown>;
    const file = await exportSites(db, parseSiteFilter(rest), f, parseSrid(typeof crs === 'string' ? crs : undefined));
    res.set('Content-Type', file.type);
    if (file.notes.length) res.set('X-Export-Notes', encodeURIComponent(file.notes.join(' ')));
    res.set('Content-Disposition', `attachment; filename="${file.name}"`);
    res.set('Cache-Control', 'no-store');
    res.send(file.body);
  });

  r.use(siteImportRoutes(db, auth, importOpts));
  r.use(sitePhotoRoutes(db, auth));

  r.get('/sites/:id', async (req, res) => {
    const id = siteId(req.params.id);
    const body = await new SitesRepository(db).featureJson(id);
    if (body === null) throw notFound(`Site "${id}" does not exist.`);
    const version = (JSON.parse(body) as { properties: { version: number } }).properties.version;
    sendJsonText(req, res, body, { etag: `"${version}"`, type: 'application/geo+json; charset=utf-8' });
  });

  r.get('/sites/:id/nearby', async (req, res) => {
    const id = siteId(req.params.id);
    const repo = new SitesRepository(db);
    if (!(await repo.row(id))) throw notFound(`Site "${id}" does not exist.`);
    res.set('Cache-Control', 'no-cache');
    res.json({ site_id: id, nearby: await repo.nearby(id) });
  });

  r.get('/sites/:id/history', async (req, res) => {
    const id = siteId(req.params.id);
    const h = await siteHistory(db, id);
    if (!h.length) throw notFound(`Site "${id}" has no history.`);
    res.set('Cache-Control', 'no-cache');
    res.json(h);
  });

  r.post('/sites', editor, async (req, res) => {
    const p = parseSiteBody(req.body, true);
    if (p.errors.length) throw fieldProblem(p.errors);
    const values: SiteValues = { accuracy: 'digitised', ...p.values };
    const id = p.id ?? `site-${crypto.randomUUID().slice(0, 8)}`;
    const c = await checkSite(db, values, p.geometry, values);
    if (c.errors.length) throw fieldProblem(c.errors, 422);
    const user = req.user!.username;
    await db.transaction(async (tx) => {
      const repo = new SitesRepository(tx);
      if (await repo.row(id)) throw new HttpError(409, 'Conflict', `Site "${id}" exists.`, {}, { field: 'id' });
      if (c.values.external_key && (await repo.idByExternalKey(c.values.external_key as string))) {
        throw new HttpError(409, 'Conflict', `external_key "${c.values.external_key}" belongs to another site.`, {}, { field: 'external_key' });
      }
      await repo.insert(id, c.values, c.geojson!, { kind: 'staff', by: user, note: null });
      await tx.query('INSERT INTO audit_log (username, action, target) VALUES ($1, $2, $3)', [user, 'site.create', id]);
    }, user);
    const body = (await new SitesRepository(db).featureJson(id))!;
    res.status(201).location(`/api/sites/${id}`);
    sendJsonText(req, res, body, { etag: '"1"', type: 'application/geo+json; charset=utf-8' });
  });

  r.patch('/sites/:id', editor, async (req, res) => {
    const id = siteId(req.params.id);
    const version = ifMatchVersion(req);
    const p = parseSiteBody(req.body, false);
    if (p.errors.length) throw fieldProblem(p.errors);
    if (!Object.keys(p.values).length && p.geometry === undefined) throw badRequest('Nothing to change.');
    const cur = await new SitesRepository(db).row(id);
    if (!cur) throw notFound(`Site "${id}" does not exist.`);
    const c = await checkSite(db, p.values, p.geometry, { ...cur, ...p.values });
    if (c.errors.length) throw fieldProblem(c.errors, 422);
    const user = req.user!.username;
    const v = await db.transaction(async (tx) => {
      const repo = new SitesRepository(tx);
      if (c.values.external_key) {
        const other = await repo.idByExternalKey(c.values.external_key as string);
        if (other && other !== id) throw new HttpError(409, 'Conflict', `external_key "${c.values.external_key}" belongs to site "${other}".`, {}, { field: 'external_key' });
      }
      const nv = await repo.update(id, version, c.values, c.geojson);
      if (nv === null) return siteConflict(tx, id, version);
      await tx.query('INSERT INTO audit_log (username, action, target, details) VALUES ($1, $2, $3, $4)', [user, 'site.update', id, JSON.stringify({ from: version, to: nv, fields: Object.keys(c.values) })]);
      return nv;
    }, user);
    sendJsonText(req, res, (await new SitesRepository(db).featureJson(id))!, { etag: `"${v}"`, type: 'application/geo+json; charset=utf-8' });
  });

  r.delete('/sites/:id', editor, async (req, res) => {
    const id = siteId(req.params.id);
    const version = ifMatchVersion(req);
    const user = req.user!.username;
    await db.transaction(async (tx) => {
      const repo = new SitesRepository(tx);
      if (!(await repo.delete(id, version))) return siteConflict(tx, id, version);
      await tx.query('INSERT INTO audit_log (username, action, target, details) VALUES ($1, $2, $3, $4)', [user, 'site.delete', id, JSON.stringify({ version })]);
    }, user);
    res.status(204).end();
  });

  /** POST /api/sites/:id/revert {version}: back to that version (undo of a delete too); If-Match = the current (or tombstone) version. */
  r.post('/sites/:id/revert', editor, async (req, res) => {
    const id = siteId(req.params.id);
    const version = ifMatchVersion(req);
    const to = (req.body as { version?: unknown } | undefined)?.version;
    if (!Number.isInteger(to) || (to as number) < 1 || (to as number) > 2_147_483_647) throw fieldProblem([{ field: 'version', message: 'Send {"version": n}: the history version to restore.' }]);
    const user = req.user!.username;
    const v = await db.transaction(async (tx) => {
      const repo = new SitesRepository(tx);
      const hist = await repo.history(id);
      if (!hist.some((h) => h.version === to && h.op !== 'delete')) throw notFound(`Site "${id}" has no version ${to} to restore.`);
      const cur = await repo.row(id);
      const latest = hist.at(-1)!.version;
      if ((cur ? cur.version : latest) !== version) {
        if (cur) return siteConflict(tx, id, version);
        throw new HttpError(412, 'Precondition Failed', `Site "${id}" is deleted at version ${latest}, not ${version}: read its history again.`, {}, { current_version: latest });
      }
      const nv = await repo.revert(id, to as number);
      await tx.query('INSERT INTO audit_log (username, action, target, details) VALUES ($1, $2, $3, $4)', [user, cur ? 'site.revert' : 'site.restore', id, JSON.stringify({ to, from: version, new: nv })]);
      return nv!;
    }, user);
    sendJsonText(req, res, (await new SitesRepository(db).featureJson(id))!, { etag: `"${v}"`, type: 'application/geo+json; charset=utf-8' });
  });
  return r;
}
