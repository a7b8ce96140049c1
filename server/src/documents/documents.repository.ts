import type { Queryable } from '../db/database.js';
import { sqlFile } from '../db/sql.js';
import type { SubjectName, ExtractedSuggestion } from './extract.js';
import type { DocumentMeta, PreparedDocument } from './documents.service.js';

const listSql = sqlFile(import.meta.url, 'documents.sql');
const oneSql = sqlFile(import.meta.url, 'document.sql');
const suggestionsSql = sqlFile(import.meta.url, 'suggestions.sql');
const subjectNamesSql = sqlFile(import.meta.url, 'subject-names.sql');

/** All SQL about source documents, their paragraphs, translations and suggestions. */
export class DocumentsRepository {
  constructor(private readonly db: Queryable) {}

  /** The list as JSON text. */
  async list(): Promise<string> {
    return (await this.db.query<{ body: string }>(listSql)).rows[0].body;
  }

  /** One document with text, paragraphs and citations as JSON text, or null. */
  async one(id: string): Promise<string | null> {
    return (await this.db.query<{ body: string }>(oneSql, [id])).rows[0]?.body ?? null;
  }

  /** A document's suggestions as JSON text (an empty array for a document without any). */
  async suggestions(id: string): Promise<string> {
    return (await this.db.query<{ body: string }>(suggestionsSql, [id])).rows[0].body;
  }

  /** Serialises document writes (ids and the content-hash check) until the transaction ends. */
  async lock(): Promise<void> {
    await this.db.query('LOCK TABLE documents IN SHARE ROW EXCLUSIVE MODE');
  }

  async exists(id: string): Promise<boolean> {
    return (await this.db.query('SELECT 1 FROM documents WHERE id = $1', [id])).rows.length > 0;
  }

  /** The id of the document with this content hash, or null. */
  async byHash(hash: string): Promise<string | null> {
    return (await this.db.query<{ id: string }>('SELECT id FROM documents WHERE content_hash = $1', [hash])).rows[0]?.id ?? null;
  }

  /** The stored content hash of a document: undefined when it does not exist, null when it has none yet. */
  async hashOf(id: string): Promise<string | null | undefined> {
    const row = (await this.db.query<{ content_hash: string | null }>('SELECT content_hash FROM documents WHERE id = $1', [id])).rows[0];
    return row === undefined ? undefined : row.content_hash;
  }

  /** The next free numeric id, three digits at least ('005' after the five seed documents). */
  async nextId(): Promise<string> {
    const { rows } = await this.db.query<{ n: number }>("SELECT coalesce(max(id::int), -1) + 1 AS n FROM documents WHERE id ~ '^[0-9]{1,6}$'");
    return String(rows[0].n).padStart(3, '0');
  }

  /** Inserts the document or (same id) updates it; the upload time and uploader stay those of the first upload. */
  async upsert(id: string, doc: PreparedDocument, meta: DocumentMeta, user: string): Promise<void> {
    await this.db.query(
      `INSERT INTO documents (id, file, title_zh, title_en, level, period, as_of_year, url, body, format, content_hash, status,
         superseded_by, issuer, issued_on, language, pages, file_bytes, uploaded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15::date, $16, $17, $18, $19)
       ON CONFLICT (id) DO UPDATE SET file = EXCLUDED.file, title_zh = EXCLUDED.title_zh, title_en = EXCLUDED.title_en,
         level = EXCLUDED.level, period = EXCLUDED.period, as_of_year = EXCLUDED.as_of_year, url = EXCLUDED.url, body = EXCLUDED.body,
         format = EXCLUDED.format, content_hash = EXCLUDED.content_hash, status = EXCLUDED.status, superseded_by = EXCLUDED.superseded_by,
         issuer = EXCLUDED.issuer, issued_on = EXCLUDED.issued_on, language = EXCLUDED.language, pages = EXCLUDED.pages,
         file_bytes = EXCLUDED.file_bytes
       WHERE (documents.file, documents.title_zh, documents.title_en, documents.level, documents.period, documents.as_of_year,
              documents.url, documents.body, documents.format, documents.content_hash, documents.status, documents.superseded_by,
              documents.issuer, documents.issued_on, documents.language, documents.pages, documents.file_bytes)
         IS DISTINCT FROM (EXCLUDED.file, EXCLUDED.title_zh, EXCLUDED.title_en, EXCLUDED.level, EXCLUDED.period, EXCLUDED.as_of_year,
              EXCLUDED.url, EXCLUDED.body, EXCLUDED.format, EXCLUDED.content_hash, EXCLUDED.status, EXCLUDED.superseded_by,
              EXCLUDED.issuer, EXCLUDED.issued_on, EXCLUDED.language, EXCLUDED.pages, EXCLUDED.file_bytes)`,
      [id, doc.filename, meta.title_zh, meta.title_en ?? '', meta.level ?? null, meta.period ?? null, meta.as_of_year ?? null, meta.url ?? null,
        doc.body, doc.format, doc.hash, meta.status ?? 'final', meta.superseded_by ?? null, meta.issuer ?? null, meta.date ?? null,
        meta.language ?? 'zh', doc.pages, doc.bytes, user],
    );
  }

