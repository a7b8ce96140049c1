import crypto from 'node:crypto';
import { Router, type Request } from 'express';
import type { Database } from '../db/database.js';
import type { AuthService } from '../auth/auth.service.js';
import { ViewsRepository } from './views.repository.js';
import { parseViewState } from './view-state.js';
import { HttpError, badRequest, notFound } from '../http/problem.js';
import { parseId } from '../http/params.js';
import { sendJsonText } from '../http/send.js';

const newId = (prefix: string) => `${prefix}-${crypto.randomBytes(5).toString('hex')}`;

const str = (v: unknown, what: string, max: number, allowEmpty = false) => {
  if (typeof v !== 'string' || v.length > max || (!allowEmpty && v.trim() === '')) throw badRequest(`${what} must be ${allowEmpty ? '' : '1–'}${max} characters.`);
  return v.trim();
};

/** The version from an optional If-Match ("3"); null when absent. */
function optionalVersion(req: Request): number | null {
  const h = req.get('if-match');
  if (!h || h.trim() === '*') return null;
  const m = /^\s*"?(\d{1,9})"?\s*$/.exec(h);
  if (!m) throw badRequest('If-Match must be the version, e.g. "3".');
  return Number(m[1]);
}

function onlyKeys(body: Record<string, unknown>, allowed: string[]) {
  const extra = Object.keys(body).filter((k) => !allowed.includes(k));
  if (extra.length) throw badRequest(`Unknown field(s): ${extra.join(', ')}.`);
}

function parseSteps(v: unknown): Array<{ view_id: string; caption: string }> {
  if (!Array.isArray(v) || v.length > 200) throw badRequest('steps must be an array of at most 200 steps.');
  return v.map((s, i) => {
    const o = s as Record<string, unknown>;
    if (!o || typeof o !== 'object') throw badRequest(`steps[${i}] must be an object.`);
    onlyKeys(o, ['view_id', 'caption']);
    return { view_id: parseId(o.view_id, `steps[${i}].view_id`), caption: o.caption === undefined ? '' : str(o.caption, `steps[${i}].caption`, 1000, true) };
  });
}

