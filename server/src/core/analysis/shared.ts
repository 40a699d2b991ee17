/**
 * Analyses that several rules, hovers and the explain command need (the duplicate index, the scope
 * profiles, the threads) are computed once per document, on first use, and kept here.
 */
export class SharedAnalysis {
  private readonly cache = new Map<string, unknown>();

  get<T>(key: string, compute: () => T): T {
    if (this.cache.has(key)) return this.cache.get(key) as T;
    const value = compute();
    this.cache.set(key, value);
    return value;
  }

  /** The value computed for `key`, if it was; never computes. */
  peek<T>(key: string): T | undefined {
    return this.cache.get(key) as T | undefined;
  }

  /** Stores a value computed elsewhere (an index updated for an edit instead of rebuilt). */
  set<T>(key: string, value: T): void {
    this.cache.set(key, value);
  }

  /** A copy holding only the given entries, so that the rest can be collected. */
  retain(keys: readonly string[]): SharedAnalysis {
    const out = new SharedAnalysis();
    for (const k of keys) if (this.cache.has(k)) out.cache.set(k, this.cache.get(k));
    return out;
  }
}
