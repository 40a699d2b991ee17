/**
 * A map that keeps at most `limit` entries, forgetting the one used longest ago. For caches whose
 * keys come from a long session (an editor's), where a plain Map would grow with every key ever
 * seen. A Map keeps insertion order, so a hit moves its key to the end and the first key is the
 * least recently used.
 */
export class LruMap<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`an LruMap holds at least one entry (limit ${limit})`);
  }

  get size(): number {
    return this.entries.size;
  }

  /** The value of `key`, which then counts as the most recently used. */
  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  has(key: K): boolean {
    return this.entries.has(key);
  }

  /** Sets `key` as the most recently used, and forgets the least recently used past the limit. */
  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.limit) this.entries.delete(this.entries.keys().next().value as K);
  }
}
