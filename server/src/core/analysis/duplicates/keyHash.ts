/**
 * A 32-bit hash of a statement's exact-duplicate key (normalise.ts), computed without building the
 * key. Exact duplicates are found by hash first and confirmed by key, so the key of a statement is
 * built only when its hash meets another's: on a 20 MB framework that spares 150,000 keys (and the
 * map that grouped them), which were most of the cheap analysis's time and memory.
 *
 * `exactKeyHash(text) === keyHash(exactKey(text))` for every text (a property test holds them
 * equal): the plain and typographic texts that exactKey handles with its fast path are hashed here in
 * one pass that reproduces it character for character; any other text goes through exactKey.
 */
import { exactKey } from './normalise';
import { listMarker } from '../../model/listMarker';
import { FNV_OFFSET, FNV_PRIME } from '../words';

export { FNV_OFFSET, FNV_PRIME };

/** FNV-1a over the key's UTF-16 code units. */
export function keyHash(key: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), FNV_PRIME);
  return h | 0;
}

export const SPACE = 32;
export const APOSTROPHE = 39;

/**
 * ASCII characters as exactKey's fast path sees them: letters lower-cased and digits as they are
 * (every one above APOSTROPHE), the apostrophe and backtick as APOSTROPHE, and everything else 0, a
 * break between words. One table read instead of a chain of comparisons per character: this hash is
 * most of the work the editor does on a large document (20 MB: 145,000 statements, 155 ms).
 */
const ASCII_FOLD = new Uint8Array(128);
for (let c = 48; c <= 57; c++) ASCII_FOLD[c] = c;
for (let c = 97; c <= 122; c++) ASCII_FOLD[c] = c;
for (let c = 65; c <= 90; c++) ASCII_FOLD[c] = c + 32;
ASCII_FOLD[39] = APOSTROPHE;
ASCII_FOLD[0x60] = APOSTROPHE;

/**
 * A character as exactKey's fast path sees it (see ASCII_FOLD; SPACE for the typographic breaks),
 * or -1 when the text needs exactKey's full Unicode path (the character is outside that set).
 */
export function folded(c: number): number {
  if (c < 0x80) return ASCII_FOLD[c];
  if (c === 0x2018 || c === 0x2019) return APOSTROPHE;
  if (c === 0xa0 || (c >= 0x2010 && c <= 0x2015) || c === 0x201c || c === 0x201d || c === 0x2212) return SPACE;
  return -1;
}

export function exactKeyHash(text: string): number {
  let h = FNV_OFFSET;
  let pendingSpace = false;
  let emitted = false;
  let previousIsLetter = false;
  // The regex /([a-z])'([a-z])/g takes matches left to right without overlap: an apostrophe is
  // dropped when the letters around it are not part of the previous match.
  let matchEnd = 0;
  const n = text.length;
  // exactKey reads past a leading list marker; so does the hash.
  for (let i = listMarker(text)?.contentStart ?? 0; i < n; i++) {
    const c = folded(text.charCodeAt(i));
    if (c > APOSTROPHE) {
      // A letter or digit of the key.
      if (pendingSpace) h = Math.imul(h ^ SPACE, FNV_PRIME);
      h = Math.imul(h ^ c, FNV_PRIME);
      pendingSpace = false;
      emitted = true;
      previousIsLetter = c >= 97;
      continue;
    }
    if (c < 0) return keyHash(exactKey(text));
    if (c === APOSTROPHE && previousIsLetter && i - 1 >= matchEnd && i + 1 < n) {
      const next = folded(text.charCodeAt(i + 1));
      if (next >= 97) {
        // Inside a word ("organisation's"): the apostrophe is dropped and the word goes on.
        matchEnd = i + 2;
        previousIsLetter = false;
        continue;
      }
    }
    if (emitted) pendingSpace = true;
    previousIsLetter = false;
  }
  return h | 0;
}
