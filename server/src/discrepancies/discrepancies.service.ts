import crypto from 'node:crypto';
import type { Database, Queryable } from '../db/database.js';
import type { ComputedValue } from '../../../contract/api.js';
import { HttpError, badRequest, notFound } from '../http/problem.js';
import { SeededBodyCache } from '../http/seeded-cache.js';
import { sqlFile } from '../db/sql.js';
import { resolveNameRefs } from './curated-text.js';
import { computeDiscrepancies, type CInput, type Claim, type ComputedDiscrepancy } from './compute.js';

const inputsSql = sqlFile(import.meta.url, 'inputs.sql');

interface Resolution { discrepancy_id: string; action: 'resolve' | 'reopen'; reason: string; fingerprint: string; by: string; at: string }
interface Curated { id: string; kind: string; title_zh: string; title_en: string; explanation_zh: string; explanation_en: string; subjects: string[]; computed: ComputedValue | null; note: string | null; claims: Claim[] }

/** One entry of GET /api/discrepancies (see contract/documents.ts DiscrepancyEntry). */
export type DiscrepancyEntry = Omit<ComputedDiscrepancy, 'rule'> & {
  origin: 'computed' | 'curated';
  rule: ComputedDiscrepancy['rule'] | 'curated';
  note: string | null;
  status: 'open' | 'resolved';
  resolution: { reason: string; by: string; at: string } | null;
  history: Array<Resolution & { current: boolean }>;
};

async function loadInputs(db: Queryable) {
  const { rows } = await db.query<{ body: Omit<CInput, 'names'> & { names: Array<[string, string, string]>; curated: Curated[]; resolutions: Resolution[] } }>(inputsSql);
  return rows[0].body;
}

/** Computes the list (computed first, then the few curated ones) with each entry's resolution state. */
export async function listDiscrepancies(db: Queryable): Promise<DiscrepancyEntry[]> {
  const raw = await loadInputs(db);
  const names = new Map(raw.names.map(([id, zh, en]) => [id, { zh, en }]));
  const computed = computeDiscrepancies({ ...raw, names });
  const en = (text: string) => resolveNameRefs(text, names);
  const curated: ComputedDiscrepancy[] = raw.curated.map((c) => ({
    ...c, rule: 'relation', explanation_zh: c.explanation_zh ?? '',
    // English names of mapped places come from their rows ({name:<id>}, curated-text.ts).
    title_en: en(c.title_en), explanation_en: en(c.explanation_en ?? ''),
    claims: c.claims.map((x) => ({ ...x, text: en(x.text) })),
    computed: c.computed && { ...c.computed, description: en(c.computed.description) },
    fingerprint: crypto.createHash('sha1').update(JSON.stringify(c.claims.map((x) => x.citation?.id))).digest('hex').slice(0, 16),
  }));
  const notes = new Map(raw.curated.map((c) => [c.id, c.note && en(c.note)]));
  const byId = new Map<string, Resolution[]>();
  for (const r of raw.resolutions) byId.set(r.discrepancy_id, [...(byId.get(r.discrepancy_id) ?? []), r]);
  const entries = [...computed.map((d) => ({ d, origin: 'computed' as const })), ...curated.map((d) => ({ d, origin: 'curated' as const }))];
  return entries.map(({ d, origin }) => {
    const history = (byId.get(d.id) ?? []).map((h) => ({ ...h, current: h.fingerprint === d.fingerprint }));
    const last = history[history.length - 1];
    // A resolution holds for the data it was made on: changed figures reopen it.
    const resolved = last?.action === 'resolve' && last.current;
    return {
      ...d, origin, rule: origin === 'curated' ? 'curated' : d.rule, note: origin === 'curated' ? notes.get(d.id) ?? null : null,
      status: resolved ? 'resolved' : 'open',
      resolution: resolved ? { reason: last.reason, by: last.by, at: last.at } : null,
      history,
    } as DiscrepancyEntry;
  });
}

/** GET /api/discrepancies and staff resolutions, cached per data version (every figure, structure or geometry write bumps it). */
export class DiscrepanciesService {
  private readonly cache: SeededBodyCache;

  constructor(private readonly db: Database) {
    this.cache = new SeededBodyCache(db);
  }

  /** The list as JSON text. */
  async listJson(): Promise<string> {
    return this.cache.get('discrepancies', async () => JSON.stringify(await listDiscrepancies(this.db)));
  }

  /** Records a resolve or reopen of a discrepancy that exists now; returns the entry as it then is. */
  async decide(id: string, action: 'resolve' | 'reopen', body: unknown, user: string): Promise<DiscrepancyEntry> {
    const b = (body ?? {}) as Record<string, unknown>;
    if (typeof b !== 'object' || Array.isArray(b)) throw badRequest('Send {"reason": "…"}.');
    const unknown = Object.keys(b).filter((k) => k !== 'reason');
    if (unknown.length) throw badRequest(`Unknown field(s): ${unknown.join(', ')}. Allowed: reason.`);
    const reason = typeof b.reason === 'string' ? b.reason.trim() : '';
    if (action === 'resolve' && (reason.length < 3 || reason.length > 2000)) throw badRequest('A resolution needs a reason of 3–2000 characters.');
    if (reason.length > 2000) throw badRequest('reason is longer than 2000 characters.');
    return this.db.transaction(async (tx) => {
      const list = await listDiscrepancies(tx);
      const d = list.find((x) => x.id === id);
      if (!d) throw notFound(`Discrepancy "${id}" does not exist (the data no longer shows it?).`);
      if (action === 'resolve' && d.status === 'resolved') throw new HttpError(409, 'Conflict', `Discrepancy "${id}" is already resolved.`);
      if (action === 'reopen' && d.status === 'open') throw new HttpError(409, 'Conflict', `Discrepancy "${id}" is open.`);
      await tx.query('INSERT INTO discrepancy_resolutions (discrepancy_id, action, reason, fingerprint, by_user) VALUES ($1, $2, $3, $4, $5)', [id, action, reason, d.fingerprint, user]);
      await tx.query('INSERT INTO audit_log (username, action, target, details) VALUES ($1, $2, $3, $4)', [user, `discrepancy.${action}`, id, JSON.stringify({ reason })]);
      await tx.query("SELECT atlas_bump_version('all')");
      return (await listDiscrepancies(tx)).find((x) => x.id === id)!;
    }, user);
  }
}
