import fs from 'node:fs';
import path from 'node:path';
import { normaliseForQuote } from '../../../seeds/normalise.js';
import { readTaxonomy, taxonomyProblems, type SeedTaxonomy } from '../taxonomy/taxonomy.seed.js';

/** A citation as written in seed files: document id + verbatim quote. */
export interface SeedCite {
  doc: string;
  quote: string;
}

export interface SeedDocument {
  id: string;
  file?: string;
  title_zh: string;
  title_en: string;
  level?: string;
  period?: string;
  as_of_year?: number | null;
  url?: string;
  /** draft (征求意见稿), final or superseded; seeds/documents.json says. */
  status?: 'draft' | 'final' | 'superseded';
  body: string;
}

export interface SeedLayer {
  id: string;
  title_zh: string;
  title_en: string;
  theme: string;
  kind: string;
  geometry_type: 'polygon' | 'line' | 'point';
  sort?: number;
  style?: Record<string, unknown>;
  description_zh?: string | null;
  description_en?: string | null;
}

export interface SeedFeature {
  id: string;
  layer_id: string;
  name_zh: string;
  name_en: string;
  parent: string | null;
  accuracy: 'surveyed' | 'digitised' | 'schematic';
  geometry: unknown;
  properties: Record<string, unknown>;
  sources: SeedCite[];
}

export interface SeedFigure {
  id: string;
  subject_type: string;
  subject_id: string;
  kind: string;
  metric: string;
  metric_zh: string;
  metric_en: string;
  value_text: string;
  value: number | null;
  value_max?: number | null;
  qualifier: string;
  unit: string;
  year: number | null;
  base_year?: number | null;
  cite: SeedCite;
}

export interface SeedChain {
  id: string;
  seq: number;
  group_id: string;
  group_zh: string;
  group_en: string;
  name_zh: string;
  name_en: string;
  focus_zh: string;
  focus_en?: string | null;
  keywords_en?: string[];
  keywords_zh?: string[];
  figures: Array<Omit<SeedFigure, 'id' | 'subject_type' | 'subject_id' | 'metric_zh' | 'metric_en'> & Partial<SeedFigure>>;
}

export interface SeedFeatureChain {
  feature_id: string;
  chain_id: string;
  role: string;
  cite?: SeedCite | null;
}

export interface SeedDiscrepancy {
  id: string;
  kind: string;
  title_zh: string;
  title_en: string;
  explanation_zh?: string | null;
  explanation_en?: string | null;
  subjects?: string[];
  claims: Array<{ text: string; cite: SeedCite }>;
  computed?: unknown;
  /** Why this one is listed by hand rather than computed. */
  note?: string;
}

/** A named system or structure as a seed document defines it (seeds/structures.json, reviewed). */
export interface SeedStructure {
  id: string;
  subject_type: string;
  subject_id: string;
  system: string;
  name: string;
  cite: SeedCite;
  note?: string;
}

/** A reviewed relation between figures (seeds/figure-relations.json): the discrepancy computation checks it. */
export interface SeedRelation {
  id: string;
  kind: string;
  relation: 'equal' | 'within';
  lhs: unknown[];
  rhs: unknown[];
  label_zh: string;
  label_en: string;
  note_zh?: string;
  note_en?: string;
}

/** Stored English renderings: per document paragraph (by paragraph key) and per quote; empty ones are absent. */
export interface SeedTranslations {
  paragraphs: Record<string, Array<{ key: string; en: string }>>;
  quotes: Array<{ doc: string; quote: string; en: string }>;
}

/** Everything the loader writes, read from seeds/ and geodata/ and checked before any write. */
export interface SeedBundle {
  documents: SeedDocument[];
  layers: SeedLayer[];
  features: SeedFeature[];
  chains: SeedChain[];
  figures: SeedFigure[];
  featureChains: SeedFeatureChain[];
  discrepancies: SeedDiscrepancy[];
  /** seeds/taxonomy/: segments, GB/T classes, synonyms, park hosts and named enterprises of each chain. */
  taxonomy: SeedTaxonomy;
  structures: SeedStructure[];
  relations: SeedRelation[];
  translations: SeedTranslations;
  /** seeds/land-use-classes.json: the 用地用海分类指南 classes a site may carry, with their source. */
  landUse: SeedLandUse;
}

/** A land-use class of 《国土空间调查、规划、用途管制用地用海分类指南》 as seeds/land-use-classes.json lists it. */
export interface SeedLandUse {
  source: Record<string, unknown>;
  classes: Array<{ code: string; level: number; parent: string | null; name_zh: string; name_en: string; aliases: string[] }>;
}

