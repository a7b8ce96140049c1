import fs from 'node:fs';
import path from 'node:path';
import type { Queryable } from '../db/database.js';
import { normaliseForQuote } from '../../../seeds/normalise.js';
import type { Stage } from '../../../contract/taxonomy.js';

interface Cite {
  doc: string;
  quote: string;
}

/** A segment as written in seeds/taxonomy/chains/<chain>.json (see seeds/taxonomy/README.md). */
export interface SeedSegment {
  id: string;
  stage: Stage;
  parent?: string | null;
  name_zh: string;
  name_en: string;
  terms_zh: string[];
  terms_en: string[];
  codes: string[];
  basis: Cite | null;
  parks: Array<{ park_id: string; cite: Cite }>;
  enterprises: Array<{ name_zh: string; name_en: string; scope: 'district' | 'city'; park_id: string | null; cite: Cite; former?: Cite; quoted_as?: string }>;
}

/** One chain file of seeds/taxonomy/chains/. */
export interface SeedChainTaxonomy {
  chain_id: string;
  codes: string[];
  terms_zh: string[];
  terms_en: string[];
  segments: SeedSegment[];
}

/** seeds/taxonomy/ as read from disk: the GB/T classes (with the public copy they were checked against) and the chains. */
export interface SeedTaxonomy {
  standard: string;
  source: { repository: string; path: string; commit: string };
  classes: Array<{ code: string; name_zh: string }>;
  chains: SeedChainTaxonomy[];
}

const STAGES: readonly Stage[] = ['upstream', 'midstream', 'downstream'];

/** Reads seeds/taxonomy/ under root; an empty taxonomy when the folder does not exist. */
export function readTaxonomy(seedsDir: string): SeedTaxonomy {
  const dir = path.join(seedsDir, 'taxonomy');
  const gbFile = path.join(dir, 'gbt4754-2017.json');
  if (!fs.existsSync(gbFile)) return { standard: '', source: { repository: '', path: '', commit: '' }, classes: [], chains: [] };
  const gb = JSON.parse(fs.readFileSync(gbFile, 'utf8')) as Pick<SeedTaxonomy, 'standard' | 'source' | 'classes'>;
  const chainDir = path.join(dir, 'chains');
  const chains = fs
    .readdirSync(chainDir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(fs.readFileSync(path.join(chainDir, f), 'utf8')) as SeedChainTaxonomy);
  return { standard: gb.standard, source: gb.source, classes: gb.classes, chains };
}

/** The parks' names as the documents write them: a park-host quote must contain one, so it visibly says where. */
export const PARK_NAMES_IN_DOCUMENTS: Record<string, string[]> = {
  'park-biomed': ['生物医药产业园'],
  'park-chemical': ['化学新材料产业园'],
  'park-electronics': ['电子信息产业园'],
  'park-equipment': ['高端装备制造产业园'],
  'park-port': ['港口产业园', '港口物流产业园'],
  kouan: ['口岸街道'],
};

/**
 * Every problem that makes the taxonomy untrustworthy (empty = may be loaded): quotes not verbatim in their
 * document, a park quote that does not name the park, an enterprise quote without the enterprise, codes not in
 * the GB/T list, unknown chains or parents, duplicate segment ids.
 */
