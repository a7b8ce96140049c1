import crypto from 'node:crypto';
import type { Database, Queryable } from '../db/database.js';
import { HttpError, badRequest } from '../http/problem.js';
import { normaliseForQuote } from '../../../seeds/normalise.js';
import { extractText, type DocumentFormat } from './formats.js';
import { paragraphKey, splitParagraphs, type Paragraph } from './paragraphs.js';
import { extractSuggestions, type SubjectName } from './extract.js';
import { ParagraphIndex } from './place.js';
import { DocumentsRepository } from './documents.repository.js';

/** A file read and split, ready to store: the CPU work happens here, outside any transaction. */
export interface PreparedDocument {
  format: DocumentFormat;
  body: string;
  paragraphs: Paragraph[];
  pages: number | null;
  bytes: number;
  /** sha256 of the whitespace-free text. */
  hash: string;
  filename: string;
}

/** What staff (or the seed) say about a document; everything optional but the title. */
export interface DocumentMeta {
  title_zh?: string | null;
  title_en?: string | null;
  issuer?: string | null;
  date?: string | null;
  status?: 'draft' | 'final' | 'superseded';
  superseded_by?: string | null;
  language?: string;
  level?: string | null;
  period?: string | null;
  as_of_year?: number | null;
  url?: string | null;
}

/** POST /api/documents → 201. */
export interface StoredDocument {
  id: string;
  title_zh: string;
  format: DocumentFormat;
  paragraphs: number;
  pages: number | null;
  chars: number;
  suggestions: number;
  /** The seed only: 'inserted', 'updated' (new text) or 'unchanged'. */
  change: 'inserted' | 'updated' | 'unchanged';
}

/** Reads a file into paragraphs and hashes it; throws a 4xx HttpError for anything it cannot use. */
export async function prepareDocument(file: { name: string; data: Buffer }): Promise<PreparedDocument> {
  const text = await extractText(file);
  const paragraphs = splitParagraphs(text.lines);
  if (paragraphs.length === 0) throw new HttpError(422, 'Unprocessable Content', `"${file.name.slice(0, 80)}" holds no text.`);
  return {
    format: text.format,
    body: text.body,
    paragraphs,
    pages: text.pages,
    bytes: file.data.length,
    hash: crypto.createHash('sha256').update(normaliseForQuote(text.body)).digest('hex'),
    filename: file.name,
  };
}

const STATUS: Record<string, 'draft' | 'final' | 'superseded'> = {
  draft: 'draft', 征求意见稿: 'draft', 公开征求意见稿: 'draft', final: 'final', 正式稿: 'final', superseded: 'superseded', 已废止: 'superseded', 已被替代: 'superseded',
};

