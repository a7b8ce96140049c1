import type { LayersRepository } from './layers.repository.js';
import { etagOf } from '../http/send.js';
import { notFound } from '../http/problem.js';

export interface CachedBody {
  body: string;
  etag: string;
}

/**
 * Layer bodies keyed by the layer's data version: a cache hit costs one tiny query, and an edit
 * (which bumps the version in the database) invalidates it on every instance at once.
 */
export class LayersService {
  private readonly cache = new Map<string, CachedBody & { version: string }>();

  constructor(private readonly repo: LayersRepository, private readonly maxEntries = 64) {}

  /** The catalogue (not cached: it is small and counts must be exact). */
  async catalogue(): Promise<CachedBody> {
    const body = await this.repo.catalogue();
    return { body, etag: etagOf(body) };
  }

  /** Every layer's id in catalogue order: the GeoJSON the client fetches on every page load. */
  ids(): Promise<Array<{ id: string; theme: string }>> {
    return this.repo.ids();
  }

  /** Drops one layer's cached body (null: all of them), e.g. on a NOTIFY from another instance. */
  drop(id: string | null): void {
    if (id === null) this.cache.clear();
    else this.cache.delete(id);
  }

  /** A layer's FeatureCollection; throws 404 for an unknown layer. */
  async features(id: string): Promise<CachedBody> {
    const version = await this.repo.version(id);
    if (version === null) throw notFound(`Layer "${id}" does not exist.`);
    const hit = this.cache.get(id);
    if (hit && hit.version === version) return hit;
    const body = await this.repo.features(id);
    const entry = { body, etag: etagOf(body), version };
    this.cache.delete(id);
    this.cache.set(id, entry);
    if (this.cache.size > this.maxEntries) this.cache.delete(this.cache.keys().next().value!);
    return entry;
  }
}