export function taxonomyProblems(t: SeedTaxonomy, docs: Map<string, string>, chainIds: Set<string>): string[] {
  const problems: string[] = [];
  const classes = new Set(t.classes.map((c) => c.code));
  const check = (where: string, c: Cite | null | undefined, mustName?: string[]) => {
    if (!c) return problems.push(`${where}: no citation`);
    const body = docs.get(c.doc);
    const q = normaliseForQuote(c.quote);
    if (body === undefined) return problems.push(`${where}: unknown document "${c.doc}"`);
    if (!q || !body.includes(q)) problems.push(`${where}: quote not found in ${c.doc}: "${c.quote.slice(0, 60)}"`);
    if (mustName && !mustName.some((n) => q.includes(normaliseForQuote(n)))) problems.push(`${where}: the quote does not name ${mustName.join(' / ')}`);
  };
  for (const c of t.classes) if (!/^[0-9]{4}$/.test(c.code) || !c.name_zh) problems.push(`gbt class ${c.code}: malformed`);
  const seen = new Set<string>();
  for (const ch of t.chains) {
    const where = `taxonomy ${ch.chain_id}`;
    if (!chainIds.has(ch.chain_id)) problems.push(`${where}: not a chain of seeds/chains.json`);
    if (seen.has(ch.chain_id)) problems.push(`${where}: listed twice`);
    seen.add(ch.chain_id);
    for (const code of ch.codes) if (!classes.has(code)) problems.push(`${where}: class ${code} is not in gbt4754-2017.json`);
    const segIds = new Set(ch.segments.map((s) => s.id));
    if (segIds.size !== ch.segments.length) problems.push(`${where}: duplicate segment ids`);
    for (const s of ch.segments) {
      const w = `${where}/${s.id}`;
      if (!STAGES.includes(s.stage)) problems.push(`${w}: stage "${s.stage}"`);
      if (s.parent && (!segIds.has(s.parent) || s.parent === s.id)) problems.push(`${w}: unknown parent "${s.parent}"`);
      for (const code of s.codes) if (!classes.has(code)) problems.push(`${w}: class ${code} is not in gbt4754-2017.json`);
      if (!s.basis && s.codes.length === 0) problems.push(`${w}: neither a document basis nor a GB/T class`);
      if (s.basis) check(`${w} basis`, s.basis);
      for (const p of s.parks) {
        const names = PARK_NAMES_IN_DOCUMENTS[p.park_id];
        if (!names) problems.push(`${w}: unknown park "${p.park_id}"`);
        check(`${w} park ${p.park_id}`, p.cite, names);
      }
      for (const e of s.enterprises) {
        if (e.scope !== 'district' && e.scope !== 'city') problems.push(`${w} ${e.name_zh}: scope "${e.scope}"`);
        check(`${w} enterprise ${e.name_zh}`, e.cite, [e.quoted_as ?? e.name_zh]);
        if (e.park_id) check(`${w} enterprise ${e.name_zh} in ${e.park_id}`, e.cite, PARK_NAMES_IN_DOCUMENTS[e.park_id] ?? ['?']);
        if (e.former) check(`${w} enterprise ${e.name_zh} former`, e.former);
      }
    }
  }
  return problems;
}

/**
 * Rewrites the taxonomy tables (migration 014) from the checked seed data, inside the loader's transaction;
 * `cite` stores a citation and returns its id.
 */
export async function writeTaxonomy(tx: Queryable, t: SeedTaxonomy, cite: (c: Cite) => Promise<string>): Promise<void> {
  await tx.query('DELETE FROM chain_segments');
  await tx.query('DELETE FROM chain_taxonomy');
  await tx.query('DELETE FROM gbt_classes');
  for (const c of t.classes) await tx.query('INSERT INTO gbt_classes (code, name_zh) VALUES ($1, $2)', [c.code, c.name_zh]);
  await tx.query("INSERT INTO atlas_meta (key, value) VALUES ('taxonomy_standard', $1) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value", [
    JSON.stringify({ standard: t.standard, source: { repository: t.source.repository, path: t.source.path, commit: t.source.commit } }),
  ]);
  for (const ch of t.chains) {
    await tx.query('INSERT INTO chain_taxonomy (chain_id, codes, terms_zh, terms_en) VALUES ($1, $2, $3, $4)', [ch.chain_id, ch.codes, ch.terms_zh, ch.terms_en]);
    let seq = 0;
    for (const s of ch.segments) {
      await tx.query(
        `INSERT INTO chain_segments (chain_id, id, seq, stage, parent_id, name_zh, name_en, terms_zh, terms_en, codes, basis_citation_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [ch.chain_id, s.id, seq++, s.stage, s.parent ?? null, s.name_zh, s.name_en, s.terms_zh, s.terms_en, s.codes, s.basis ? await cite(s.basis) : null],
      );
      let pseq = 0;
      for (const p of s.parks) {
        await tx.query('INSERT INTO segment_parks (chain_id, segment_id, park_id, citation_id, seq) VALUES ($1, $2, $3, $4, $5)', [ch.chain_id, s.id, p.park_id, await cite(p.cite), pseq++]);
      }
      let eseq = 0;
      for (const e of s.enterprises) {
        await tx.query(
          `INSERT INTO segment_enterprises (chain_id, segment_id, seq, name_zh, name_en, scope, park_id, citation_id, former_citation_id)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
          [ch.chain_id, s.id, eseq++, e.name_zh, e.name_en, e.scope, e.park_id, await cite(e.cite), e.former ? await cite(e.former) : null],
        );
      }
    }
  }
}