/** Saved views and briefings: anyone reads; editors write (every write audited). */
export function viewsRoutes(db: Database, auth: AuthService): Router {
  const r = Router();
  const editor = auth.require('editor');
  const repo = new ViewsRepository(db);
  const audit = (req: Request, action: string, target: string) =>
    db.query('INSERT INTO audit_log (username, action, target) VALUES ($1, $2, $3)', [req.user!.username, action, target]);

  r.get('/views', async (req, res) => sendJsonText(req, res, await repo.listViews()));
  r.get('/views/:id', async (req, res) => {
    const body = await repo.getView(parseId(req.params.id, 'view id'));
    if (!body) throw notFound('No such view.');
    sendJsonText(req, res, body);
  });
  r.post('/views', editor, async (req, res) => {
    const b = (req.body ?? {}) as Record<string, unknown>;
    onlyKeys(b, ['title', 'note', 'state']);
    const title = str(b.title, 'title', 200);
    const note = b.note === undefined ? '' : str(b.note, 'note', 4000, true);
    const state = parseViewState(b.state);
    const id = newId('view');
    await db.transaction(async (tx) => {
      await new ViewsRepository(tx).createView(id, title, note, state, req.user!.username);
      await tx.query('INSERT INTO audit_log (username, action, target) VALUES ($1, $2, $3)', [req.user!.username, 'view.create', id]);
    }, req.user!.username);
    res.status(201).location(`/api/views/${id}`);
    sendJsonText(req, res, (await repo.getView(id))!);
  });
  r.put('/views-order', editor, async (req, res) => {
    const ids = (req.body as { ids?: unknown })?.ids;
    if (!Array.isArray(ids) || ids.length > 1000) throw badRequest('Send {"ids": [view ids in order]}.');
    const clean = ids.map((i, n) => parseId(i, `ids[${n}]`));
    const missing = await db.transaction((tx) => new ViewsRepository(tx).reorderViews(clean), req.user!.username);
    if (missing.length) throw new HttpError(422, 'Unprocessable Content', `Unknown view(s): ${missing.join(', ')}; nothing was reordered.`);
    await audit(req, 'view.reorder', clean.join(','));
    sendJsonText(req, res, await repo.listViews());
  });
  r.patch('/views/:id', editor, async (req, res) => {
    const id = parseId(req.params.id, 'view id');
    const b = (req.body ?? {}) as Record<string, unknown>;
    onlyKeys(b, ['title', 'note', 'state', 'sort']);
    const p = {
      title: b.title === undefined ? undefined : str(b.title, 'title', 200),
      note: b.note === undefined ? undefined : str(b.note, 'note', 4000, true),
      state: b.state === undefined ? undefined : parseViewState(b.state),
      sort: b.sort === undefined ? undefined : Number.isInteger(b.sort) ? (b.sort as number) : (() => { throw badRequest('sort must be an integer.'); })(),
    };
    const version = optionalVersion(req);
    const v = await db.transaction((tx) => new ViewsRepository(tx).updateView(id, version, p), req.user!.username);
    if (v === null) {
      if (!(await repo.getView(id))) throw notFound('No such view.');
      throw new HttpError(412, 'Precondition Failed', 'The view was changed by someone else; reload it.');
    }
    await audit(req, 'view.update', id);
    sendJsonText(req, res, (await repo.getView(id))!);
  });
  r.delete('/views/:id', editor, async (req, res) => {
    const id = parseId(req.params.id, 'view id');
    if (!(await repo.deleteView(id))) throw notFound('No such view.');
    await audit(req, 'view.delete', id);
    res.status(204).end();
  });

  r.get('/briefings', async (req, res) => sendJsonText(req, res, await repo.listBriefings()));
  r.get('/briefings/:id', async (req, res) => {
    const body = await repo.getBriefing(parseId(req.params.id, 'briefing id'));
    if (!body) throw notFound('No such briefing.');
    sendJsonText(req, res, body);
  });
  r.post('/briefings', editor, async (req, res) => {
    const b = (req.body ?? {}) as Record<string, unknown>;
    onlyKeys(b, ['title', 'subtitle', 'steps']);
    const title = str(b.title, 'title', 200);
    const subtitle = b.subtitle === undefined ? '' : str(b.subtitle, 'subtitle', 400, true);
    const steps = parseSteps(b.steps ?? []);
    const missing = await repo.viewsExist(steps.map((s) => s.view_id));
    if (missing.length) throw new HttpError(422, 'Unprocessable Content', `Unknown view(s): ${missing.join(', ')}.`);
    const id = newId('brief');
    await db.transaction((tx) => new ViewsRepository(tx).createBriefing(id, title, subtitle, steps, req.user!.username), req.user!.username);
    await audit(req, 'briefing.create', id);
    res.status(201).location(`/api/briefings/${id}`);
    sendJsonText(req, res, (await repo.getBriefing(id))!);
  });
  r.post('/briefings/:id/duplicate', editor, async (req, res) => {
    const src = await repo.getBriefing(parseId(req.params.id, 'briefing id'));
    if (!src) throw notFound('No such briefing.');
    const b = JSON.parse(src) as { title: string; subtitle: string; steps: unknown };
    const id = newId('brief');
    await repo.createBriefing(id, `${b.title} (copy)`.slice(0, 200), b.subtitle, b.steps, req.user!.username);
    await audit(req, 'briefing.duplicate', id);
    res.status(201).location(`/api/briefings/${id}`);
    sendJsonText(req, res, (await repo.getBriefing(id))!);
  });
  r.patch('/briefings/:id', editor, async (req, res) => {
    const id = parseId(req.params.id, 'briefing id');
    const b = (req.body ?? {}) as Record<string, unknown>;
    onlyKeys(b, ['title', 'subtitle', 'steps']);
    const steps = b.steps === undefined ? undefined : parseSteps(b.steps);
    if (steps) {
      const missing = await repo.viewsExist(steps.map((s) => s.view_id));
      if (missing.length) throw new HttpError(422, 'Unprocessable Content', `Unknown view(s): ${missing.join(', ')}.`);
    }
    const p = { title: b.title === undefined ? undefined : str(b.title, 'title', 200), subtitle: b.subtitle === undefined ? undefined : str(b.subtitle, 'subtitle', 400, true), steps };
    const v = await db.transaction((tx) => new ViewsRepository(tx).updateBriefing(id, optionalVersion(req), p), req.user!.username);
    if (v === null) {
      if (!(await repo.getBriefing(id))) throw notFound('No such briefing.');
      throw new HttpError(412, 'Precondition Failed', 'The briefing was changed by someone else; reload it.');
    }
    await audit(req, 'briefing.update', id);
    sendJsonText(req, res, (await repo.getBriefing(id))!);
  });
  r.delete('/briefings/:id', editor, async (req, res) => {
    const id = parseId(req.params.id, 'briefing id');
    if (!(await repo.deleteBriefing(id))) throw notFound('No such briefing.');
    await audit(req, 'briefing.delete', id);
    res.status(204).end();
  });
  return r;
}
