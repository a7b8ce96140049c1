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
  /**
   * Runs a write and its audit row in one transaction, so no change lands without its audit entry;
   * `target` names what was changed, or null when the write changed nothing (then nothing is audited).
   */
  const audited = <T>(req: Request, action: string, target: (result: T) => string | null, write: (tx: ViewsRepository) => Promise<T>) =>
    db.transaction(async (tx) => {
      const result = await write(new ViewsRepository(tx));
      const t = target(result);
      if (t !== null) await tx.query('INSERT INTO audit_log (username, action, target) VALUES ($1, $2, $3)', [req.user!.username, action, t]);
      return result;
    }, req.user!.username);

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
    await audited(req, 'view.create', () => id, (tx) => tx.createView(id, title, note, state, req.user!.username));
    res.status(201).location(`/api/views/${id}`);
    sendJsonText(req, res, (await repo.getView(id))!);
  });
  r.put('/views-order', editor, async (req, res) => {
    const ids = (req.body as { ids?: unknown })?.ids;
    if (!Array.isArray(ids) || ids.length > 1000) throw badRequest('Send {"ids": [view ids in order]}.');
    const clean = ids.map((i, n) => parseId(i, `ids[${n}]`));
    const missing = await audited(req, 'view.reorder', (m: string[]) => (m.length ? null : clean.join(',')), (tx) => tx.reorderViews(clean));
    if (missing.length) throw new HttpError(422, 'Unprocessable Content', `Unknown view(s): ${missing.join(', ')}; nothing was reordered.`);
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
    const v = await audited(req, 'view.update', (r) => (r === null ? null : id), (tx) => tx.updateView(id, version, p));
    if (v === null) {
      if (!(await repo.getView(id))) throw notFound('No such view.');
      throw new HttpError(412, 'Precondition Failed', 'The view was changed by someone else; reload it.');
    }
    sendJsonText(req, res, (await repo.getView(id))!);
  });
  r.delete('/views/:id', editor, async (req, res) => {
    const id = parseId(req.params.id, 'view id');
    if (!(await audited(req, 'view.delete', (done) => (done ? id : null), (tx) => tx.deleteView(id)))) throw notFound('No such view.');
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
    await audited(req, 'briefing.create', () => id, (tx) => tx.createBriefing(id, title, subtitle, steps, req.user!.username));
    res.status(201).location(`/api/briefings/${id}`);
    sendJsonText(req, res, (await repo.getBriefing(id))!);
  });
  r.post('/briefings/:id/duplicate', editor, async (req, res) => {
    const src = await repo.getBriefing(parseId(req.params.id, 'briefing id'));
    if (!src) throw notFound('No such briefing.');
    const b = JSON.parse(src) as { title: string; subtitle: string; steps: unknown };
    const id = newId('brief');
    await audited(req, 'briefing.duplicate', () => id, (tx) => tx.createBriefing(id, `${b.title} (copy)`.slice(0, 200), b.subtitle, b.steps, req.user!.username));
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
    const version = optionalVersion(req);
    const v = await audited(req, 'briefing.update', (r) => (r === null ? null : id), (tx) => tx.updateBriefing(id, version, p));
    if (v === null) {
      if (!(await repo.getBriefing(id))) throw notFound('No such briefing.');
      throw new HttpError(412, 'Precondition Failed', 'The briefing was changed by someone else; reload it.');
    }
    sendJsonText(req, res, (await repo.getBriefing(id))!);
  });
  r.delete('/briefings/:id', editor, async (req, res) => {
    const id = parseId(req.params.id, 'briefing id');
    if (!(await audited(req, 'briefing.delete', (done) => (done ? id : null), (tx) => tx.deleteBriefing(id)))) throw notFound('No such briefing.');
    res.status(204).end();
  });
  return r;
}
