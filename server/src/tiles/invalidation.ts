import type { Database } from '../db/database.js';

/** The channel `atlas_bump_version` NOTIFYs on, with the scope ('all', 'layer:<id>') as payload. */
export const VERSION_CHANNEL = 'atlas_data_version';

/**
 * Cross-instance cache invalidation: listens for data-version NOTIFYs and tells every subscriber which
 * layer changed (null: possibly all, after the listener reconnected and may have missed some).
 * Correctness never waits on it — caches are keyed by the version read from the database — but it drops
 * stale entries on every instance at once instead of when they are next asked for.
 */
export class CacheInvalidation {
  private readonly subscribers = new Set<(layer: string | null) => void>();
  private stop: (() => Promise<void>) | null = null;
  /** Notifications received; tests wait on it. */
  received = 0;
  /** Resolves once listening (or at once when the engine cannot listen). */
  readonly ready: Promise<void>;

  constructor(db: Database) {
    this.ready = (async () => {
      if (!db.listen) return;
      try {
        this.stop = await db.listen(VERSION_CHANNEL, (scope) => this.notify(scope), () => this.emit(null));
      } catch (err) {
        console.error('[tiles] cannot LISTEN for data versions:', (err as Error).message);
      }
    })();
  }

  /** Calls fn with the changed layer's id (or null for all) on every invalidation; returns an unsubscribe. */
  subscribe(fn: (layer: string | null) => void): () => void {
    this.subscribers.add(fn);
    return () => this.subscribers.delete(fn);
  }

  async close(): Promise<void> {
    await this.ready;
    await this.stop?.();
  }

  private notify(scope: string) {
    this.received++;
    if (scope.startsWith('layer:')) this.emit(scope.slice('layer:'.length));
  }

  private emit(layer: string | null) {
    for (const fn of this.subscribers) fn(layer);
  }
}