  async replaceParagraphs(id: string, paragraphs: Array<{ seq: number; page: number | null; key: string; text: string }>): Promise<void> {
    await this.db.query('DELETE FROM document_paragraphs WHERE document_id = $1', [id]);
    // One statement for the whole document: 002 has 800 paragraphs.
    await this.db.query(
      `INSERT INTO document_paragraphs (document_id, seq, page, key, text)
       SELECT $1, (p->>'seq')::int, (p->>'page')::int, p->>'key', p->>'text' FROM jsonb_array_elements($2::jsonb) p`,
      [id, JSON.stringify(paragraphs)],
    );
  }

  async replaceSuggestions(id: string, found: ExtractedSuggestion[]): Promise<void> {
    await this.db.query('DELETE FROM document_suggestions WHERE document_id = $1', [id]);
    const rows = found.map((s, i) => ({ id: `${id}-${i + 1}`, seq: i + 1, type: s.type, pattern: s.pattern, proposal: s.proposal, quote: s.quote, paragraph_seq: s.paragraph_seq }));
    await this.db.query(
      `INSERT INTO document_suggestions (id, document_id, seq, type, pattern, proposal, quote, paragraph_seq)
       SELECT s->>'id', $1, (s->>'seq')::int, s->>'type', s->>'pattern', s->'proposal', s->>'quote', (s->>'paragraph_seq')::int
       FROM jsonb_array_elements($2::jsonb) s`,
      [id, JSON.stringify(rows)],
    );
  }

  async suggestionCount(id: string): Promise<number> {
    return (await this.db.query<{ n: number }>('SELECT count(*)::int AS n FROM document_suggestions WHERE document_id = $1', [id])).rows[0].n;
  }

  async subjectNames(): Promise<SubjectName[]> {
    return (await this.db.query<SubjectName>(subjectNamesSql)).rows;
  }

  async paragraphs(id: string): Promise<Array<{ seq: number; text: string }>> {
    return (await this.db.query<{ seq: number; text: string }>('SELECT seq, text FROM document_paragraphs WHERE document_id = $1 ORDER BY seq', [id])).rows;
  }

  async citationsOf(documentId: string, ids?: string[]): Promise<Array<{ id: string; quote: string }>> {
    return (await this.db.query<{ id: string; quote: string }>(
      'SELECT id, quote FROM citations WHERE document_id = $1 AND ($2::text[] IS NULL OR id = ANY($2::text[]))', [documentId, ids ?? null])).rows;
  }

  async setPlace(citationId: string, first: number | null, last: number | null): Promise<void> {
    await this.db.query('UPDATE citations SET first_seq = $2, last_seq = $3 WHERE id = $1 AND (first_seq, last_seq) IS DISTINCT FROM ($2, $3)', [citationId, first, last]);
  }

  /** Replaces a document's stored English renderings with these (key → English); empty ones are not stored. */
  async replaceTranslations(id: string, rows: Array<{ key: string; en: string }>): Promise<void> {
    await this.db.query('DELETE FROM paragraph_translations WHERE document_id = $1', [id]);
    await this.db.query(
      `INSERT INTO paragraph_translations (document_id, key, en)
       SELECT DISTINCT ON (t->>'key') $1, t->>'key', t->>'en' FROM jsonb_array_elements($2::jsonb) t WHERE coalesce(t->>'en', '') <> ''
       ORDER BY t->>'key'`,
      [id, JSON.stringify(rows)],
    );
  }
}
