import type { Database, Queryable } from '../db/database.js';
import { HttpError, badRequest, notFound } from '../http/problem.js';
import { createFigure, figureJson, parseFigureInput, type FigureInput } from '../figures/figures.service.js';
import { createStructure, parseStructureInput } from '../figures/structures.js';

interface SuggestionRow {
  id: string;
  document_id: string;
  type: 'figure' | 'structure';
  proposal: Record<string, unknown>;
  quote: string;
  status: string;
}

async function lockSuggestion(tx: Queryable, id: string): Promise<SuggestionRow> {
  const { rows } = await tx.query<SuggestionRow>('SELECT id, document_id, type, proposal, quote, status FROM document_suggestions WHERE id = $1 FOR UPDATE', [id]);
  const s = rows[0];
  if (!s) throw notFound(`Suggestion "${id}" does not exist.`);
  if (s.status !== 'open') throw new HttpError(409, 'Conflict', `Suggestion "${id}" was already ${s.status}.`, {}, { status: s.status });
  return s;
}

async function suggestionJson(tx: Queryable, id: string) {
  return (await tx.query<{ j: unknown }>(
    `SELECT json_build_object('id', s.id, 'document_id', s.document_id, 'seq', s.seq, 'type', s.type, 'pattern', s.pattern, 'proposal', s.proposal,
       'quote', s.quote, 'paragraph_seq', s.paragraph_seq, 'status', s.status, 'decided_by', s.decided_by, 'decided_at', s.decided_at,
       'reason', s.reason, 'figure_id', s.figure_id, 'structure_id', s.structure_id) AS j
     FROM document_suggestions s WHERE s.id = $1`, [id])).rows[0].j;
}

/**
 * Accepts a suggestion: the proposal, with any fields staff send over it (subject, metric, kind, year …),
 * becomes a figure (or structure) through the very checks POST /api/figures makes; the quote stays the
 * suggestion's. A 4xx from a check leaves the suggestion open and stores nothing.
 */
export async function acceptSuggestion(db: Database, id: string, body: unknown, user: string) {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw badRequest('Send a JSON object (the fields to change, or {}).');
  const overrides = body as Record<string, unknown>;
  if ('quote' in overrides || 'document_id' in overrides) throw badRequest('A suggestion keeps its quote and document; to cite another quote, POST /api/figures.');
  return db.transaction(async (tx) => {
    const s = await lockSuggestion(tx, id);
    if (s.type === 'figure') {
      const { metric_zh, ...proposal } = s.proposal;
      const merged: Record<string, unknown> = { ...proposal, ...(metric_zh ? { metric_zh } : {}), ...overrides, document_id: s.document_id, quote: s.quote };
      for (const k of Object.keys(merged)) if (merged[k] === null && ['metric', 'subject_type', 'subject_id'].includes(k)) delete merged[k];
      const input = parseFigureInput(merged, false) as FigureInput;
      const figureId = await createFigure(tx, input, user);
      await tx.query("UPDATE document_suggestions SET status = 'accepted', decided_by = $2, decided_at = now(), figure_id = $3 WHERE id = $1", [id, user, figureId]);
      return { suggestion: await suggestionJson(tx, id), figure: await figureJson(tx, figureId) };
    }
    const merged = { ...s.proposal, ...overrides, document_id: s.document_id, quote: s.quote };
    const structureId = await createStructure(tx, parseStructureInput(merged), user);
    await tx.query("UPDATE document_suggestions SET status = 'accepted', decided_by = $2, decided_at = now(), structure_id = $3 WHERE id = $1", [id, user, structureId]);
    return { suggestion: await suggestionJson(tx, id), structure_id: structureId };
  }, user);
}

/** Rejects a suggestion ({reason?}); the decision is kept. */
export async function rejectSuggestion(db: Database, id: string, body: unknown, user: string) {
  const b = (body ?? {}) as Record<string, unknown>;
  if (typeof b !== 'object' || Array.isArray(b)) throw badRequest('Send a JSON object: {"reason": "…"} (optional).');
  const unknown = Object.keys(b).filter((k) => k !== 'reason');
  if (unknown.length) throw badRequest(`Unknown field(s): ${unknown.join(', ')}. Allowed: reason.`);
  if (b.reason !== undefined && (typeof b.reason !== 'string' || b.reason.length > 1000)) throw badRequest('reason must be a string of at most 1000 characters.');
  return db.transaction(async (tx) => {
    await lockSuggestion(tx, id);
    await tx.query("UPDATE document_suggestions SET status = 'rejected', decided_by = $2, decided_at = now(), reason = $3 WHERE id = $1", [id, user, (b.reason as string | undefined)?.trim() || null]);
    await tx.query('INSERT INTO audit_log (username, action, target, details) VALUES ($1, $2, $3, $4)', [user, 'suggestion.reject', id, JSON.stringify(b)]);
    return suggestionJson(tx, id);
  }, user);
}