/** The repository root (two levels above server/src). */
export const repoRoot = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../..');

const readJson = <T>(file: string, fallback: T): T =>
  fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as T) : fallback;

/** Reads seeds/ and geodata/ under root. Missing optional files give empty lists. */
export function readSeedBundle(root = repoRoot): SeedBundle {
  const seeds = path.join(root, 'seeds');
  const geodata = path.join(root, 'geodata');
  const docMeta = readJson<Array<Omit<SeedDocument, 'body'> & { file: string }>>(path.join(seeds, 'documents.json'), []);
  const documents: SeedDocument[] = docMeta.map((d) => ({
    ...d,
    body: fs.readFileSync(path.join(seeds, 'documents', d.file), 'utf8'),
  }));
  for (const file of [path.join(seeds, 'external-sources.json'), path.join(geodata, 'external-sources.json')]) {
    for (const ext of readJson<Array<{ id: string; title: string; title_zh?: string; title_en?: string; url?: string; quote?: string; text?: string }>>(file, [])) {
      if (documents.some((d) => d.id === ext.id)) continue;
      documents.push({
        id: ext.id,
        title_zh: ext.title_zh ?? ext.title,
        title_en: ext.title_en ?? ext.title,
        level: 'external',
        url: ext.url,
        // An external source's stored text is what it was quoted as saying.
        body: ext.text ?? ext.quote ?? '',
      });
    }
  }

  const layers = readJson<SeedLayer[]>(path.join(geodata, 'layers.json'), []);
  const features: SeedFeature[] = [];
  for (const layer of layers) {
    const file = path.join(geodata, `${layer.id}.geojson`);
    if (!fs.existsSync(file)) continue;
    const fc = JSON.parse(fs.readFileSync(file, 'utf8')) as { features: Array<{ id?: string; geometry: unknown; properties: Record<string, unknown> }> };
    for (const f of fc.features) {
      const { id, name_zh, name_en, parent, accuracy, sources, ...rest } = f.properties as Record<string, unknown>;
      features.push({
        id: String(f.id ?? id),
        layer_id: layer.id,
        name_zh: String(name_zh ?? ''),
        name_en: String(name_en ?? ''),
        parent: (parent as string | null) ?? null,
        accuracy: accuracy as SeedFeature['accuracy'],
        geometry: f.geometry,
        properties: rest,
        sources: (sources as SeedCite[] | undefined) ?? [],
      });
    }
  }

  const chains = readJson<SeedChain[]>(path.join(seeds, 'chains.json'), []);
  const figures: SeedFigure[] = [];
  for (const chain of chains) {
    chain.figures.forEach((f, i) =>
      figures.push({
        id: f.id ?? `${chain.id}-${f.metric}-${f.year ?? i}`,
        subject_type: 'chain',
        subject_id: chain.id,
        metric_zh: f.metric_zh ?? (f.kind === 'actual' ? `${f.year}年销售收入` : `${f.year}年销售收入目标`),
        metric_en: f.metric_en ?? (f.kind === 'actual' ? `Revenue ${f.year}` : `Revenue target ${f.year}`),
        ...f,
      } as SeedFigure),
    );
  }
  const targetsFile = readJson<SeedFigure[] | { targets: SeedFigure[] }>(path.join(seeds, 'targets.json'), []);
  figures.push(...(Array.isArray(targetsFile) ? targetsFile : targetsFile.targets));
  const featureChains = readJson<SeedFeatureChain[]>(path.join(seeds, 'feature-chains.json'), []);
  const discrepancies = readJson<SeedDiscrepancy[]>(path.join(seeds, 'discrepancies.json'), []);
  const structures = readJson<SeedStructure[]>(path.join(seeds, 'structures.json'), []);
  const relations = readJson<SeedRelation[]>(path.join(seeds, 'figure-relations.json'), []);
  // Translations land over time: only renderings with text are loaded; a missing one stays missing.
  const translations: SeedTranslations = { paragraphs: {}, quotes: [] };
  for (const d of documents) {
    const file = path.join(seeds, 'translations', `${d.id}.json`);
    const t = readJson<{ paragraphs: Array<{ key: string; en: string }> } | null>(file, null);
    if (t) translations.paragraphs[d.id] = t.paragraphs.filter((p) => p.en && p.en.trim()).map((p) => ({ key: p.key, en: p.en.trim() }));
  }
  translations.quotes = readJson<Array<{ doc: string; quote: string; en: string }>>(path.join(seeds, 'translations', 'quotes.json'), [])
    .filter((q) => q.en && q.en.trim());
  const landUse = readJson<SeedLandUse>(path.join(seeds, 'land-use-classes.json'), { source: {}, classes: [] });
  return { documents, layers, features, chains, figures, featureChains, discrepancies, structures, relations, translations, taxonomy: readTaxonomy(seeds), landUse };
}

