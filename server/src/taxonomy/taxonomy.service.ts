import type { Queryable } from '../db/database.js';
import type { TaxonomyResult } from '../../../contract/taxonomy.js';
import { TaxonomyIndex } from './taxonomy-index.js';
import { TaxonomyRepository } from './taxonomy.repository.js';

interface Cached {
  version: string;
  taxonomy: TaxonomyResult;
  index: TaxonomyIndex;
}

const cache = new WeakMap<Queryable, Promise<Cached>>();

const versionOf = async (db: Queryable) =>
  (await db.query<{ v: string }>("SELECT coalesce((SELECT version FROM data_versions WHERE scope = 'all'), 0)::text AS v")).rows[0].v;

/**
 * The taxonomy and its matcher for this database, built once per seed version (the 'all' data version the seed
 * loader bumps): a request costs one indexed row; a re-seed on any instance rebuilds it.
 */
export async function taxonomyIndex(db: Queryable): Promise<Cached> {
  const version = await versionOf(db);
  const hit = cache.get(db);
  if (hit) {
    const c = await hit.catch(() => null);
    if (c && c.version === version) return c;
  }
  const build = (async () => {
    const taxonomy = JSON.parse(await new TaxonomyRepository(db).body()) as TaxonomyResult;
    return { version, taxonomy, index: new TaxonomyIndex(taxonomy.chains) };
  })();
  cache.set(db, build);
  return build;
}
