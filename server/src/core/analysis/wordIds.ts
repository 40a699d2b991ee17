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
  const idOf = new Map<string, number>();
  const sets = lists.map((list) => {
    const ids: number[] = [];
    for (const w of list) {
      let id = idOf.get(w);
      if (id === undefined) idOf.set(w, (id = idOf.size));
      ids.push(id);
    }
    return distinctSorted(ids);
  });
  const vocabulary = idOf.size;
  const count = new Int32Array(vocabulary);
  for (const s of sets) for (let k = 0; k < s.length; k++) count[s[k]]++;
  const byRarity = Int32Array.from(count.keys()).sort((a, b) => count[a] - count[b] || a - b);
  const renumber = new Int32Array(vocabulary);
  byRarity.forEach((old, id) => (renumber[old] = id));
  for (const s of sets) {
    for (let k = 0; k < s.length; k++) s[k] = renumber[s[k]];
    s.sort();
  }
  return { sets, df: Int32Array.from(byRarity, (old) => count[old]), vocabulary };
}

function distinctSorted(ids: number[]): Int32Array {
  const a = Int32Array.from(ids).sort();
  let k = 0;
  for (let i = 0; i < a.length; i++) if (i === 0 || a[i] !== a[i - 1]) a[k++] = a[i];
  return a.subarray(0, k);
}
