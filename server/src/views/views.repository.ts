import type { Queryable } from '../db/database.js';

const viewJson = `json_build_object('id', v.id, 'title', v.title, 'note', v.note, 'state', v.state, 'sort', v.sort,
  'version', v.version, 'created_by', v.created_by, 'created_at', v.created_at, 'updated_at', v.updated_at)`;
const briefingJson = `json_build_object('id', b.id, 'title', b.title, 'subtitle', b.subtitle, 'steps', b.steps, 'version', b.version,
  'created_by', b.created_by, 'created_at', b.created_at, 'updated_at', b.updated_at)`;

/** All SQL about saved views and briefings. */
export class ViewsRepository {
  constructor(private readonly db: Queryable) {}

  async listViews(): Promise<string> {
    return (await this.db.query<{ body: string }>(`SELECT coalesce(json_agg(${viewJson} ORDER BY v.sort, v.created_at), '[]'::json)::text AS body FROM saved_views v`)).rows[0].body;
  }

  async getView(id: string): Promise<string | null> {
    return (await this.db.query<{ body: string }>(`SELECT ${viewJson}::text AS body FROM saved_views v WHERE v.id = $1`, [id])).rows[0]?.body ?? null;
  }

  async createView(id: string, title: string, note: string, state: unknown, user: string): Promise<void> {
    await this.db.query(
      `INSERT INTO saved_views (id, title, note, state, sort, created_by)
       VALUES ($1, $2, $3, $4, (SELECT coalesce(max(sort), 0) + 1 FROM saved_views), $5)`, [id, title, note, JSON.stringify(state), user]);
  }

  /** Updates the given fields if the version matches (null = any); returns the new version or null. */
  async updateView(id: string, version: number | null, p: { title?: string; note?: string; state?: unknown; sort?: number }): Promise<number | null> {
    const { rows } = await this.db.query<{ version: number }>(
      `UPDATE saved_views SET title = coalesce($3, title), note = coalesce($4, note), state = coalesce($5::jsonb, state),
         sort = coalesce($6, sort), version = version + 1, updated_at = now()
       WHERE id = $1 AND ($2::int IS NULL OR version = $2) RETURNING version`,
      [id, version, p.title ?? null, p.note ?? null, p.state === undefined ? null : JSON.stringify(p.state), p.sort ?? null]);
    return rows[0]?.version ?? null;
  }

  async deleteView(id: string): Promise<boolean> {
    return (await this.db.query('DELETE FROM saved_views WHERE id = $1 RETURNING id', [id])).rows.length === 1;
  }

  /** Sets sort = position in `ids` for each; returns the ids that do not exist. */
  async reorderViews(ids: string[]): Promise<string[]> {
    const { rows } = await this.db.query<{ id: string }>('SELECT id FROM saved_views WHERE id = ANY($1::text[])', [ids]);
    const known = new Set(rows.map((r) => r.id));
    const missing = ids.filter((i) => !known.has(i));
    if (missing.length) return missing;
    await this.db.query('UPDATE saved_views v SET sort = o.n FROM unnest($1::text[]) WITH ORDINALITY AS o(id, n) WHERE v.id = o.id', [ids]);
    return [];
  }

  async viewsExist(ids: string[]): Promise<string[]> {
    const { rows } = await this.db.query<{ id: string }>('SELECT id FROM saved_views WHERE id = ANY($1::text[])', [ids]);
    const known = new Set(rows.map((r) => r.id));
    return ids.filter((i) => !known.has(i));
  }

  async listBriefings(): Promise<string> {
    return (await this.db.query<{ body: string }>(`SELECT coalesce(json_agg(${briefingJson} ORDER BY b.created_at), '[]'::json)::text AS body FROM briefings b`)).rows[0].body;
  }

  /** A briefing with its steps' views resolved (a step whose view was deleted has view null). */
  async getBriefing(id: string): Promise<string | null> {
    return (await this.db.query<{ body: string }>(
      `SELECT (${briefingJson}::jsonb || jsonb_build_object('views', coalesce((
          SELECT jsonb_agg(${viewJson}::jsonb) FROM saved_views v
          WHERE v.id IN (SELECT s->>'view_id' FROM jsonb_array_elements(b.steps) s)), '[]'::jsonb)))::text AS body
       FROM briefings b WHERE b.id = $1`, [id])).rows[0]?.body ?? null;
  }

  async createBriefing(id: string, title: string, subtitle: string, steps: unknown, user: string): Promise<void> {
    await this.db.query('INSERT INTO briefings (id, title, subtitle, steps, created_by) VALUES ($1, $2, $3, $4, $5)', [id, title, subtitle, JSON.stringify(steps), user]);
  }

  async updateBriefing(id: string, version: number | null, p: { title?: string; subtitle?: string; steps?: unknown }): Promise<number | null> {
    const { rows } = await this.db.query<{ version: number }>(
      `UPDATE briefings SET title = coalesce($3, title), subtitle = coalesce($4, subtitle), steps = coalesce($5::jsonb, steps),
         version = version + 1, updated_at = now()
       WHERE id = $1 AND ($2::int IS NULL OR version = $2) RETURNING version`,
      [id, version, p.title ?? null, p.subtitle ?? null, p.steps === undefined ? null : JSON.stringify(p.steps)]);
    return rows[0]?.version ?? null;
  }

  async deleteBriefing(id: string): Promise<boolean> {
    return (await this.db.query('DELETE FROM briefings WHERE id = $1 RETURNING id', [id])).rows.length === 1;
  }
}
