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

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a over the key's UTF-16 code units. */
export function keyHash(key: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), FNV_PRIME);
  return h | 0;
}

const SPACE = 32;
const APOSTROPHE = 39;

/**
 * A character as exactKey's fast path sees it after lower-casing and unifying single quotes, or -1
 * when the text needs exactKey's full Unicode path (the character is outside the typographic set).
 */
function folded(c: number): number {
  if (c < 0x80) {
    if (c >= 65 && c <= 90) return c + 32;
    return c === 0x60 ? APOSTROPHE : c;
  }
  if (c === 0x2018 || c === 0x2019) return APOSTROPHE;
  if (c === 0xa0 || (c >= 0x2010 && c <= 0x2015) || c === 0x201c || c === 0x201d || c === 0x2212) return SPACE;
  return -1;
}

function isLetter(c: number): boolean {
  return c >= 97 && c <= 122;
}

function isWordChar(c: number): boolean {
  return isLetter(c) || (c >= 48 && c <= 57);
}

export function exactKeyHash(text: string): number {
  let h = FNV_OFFSET;
  let pendingSpace = false;
  let emitted = false;
  // The regex /([a-z])'([a-z])/g takes matches left to right without overlap: an apostrophe is
  // dropped when the letters around it are not part of the previous match.
  let matchEnd = 0;
  let prev = -1;
  let c = text.length > 0 ? folded(text.charCodeAt(0)) : -2;
  if (c === -1) return keyHash(exactKey(text));
  for (let i = 0; i < text.length; i++) {
    const next = i + 1 < text.length ? folded(text.charCodeAt(i + 1)) : -2;
    if (next === -1) return keyHash(exactKey(text));
    if (c === APOSTROPHE && isLetter(prev) && isLetter(next) && i - 1 >= matchEnd) {
      matchEnd = i + 2;
    } else if (isWordChar(c)) {
      if (pendingSpace) h = Math.imul(h ^ SPACE, FNV_PRIME);
      h = Math.imul(h ^ c, FNV_PRIME);
      pendingSpace = false;
      emitted = true;
    } else if (emitted) {
      pendingSpace = true;
    }
    prev = c;
    c = next;
  }
  return h | 0;
}
