/**
 * One string per lower-cased ASCII word, shared by every analysis of the process. The scope model
 * and the near-duplicate join look every word of every statement up in several tables (stems, stop
 * words, the lexicon); a word sliced fresh from its statement and lower-cased costs an allocation,
 * a runtime call and a string hash each time, and on example-sized files that was the largest single
 * cost of an analysis (bench/NOTES.md). Here a word is read in place, character by character, and
 * answered with a small integer id; the word's string, and anything a caller derives from it, is
 * made once per id, and its hash is computed once, so later table look-ups are cheap. The stems
 * derived from words are interned in the same table (`exactWordId`), so that a document's stems can
 * be numbered by id (wordIds.ts, `LocalIds`).
 *
 * Only ASCII words are interned: lower-casing is then a fixed fold of A-Z, and a word's id never
 * depends on the locale. Anything else, and any word once the table is full, gets NO_WORD and the
 * caller takes its general path, so a hostile document cannot grow the table without end.
 */

export const NO_WORD = -1;

/** Words the table holds at most; frameworks use a few thousand, the English language some 10^5. */
const MAX_WORDS = 1 << 17;
/** Longer runs of letters are not words a table would see twice. */
export const MAX_WORD_LENGTH = 48;
const MAX_LENGTH = MAX_WORD_LENGTH;

/**
 * FNV-1a, the hash of the word table. A caller that hashes a word itself for `bufferedWordId`
 * (duplicates/tokens.ts, scope/tokens.ts) uses these, so that its hash is the one `wordId` makes;
 * the exact key's hash (duplicates/keyHash.ts) is FNV-1a too and shares them.
 */
export const FNV_OFFSET = 0x811c9dc5;
export const FNV_PRIME = 0x01000193;

const words: string[] = [];
/** Each word's characters end to end (ASCII, one byte each), and where each word starts: compared in place, near each other in memory. */
let chars = new Uint8Array(8192);
let starts = new Int32Array(1025);
/** Open addressing, two numbers per slot (the hash, then id + 1, 0 for an empty slot); kept at most half full. */
let slots = new Int32Array(2 * 2048);

function lower(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}

/** The word being looked up, lower-cased, one byte a character: compared with the table's bytes in place. */
const KEY = new Uint8Array(MAX_LENGTH);

/**
 * The id of text[start, end) lower-cased, adding it when new; NO_WORD when the range holds a
 * character outside ASCII, is longer than MAX_LENGTH, or the table is full.
 */
export function wordId(text: string, start: number, end: number): number {
  const length = end - start;
  if (length <= 0 || length > MAX_LENGTH) return NO_WORD;
  let h = FNV_OFFSET;
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(start + i);
    if (c >= 0x80) return NO_WORD;
    const l = lower(c);
    KEY[i] = l;
    h = Math.imul(h ^ l, FNV_PRIME);
  }
  return find(h, length);
}

/**
 * The id of a whole text taken as it is, for text that is already a word's lower-cased form (a
 * stem): NO_WORD when it holds an upper-case letter, since `wordId` would fold it onto another word.
 * It reads its text apart from `wordId`, so that the strings it is given (a stemmer's, often built
 * by concatenation) do not make V8 compile `wordId`'s reads, the hottest in the analysis, for every
 * kind of string.
 */
export function exactWordId(text: string): number {
  const length = text.length;
  if (length <= 0 || length > MAX_LENGTH) return NO_WORD;
  let h = FNV_OFFSET;
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80 || (c >= 65 && c <= 90)) return NO_WORD;
    KEY[i] = c;
    h = Math.imul(h ^ c, FNV_PRIME);
  }
  return find(h, length);
}

/**
 * For a caller that folds a text's words itself while it reads them (duplicates/tokens.ts reads the
 * exact key's words straight from the statement, scope/tokens.ts finds a word's end and its codes in
 * one pass): it writes a word's lower-cased ASCII codes here, from index 0, and asks
 * `bufferedWordId` for its id. Nothing else may run between the two.
 */
export const WORD_BUFFER: Uint8Array = KEY;

/**
 * The id of the word in WORD_BUFFER[0, length), whose FNV-1a hash (as `wordId` computes it) is h;
 * NO_WORD when it is longer than MAX_WORD_LENGTH or the table is full.
 */
export function bufferedWordId(h: number, length: number): number {
  if (length <= 0 || length > MAX_LENGTH) return NO_WORD;
  return find(h, length);
}

/** The id of the word in KEY[0, length) with hash h, adding it when new. */
function find(h: number, length: number): number {
  const mask = (slots.length >> 1) - 1;
  for (let slot = h & mask; ; slot = (slot + 1) & mask) {
    const entry = slots[2 * slot + 1];
    if (entry === 0) return add(h, length, slot);
    if (slots[2 * slot] === h && sameKey(entry - 1, length)) return entry - 1;
  }
}

/** The lower-cased word of an id from `wordId`. */
export function wordText(id: number): string {
  return words[id];
}

function sameKey(id: number, length: number): boolean {
  const from = starts[id];
  if (starts[id + 1] - from !== length) return false;
  for (let k = 0; k < length; k++) if (chars[from + k] !== KEY[k]) return false;
  return true;
}

function add(h: number, length: number, slot: number): number {
  if (words.length >= MAX_WORDS) return NO_WORD;
  const id = words.length;
  const from = starts[id];
  if (from + length > chars.length) chars = grown(chars, from + length);
  chars.set(KEY.subarray(0, length), from);
  // The string is built from the folded codes, so that it is one byte per character even when the
  // statement it came from holds a dash or quote outside Latin-1.
  words.push(String.fromCharCode(...KEY.subarray(0, length)));
  if (id + 2 > starts.length) starts = grown(starts, id + 2);
  starts[id + 1] = from + length;
  slots[2 * slot] = h;
  slots[2 * slot + 1] = id + 1;
  if (4 * words.length > slots.length) rehash();
  return id;
}

function grown<T extends Uint8Array | Int32Array>(a: T, atLeast: number): T {
  const b = new (a.constructor as new (n: number) => T)(Math.max(2 * a.length, atLeast));
  b.set(a);
  return b;
}

function rehash(): void {
  const old = slots;
  slots = new Int32Array(2 * old.length);
  const mask = (slots.length >> 1) - 1;
  for (let k = 0; k < old.length; k += 2) {
    if (old[k + 1] === 0) continue;
    let slot = old[k] & mask;
    while (slots[2 * slot + 1] !== 0) slot = (slot + 1) & mask;
    slots[2 * slot] = old[k];
    slots[2 * slot + 1] = old[k + 1];
  }
}

/**
 * Something derived from each word (its norm, its stem), kept by word id in a dense array: a table
 * written out of order would turn into a slow dictionary, so it grows one slot at a time.
 */
export class ByWord<T> {
  private readonly values: (T | undefined)[] = [];

  get(id: number): T | undefined {
    return this.values[id];
  }

  set(id: number, value: T): T {
    while (this.values.length <= id) this.values.push(undefined);
    this.values[id] = value;
    return value;
  }
}

/**
 * A copy of `s` that holds nothing of the string it may have been sliced from, for the tables kept
 * from one analysis to the next. V8 makes a slice of 13 or more characters a view of its source,
 * and a statement's text is a slice of its document: a table that kept such a slice as it is would
 * keep that version of the document alive for good (test/unit/tables.test.ts).
 */
export function detached(s: string): string {
  return (' ' + s).slice(1);
}

/** Words held now (for tests of the bound). */
export function wordCount(): number {
  return words.length;
}
