import type { Queryable } from '../db/database.js';
import { HttpError, badRequest, notFound } from '../http/problem.js';
import { citationId } from '../documents/citations.js';
import { paragraphIndex, placeCitations } from '../documents/documents.service.js';
import { numbersIn, qualifierOf, valueInQuote, type Qualifier } from '../documents/values.js';
import { normaliseForQuote } from '../../../seeds/normalise.js';
import { API_SUBJECT_TYPES, resolveSubject, type ApiSubjectType } from './subjects.js';
import { FiguresRepository, type FigureRow } from './figures.repository.js';

const KINDS = ['actual', 'target', 'baseline'] as const;
const QUALIFIERS: Qualifier[] = ['exact', 'over', 'at_least', 'about', 'strive', 'range', 'under'];
const METRIC = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** A figure as staff send it (POST /api/figures); optional fields default from the quote. */
export interface FigureInput {
  subject_type: ApiSubjectType;
  subject_id: string;
  metric: string;
  year: number | null;
  kind: (typeof KINDS)[number];
  value: number;
  unit: string;
  document_id: string;
  quote: string;
  value_max?: number | null;
  value_text?: string;
  qualifier?: Qualifier;
  metric_zh?: string;
  metric_en?: string;
  segment?: string | null;
  base_year?: number | null;
  quote_en?: string | null;
  note?: string | null;
}

const FIELDS = ['subject_type', 'subject_id', 'metric', 'year', 'kind', 'value', 'unit', 'document_id', 'quote', 'value_max', 'value_text', 'qualifier', 'metric_zh', 'metric_en', 'segment', 'base_year', 'quote_en', 'note'];
const REQUIRED = ['subject_type', 'subject_id', 'metric', 'year', 'kind', 'value', 'unit', 'document_id', 'quote'];

/** 422 with a machine-readable reason (`quote_not_in_document`, `value_not_in_quote`, `unknown_subject`, …). */
export const unprocessableFigure = (reason: string, detail: string) => new HttpError(422, 'Unprocessable Content', detail, {}, { reason });

const str = (v: unknown, name: string, max: number, allowEmpty = false) => {
  if (typeof v !== 'string' || (!allowEmpty && !v.trim()) || v.length > max) throw badRequest(`${name} must be a string of ${allowEmpty ? 0 : 1}–${max} characters.`);
  return v.trim();
};
const year = (v: unknown, name: string) => {
  if (v === null) return null;
  if (!Number.isInteger(v) || (v as number) < 1949 || (v as number) > 2100) throw badRequest(`${name} must be a year (integer) or null.`);
  return v as number;
};
const num = (v: unknown, name: string) => {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw badRequest(`${name} must be a finite number.`);
  return v;
};

/** Checks the shape of a figure body (all fields when creating, any subset when patching); 400 naming the field. */
export function parseFigureInput(body: unknown, partial: boolean): Partial<FigureInput> {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw badRequest('Send a JSON object.');
  const b = body as Record<string, unknown>;
  const unknown = Object.keys(b).filter((k) => !FIELDS.includes(k));
  if (unknown.length) throw badRequest(`Unknown field(s): ${unknown.join(', ')}. Allowed: ${FIELDS.join(', ')}.`);
  if (!partial) {
    const missing = REQUIRED.filter((k) => !(k in b));
    if (missing.length) throw badRequest(`Missing field(s): ${missing.join(', ')}.`);
  }
  const out: Partial<FigureInput> = {};
  if ('subject_type' in b) {
    if (!API_SUBJECT_TYPES.includes(b.subject_type as ApiSubjectType)) throw badRequest(`subject_type must be one of ${API_SUBJECT_TYPES.join(', ')}.`);
    out.subject_type = b.subject_type as ApiSubjectType;
  }
  if ('subject_id' in b) out.subject_id = str(b.subject_id, 'subject_id', 100);
  if ('metric' in b) {
    out.metric = str(b.metric, 'metric', 80);
    if (!METRIC.test(out.metric)) throw badRequest('metric must be lower-case words joined by hyphens, e.g. revenue or industrial-output.');
  }
  if ('year' in b) out.year = year(b.year, 'year');
  if ('base_year' in b) out.base_year = year(b.base_year, 'base_year');
  if ('kind' in b) {
    if (!KINDS.includes(b.kind as never)) throw badRequest(`kind must be one of ${KINDS.join(', ')}.`);
    out.kind = b.kind as FigureInput['kind'];
  }
  if ('value' in b) out.value = num(b.value, 'value');
  if ('value_max' in b) out.value_max = b.value_max === null ? null : num(b.value_max, 'value_max');
  if ('unit' in b) out.unit = str(b.unit, 'unit', 20, true);
  if ('document_id' in b) out.document_id = str(b.document_id, 'document_id', 70);
  if ('quote' in b) out.quote = str(b.quote, 'quote', 4000);
  if ('value_text' in b) out.value_text = str(b.value_text, 'value_text', 60);
  if ('qualifier' in b) {
    if (!QUALIFIERS.includes(b.qualifier as Qualifier)) throw badRequest(`qualifier must be one of ${QUALIFIERS.join(', ')}.`);
    out.qualifier = b.qualifier as Qualifier;
  }
  if ('metric_zh' in b) out.metric_zh = str(b.metric_zh, 'metric_zh', 200);
  if ('metric_en' in b) out.metric_en = str(b.metric_en, 'metric_en', 200);
  if ('segment' in b) out.segment = b.segment === null ? null : str(b.segment, 'segment', 80);
  if ('quote_en' in b) out.quote_en = b.quote_en === null ? null : str(b.quote_en, 'quote_en', 4000);
  if ('note' in b) out.note = b.note === null ? null : str(b.note, 'note', 1000);
  return out;
}

