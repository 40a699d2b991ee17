/**
 * Near-duplicate candidates without comparing all pairs: a similarity join over the stemmed content
 * words of each distinct statement, with prefix filtering (Chaudhuri et al.; Bayardo et al.,
 * "All-Pairs"). Words are ordered rarest first; two sets whose Jaccard similarity reaches t must
 * share one of the first |x| - ceil(t|x|) + 1 words of each, so only those words are indexed and
 * probed. Statements are visited by increasing size so the length filter can skip short ones.
 * The result is exact (no pair above the threshold is missed) and near linear on real text,
 * where the rare words of a statement are shared by few others.
 */
import type { ExactGroup } from './exact';
import { contentSet } from './tokens';

export interface NearPair {
  /** Indices into the `groups` array given to `findNearPairs`, a < b. */
  a: number;
  b: number;
  /** Dice similarity of the two content-word sets, 0..1. */
  similarity: number;
}

/** Similarity of two sets given their sizes and overlap: Dice's coefficient. */
export function dice(sizeA: number, sizeB: number, overlap: number): number {
  return sizeA + sizeB === 0 ? 0 : (2 * overlap) / (sizeA + sizeB);
}

/**
 * All pairs of groups whose content-word sets have a Dice similarity of at least `threshold`.
 * Groups with no content word take no part (they are all function words, nothing to compare).
 */
export function findNearPairs(groups: readonly ExactGroup[], threshold: number, sets?: string[][]): NearPair[] {
  const words = sets ?? groups.map((g) => contentSet(g.members[0].text));
  // Dice >= d is the same as Jaccard >= d / (2 - d); the prefix and length bounds are Jaccard's.
  const d = Math.min(1, Math.max(0, threshold));
  const t = d / (2 - d);

  // Document frequency of each word, then each set as word ids sorted rarest first.
  const df = new Map<string, number>();
  for (const set of words) for (const w of set) df.set(w, (df.get(w) ?? 0) + 1);
  const ranked = [...df.keys()].sort((x, y) => df.get(x)! - df.get(y)! || (x < y ? -1 : x > y ? 1 : 0));
  const rank = new Map<string, number>();
  ranked.forEach((w, i) => rank.set(w, i));
  const ids: Int32Array[] = words.map((set) => Int32Array.from(set.map((w) => rank.get(w)!)).sort());

  const order = ids.map((_, i) => i).filter((i) => ids[i].length > 0);
  order.sort((x, y) => ids[x].length - ids[y].length || x - y);

  // Postings: for each word id, the groups (in visiting order, so by non-decreasing size) that have it in their prefix.
  const postings = new Map<number, number[]>();
  const seen = new Int32Array(groups.length).fill(-1);
  const pairs: NearPair[] = [];
  const eps = 1e-9;

  for (const x of order) {
    const xs = ids[x];
    const n = xs.length;
    const prefix = n - Math.ceil(t * n - eps) + 1;
    const minSize = Math.ceil(t * n - eps);
    for (let p = 0; p < prefix && p < n; p++) {
      const list = postings.get(xs[p]);
      if (!list) continue;
      for (const y of list) {
        if (seen[y] === x) continue;
        seen[y] = x;
        const ys = ids[y];
        if (ys.length < minSize) continue;
        const overlap = intersectionSize(xs, ys);
        const sim = dice(n, ys.length, overlap);
        if (sim + eps >= d) pairs.push({ a: Math.min(x, y), b: Math.max(x, y), similarity: sim });
      }
    }
    for (let p = 0; p < prefix && p < n; p++) {
      let list = postings.get(xs[p]);
      if (!list) postings.set(xs[p], (list = []));
      list.push(x);
    }
  }
  pairs.sort((p, q) => p.a - q.a || p.b - q.b);
  return pairs;
}

function intersectionSize(a: Int32Array, b: Int32Array): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      n++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return n;
}
