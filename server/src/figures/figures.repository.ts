import type { Queryable } from '../db/database.js';
import { sqlFile } from '../db/sql.js';

const listSql = sqlFile(import.meta.url, 'figures.sql');

/** A stored figure with its citation, as PATCH reads it. */
export interface FigureRow {
  id: string; subject_type: string; subject_id: string; kind: string; metric: string; metric_zh: string; metric_en: string;
  value_text: string; value: number | null; value_max: number | null; qualifier: string; unit: string; year: number | null;
  base_year: number | null; details: Record<string, unknown>; version: number; document_id: string; quote: string; quote_en: string | null;
}

/** The columns a write sets. */
export interface FigureWrite {
  id?: string; subject_type: string; subject_id: string; kind: string; metric: string; metric_zh: string; metric_en: string;
  value_text: string; value: number; value_max: number | null; qualifier: string; unit: string; year: number | null;
  base_year: number | null; citation_id: string; details: Record<string, unknown>;
}

/** All SQL about figures (the `targets` table) that the figures API writes and reads. */
export class FiguresRepository {
  constructor(private readonly db: Queryable) {}

  /** Figures (atlas_figure JSON, superseded_by included) of a subject (either filter may be null), as JSON text. */
  async list(subjectType: string | null, subjectId: string | null, metric: string | null): Promise<unknown[]> {
    return (await this.db.query<{ body: unknown[] }>(listSql, [subjectType, subjectId, metric])).rows[0].body;
  }

  async json(id: string): Promise<unknown | null> {
    return (await this.db.query<{ j: unknown }>('SELECT atlas_figure(t) AS j FROM targets t WHERE t.id = $1', [id])).rows[0]?.j ?? null;
  }

  async row(id: string, forUpdate = false): Promise<FigureRow | null> {
    const { rows } = await this.db.query<FigureRow>(
      `SELECT t.id, t.subject_type, t.subject_id, t.kind, t.metric, t.metric_zh, t.metric_en, t.value_text, t.value, t.value_max, t.qualifier,
              t.unit, t.year, t.base_year, t.details, t.version, c.document_id, c.quote, c.quote_en
       FROM targets t JOIN citations c ON c.id = t.citation_id WHERE t.id = $1${forUpdate ? ' FOR UPDATE OF t' : ''}`, [id]);
    return rows[0] ?? null;
  }

  /** Inserts the citation if new; a given English rendering fills an empty one, never overwrites. */
  async cite(id: string, documentId: string, quote: string, quoteEn: string | null): Promise<void> {
    await this.db.query(
      `INSERT INTO citations (id, document_id, quote, quote_en) VALUES ($1, $2, $3, $4)
       ON CONFLICT (id) DO UPDATE SET quote_en = coalesce(citations.quote_en, EXCLUDED.quote_en)`, [id, documentId, quote, quoteEn]);
  }

  /** Labels of an existing figure of this subject type and metric, with its year replaced by `year`. */
  async labelsFor(subjectType: string, metric: string, year: number | null): Promise<{ metric_zh: string; metric_en: string } | null> {
    const { rows } = await this.db.query<{ metric_zh: string; metric_en: string; year: number | null }>(
      'SELECT metric_zh, metric_en, year FROM targets WHERE subject_type = $1 AND metric = $2 ORDER BY sort LIMIT 1', [subjectType, metric]);
    const r = rows[0];
    if (!r) return null;
    if (r.year === null || year === null) return { metric_zh: r.metric_zh, metric_en: r.metric_en };
    const y = (s: string) => s.split(String(r.year)).join(String(year));
    return { metric_zh: y(r.metric_zh), metric_en: y(r.metric_en) };
  }

  /** `base`, slugged, or with -2, -3 … when taken. */
  async freeId(base: string): Promise<string> {
    const slug = base.toLowerCase().replace(/[^a-z0-9:-]+/g, '-').replace(/-+/g, '-').replace(/^-|-$/g, '').slice(0, 120);
    const { rows } = await this.db.query<{ id: string }>("SELECT id FROM targets WHERE id = $1 OR id LIKE $1 || '-%'", [slug]);
    const taken = new Set(rows.map((r) => r.id));
    if (!taken.has(slug)) return slug;
    let k = 2;
    while (taken.has(`${slug}-${k}`)) k++;
    return `${slug}-${k}`;
  }

  async insert(f: FigureWrite & { id: string }, user: string): Promise<void> {
    await this.db.query(
      `INSERT INTO targets (id, subject_type, subject_id, kind, metric, metric_zh, metric_en, value_text, value, value_max, qualifier, unit,
         year, base_year, citation_id, sort, details, origin, updated_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, (SELECT coalesce(max(sort), 0) + 1 FROM targets), $16, 'staff', $17)`,
      [f.id, f.subject_type, f.subject_id, f.kind, f.metric, f.metric_zh, f.metric_en, f.value_text, f.value, f.value_max, f.qualifier, f.unit,
        f.year, f.base_year, f.citation_id, JSON.stringify(f.details), user]);
  }

  async update(id: string, f: FigureWrite, user: string): Promise<void> {
    await this.db.query(
      `UPDATE targets SET subject_type = $2, subject_id = $3, kind = $4, metric = $5, metric_zh = $6, metric_en = $7, value_text = $8, value = $9,
         value_max = $10, qualifier = $11, unit = $12, year = $13, base_year = $14, citation_id = $15, details = $16,
         version = version + 1, updated_by = $17, updated_at = now()
       WHERE id = $1`,
      [id, f.subject_type, f.subject_id, f.kind, f.metric, f.metric_zh, f.metric_en, f.value_text, f.value, f.value_max, f.qualifier, f.unit,
        f.year, f.base_year, f.citation_id, JSON.stringify(f.details), user]);
  }
}
