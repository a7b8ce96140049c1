import crypto from 'node:crypto';
import type { Database, Queryable } from '../db/database.js';
import { citationId } from '../documents/citations.js';
import { checkSeedBundle, readSeedBundle, type SeedBundle, type SeedCite } from './sources.js';
import { writeTaxonomy } from '../taxonomy/taxonomy.seed.js';
import { placeCitations, prepareDocument, storeDocument, suggestFor, type PreparedDocument } from '../documents/documents.service.js';
import { DocumentsRepository } from '../documents/documents.repository.js';
import { normaliseForQuote } from '../../../seeds/normalise.js';
import { writeDocumentSites, writeLandUseClasses } from '../sites/sites.seed.js';

export interface SeedReport {
  /** True when the data on disk was already loaded (same bundle hash): nothing was written. */
  skipped: boolean;
  inserted: number;
  updated: number;
  unchanged: number;
  deleted: number;
  /** Features edited by a person since the seed wrote them: the seed leaves them alone. */
  keptEdits: number;
  figures: number;
  chains: number;
}

export { citationId };

const FIGURE_FIELDS = new Set(['id', 'subject_type', 'subject_id', 'kind', 'metric', 'metric_zh', 'metric_en', 'value_text', 'value',
  'value_max', 'qualifier', 'unit', 'year', 'base_year', 'cite']);
/** A figure's extra fields (segment, note …), kept beside the columns. */
const figureDetails = (t: object) => Object.fromEntries(Object.entries(t).filter(([k]) => !FIGURE_FIELDS.has(k)));

const hashOf = (v: unknown) => crypto.createHash('sha1').update(JSON.stringify(v)).digest('hex');

/** The hash a seeded database records (atlas_meta.seed_hash): the same bundle always gives the same hash. */
export const seedBundleHash = (bundle: SeedBundle = readSeedBundle()) => hashOf(bundle);

/** The seed user name recorded in history; features last written by it may be rewritten by a re-seed. */
export const SEED_USER = 'seed';

/**
 * Loads seeds/ and geodata/ into the database in one transaction. Idempotent: a second run changes
 * nothing and bumps no version. Throws before writing anything if any citation fails its check.
 */
export async function loadSeeds(db: Database, bundle: SeedBundle = readSeedBundle()): Promise<SeedReport> {
  const bundleHash = hashOf(bundle);
  // Every start: one cheap query instead of checking every quote and preparing every document (~0.1 s) when
  // this very bundle was loaded (and checked) before. The transaction below checks again, under its lock.
  if ((await readSeedHash(db)) === bundleHash) return skippedReport(bundle);
  const problems = checkSeedBundle(bundle);
  if (problems.length) throw new Error(`Seed data failed its checks:\n  ${problems.join('\n  ')}`);
  // The seed documents go through the upload pipeline (read, split, hash, extract) like a staff upload;
  // the CPU work happens before the transaction.
  const prepared = new Map<string, PreparedDocument>();
  for (const d of bundle.documents) {
    if (!d.body.trim()) continue;
    prepared.set(d.id, await prepareDocument({ name: d.file ?? `${d.id}.txt`, data: Buffer.from(d.body, 'utf8') }));
  }
  return db.transaction(async (tx) => {
    const [prev] = (await tx.query<{ value: string }>("SELECT value FROM atlas_meta WHERE key = 'seed_hash'")).rows;
    if (prev?.value === bundleHash) return skippedReport(bundle);
    const report = await write(tx, bundle, prepared);
    await tx.query(
      "INSERT INTO atlas_meta (key, value) VALUES ('seed_hash', $1) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
      [bundleHash],
    );
    await tx.query("SELECT atlas_bump_version('all')");
    return report;
  }, SEED_USER);
}

/** The seed hash a database records, or null (none yet, or no atlas_meta table before the migrations). */
async function readSeedHash(db: Queryable): Promise<string | null> {
  // Outside a transaction, so a missing table is just an error here (caught), not an aborted transaction.
  const { rows } = await db
    .query<{ value: string | null }>("SELECT value FROM atlas_meta WHERE key = 'seed_hash'")
    .catch(() => ({ rows: [] as Array<{ value: string | null }> }));
  return rows[0]?.value ?? null;
}