/** Reads the multipart fields of an upload into metadata; 400 naming the field that is wrong. */
export function parseMeta(fields: Record<string, string>): DocumentMeta {
  const allowed = ['title_zh', 'title_en', 'issuer', 'date', 'status', 'superseded_by', 'language', 'level', 'period', 'as_of_year', 'url'];
  const unknown = Object.keys(fields).filter((k) => !allowed.includes(k));
  if (unknown.length) throw badRequest(`Unknown field(s): ${unknown.join(', ')}. Allowed: ${allowed.join(', ')}.`);
  const text = (k: string, max: number) => {
    const v = fields[k]?.trim();
    if (!v) return null;
    if (v.length > max) throw badRequest(`${k} is longer than ${max} characters.`);
    return v;
  };
  const meta: DocumentMeta = { title_zh: text('title_zh', 300), title_en: text('title_en', 300), issuer: text('issuer', 200), level: text('level', 40), period: text('period', 60), url: text('url', 500) };
  const date = text('date', 10);
  if (date !== null) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`)) || new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) !== date) {
      throw badRequest('date must be a calendar date YYYY-MM-DD.');
    }
    meta.date = date;
  }
  const status = text('status', 20);
  if (status !== null) {
    if (!STATUS[status]) throw badRequest('status must be draft (征求意见稿), final (正式稿) or superseded.');
    meta.status = STATUS[status];
  }
  const sup = text('superseded_by', 70);
  if (sup !== null) {
    if (!/^(\d{3,6}|ext:[a-z0-9-]{1,60})$/.test(sup)) throw badRequest('superseded_by must be a document id.');
    meta.superseded_by = sup;
    meta.status = 'superseded';
  }
  const lang = text('language', 10);
  if (lang !== null) {
    if (!/^[a-z]{2}(-[A-Za-z]{2,4})?$/.test(lang)) throw badRequest('language must be a language tag such as zh or en.');
    meta.language = lang;
  }
  const year = text('as_of_year', 4);
  if (year !== null) {
    if (!/^\d{4}$/.test(year) || Number(year) < 1949 || Number(year) > 2100) throw badRequest('as_of_year must be a year.');
    meta.as_of_year = Number(year);
  }
  return meta;
}

/** Every name a document may use for a subject the atlas knows: chains, mapped features (with aliases), the city. */
export async function subjectNames(db: Queryable): Promise<SubjectName[]> {
  return new DocumentsRepository(db).subjectNames();
}

/**
 * The one document pipeline (staff uploads and the seed step): stores a prepared document with its
 * paragraphs and the extractor's suggestions in the caller's transaction. Without `id` the next free
 * number is taken; the same content as another document is a 409 naming it. With `id` (the seed) the
 * document is updated in place when its text changed and left alone when it did not.
 */
export async function storeDocument(
  tx: Queryable,
  doc: PreparedDocument,
  meta: DocumentMeta,
  opts: { id?: string; user: string; /** false: the caller runs suggestFor later (the seed, once subjects are loaded). */ suggest?: boolean },
): Promise<StoredDocument> {
  const repo = new DocumentsRepository(tx);
  await repo.lock();
  const same = await repo.byHash(doc.hash);
  if (same && same !== opts.id) {
    throw new HttpError(409, 'Conflict', `The same text is already stored as document ${same}.`, {}, { existing_id: same });
  }
  if (meta.superseded_by && !(await repo.exists(meta.superseded_by))) throw new HttpError(422, 'Unprocessable Content', `superseded_by: document "${meta.superseded_by}" does not exist.`);
  const title = meta.title_zh ?? doc.paragraphs[0].text.slice(0, 120);
  const previous = opts.id ? await repo.hashOf(opts.id) : undefined;
  const id = opts.id ?? (await repo.nextId());
  const change: StoredDocument['change'] = previous === undefined ? 'inserted' : previous === doc.hash ? 'unchanged' : 'updated';
  await repo.upsert(id, doc, { ...meta, title_zh: title }, opts.user);
  let suggestions = 0;
  if (change !== 'unchanged') {
    await repo.replaceParagraphs(id, doc.paragraphs.map((p) => ({ ...p, key: paragraphKey(p.text) })));
    if (opts.suggest !== false) suggestions = await suggestFor(tx, id, doc.paragraphs, meta);
    await placeCitations(tx, id);
  } else suggestions = await repo.suggestionCount(id);
  return { id, title_zh: title, format: doc.format, paragraphs: doc.paragraphs.length, pages: doc.pages, chars: doc.body.length, suggestions, change };
}

/** Runs the extractor over a document's paragraphs and replaces its suggestions; returns how many. */
export async function suggestFor(tx: Queryable, id: string, paragraphs: Paragraph[], meta: DocumentMeta): Promise<number> {
  const repo = new DocumentsRepository(tx);
  const found = extractSuggestions(paragraphs, { subjects: await repo.subjectNames(), level: meta.level ?? null, asOfYear: meta.as_of_year ?? null });
  await repo.replaceSuggestions(id, found);
  return found.length;
}

/** Sets first_seq/last_seq of the document's citations (all, or only `citationIds`) from its paragraphs. */
export async function placeCitations(tx: Queryable, documentId: string, citationIds?: string[]): Promise<void> {
  const repo = new DocumentsRepository(tx);
  const index = new ParagraphIndex(await repo.paragraphs(documentId));
  for (const c of await repo.citationsOf(documentId, citationIds)) {
    const place = index.place(c.quote);
    await repo.setPlace(c.id, place?.first_seq ?? null, place?.last_seq ?? null);
  }
}

/** The document's paragraphs as a quote index (null when the document does not exist). */
export async function paragraphIndex(db: Queryable, documentId: string): Promise<ParagraphIndex | null> {
  const repo = new DocumentsRepository(db);
  if (!(await repo.exists(documentId))) return null;
  return new ParagraphIndex(await repo.paragraphs(documentId));
}

/** Uploads: prepare outside the transaction, store inside it, audit-logged. */
export async function uploadDocument(db: Database, file: { name: string; data: Buffer }, fields: Record<string, string>, user: string): Promise<StoredDocument> {
  const meta = parseMeta(fields);
  const prepared = await prepareDocument(file);
  return db.transaction(async (tx) => {
    const stored = await storeDocument(tx, prepared, meta, { user });
    await tx.query('INSERT INTO audit_log (username, action, target, details) VALUES ($1, $2, $3, $4)', [
      user, 'document.upload', stored.id, JSON.stringify({ file: file.name.slice(0, 200), format: stored.format, paragraphs: stored.paragraphs, hash: prepared.hash }),
    ]);
    await tx.query("SELECT atlas_bump_version('all')");
    return stored;
  }, user);
}
