import type { Queryable } from '../db/database.js';

/**
 * Response bodies built only from seeded data (targets, derived growth), keyed by the 'all' data
 * version that the seed loader bumps in the same transaction as its writes: a hit costs one indexed
 * row, and a reload of the seeds on any instance invalidates every copy. Bounded by entry count.
 */
export class SeededBodyCache {
  private readonly bodies = new Map<string, { version: string; body: string }>();

  constructor(private readonly db: Queryable, private readonly maxEntries = 256) {}

  /** The cached body for `key` at the current seed version, computing (and keeping) it when missing or stale. */
  async get(key: string, compute: () => Promise<string>): Promise<string> {
    const version = (await this.db.query<{ v: string }>("SELECT coalesce((SELECT version FROM data_versions WHERE scope = 'all'), 0)::text AS v")).rows[0].v;
    const hit = this.bodies.get(key);
    if (hit && hit.version === version) return hit.body;
    const body = await compute();
    this.bodies.delete(key);
    this.bodies.set(key, { version, body });
    if (this.bodies.size > this.maxEntries) this.bodies.delete(this.bodies.keys().next().value!);
    return body;
  }
}