const skippedReport = (bundle: SeedBundle): SeedReport =>
  ({ skipped: true, inserted: 0, updated: 0, unchanged: bundle.features.length, deleted: 0, keptEdits: 0, figures: bundle.figures.length, chains: bundle.chains.length });

async function write(tx: Queryable, b: SeedBundle, prepared: Map<string, PreparedDocument>): Promise<SeedReport> {
  const report: SeedReport = { skipped: false, inserted: 0, updated: 0, unchanged: 0, deleted: 0, keptEdits: 0, figures: b.figures.length, chains: b.chains.length };

  // Chains first: the extractor names chain subjects in its suggestions.
  for (const c of b.chains) {
    const keywords = [...(c.keywords_zh ?? []), ...(c.keywords_en ?? [])];
    await tx.query(
      `INSERT INTO chains (id, seq, group_id, group_zh, group_en, name_zh, name_en, focus_zh, focus_en, keywords)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (id) DO UPDATE SET seq = EXCLUDED.seq, group_id = EXCLUDED.group_id, group_zh = EXCLUDED.group_zh,
         group_en = EXCLUDED.group_en, name_zh = EXCLUDED.name_zh, name_en = EXCLUDED.name_en, focus_zh = EXCLUDED.focus_zh,
         focus_en = EXCLUDED.focus_en, keywords = EXCLUDED.keywords
       WHERE (chains.*) IS DISTINCT FROM (EXCLUDED.*)`,
      [c.id, c.seq, c.group_id, c.group_zh, c.group_en, c.name_zh, c.name_en, c.focus_zh, c.focus_en ?? null, keywords],
    );
  }

  const changed: Array<() => Promise<unknown>> = [];
  for (const d of b.documents) {
    const doc = prepared.get(d.id);
    const meta = { title_zh: d.title_zh, title_en: d.title_en, level: d.level ?? null, period: d.period ?? null, as_of_year: d.as_of_year ?? null, url: d.url ?? null, status: d.status ?? 'final' };
    if (doc) {
      const stored = await storeDocument(tx, { ...doc, filename: d.file ?? doc.filename }, meta, { id: d.id, user: SEED_USER, suggest: false });
      if (stored.change !== 'unchanged') changed.push(() => suggestFor(tx, d.id, doc.paragraphs, meta));
    } else {
      // An external source quoted without stored text: a title and a link, no paragraphs.
      await tx.query(
        `INSERT INTO documents (id, file, title_zh, title_en, level, url, body, uploaded_by) VALUES ($1, NULL, $2, $3, $4, $5, '', $6)
         ON CONFLICT (id) DO UPDATE SET title_zh = EXCLUDED.title_zh, title_en = EXCLUDED.title_en, level = EXCLUDED.level, url = EXCLUDED.url`,
        [d.id, d.title_zh, d.title_en, d.level ?? null, d.url ?? null, SEED_USER]);
    }
  }
  const docs = new DocumentsRepository(tx);
  for (const [id, rows] of Object.entries(b.translations.paragraphs)) await docs.replaceTranslations(id, rows);

  const cite = async (c: SeedCite): Promise<string> => {
    const id = citationId(c);
    await tx.query('INSERT INTO citations (id, document_id, quote) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING', [id, c.doc, c.quote]);
    return id;
  };

  for (const l of b.layers) {
    await tx.query(
      `INSERT INTO layers (id, title_zh, title_en, theme, kind, geometry_type, style, sort, description_zh, description_en)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (id) DO UPDATE SET title_zh = EXCLUDED.title_zh, title_en = EXCLUDED.title_en, theme = EXCLUDED.theme,
         kind = EXCLUDED.kind, geometry_type = EXCLUDED.geometry_type, style = EXCLUDED.style, sort = EXCLUDED.sort,
         description_zh = EXCLUDED.description_zh, description_en = EXCLUDED.description_en
       WHERE (layers.*) IS DISTINCT FROM (EXCLUDED.*)`,
      [l.id, l.title_zh, l.title_en, l.theme, l.kind, l.geometry_type, JSON.stringify(l.style ?? {}), l.sort ?? 0, l.description_zh ?? null, l.description_en ?? null],
    );
  }

  const existing = new Map(
    (await tx.query<{ id: string; seed_hash: string | null; updated_by: string }>('SELECT id, seed_hash, updated_by FROM features')).rows.map((r) => [r.id, r]),
  );
  const seeded = new Set<string>();
  // Layer 'sites' is the inventory's map projection (migration 012): its features are written through the sites table.
  for (const f of b.features.filter((x) => x.layer_id !== 'sites')) {
    seeded.add(f.id);
    const hash = hashOf([f.layer_id, f.name_zh, f.name_en, f.parent, f.accuracy, f.geometry, f.properties, f.sources]);
    const row = existing.get(f.id);
    const values = [f.id, f.layer_id, f.name_zh, f.name_en, f.parent, JSON.stringify(f.geometry), f.accuracy, JSON.stringify(f.properties), hash];
    if (!row) {
      await tx.query(
        `INSERT INTO features (id, layer_id, name_zh, name_en, parent_id, geom, accuracy, properties, seed_hash)
         VALUES ($1, $2, $3, $4, $5, ST_SetSRID(ST_GeomFromGeoJSON($6), 4326), $7, $8, $9)`,
        values,
      );
      report.inserted++;
    } else if (row.seed_hash === hash) {
      report.unchanged++;
      continue;
    } else if (row.updated_by !== SEED_USER) {
      report.keptEdits++;
      continue;
    } else {
      await tx.query(
        `UPDATE features SET layer_id = $2, name_zh = $3, name_en = $4, parent_id = $5,
           geom = ST_SetSRID(ST_GeomFromGeoJSON($6), 4326), accuracy = $7, properties = $8, seed_hash = $9
         WHERE id = $1`,
        values,
      );
      report.updated++;
    }
    await tx.query('DELETE FROM feature_citations WHERE feature_id = $1', [f.id]);
    for (const c of f.sources) {
      await tx.query('INSERT INTO feature_citations (feature_id, citation_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [f.id, await cite(c)]);
    }
  }
  await writeLandUseClasses(tx, b.landUse);
  await writeDocumentSites(tx, b.features.filter((x) => x.layer_id === 'sites'), cite, SEED_USER);
  for (const [id, row] of existing) {
    if (b.features.some((x) => x.id === id && x.layer_id === 'sites')) continue;
    // Only features the seed itself owns may disappear with the seed; people's work stays.
    if (!seeded.has(id) && row.updated_by === SEED_USER && row.seed_hash) {
      await tx.query('DELETE FROM features WHERE id = $1', [id]);
      report.deleted++;
    }
  }

  await tx.query('DELETE FROM chains WHERE NOT (id = ANY($1::text[]))', [b.chains.map((c) => c.id)]);

  let sort = 0;
  for (const t of b.figures) {
    await tx.query(
      `INSERT INTO targets (id, subject_type, subject_id, kind, metric, metric_zh, metric_en, value_text, value, value_max,
         qualifier, unit, year, base_year, citation_id, sort, details)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
       ON CONFLICT (id) DO UPDATE SET subject_type = EXCLUDED.subject_type, subject_id = EXCLUDED.subject_id, kind = EXCLUDED.kind,
         metric = EXCLUDED.metric, metric_zh = EXCLUDED.metric_zh, metric_en = EXCLUDED.metric_en, value_text = EXCLUDED.value_text,
         value = EXCLUDED.value, value_max = EXCLUDED.value_max, qualifier = EXCLUDED.qualifier, unit = EXCLUDED.unit,
         year = EXCLUDED.year, base_year = EXCLUDED.base_year, citation_id = EXCLUDED.citation_id, sort = EXCLUDED.sort,
         details = EXCLUDED.details
       WHERE (targets.*) IS DISTINCT FROM (EXCLUDED.*) AND targets.updated_by = 'seed'`,
      [t.id, t.subject_type, t.subject_id, t.kind, t.metric, t.metric_zh, t.metric_en, t.value_text, t.value, t.value_max ?? null,
        t.qualifier, t.unit, t.year, t.base_year ?? null, await cite(t.cite), sort++, JSON.stringify(figureDetails(t))],
    );
  }
  // Figures staff added (or edited) are theirs: the seed removes only its own.
  await tx.query("DELETE FROM targets WHERE origin = 'seed' AND updated_by = 'seed' AND NOT (id = ANY($1::text[]))", [b.figures.map((t) => t.id)]);

  let ssort = 0;
  for (const st of b.structures) {
    await tx.query(
      `INSERT INTO structures (id, subject_type, subject_id, system, name, citation_id, note, sort) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (id) DO UPDATE SET subject_type = EXCLUDED.subject_type, subject_id = EXCLUDED.subject_id, system = EXCLUDED.system,
         name = EXCLUDED.name, citation_id = EXCLUDED.citation_id, note = EXCLUDED.note, sort = EXCLUDED.sort
       WHERE structures.origin = 'seed'`,
      [st.id, st.subject_type, st.subject_id, st.system, st.name, await cite(st.cite), st.note ?? null, ssort++]);
  }
  await tx.query("DELETE FROM structures WHERE origin = 'seed' AND NOT (id = ANY($1::text[]))", [b.structures.map((s) => s.id)]);
  let rsort = 0;
  for (const r of b.relations) {
    await tx.query(
      `INSERT INTO figure_relations (id, kind, relation, lhs, rhs, label_zh, label_en, note_zh, note_en, sort) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (id) DO UPDATE SET kind = EXCLUDED.kind, relation = EXCLUDED.relation, lhs = EXCLUDED.lhs, rhs = EXCLUDED.rhs, label_zh = EXCLUDED.label_zh,
         label_en = EXCLUDED.label_en, note_zh = EXCLUDED.note_zh, note_en = EXCLUDED.note_en, sort = EXCLUDED.sort`,
      [r.id, r.kind, r.relation, JSON.stringify(r.lhs), JSON.stringify(r.rhs), r.label_zh, r.label_en, r.note_zh ?? null, r.note_en ?? null, rsort++]);
  }
  await tx.query('DELETE FROM figure_relations WHERE NOT (id = ANY($1::text[]))', [b.relations.map((r) => r.id)]);

  await tx.query('DELETE FROM feature_chains');
  for (const fc of b.featureChains) {
    await tx.query('INSERT INTO feature_chains (feature_id, chain_id, role, citation_id) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING', [
      fc.feature_id, fc.chain_id, fc.role, fc.cite ? await cite(fc.cite) : null,
    ]);
  }
  await writeTaxonomy(tx, b.taxonomy, cite);
  let dsort = 0;
  for (const d of b.discrepancies) {
    const claims = [];
    for (const c of d.claims) claims.push({ text: c.text, citation_id: await cite(c.cite) });
    await tx.query(
      `INSERT INTO discrepancies (id, kind, title_zh, title_en, explanation_zh, explanation_en, subjects, claims, computed, sort, note)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       ON CONFLICT (id) DO UPDATE SET kind = EXCLUDED.kind, title_zh = EXCLUDED.title_zh, title_en = EXCLUDED.title_en,
         explanation_zh = EXCLUDED.explanation_zh, explanation_en = EXCLUDED.explanation_en, subjects = EXCLUDED.subjects,
         claims = EXCLUDED.claims, computed = EXCLUDED.computed, sort = EXCLUDED.sort, note = EXCLUDED.note`,
      [d.id, d.kind, d.title_zh, d.title_en, d.explanation_zh ?? null, d.explanation_en ?? null, d.subjects ?? [],
        JSON.stringify(claims), d.computed === undefined ? null : JSON.stringify(d.computed), dsort++, d.note ?? null],
    );
  }
  await tx.query('DELETE FROM discrepancies WHERE NOT (id = ANY($1::text[]))', [b.discrepancies.map((d) => d.id)]);

  await tx.query(`DELETE FROM citations c WHERE NOT EXISTS (SELECT 1 FROM feature_citations fc WHERE fc.citation_id = c.id)
    AND NOT EXISTS (SELECT 1 FROM targets t WHERE t.citation_id = c.id)
    AND NOT EXISTS (SELECT 1 FROM feature_chains x WHERE x.citation_id = c.id)
    AND NOT EXISTS (SELECT 1 FROM discrepancies d, jsonb_array_elements(d.claims) e WHERE e->>'citation_id' = c.id)
    AND NOT EXISTS (SELECT 1 FROM structures s WHERE s.citation_id = c.id)
    AND NOT EXISTS (SELECT 1 FROM sites s WHERE s.citation_id = c.id)
    AND NOT EXISTS (SELECT 1 FROM feature_history h WHERE h.op = 'delete' AND c.id = ANY (h.citation_ids))
    AND NOT EXISTS (SELECT 1 FROM taxonomy_citation_refs r WHERE r.citation_id = c.id)`);

  // English renderings of quotes (translations, marked so in the API), matched whitespace-insensitively.
  const byQuote = new Map(b.translations.quotes.map((q) => [`${q.doc}\u0000${normaliseForQuote(q.quote)}`, q.en]));
  if (byQuote.size) {
    for (const c of (await tx.query<{ id: string; document_id: string; quote: string; quote_en: string | null }>('SELECT id, document_id, quote, quote_en FROM citations')).rows) {
      const en = byQuote.get(`${c.document_id}\u0000${normaliseForQuote(c.quote)}`);
      if (en && en !== c.quote_en) await tx.query('UPDATE citations SET quote_en = $2 WHERE id = $1', [c.id, en]);
    }
  }
  for (const d of b.documents) if (prepared.has(d.id)) await placeCitations(tx, d.id);
  // Suggestions once chains and features are in, so the extractor knows their names.
  for (const run of changed) await run();
  await linkSeedSuggestions(tx);
  return report;
}

/**
 * The extractor's suggestions for the seed documents that the reviewed seed data took (same document and
 * value, overlapping quotes; for structures the same name) are marked accepted by the seed with the
 * figure or structure they became; the rest stay open for staff.
 */
async function linkSeedSuggestions(tx: Queryable): Promise<void> {
  const { rows: sugg } = await tx.query<{ id: string; document_id: string; type: string; quote: string; value: number | null; name: string | null }>(
    `SELECT s.id, s.document_id, s.type, s.quote, (s.proposal->>'value')::float8 AS value, s.proposal->>'name' AS name
     FROM document_suggestions s JOIN documents d ON d.id = s.document_id WHERE d.uploaded_by = $1 AND s.status = 'open'`, [SEED_USER]);
  if (!sugg.length) return;
  const { rows: figs } = await tx.query<{ id: string; document_id: string; quote: string; value: number | null }>(
    "SELECT t.id, c.document_id, c.quote, t.value FROM targets t JOIN citations c ON c.id = t.citation_id WHERE t.origin = 'seed' ORDER BY t.sort");
  const { rows: structs } = await tx.query<{ id: string; document_id: string; quote: string; name: string }>(
    "SELECT s.id, c.document_id, c.quote, s.name FROM structures s JOIN citations c ON c.id = s.citation_id WHERE s.origin = 'seed'");
  const overlap = (a: string, b: string) => {
    const x = normaliseForQuote(a);
    const y = normaliseForQuote(b);
    return x.includes(y) || y.includes(x);
  };
  for (const s of sugg) {
    if (s.type === 'figure') {
      const f = figs.find((x) => x.document_id === s.document_id && x.value !== null && s.value !== null && Math.abs(x.value - s.value) < 1e-9 && overlap(x.quote, s.quote));
      if (f) await tx.query("UPDATE document_suggestions SET status = 'accepted', decided_by = $2, decided_at = now(), figure_id = $3 WHERE id = $1", [s.id, SEED_USER, f.id]);
    } else {
      const st = structs.find((x) => x.document_id === s.document_id && x.name === s.name && overlap(x.quote, s.quote));
      if (st) await tx.query("UPDATE document_suggestions SET status = 'accepted', decided_by = $2, decided_at = now(), structure_id = $3 WHERE id = $1", [s.id, SEED_USER, st.id]);
    }
  }
}
