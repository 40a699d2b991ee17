/**
 * Content similarity between a document's statements: IDF-weighted Jaccard over stemmed content
 * words. Candidates come from an inverted index, and words shared by a large part of the document
 * (the skill's own name, which every statement repeats) are left out of candidate generation, so a
 * statement is compared only with the few that share a distinctive word; the cost grows with the
 * number of sharing pairs, not with the square of the document.
 *
 * Stems are interned as integers once, and every per-pair step works on sorted typed arrays: the
 * profile of the string-keyed version showed half of a large document's analysis in hash look-ups
 * of stem strings and the garbage they left.
 */

import type { WordIds } from '../wordIds';

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

/**
 * `ids` are each statement's stems as ids numbered rarest first (`rarestFirst`); `stemsOf(i)` gives
 * statement i's stems as text, in order, which only thread names read (a document without topics),
 * so they are made when asked for.
 */
export function similarityIndex(ids: WordIds, stemsOf: (i: number) => readonly string[]): SimilarityIndex {
  // Distinct stems as ascending ids numbered rarest first: intersections become merges of two
  // arrays, and a query reads a statement's most distinctive postings first without sorting.
  const { sets, df, vocabulary } = ids;
  const n = sets.length;
  const idf = new Float64Array(vocabulary);
  for (let w = 0; w < vocabulary; w++) idf[w] = Math.log(1 + n / df[w]);
  const mass = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let m = 0;
    const s = sets[i];
    for (let k = 0; k < s.length; k++) m += idf[s[k]];
    mass[i] = m;
  }

  // Postings of the distinctive stems in one flat array (compressed rows): start[w] .. start[w + 1].
  const limit = Math.min(MAX_POSTINGS, Math.max(2, COMMON_SHARE * n));
  const start = new Int32Array(vocabulary + 1);
  for (let w = 0; w < vocabulary; w++) start[w + 1] = start[w] + (df[w] <= limit ? df[w] : 0);
  const postings = new Int32Array(start[vocabulary]);
  const fill = start.slice(0, vocabulary);
  for (let i = 0; i < n; i++) {
    const s = sets[i];
    for (let k = 0; k < s.length; k++) if (df[s[k]] <= limit) postings[fill[s[k]]++] = i;
  }

  const similarity = (i: number, j: number): number => {
    const a = sets[i];
    const b = sets[j];
    let shared = 0;
    let x = 0;
    let y = 0;
    while (x < a.length && y < b.length) {
      if (a[x] === b[y]) {
        shared += idf[a[x]];
        x++;
        y++;
      } else if (a[x] < b[y]) x++;
      else y++;
    }
    const union = mass[i] + mass[j] - shared;
    return union > 0 ? shared / union : 0;
  };

  // The stems too common to have postings, per statement: they still count in every similarity.
  const common: Int32Array[] = sets.map((s) => s.filter((w) => df[w] > limit));
  const commonShared = (i: number, j: number): number => {
    const a = common[i];
    const b = common[j];
    let shared = 0;
    for (let x = 0, y = 0; x < a.length && y < b.length; ) {
      if (a[x] === b[y]) (shared += idf[a[x]]), x++, y++;
      else if (a[x] < b[y]) x++;
      else y++;
    }
    return shared;
  };

  // Per query, the IDF mass each candidate shares with the statement through the stems that have
  // postings, accumulated while the postings are read: no candidate needs its own intersection.
  // Candidates are admitted in the order the rarest stems meet them, up to MAX_CANDIDATES.
  const acc = new Float64Array(n);
  const admitted = new Int32Array(n).fill(-1);
  const touched: number[] = [];
  const cache: (Neighbour[] | undefined)[] = new Array(n);
  const stemSets: (Set<string> | undefined)[] = new Array(n);
  return {
    similarity,
    stems(i) {
      let set = stemSets[i];
      // In the statement's own word order: thread names are made from the first shared stems.
      if (!set) stemSets[i] = set = new Set(stemsOf(i));
      return set;
    },
    neighbours(i, min) {
      let all = cache[i];
      if (!all) {
        all = [];
        const own = sets[i];
        for (let x = 0; x < own.length && df[own[x]] <= limit; x++) {
          const w = own[x];
          const weight = idf[w];
          for (let k = start[w]; k < start[w + 1]; k++) {
            const j = postings[k];
            if (j === i) continue;
            if (admitted[j] !== i) {
              if (touched.length >= MAX_CANDIDATES) continue;
              admitted[j] = i;
              acc[j] = 0;
              touched.push(j);
            }
            acc[j] += weight;
          }
        }
        for (const j of touched) {
          const shared = acc[j] + commonShared(i, j);
          const union = mass[i] + mass[j] - shared;
          const s = union > 0 ? shared / union : 0;
          if (s >= NEIGHBOUR_FLOOR) all.push({ other: j, similarity: s });
        }
        touched.length = 0;
        all.sort((x, y) => y.similarity - x.similarity || x.other - y.other);
        cache[i] = all;
      }
      return min <= NEIGHBOUR_FLOOR ? all : all.filter((x) => x.similarity >= min);
    },
  };
}