/** The number text in the quote that says `value` (for value_text when staff give none). */
function writtenAs(value: number, unit: string, quote: string): string {
  for (const n of numbersIn(quote)) if (valueInQuote(value, unit, n.text)) return n.text.trim();
  return String(value);
}

/** The qualifier the clause around the value gives it (力争…达7500亿元 → strive). */
function qualifierIn(quote: string, valueText: string): Qualifier {
  const at = quote.indexOf(valueText);
  if (at < 0) return qualifierOf(valueText);
  const start = Math.max(0, ...['，', '。', '；', ','].map((c) => quote.lastIndexOf(c, at) + 1));
  return qualifierOf(quote.slice(start, at + valueText.length));
}

/**
 * The checks every figure passes, in the caller's transaction (POST, PATCH, an accepted suggestion):
 * the subject exists, the quote is in the document (whitespace-insensitive), and the value (and the
 * upper end of a range, and any value_text) appears in the quote. Each failure is a 422 saying which.
 */
export async function checkFigure(tx: Queryable, f: FigureInput) {
  const subject = await resolveSubject(tx, f.subject_type, f.subject_id);
  if (!subject) throw unprocessableFigure('unknown_subject', `No ${f.subject_type} "${f.subject_id}" exists.`);
  const index = await paragraphIndex(tx, f.document_id);
  if (!index) throw unprocessableFigure('unknown_document', `Document "${f.document_id}" does not exist.`);
  if (!index.has(f.quote)) throw unprocessableFigure('quote_not_in_document', `The quote is not in document ${f.document_id} (compared without whitespace): "${f.quote.slice(0, 60)}".`);
  if (!valueInQuote(f.value, f.unit, f.quote)) throw unprocessableFigure('value_not_in_quote', `The value ${f.value} ${f.unit} does not appear in the quote "${f.quote.slice(0, 60)}".`);
  if (f.value_max != null && !valueInQuote(f.value_max, f.unit, f.quote)) throw unprocessableFigure('value_not_in_quote', `The upper value ${f.value_max} ${f.unit} does not appear in the quote.`);
  if (f.value_text !== undefined && !normaliseForQuote(f.quote).includes(normaliseForQuote(f.value_text))) {
    throw unprocessableFigure('value_not_in_quote', `value_text "${f.value_text}" is not in the quote.`);
  }
  if (f.kind === 'target' && f.year === null && f.base_year != null) throw badRequest('base_year needs a year.');
  return subject;
}

/** A figure's JSON (atlas_figure) by id, or null. */
export async function figureJson(db: Queryable, id: string): Promise<unknown | null> {
  return new FiguresRepository(db).json(id);
}

