import { Router } from 'express';
import type { Database } from '../db/database.js';
import type { AuthService } from '../auth/auth.service.js';
import { badRequest, notFound } from '../http/problem.js';
import { parseId } from '../http/params.js';
import { ifMatchVersion } from '../edits/edits.routes.js';
import { SeededBodyCache } from '../http/seeded-cache.js';
import { API_SUBJECT_TYPES, resolveSubject, type ApiSubjectType } from './subjects.js';
import { createFigure, figureJson, parseFigureInput, updateFigure, type FigureInput } from './figures.service.js';
import { FiguresRepository } from './figures.repository.js';
import { buildSeries, type SeriesFigure } from './series.js';
import { createStructure, listStructures, parseStructureInput } from './structures.js';

const FIGURE_ID = /^[a-z0-9][a-z0-9:-]{0,159}$/;

/**
 * GET /figures?subject_type=&subject_id=&metric= → {figures (all, superseded ones marked superseded_by),
 * series (current actuals and targets with derived progress)}; GET /figures/:id; POST /figures (editor)
 * → 201 or 422 saying which check failed; PATCH /figures/:id (editor, If-Match: version); GET and POST
 * /structures (named systems and layouts).
 */
export function figuresRoutes(db: Database, auth: AuthService): Router {
  const r = Router();
  const editor = auth.require('editor');
  const cache = new SeededBodyCache(db);

  r.get('/figures', async (req, res) => {
    const extra = Object.keys(req.query).filter((k) => !['subject_type', 'subject_id', 'metric'].includes(k));
    if (extra.length) throw badRequest(`Unknown query parameter(s): ${extra.join(', ')}. Allowed: subject_type, subject_id, metric.`);
    let type = req.query.subject_type === undefined ? null : String(req.query.subject_type);
    let id = req.query.subject_id === undefined ? null : parseId(req.query.subject_id, 'subject_id');
    const metric = req.query.metric === undefined ? null : parseId(req.query.metric, 'metric');
    if (type !== null && !API_SUBJECT_TYPES.includes(type as ApiSubjectType)) throw badRequest(`subject_type must be one of ${API_SUBJECT_TYPES.join(', ')}.`);
    // park / zone / site name features as stored; an unknown subject simply has no figures.
    if (type !== null && id !== null) {
      const s = await resolveSubject(db, type as ApiSubjectType, id);
      if (s) ({ subject_type: type, subject_id: id } = s);
    } else if (type === 'park' || type === 'zone') type = 'feature';
    const body = await cache.get(JSON.stringify(['figures', type, id, metric]), async () => {
      const figures = (await new FiguresRepository(db).list(type, id, metric)) as SeriesFigure[];
      return JSON.stringify({ subject_type: type, subject_id: id, figures, series: buildSeries(figures) });
    });
    res.type('json').set('Cache-Control', 'no-cache').send(body);
  });

  r.get('/figures/:id', async (req, res) => {
    if (!FIGURE_ID.test(String(req.params.id))) throw badRequest('Invalid figure id.');
    const f = await figureJson(db, String(req.params.id));
    if (!f) throw notFound(`Figure "${String(req.params.id)}" does not exist.`);
    res.set('Cache-Control', 'no-cache').json(f);
  });

  r.post('/figures', editor, async (req, res) => {
    const input = parseFigureInput(req.body, false) as FigureInput;
    const user = req.user!.username;
    const body = await db.transaction(async (tx) => figureJson(tx, await createFigure(tx, input, user)), user);
    res.status(201).location(`/api/figures/${(body as { id: string }).id}`).set('Cache-Control', 'no-store').json(body);
  });

  r.patch('/figures/:id', editor, async (req, res) => {
    if (!FIGURE_ID.test(String(req.params.id))) throw badRequest('Invalid figure id.');
    const version = ifMatchVersion(req);
    const patch = parseFigureInput(req.body, true);
    if (Object.keys(patch).length === 0) throw badRequest('Send at least one field to change.');
    const user = req.user!.username;
    const body = await db.transaction(async (tx) => {
      await updateFigure(tx, String(req.params.id), patch, version, user);
      return figureJson(tx, String(req.params.id));
    }, user);
    res.set('Cache-Control', 'no-store').json(body);
  });

  // Named systems and structures (“4+2”, 两园两基地): the data structure discrepancies are computed from.
  r.get('/structures', async (req, res) => {
    const type = req.query.subject_type === undefined ? null : parseId(req.query.subject_type, 'subject_type');
    const id = req.query.subject_id === undefined ? null : parseId(req.query.subject_id, 'subject_id');
    res.set('Cache-Control', 'no-cache').json(await listStructures(db, type, id));
  });
  r.post('/structures', editor, async (req, res) => {
    const input = parseStructureInput(req.body);
    const user = req.user!.username;
    const id = await db.transaction((tx) => createStructure(tx, input, user), user);
    res.status(201).set('Cache-Control', 'no-store').json((await listStructures(db, null, null)).find((s) => (s as { id: string }).id === id));
  });
  return r;
}
