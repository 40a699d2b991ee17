/**
 * Content similarity between a document's statements: IDF-weighted Jaccard over stemmed content
 * words. Candidates come from an inverted index, and words shared by a large part of the document
 * (the skill's own name, which every statement repeats) are left out of candidate generation, so a
 * statement is compared only with the few that share a distinctive word; the cost grows with the
 * number of sharing pairs, not with the square of the document.
 */

export interface Neighbour {
  other: number;
  similarity: number;
}

export interface SimilarityIndex {
  /** Statements at least `min` (no less than NEIGHBOUR_FLOOR) similar to statement `i`, most similar first. */
  neighbours(i: number, min: number): Neighbour[];
  similarity(i: number, j: number): number;
  /** The distinct stems of statement `i`. */
  stems(i: number): ReadonlySet<string>;
}

/** A stem in more than this share of statements does not generate candidates (it still counts). */
const COMMON_SHARE = 0.5;
/** Nor a stem in more than this many statements, whatever the document's size: it is not distinctive. */
const MAX_POSTINGS = 64;
/** Candidates per statement, taken from its rarest stems first: the work per statement is bounded. */
const MAX_CANDIDATES = 128;
/** Neighbours less similar than this are never asked for; they are not kept (a large document has many). */
export const NEIGHBOUR_FLOOR = 0.2;

export function similarityIndex(stemLists: string[][]): SimilarityIndex {
  const sets = stemLists.map((l) => new Set(l));
  const df = new Map<string, number>();
  for (const s of sets) for (const w of s) df.set(w, (df.get(w) ?? 0) + 1);
  const n = sets.length;
  const idfOf = new Map<string, number>();
  for (const [w, d] of df) idfOf.set(w, Math.log(1 + n / d));
  const idf = (w: string) => idfOf.get(w) ?? 0;
  const mass = sets.map((s) => {
    let m = 0;
    for (const w of s) m += idf(w);
    return m;
  });
  const postings = new Map<string, number[]>();
  const limit = Math.min(MAX_POSTINGS, Math.max(2, COMMON_SHARE * n));
  sets.forEach((s, i) => {
    for (const w of s) {
      if ((df.get(w) ?? 0) > limit) continue;
      const list = postings.get(w) ?? [];
      list.push(i);
      postings.set(w, list);
    }
  });
  const similarity = (i: number, j: number): number => {
    const a = sets[i];
    const b = sets[j];
    let shared = 0;
    const [small, large] = a.size <= b.size ? [a, b] : [b, a];
    for (const w of small) if (large.has(w)) shared += idf(w);
    const union = mass[i] + mass[j] - shared;
    return union > 0 ? shared / union : 0;
  };
  const cache = new Map<number, Neighbour[]>();
  return {
    similarity,
    stems: (i) => sets[i],
    neighbours(i, min) {
      let all = cache.get(i);
      if (!all) {
        const seen = new Set<number>();
        all = [];
        const rarestFirst = [...sets[i]].filter((w) => postings.has(w)).sort((a, b) => (df.get(a) ?? 0) - (df.get(b) ?? 0));
        scan: for (const w of rarestFirst) {
          for (const j of postings.get(w) ?? []) {
            if (j === i || seen.has(j)) continue;
            seen.add(j);
            const s = similarity(i, j);
            if (s >= NEIGHBOUR_FLOOR) all.push({ other: j, similarity: s });
            if (seen.size >= MAX_CANDIDATES) break scan;
          }
        }
        all.sort((x, y) => y.similarity - x.similarity || x.other - y.other);
        cache.set(i, all);
      }
      return all.filter((x) => x.similarity >= min);
    },
  };
}
