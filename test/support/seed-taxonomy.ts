import path from 'node:path';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readTaxonomy, type SeedTaxonomy } from '../../server/src/taxonomy/taxonomy.seed.js';
import type { IndexChain } from '../../server/src/taxonomy/taxonomy-index.js';

const SEEDS = fileURLToPath(new URL('../../seeds/', import.meta.url));

/** seeds/taxonomy/ as the loader reads it. */
export const seedTaxonomy = (): SeedTaxonomy => readTaxonomy(SEEDS);

/** The matcher's input built straight from seeds/ (chains.json + taxonomy), as the database would serve it. */
export function seedIndexChains(): IndexChain[] {
  const chains = JSON.parse(readFileSync(path.join(SEEDS, 'chains.json'), 'utf8')) as Array<{ id: string; name_zh: string; name_en: string; keywords_zh: string[]; keywords_en: string[] }>;
  const tax = new Map(seedTaxonomy().chains.map((c) => [c.chain_id, c]));
  return chains.map((c) => {
    const t = tax.get(c.id)!;
    return {
      id: c.id, name_zh: c.name_zh, name_en: c.name_en, keywords: [...c.keywords_zh, ...c.keywords_en],
      terms_zh: t.terms_zh, terms_en: t.terms_en, codes: t.codes.map((code) => ({ code })),
      segments: t.segments.map((s) => ({ id: s.id, name_zh: s.name_zh, name_en: s.name_en, terms_zh: s.terms_zh, terms_en: s.terms_en, codes: s.codes.map((code) => ({ code })) })),
    };
  });
}
