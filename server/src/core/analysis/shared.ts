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
}