/** Creates a figure after checkFigure, with its citation (placed in its document); returns its id. */
export async function createFigure(tx: Queryable, f: FigureInput, user: string): Promise<string> {
  const subject = await checkFigure(tx, f);
  const repo = new FiguresRepository(tx);
  const cid = citationId({ doc: f.document_id, quote: f.quote });
  await repo.cite(cid, f.document_id, f.quote, f.quote_en ?? null);
  await placeCitations(tx, f.document_id, [cid]);
  const labels = await repo.labelsFor(subject.subject_type, f.metric, f.year);
  const valueText = f.value_text ?? writtenAs(f.value, f.unit, f.quote);
  const id = await repo.freeId([subject.subject_id, f.metric, f.segment, f.year ?? 'any', f.document_id].filter((x) => x != null).join('-'));
  await repo.insert({
    id, ...subject, kind: f.kind, metric: f.metric,
    metric_zh: f.metric_zh ?? labels?.metric_zh ?? f.metric, metric_en: f.metric_en ?? labels?.metric_en ?? f.metric,
    value_text: valueText, value: f.value, value_max: f.value_max ?? null,
    qualifier: f.qualifier ?? (f.value_max != null ? 'range' : qualifierIn(f.quote, valueText)), unit: f.unit, year: f.year, base_year: f.base_year ?? null,
    citation_id: cid, details: { ...(f.segment ? { segment: f.segment } : {}), ...(f.note ? { note: f.note } : {}) },
  }, user);
  await tx.query('INSERT INTO audit_log (username, action, target, details) VALUES ($1, $2, $3, $4)', [user, 'figure.create', id, JSON.stringify({ ...f })]);
  await tx.query("SELECT atlas_bump_version('all')");
  return id;
}

/** The stored figure as an input (for PATCH: the patch is merged over it and checked as a whole). */
function asInput(row: FigureRow): FigureInput {
  return {
    subject_type: row.subject_type as ApiSubjectType, subject_id: row.subject_id, metric: row.metric, year: row.year, kind: row.kind as FigureInput['kind'],
    value: row.value as number, unit: row.unit, document_id: row.document_id, quote: row.quote, value_max: row.value_max,
    value_text: row.value_text, qualifier: row.qualifier as Qualifier, metric_zh: row.metric_zh, metric_en: row.metric_en,
    segment: (row.details.segment as string | undefined) ?? null, base_year: row.base_year, quote_en: row.quote_en, note: (row.details.note as string | undefined) ?? null,
  };
}

/**
 * Changes a figure (If-Match: its version). The merged figure passes checkFigure again; a new quote or
 * document gets its own citation. 412 when someone saved first, 404 when it does not exist.
 */
export async function updateFigure(tx: Queryable, id: string, patch: Partial<FigureInput>, version: number, user: string): Promise<void> {
  const repo = new FiguresRepository(tx);
  const row = await repo.row(id, true);
  if (!row) throw notFound(`Figure "${id}" does not exist.`);
  if (row.version !== version) throw new HttpError(412, 'Precondition Failed', `Figure "${id}" is at version ${row.version}, not ${version}: reload it and edit again.`, {}, { current_version: row.version });
  const base = asInput(row);
  // A new number without a new value_text: the old value_text no longer says it.
  if (patch.value !== undefined && patch.value_text === undefined) delete base.value_text;
  if (patch.quote !== undefined && patch.quote_en === undefined) base.quote_en = null;
  const merged: FigureInput = { ...base, ...patch };
  const subject = await checkFigure(tx, merged);
  const cid = citationId({ doc: merged.document_id, quote: merged.quote });
  await repo.cite(cid, merged.document_id, merged.quote, merged.quote_en ?? null);
  await placeCitations(tx, merged.document_id, [cid]);
  const valueText = merged.value_text ?? writtenAs(merged.value, merged.unit, merged.quote);
  await repo.update(id, {
    ...subject, kind: merged.kind, metric: merged.metric, metric_zh: merged.metric_zh ?? merged.metric, metric_en: merged.metric_en ?? merged.metric,
    value_text: valueText, value: merged.value, value_max: merged.value_max ?? null,
    qualifier: patch.qualifier ?? (patch.value !== undefined || patch.value_text !== undefined ? (merged.value_max != null ? 'range' : qualifierIn(merged.quote, valueText)) : merged.qualifier ?? 'exact'),
    unit: merged.unit, year: merged.year, base_year: merged.base_year ?? null, citation_id: cid,
    details: { ...row.details, segment: merged.segment ?? undefined, note: merged.note ?? undefined },
  }, user);
  await tx.query('INSERT INTO audit_log (username, action, target, details) VALUES ($1, $2, $3, $4)', [user, 'figure.update', id, JSON.stringify({ from: version, patch, before: base })]);
  await tx.query("SELECT atlas_bump_version('all')");
}
