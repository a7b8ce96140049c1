/** Something with a size in bytes, so the cache can bound memory and not only entry count. */
export interface Sized {
  readonly bytes: number;
}

/**
 * A least-recently-used map bounded by entry count and by total bytes; the oldest entries go first.
 * In-process only: keys must carry whatever makes a value stale (here: the layer's data version).
 */
export class LruCache<V extends Sized> {
  private readonly map = new Map<string, V>();
  private total = 0;

  constructor(readonly maxEntries: number, readonly maxBytes: number) {}

  /** The value, marked as most recently used; undefined on a miss. */
  get(key: string): V | undefined {
    const v = this.map.get(key);
    if (v === undefined) return undefined;
    this.map.delete(key);
    this.map.set(key, v);
    return v;
  }

  /** Stores a value, evicting the least recently used entries beyond either bound. */
  set(key: string, value: V): void {
    this.delete(key);
    if (value.bytes > this.maxBytes) return; // would evict everything and still not fit
    this.map.set(key, value);
    this.total += value.bytes;
    while (this.map.size > this.maxEntries || this.total > this.maxBytes) {
      this.delete(this.map.keys().next().value!);
    }
  }

  /** Removes one key; true if it was there. */
  delete(key: string): boolean {
    const v = this.map.get(key);
    if (v === undefined) return false;
    this.map.delete(key);
    this.total -= v.bytes;
    return true;
  }

  /** Removes every entry whose key starts with prefix (e.g. one layer's tiles of an old version). */
  deletePrefix(prefix: string): number {
    let n = 0;
    for (const key of [...this.map.keys()]) if (key.startsWith(prefix) && this.delete(key)) n++;
    return n;
  }

  /** Entry count and bytes held, for tests and diagnostics. */
  get stats() {
    return { entries: this.map.size, bytes: this.total };
  }
}
