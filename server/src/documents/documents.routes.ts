import { Router } from 'express';
import type { Database } from '../db/database.js';
import type { AuthService } from '../auth/auth.service.js';
import { DocumentsRepository } from './documents.repository.js';
import { sendJsonText } from '../http/send.js';
import { HttpError, badRequest, notFound } from '../http/problem.js';
import { readUpload } from '../imports/upload.js';
import { unsupported } from '../imports/problems.js';
import { DOCUMENT_LIMITS } from './formats.js';
import { parseMeta, uploadDocument } from './documents.service.js';
import { acceptSuggestion, rejectSuggestion } from './suggestions.service.js';

const DOC_ID = /^(\d{3,6}|ext:[a-z0-9-]{1,60})$/;
const SUGGESTION_ID = /^\d{3,6}-\d{1,6}$/;

const docId = (raw: string) => {
  if (!DOC_ID.test(raw)) throw badRequest('Invalid document id: expected digits (e.g. 002) or ext:<slug>.');
  return raw;
};

/**
 * Documents: GET /documents, GET /documents/:id (text, paragraphs with English renderings, citations with
 * places), POST /documents (editor; multipart `file` + optional title_zh, title_en, issuer, date, status,
 * superseded_by, language, level, as_of_year) → 201, PATCH /documents/:id (editor; the same metadata as JSON),
 * GET /documents/:id/suggestions, POST /documents/:id/suggestions/:sid/accept | reject (editor).
 */
export function documentsRoutes(db: Database, auth: AuthService): Router {
  const r = Router();
  const editor = auth.require('editor');
  const repo = new DocumentsRepository(db);
  r.get('/documents', async (req, res) => sendJsonText(req, res, await repo.list()));
  r.get('/documents/:id', async (req, res) => {
    const id = docId(String(req.params.id));
    const body = await repo.one(id);
    if (body === null) throw notFound(`Document "${id}" does not exist.`);
    sendJsonText(req, res, body, { maxAge: 300 });
  });

  r.post('/documents', editor, async (req, res) => {
    if (!/^multipart\/form-data/i.test(req.get('content-type') ?? '')) throw unsupported('Send the document as multipart/form-data with a part named "file" (and optional fields title_zh, date, status …).');
    const { file, fields } = await readUpload(req, DOCUMENT_LIMITS.uploadBytes);
    const stored = await uploadDocument(db, file, fields, req.user!.username);
    const { change: _change, ...body } = stored;
    res.status(201).location(`/api/documents/${stored.id}`).set('Cache-Control', 'no-store').json(body);
  });

  r.patch('/documents/:id', editor, async (req, res) => {
    const id = docId(String(req.params.id));
    const b = req.body as Record<string, unknown> | undefined;
    if (!b || typeof b !== 'object' || Array.isArray(b)) throw badRequest('Send a JSON object.');
    if (Object.values(b).some((v) => v !== null && typeof v !== 'string' && typeof v !== 'number')) throw badRequest('Every field is a string (or null).');
    const fields = Object.fromEntries(Object.entries(b).map(([k, v]) => [k, v === null ? '' : String(v)]));
    const meta = parseMeta(fields);
    const user = req.user!.username;
    await db.transaction(async (tx) => {
      const { rows } = await tx.query<{ id: string }>('SELECT id FROM documents WHERE id = $1 FOR UPDATE', [id]);
      if (!rows.length) throw notFound(`Document "${id}" does not exist.`);
      if (meta.superseded_by === id) throw new HttpError(422, 'Unprocessable Content', 'A document cannot supersede itself.');
      if (meta.superseded_by && !(await tx.query('SELECT 1 FROM documents WHERE id = $1', [meta.superseded_by])).rows.length) {
        throw new HttpError(422, 'Unprocessable Content', `superseded_by: document "${meta.superseded_by}" does not exist.`);
      }
      // Only the fields sent change; '' / null clears an optional one.
      const set: string[] = [];
      const values: unknown[] = [id];
      const col = (name: string, value: unknown) => { values.push(value); set.push(`${name} = $${values.length}`); };
      if ('title_zh' in b) { if (!meta.title_zh) throw badRequest('title_zh cannot be empty.'); col('title_zh', meta.title_zh); }
      if ('title_en' in b) col('title_en', meta.title_en ?? '');
      if ('issuer' in b) col('issuer', meta.issuer ?? null);
      if ('date' in b) col('issued_on', meta.date ?? null);
      if ('status' in b || 'superseded_by' in b) col('status', meta.status ?? 'final');
      if ('superseded_by' in b) col('superseded_by', meta.superseded_by ?? null);
      else if ('status' in b && meta.status !== 'superseded') col('superseded_by', null);
      if ('language' in b) col('language', meta.language ?? 'zh');
      if ('level' in b) col('level', meta.level ?? null);
      if ('period' in b) col('period', meta.period ?? null);
      if ('as_of_year' in b) col('as_of_year', meta.as_of_year ?? null);
      if ('url' in b) col('url', meta.url ?? null);
      if (!set.length) throw badRequest('Send at least one field to change.');
      await tx.query(`UPDATE documents SET ${set.join(', ')} WHERE id = $1`, values);
      await tx.query('INSERT INTO audit_log (username, action, target, details) VALUES ($1, $2, $3, $4)', [user, 'document.update', id, JSON.stringify(b)]);
      await tx.query("SELECT atlas_bump_version('all')");
    }, user);
    res.set('Cache-Control', 'no-store').type('json').send((await repo.one(id))!);
  });

  r.get('/documents/:id/suggestions', async (req, res) => {
    const id = docId(String(req.params.id));
    if (!(await repo.exists(id))) throw notFound(`Document "${id}" does not exist.`);
    res.set('Cache-Control', 'no-cache').type('json').send(await repo.suggestions(id));
  });

  const suggestion = (raw: string, doc: string) => {
    if (!SUGGESTION_ID.test(raw) || !raw.startsWith(`${doc}-`)) throw badRequest('Invalid suggestion id: expected <document id>-<n>.');
    return raw;
  };
  r.post('/documents/:id/suggestions/:sid/accept', editor, async (req, res) => {
    const id = docId(String(req.params.id));
    const body = await acceptSuggestion(db, suggestion(String(req.params.sid), id), req.body ?? {}, req.user!.username);
    res.status(201).set('Cache-Control', 'no-store').json(body);
  });
  r.post('/documents/:id/suggestions/:sid/reject', editor, async (req, res) => {
    const id = docId(String(req.params.id));
    const body = await rejectSuggestion(db, suggestion(String(req.params.sid), id), req.body ?? {}, req.user!.username);
    res.set('Cache-Control', 'no-store').json(body);
  });
  return r;
}