/** Every problem that would make the bundle untrustworthy; an empty list means it may be loaded. */
export function checkSeedBundle(b: SeedBundle): string[] {
  const problems: string[] = [];
  const docs = new Map(b.documents.map((d) => [d.id, normaliseForQuote(d.body)]));
  const checkCite = (where: string, c: SeedCite | undefined | null, mustContain?: string) => {
    if (!c) return problems.push(`${where}: no citation`);
    const body = docs.get(c.doc);
    if (body === undefined) return problems.push(`${where}: unknown document "${c.doc}"`);
    const q = normaliseForQuote(c.quote);
    if (!q || !body.includes(q)) problems.push(`${where}: quote not found in ${c.doc}: "${c.quote.slice(0, 60)}"`);
    if (mustContain !== undefined && !q.includes(normaliseForQuote(mustContain)))
      problems.push(`${where}: quote does not contain the figure "${mustContain}"`);
  };
  const ids = new Set<string>();
  const layerIds = new Set(b.layers.map((l) => l.id));
  for (const f of b.features) {
    if (ids.has(f.id)) problems.push(`feature ${f.id}: duplicate id`);
    ids.add(f.id);
    if (!layerIds.has(f.layer_id)) problems.push(`feature ${f.id}: unknown layer ${f.layer_id}`);
    if (!['surveyed', 'digitised', 'schematic'].includes(f.accuracy)) problems.push(`feature ${f.id}: bad accuracy "${f.accuracy}"`);
    if (!f.name_zh) problems.push(`feature ${f.id}: no name_zh`);
    f.sources.forEach((c, i) => checkCite(`feature ${f.id} source ${i}`, c));
  }
  for (const f of b.features) if (f.parent && !ids.has(f.parent)) problems.push(`feature ${f.id}: unknown parent ${f.parent}`);
  const figureIds = new Set<string>();
  for (const fig of b.figures) {
    if (figureIds.has(fig.id)) problems.push(`figure ${fig.id}: duplicate id`);
    figureIds.add(fig.id);
    checkCite(`figure ${fig.id}`, fig.cite, fig.value_text);
  }
  const chainIds = new Set(b.chains.map((c) => c.id));
  for (const fc of b.featureChains) {
    if (!ids.has(fc.feature_id)) problems.push(`feature-chain: unknown feature ${fc.feature_id}`);
    if (!chainIds.has(fc.chain_id)) problems.push(`feature-chain: unknown chain ${fc.chain_id}`);
    if (fc.cite) checkCite(`feature-chain ${fc.feature_id}/${fc.chain_id}`, fc.cite);
  }
  for (const d of b.discrepancies) {
    if (d.claims.length < 2) problems.push(`discrepancy ${d.id}: needs at least two claims`);
    d.claims.forEach((c, i) => checkCite(`discrepancy ${d.id} claim ${i}`, c.cite));
  }
  problems.push(...taxonomyProblems(b.taxonomy, docs, chainIds));
  const structureIds = new Set<string>();
  for (const s of b.structures) {
    if (structureIds.has(s.id)) problems.push(`structure ${s.id}: duplicate id`);
    structureIds.add(s.id);
    checkCite(`structure ${s.id}`, s.cite, s.name);
  }
  const figureSubjects = new Set(b.figures.map((f) => `${f.subject_type}:${f.subject_id}`));
  for (const r of b.relations) {
    if (!['equal', 'within'].includes(r.relation)) problems.push(`relation ${r.id}: unknown relation ${r.relation}`);
    for (const sel of [...r.lhs, ...r.rhs] as Array<{ subject_type: string; subject_id?: string; subject_ids?: string[]; chain_group?: string }>) {
      const ids = sel.subject_ids ?? (sel.subject_id ? [sel.subject_id] : []);
      if (sel.chain_group && !b.chains.some((c) => c.group_id === sel.chain_group)) problems.push(`relation ${r.id}: unknown chain group ${sel.chain_group}`);
      for (const id of ids) if (!figureSubjects.has(`${sel.subject_type}:${id}`)) problems.push(`relation ${r.id}: no figure has subject ${sel.subject_type} ${id}`);
    }
  }
  return problems;
}
