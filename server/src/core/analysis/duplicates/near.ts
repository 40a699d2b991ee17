/**
 * Near-duplicate candidates without comparing all pairs: a similarity join over the stemmed content
 * words of each distinct statement, with prefix filtering (Chaudhuri et al.; Bayardo et al.,
 * "All-Pairs"; the k-prefix of Xiao et al., "PPJoin+"). Words are ordered rarest first. Two sets
 * that must share at least `a` words share at least two of them within their first |x| - a + 2
 * words each, so each set is indexed and probed by the *pairs* of words of that prefix.
 *
 * Pairs of words, not single words, because a vocabulary is finite: in a large framework even the
 * rarest third of a statement's words occurs in hundreds of statements (measured: 100,000 generated
 * statements over 7,000 stems, prefix words in 480 statements on average), so single-word postings
 * make every statement a candidate of hundreds of others and the join grows with the square of the
 * document. Two such words together are rare. Sets too small for two shared words are indexed by
 * single words, and the few very large sets are compared directly with the sets of similar size.
 * The result is exact: no pair above the threshold is missed.
 */
import type { WordIds } from '../wordIds';

export interface NearPair {
  /** Indices into the sets given to `findNearPairs`, a < b. */
  a: number;
  b: number;
  /** Dice similarity of the two content-word sets, 0..1. */
  similarity: number;
}

/** Similarity of two sets given their sizes and overlap: Dice's coefficient. */
export function dice(sizeA: number, sizeB: number, overlap: number): number {
  return sizeA + sizeB === 0 ? 0 : (2 * overlap) / (sizeA + sizeB);
}

/** Sets of more content words than this are compared directly with the sets of similar size. */
export const LARGE_SET = 48;

/**
 * All pairs of sets whose Dice similarity is at least `threshold`, given as word ids numbered
 * rarest first (`rarestFirst`). Empty sets take no part (a statement of function words only has
 * nothing to compare).
 */
export function findNearPairs(words: WordIds, threshold: number, largeSet = LARGE_SET): NearPair[] {
  // Dice >= d is the same as Jaccard >= d / (2 - d); the prefix and length bounds are Jaccard's.
  const d = Math.min(1, Math.max(0, threshold));
  const t = d / (2 - d);

  // Each set as word ids numbered rarest first: any fixed global order makes prefix filtering exact,
  // and rarest first keeps prefixes short.
  const { sets: ids, vocabulary: size } = words;
  const eps = 1e-9;

  // Sets are visited by non-decreasing size, so every set visited before x is no larger than x.
  // Everything below is laid out by visit position in flat typed arrays (the words of all sets end
  // to end): the join is bound by memory access, and at 100,000 statements an object per set and
  // per key cost more in cache misses and garbage collection than the comparisons themselves.
  const order = ids.map((_, i) => i).filter((i) => ids[i].length > 0);
  order.sort((x, y) => ids[x].length - ids[y].length || x - y);
  const m = order.length;
  const off = new Int32Array(m + 1);
  for (let p = 0; p < m; p++) off[p + 1] = off[p] + ids[order[p]].length;
  const flat = new Int32Array(off[m]);
  for (let p = 0; p < m; p++) flat.set(ids[order[p]], off[p]);

  // First every set's index keys are collected (pairs of words; single words, as negative keys, for
  // sets too small to need two), then each key's postings are laid out end to end, holding visit
  // positions in increasing order: a set reads a list only up to its own position.
  const pairKey = (a: number, b: number) => a * size + b;
  const rowOf = new Map<number, number>();
  const entryRow: number[] = [];
  const entryPos: number[] = [];
  let singleMax = 0;
  const index = (key: number, p: number) => {
    let row = rowOf.get(key);
    if (row === undefined) rowOf.set(key, (row = rowOf.size));
    entryRow.push(row);
    entryPos.push(p);
  };
  for (let p = 0; p < m; p++) {
    const o = off[p];
    const n = off[p + 1] - o;
    if (n > largeSet) continue;
    // Later sets are at least as large, so any pair with this one needs at least d·n words in common.
    const least = Math.ceil(d * n - eps);
    if (least >= 2) {
      const prefix = Math.min(n, n - least + 2);
      for (let i = 0; i < prefix; i++) for (let j = i + 1; j < prefix; j++) index(pairKey(flat[o + i], flat[o + j]), p);
    } else {
      for (let i = 0; i < n; i++) index(-1 - flat[o + i], p);
      singleMax = n;
    }
  }
  const start = new Int32Array(rowOf.size + 1);
  for (const row of entryRow) start[row + 1]++;
  for (let r = 0; r < rowOf.size; r++) start[r + 1] += start[r];
  const postings = new Int32Array(entryRow.length);
  const fill = start.slice(0, rowOf.size);
  entryRow.forEach((row, k) => (postings[fill[row]++] = entryPos[k]));

  // The candidates of one set, each met once: the stamp says which set last met it.
  const metBy = new Int32Array(m).fill(-1);
  const candidates: number[] = [];
  const pairs: NearPair[] = [];
  const meet = (p: number, key: number, minSize: number) => {
    const row = rowOf.get(key);
    if (row === undefined) return;
    for (let k = start[row]; k < start[row + 1]; k++) {
      const q = postings[k];
      if (q >= p) return;
      if (metBy[q] === p || off[q + 1] - off[q] < minSize) continue;
      metBy[q] = p;
      candidates.push(q);
    }
  };

  for (let p = 0; p < m; p++) {
    const o = off[p];
    const n = off[p + 1] - o;
    const minSize = Math.ceil(t * n - eps);
    if (n > largeSet) {
      // A very large set is compared with every earlier set of at least minSize words: they are the
      // last ones visited, and there are few (a statement of this many content words is rare).
      for (let q = p - 1; q >= 0 && off[q + 1] - off[q] >= minSize; q--) candidates.push(q);
    } else {
      // Any earlier set y has minSize <= |y| <= n, so a pair needs at least a = d(n + minSize) / 2 words in common.
      const needed = Math.ceil((d * (n + minSize)) / 2 - eps);
      const probe = Math.min(n, n - Math.max(2, needed) + 2);
      for (let i = 0; i < probe; i++) for (let j = i + 1; j < probe; j++) meet(p, pairKey(flat[o + i], flat[o + j]), minSize);
      if (minSize <= singleMax) {
        const probeWords = Math.min(n, n - needed + 1);
        for (let i = 0; i < probeWords; i++) meet(p, -1 - flat[o + i], minSize);
      }
    }
    for (const q of candidates) {
      const ny = off[q + 1] - off[q];
      const overlap = intersectionSize(flat, o, n, off[q], ny, Math.ceil((d * (n + ny)) / 2 - eps));
      const sim = dice(n, ny, overlap);
      if (sim + eps >= d) {
        const [a, b] = [order[p], order[q]];
        pairs.push({ a: Math.min(a, b), b: Math.max(a, b), similarity: sim });
      }
    }
    candidates.length = 0;
  }
  pairs.sort((p, q) => p.a - q.a || p.b - q.b);
  return pairs;
}

/**
 * The size of the intersection of two sorted id lists stored in `flat` (at offsets `a` and `b`, of
 * lengths `na` and `nb`), or a smaller number once `needed` is out of reach.
 */
function intersectionSize(flat: Int32Array, a: number, na: number, b: number, nb: number, needed: number): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < na && j < nb) {
    if (n + Math.min(na - i, nb - j) < needed) return n;
    const x = flat[a + i];
    const y = flat[b + j];
    if (x === y) {
      n++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return n;
}
