/**
 * One string per lower-cased ASCII word, shared by every analysis of the process. The scope model
 * and the near-duplicate join look every word of every statement up in several tables (stems, stop
 * words, the lexicon); a word sliced fresh from its statement and lower-cased costs an allocation,
 * a runtime call and a string hash each time, and on example-sized files that was the largest single
 * cost of an analysis (bench/NOTES.md). Here a word is read in place, character by character, and
 * answered with a small integer id; the word's string, and anything a caller derives from it, is
 * made once per id, and its hash is computed once, so later table look-ups are cheap.
 *
 * Only ASCII words are interned: lower-casing is then a fixed fold of A-Z, and a word's id never
 * depends on the locale. Anything else, and any word once the table is full, gets NO_WORD and the
 * caller takes its general path, so a hostile document cannot grow the table without end.
 */

export const NO_WORD = -1;

/** Words the table holds at most; frameworks use a few thousand, the English language some 10^5. */
const MAX_WORDS = 1 << 17;
/** Longer runs of letters are not words a table would see twice. */
const MAX_LENGTH = 48;

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

const words: string[] = [];
let hashes = new Int32Array(1024);
/** Open addressing: id + 1 per slot, 0 for an empty slot; kept at most half full. */
let slots = new Int32Array(2048);

function lower(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}

/**
 * The id of text[start, end) lower-cased, adding it when new; NO_WORD when the range holds a
 * character outside ASCII, is longer than MAX_LENGTH, or the table is full.
 */
export function wordId(text: string, start: number, end: number): number {
  const length = end - start;
  if (length <= 0 || length > MAX_LENGTH) return NO_WORD;
  let h = FNV_OFFSET;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80) return NO_WORD;
    h = Math.imul(h ^ lower(c), FNV_PRIME);
  }
  const mask = slots.length - 1;
  for (let slot = h & mask; ; slot = (slot + 1) & mask) {
    const entry = slots[slot];
    if (entry === 0) return add(text, start, end, h, slot);
    const id = entry - 1;
    if (hashes[id] === h && sameWord(words[id], text, start, length)) return id;
  }
}

/** The lower-cased word of an id from `wordId`. */
export function wordText(id: number): string {
  return words[id];
}

function sameWord(word: string, text: string, start: number, length: number): boolean {
  if (word.length !== length) return false;
  for (let k = 0; k < length; k++) if (word.charCodeAt(k) !== lower(text.charCodeAt(start + k))) return false;
  return true;
}

function add(text: string, start: number, end: number, h: number, slot: number): number {
  if (words.length >= MAX_WORDS) return NO_WORD;
  const id = words.length;
  // Built from the folded codes, so that the string is one byte per character even when the
  // statement it came from holds a dash or quote outside Latin-1.
  const codes: number[] = [];
  for (let i = start; i < end; i++) codes.push(lower(text.charCodeAt(i)));
  words.push(String.fromCharCode(...codes));
  if (id >= hashes.length) {
    const grown = new Int32Array(hashes.length * 2);
    grown.set(hashes);
    hashes = grown;
  }
  hashes[id] = h;
  slots[slot] = id + 1;
  if (2 * words.length > slots.length) rehash();
  return id;
}

function rehash(): void {
  slots = new Int32Array(slots.length * 2);
  const mask = slots.length - 1;
  for (let id = 0; id < words.length; id++) {
    let slot = hashes[id] & mask;
    while (slots[slot] !== 0) slot = (slot + 1) & mask;
    slots[slot] = id + 1;
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

/** Words held now (for tests of the bound). */
export function wordCount(): number {
  return words.length;
}
