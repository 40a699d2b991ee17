/**
 * Near-duplicate candidates without comparing all pairs: a similarity join over the stemmed content
 * words of each distinct statement, with prefix filtering (Chaudhuri et al.; Bayardo et al.,
 * "All-Pairs"). Words are ordered rarest first; two sets whose Jaccard similarity reaches t must
 * share one of the first |x| - ceil(t|x|) + 1 words of each, so only those words are indexed and
 * probed. Statements are visited by increasing size so the length filter can skip short ones, and
 * the positional filter of PPJoin (Xiao et al.) drops a candidate as soon as the words left cannot
 * reach the overlap the threshold needs.
 * The result is exact (no pair above the threshold is missed) and near linear on real text,
 * where the rare words of a statement are shared by few others.
 */
import type { ExactGroup } from './exact';
import { contentSetOfKey } from './tokens';

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
  // Dice >= d is the same as Jaccard >= d / (2 - d); the prefix and length bounds are Jaccard's.
  const d = Math.min(1, Math.max(0, threshold));
  const t = d / (2 - d);

  // Each set as word ids. Ids are handed out in order of first appearance, then renumbered rarest
  // first: any fixed global order makes prefix filtering exact, and rarest first keeps prefixes short.
  const idOf = new Map<string, number>();
  const raw: number[][] = (sets ?? groups.map((g) => contentSetOfKey(g.key))).map((set) => {
    const out: number[] = [];
    for (const w of set) {
      let id = idOf.get(w);
      if (id === undefined) idOf.set(w, (id = idOf.size));
      out.push(id);
    }
    return out;
  });
  const vocabulary = idOf.size;
  const df = new Int32Array(vocabulary);
  for (const set of raw) for (const w of set) df[w]++;
  const byRarity = Int32Array.from({ length: vocabulary }, (_, i) => i).sort((x, y) => df[x] - df[y] || x - y);
  const rank = new Int32Array(vocabulary);
  for (let r = 0; r < vocabulary; r++) rank[byRarity[r]] = r;
  const ids: Int32Array[] = raw.map((set) => Int32Array.from(set, (w) => rank[w]).sort());

  // Sizes in a flat array: the scan below reads one per posting, and following a pointer to each
  // set instead costs a cache miss every time.
  const size = Int32Array.from(ids, (a) => a.length);
  const order = ids.map((_, i) => i).filter((i) => size[i] > 0);
  order.sort((x, y) => size[x] - size[y] || x - y);

  // Postings: for each word id, the groups (in visiting order, so by non-decreasing size) that have
  // it in their prefix, with the word's position in that group's ordering. `from` is where each list
  // starts to matter: sizes only grow, so entries too short for the current group never matter again.
  // Word ids are dense (0 .. vocabulary size - 1), so plain arrays index the postings.
  const postGroup: number[][] = new Array(vocabulary);
  const postPos: number[][] = new Array(vocabulary);
  const from = new Int32Array(vocabulary);
  // Overlap seen so far with each candidate while probing one group; -1 marks a pruned candidate.
  const overlapSoFar = new Int32Array(groups.length);
  const touched: number[] = [];
  const pairs: NearPair[] = [];
  const eps = 1e-9;

  for (const x of order) {
    const xs = ids[x];
    const n = xs.length;
    const minSize = Math.ceil(t * n - eps);
    // The groups indexed so far are no larger than x and no smaller than minSize, so a pair needs
    // an overlap of at least d(n + minSize)/2; x probes with the prefix that bound allows.
    const probePrefix = Math.min(n, n - Math.ceil((d * (n + minSize)) / 2 - eps) + 1);
    // Groups probing x later are at least as large, so the overlap is at least d·n: a shorter
    // prefix is enough to index (All-Pairs' indexing optimisation), which keeps common words out.
    const indexPrefix = Math.min(n, n - Math.ceil(d * n - eps) + 1);
    for (let i = 0; i < probePrefix; i++) {
      const list = postGroup[xs[i]];
      if (list === undefined) continue;
      const pos = postPos[xs[i]];
      let k = from[xs[i]];
      while (k < list.length && size[list[k]] < minSize) k++;
      from[xs[i]] = k;
      for (; k < list.length; k++) {
        const y = list[k];
        const seen = overlapSoFar[y];
        if (seen < 0) continue;
        const ny = size[y];
        // Positional filter (PPJoin): the words before these positions have all been counted, so
        // at most min(words left in x, words left in y) more can be shared.
        const needed = Math.ceil((d * (n + ny)) / 2 - eps);
        const bound = seen + 1 + Math.min(n - i - 1, ny - pos[k] - 1);
        if (seen === 0) touched.push(y);
        overlapSoFar[y] = bound >= needed ? seen + 1 : -1;
      }
    }
    for (const y of touched) {
      if (overlapSoFar[y] > 0) {
        const ny = size[y];
        const overlap = intersectionSize(xs, ids[y], Math.ceil((d * (n + ny)) / 2 - eps));
        const sim = dice(n, ny, overlap);
        if (sim + eps >= d) pairs.push({ a: Math.min(x, y), b: Math.max(x, y), similarity: sim });
      }
      overlapSoFar[y] = 0;
    }
    touched.length = 0;
    for (let i = 0; i < indexPrefix; i++) {
      if (postGroup[xs[i]] === undefined) {
        postGroup[xs[i]] = [];
        postPos[xs[i]] = [];
      }
      postGroup[xs[i]].push(x);
      postPos[xs[i]].push(i);
    }
  }
  pairs.sort((p, q) => p.a - q.a || p.b - q.b);
  return pairs;
}

/** The size of the intersection of two sorted id lists, or a smaller number once `needed` is out of reach. */
function intersectionSize(a: Int32Array, b: Int32Array, needed: number): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    if (n + Math.min(a.length - i, b.length - j) < needed) return n;
    if (a[i] === b[j]) {
      n++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return n;
}
