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
  /** Statements at least `min` similar to statement `i`, most similar first. */
  neighbours(i: number, min: number): Neighbour[];
  similarity(i: number, j: number): number;
  /** The distinct stems of statement `i`. */
  stems(i: number): ReadonlySet<string>;
}

/** A stem in more than this share of statements does not generate candidates (it still counts). */
const COMMON_SHARE = 0.5;
/** And never more than this many postings are scanned per stem, whatever the document's size. */
const MAX_POSTINGS = 400;

export function similarityIndex(stemLists: string[][]): SimilarityIndex {
  const sets = stemLists.map((l) => new Set(l));
  const df = new Map<string, number>();
  for (const s of sets) for (const w of s) df.set(w, (df.get(w) ?? 0) + 1);
  const n = sets.length;
  const idf = (w: string) => Math.log(1 + n / (df.get(w) ?? 1));
  const mass = sets.map((s) => {
    let m = 0;
    for (const w of s) m += idf(w);
    return m;
  });
  const postings = new Map<string, number[]>();
  sets.forEach((s, i) => {
    for (const w of s) {
      if ((df.get(w) ?? 0) > Math.max(2, COMMON_SHARE * n)) continue;
      const list = postings.get(w) ?? [];
      if (list.length < MAX_POSTINGS) list.push(i);
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
        for (const w of sets[i]) {
          for (const j of postings.get(w) ?? []) {
            if (j === i || seen.has(j)) continue;
            seen.add(j);
            const s = similarity(i, j);
            if (s > 0) all.push({ other: j, similarity: s });
          }
        }
        all.sort((x, y) => y.similarity - x.similarity || x.other - y.other);
        cache.set(i, all);
      }
      return all.filter((x) => x.similarity >= min);
    },
  };
}
