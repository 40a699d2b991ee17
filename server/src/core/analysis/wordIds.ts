/**
 * Word sets as integers, for the two similarity searches (the scope model's similarity index and the
 * near-duplicate join). Both spend their time intersecting sets and reading postings; on strings that
 * meant hash look-ups and garbage at every step, on sorted integer arrays it is a merge.
 *
 * Ids are numbered rarest first (ties by first appearance), so each sorted set lists its most
 * distinctive words first: the near-duplicate join's prefixes and the similarity index's candidate
 * scan both want exactly that order, and get it without sorting per set.
 */
export interface WordIds {
  /** Each list's distinct words as ascending ids. */
  sets: Int32Array[];
  /** How many sets hold each id. Non-decreasing, since ids are numbered rarest first. */
  df: Int32Array;
  vocabulary: number;
}

export function wordIdsRarestFirst(lists: readonly (readonly string[])[]): WordIds {
  // Ids by first appearance, each list's words as those ids (repeats kept for now).
  const idOf = new Map<string, number>();
  const sets: Int32Array[] = new Array(lists.length);
  for (let i = 0; i < lists.length; i++) {
    const list = lists[i];
    const ids = new Int32Array(list.length);
    for (let k = 0; k < list.length; k++) {
      let id = idOf.get(list[k]);
      if (id === undefined) idOf.set(list[k], (id = idOf.size));
      ids[k] = id;
    }
    sets[i] = ids;
  }
  const vocabulary = idOf.size;
  // How many lists hold each word, a word counted once per list however often the list repeats it.
  const count = scratch(0, vocabulary).fill(0);
  const lastList = scratch(1, vocabulary).fill(-1);
  let most = 0;
  for (let i = 0; i < sets.length; i++) {
    const ids = sets[i];
    for (let k = 0; k < ids.length; k++) {
      const id = ids[k];
      if (lastList[id] === i) continue;
      lastList[id] = i;
      if (++count[id] > most) most = count[id];
    }
  }
  // Rarest first, ties by first appearance: a counting sort by count, stable over the ids. Counts are
  // at most the number of lists, so this is linear where a comparison sort was the join's largest
  // fixed cost on example-sized documents.
  const start = scratch(2, most + 2).fill(0);
  for (let id = 0; id < vocabulary; id++) start[count[id] + 1]++;
  for (let c = 1; c < start.length; c++) start[c] += start[c - 1];
  const renumber = scratch(3, vocabulary);
  const df = new Int32Array(vocabulary);
  for (let id = 0; id < vocabulary; id++) {
    const rank = start[count[id]]++;
    renumber[id] = rank;
    df[rank] = count[id];
  }
  for (let i = 0; i < sets.length; i++) {
    const ids = sets[i];
    for (let k = 0; k < ids.length; k++) ids[k] = renumber[ids[k]];
    sets[i] = distinctSorted(ids);
  }
  return { sets, df, vocabulary };
}

/**
 * Working arrays kept between calls. An Int32Array of more than a few words lives outside the heap,
 * and allocating one costs more than the counting it serves on a small document, where this runs
 * twice per analysis (the scope model's index and the near-duplicate join). Analyses run one at a
 * time in a thread, and no caller sees these arrays.
 */
const SCRATCH: Int32Array[] = [new Int32Array(256), new Int32Array(256), new Int32Array(256), new Int32Array(256)];

/** Scratch array `k`, viewed at `length` words (grown to twice that when too small). */
function scratch(k: number, length: number): Int32Array {
  if (SCRATCH[k].length < length) SCRATCH[k] = new Int32Array(2 * length);
  return SCRATCH[k].subarray(0, length);
}

/** The ids sorted and without repeats, in place; a shorter view only when there were repeats. */
function distinctSorted(a: Int32Array): Int32Array {
  a.sort();
  let k = 0;
  for (let i = 0; i < a.length; i++) if (i === 0 || a[i] !== a[i - 1]) a[k++] = a[i];
  return k === a.length ? a : a.subarray(0, k);
}
