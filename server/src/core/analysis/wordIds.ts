/**
 * Word sets as integers, for the two similarity searches (the scope model's similarity index and the
 * near-duplicate join). Both spend their time intersecting sets and reading postings; on strings that
 * meant hash look-ups and garbage at every step, on sorted integer arrays it is a merge.
 *
 * Ids are numbered rarest first (ties by first appearance), so each sorted set lists its most
 * distinctive words first: the near-duplicate join's prefixes and the similarity index's candidate
 * scan both want exactly that order, and get it without sorting per set.
 */
import { exactWordId, NO_WORD } from './words';

export interface WordIds {
  /** Each list's distinct words as ascending ids. */
  sets: Int32Array[];
  /** How many sets hold each id. Non-decreasing, since ids are numbered rarest first. */
  df: Int32Array;
  vocabulary: number;
}

/**
 * Ids by first appearance for the words of one document, from 0: a word interned in words.ts is
 * found in a dense table by its id, any other in a map. Callers that know a word's interned id (the
 * exact index's `keyWords` and the scope model's `contentStemIds` know each word's stem by id) never
 * hash a string here, which the map of strings this replaces did for every word of every statement.
 *
 * The dense table is shared by the thread, so one set of ids is made at a time: making a new one
 * ends the last (which then throws rather than answer wrongly). A stamp per entry says which set
 * wrote it, so nothing needs clearing between documents, even after an exception.
 */
export class LocalIds {
  private readonly generation: number;
  private readonly others = new Map<string, number>();
  /** Ids given so far: the next id, and the vocabulary when the set is complete. */
  size = 0;

  constructor() {
    // The stamps are 32-bit: after some two billion sets they start again from a cleared table.
    if (GENERATION === 0x7fffffff) {
      STAMP.fill(0);
      GENERATION = 0;
    }
    this.generation = ++GENERATION;
  }

  /** The id of the word with interned id `word` (words.ts). */
  ofWord(word: number): number {
    if (this.generation !== GENERATION) throw new Error('LocalIds used after a newer set was made');
    if (word >= STAMP.length) growTables(word + 1);
    if (STAMP[word] === this.generation) return LOCAL[word];
    STAMP[word] = this.generation;
    return (LOCAL[word] = this.size++);
  }

  /** The id of a word as text: by its interned id when it has one, so that both ways give one id. */
  ofString(text: string): number {
    const word = exactWordId(text);
    if (word !== NO_WORD) return this.ofWord(word);
    let id = this.others.get(text);
    if (id === undefined) this.others.set(text, (id = this.size++));
    return id;
  }
}

/**
 * A buffer for collecting one list of ids, reused by every list: the list itself is then copied out
 * at its exact length. A typed array of more than 64 bytes lives outside V8's heap and costs far
 * more to make than one inside it, so a list sized to its text (most of it stop words) was slower
 * than the map of strings this replaced.
 */
export function idBuffer(length: number): Int32Array {
  // A statement longer than any real one (a pasted book) gets a buffer of its own, so that what the
  // thread keeps between analyses stays bounded.
  if (length > MAX_KEPT_BUFFER) return new Int32Array(length);
  if (BUFFER.length < length) BUFFER = new Int32Array(Math.max(2 * BUFFER.length, length));
  return BUFFER;
}

const MAX_KEPT_BUFFER = 1 << 16;

let BUFFER = new Int32Array(256);

let GENERATION = 0;
/** By interned word id: the set of ids (its generation) that last gave the word an id, and that id. */
let STAMP = new Int32Array(1024);
let LOCAL = new Int32Array(1024);

function growTables(atLeast: number): void {
  const size = Math.max(2 * STAMP.length, atLeast);
  const stamp = new Int32Array(size);
  stamp.set(STAMP);
  const local = new Int32Array(size);
  local.set(LOCAL);
  STAMP = stamp;
  LOCAL = local;
}

/**
 * Each list's words (ids from 0 to vocabulary - 1, repeats allowed) renumbered rarest first, ties by
 * the order of the old ids, and made sorted sets without repeats, in place.
 */
export function rarestFirst(sets: Int32Array[], vocabulary: number): WordIds {
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
