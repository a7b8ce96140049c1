import type { Queryable } from '../db/database.js';
import { badRequest } from '../http/problem.js';
import { citationId } from '../documents/citations.js';
import { paragraphIndex, placeCitations } from '../documents/documents.service.js';
import { normaliseForQuote } from '../../../seeds/normalise.js';
import { API_SUBJECT_TYPES, resolveSubject, type ApiSubjectType } from './subjects.js';
import { unprocessableFigure } from './figures.service.js';

/** A named system or structure as a document defines it (POST /api/structures, an accepted suggestion). */
export interface StructureInput {
  subject_type: ApiSubjectType;
  subject_id: string;
  /** 'industry-system' (“4+2”产业), 'spatial-layout' (两园两基地), 'spatial-structure' (一核三极), 'network' … */
  system: string;
  /** As written: '4+2', '两园两基地'. */
  name: string;
  document_id: string;
  quote: string;
  note?: string | null;
}

const FIELDS = ['subject_type', 'subject_id', 'system', 'name', 'document_id', 'quote', 'note'];

/** Checks the shape of a structure body; 400 naming the field. */
export function parseStructureInput(body: unknown): StructureInput {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw badRequest('Send a JSON object.');
  const b = body as Record<string, unknown>;
  const unknown = Object.keys(b).filter((k) => !FIELDS.includes(k));
  if (unknown.length) throw badRequest(`Unknown field(s): ${unknown.join(', ')}. Allowed: ${FIELDS.join(', ')}.`);
  const s = (k: string, max: number) => {
    if (typeof b[k] !== 'string' || !(b[k] as string).trim() || (b[k] as string).length > max) throw badRequest(`${k} must be a string of 1–${max} characters.`);
    return (b[k] as string).trim();
  };
  if (!API_SUBJECT_TYPES.includes(b.subject_type as ApiSubjectType)) throw badRequest(`subject_type must be one of ${API_SUBJECT_TYPES.join(', ')}.`);
  const system = s('system', 40);
  if (!/^[a-z]+(-[a-z]+)*$/.test(system)) throw badRequest('system must be lower-case words joined by hyphens, e.g. industry-system.');
  return {
    subject_type: b.subject_type as ApiSubjectType, subject_id: s('subject_id', 100), system, name: s('name', 40),
    document_id: s('document_id', 70), quote: s('quote', 4000), note: b.note == null ? null : s('note', 1000),
  };
}

/** Creates a structure after its checks (subject exists, quote in the document, name in the quote); returns its id. */
export async function createStructure(tx: Queryable, st: StructureInput, user: string): Promise<string> {
  const subject = await resolveSubject(tx, st.subject_type, st.subject_id);
  if (!subject) throw unprocessableFigure('unknown_subject', `No ${st.subject_type} "${st.subject_id}" exists.`);
  const index = await paragraphIndex(tx, st.document_id);
  if (!index) throw unprocessableFigure('unknown_document', `Document "${st.document_id}" does not exist.`);
  if (!index.has(st.quote)) throw unprocessableFigure('quote_not_in_document', `The quote is not in document ${st.document_id} (compared without whitespace).`);
  if (!normaliseForQuote(st.quote).includes(normaliseForQuote(st.name))) throw unprocessableFigure('name_not_in_quote', `The name "${st.name}" does not appear in the quote.`);
  const cid = citationId({ doc: st.document_id, quote: st.quote });
  await tx.query('INSERT INTO citations (id, document_id, quote) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING', [cid, st.document_id, st.quote]);
  await placeCitations(tx, st.document_id, [cid]);
  const id = `${subject.subject_id}-${st.system}-${cid.slice(0, 8)}`;
  await tx.query(
    `INSERT INTO structures (id, subject_type, subject_id, system, name, citation_id, note, origin, created_by, sort)
     VALUES ($1, $2, $3, $4, $5, $6, $7, 'staff', $8, (SELECT coalesce(max(sort), 0) + 1 FROM structures))
     ON CONFLICT (id) DO NOTHING`,
    [id, subject.subject_type, subject.subject_id, st.system, st.name, cid, st.note ?? null, user]);
  await tx.query('INSERT INTO audit_log (username, action, target, details) VALUES ($1, $2, $3, $4)', [user, 'structure.create', id, JSON.stringify(st)]);
  await tx.query("SELECT atlas_bump_version('all')");
  return id;
}

/** Structures (optionally of one subject) with their citations, as JSON. */
export async function listStructures(db: Queryable, subjectType: string | null, subjectId: string | null): Promise<unknown[]> {
  const { rows } = await db.query<{ body: unknown[] }>(
    `SELECT coalesce(json_agg(json_build_object('id', s.id, 'subject_type', s.subject_type, 'subject_id', s.subject_id, 'system', s.system,
       'name', s.name, 'note', s.note, 'origin', s.origin, 'citation', atlas_citation(s.citation_id)) ORDER BY s.sort, s.id), '[]'::json) AS body
     FROM structures s WHERE ($1::text IS NULL OR s.subject_type = $1) AND ($2::text IS NULL OR s.subject_id = $2)`, [subjectType, subjectId]);
  return rows[0].body;
}
