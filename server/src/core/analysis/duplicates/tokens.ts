/**
 * Content words for near-duplicate similarity: the canonical words of `normalise.ts`, without
 * function words, stemmed so that inflections ("identify", "identifies", "identifying") meet.
 */
import { listMarker } from '../../model/listMarker';
import { stemmer } from 'stemmer';
import { STOPWORDS } from './stopwords';
import { exactKey, words } from './normalise';
import { APOSTROPHE, FNV_OFFSET, FNV_PRIME, folded, keyHash, SPACE } from './keyHash';
import { bufferedWordId, ByWord, detached, exactWordId, MAX_WORD_LENGTH, NO_WORD, WORD_BUFFER, wordId, wordText } from '../words';
import { idBuffer, type LocalIds } from '../wordIds';

/** Stems are memoised: frameworks repeat a small vocabulary many times, and stemming dominates the cost. */
const STEMS = new Map<string, string>();
const MAX_MEMO = 200_000;

/**
 * Porter's stem of a canonical word, after folding the American -ize/-yze spellings onto -ise/-yse so
 * that "organization" and "organisation" meet (Porter's rules alone keep them apart).
 */
export function stem(word: string): string {
  let s = STEMS.get(word);
  if (s !== undefined) return s;
  const folded = word.replace(/iz(e|es|ed|ing|ation|ations)$/, 'is$1').replace(/yz(e|es|ed|ing)$/, 'ys$1');
  s = /^\p{N}+$/u.test(folded) ? folded : stemmer(folded);
  if (STEMS.size < MAX_MEMO) STEMS.set(detached(word), detached(s));
  return s;
}

export function isStopword(word: string): boolean {
  return STOPWORDS.has(word);
}

/** The stemmed content words of a text, in order, repeats kept. */
export function contentStems(text: string): string[] {
  const out: string[] = [];
  for (const w of words(text)) if (!STOPWORDS.has(w)) out.push(stem(w));
  return out;
}

/** Each interned word's content stem (null for a stop word), by word id (words.ts). */
const CONTENT_STEMS = new ByWord<string | null>();

/** STEM_IDS' entry for a stop word. */
const STOP = -2;
/** Each interned word's content stem as an interned id (STOP for a stop word, NO_WORD for a stem that is not interned), by word id. */
const STEM_IDS = new ByWord<number>();

/**
 * The content stem of interned word `word` as an id of `ids`, or -1 for a stop word: found by the
 * word's id, so that no string is made or hashed for it once its stem is known.
 */
function contentIdOfWord(word: number, ids: LocalIds): number {
  let stemId = STEM_IDS.get(word);
  if (stemId === undefined) {
    const s = contentStemOfWord(word);
    stemId = STEM_IDS.set(word, s === null ? STOP : exactWordId(s));
  }
  if (stemId >= 0) return ids.ofWord(stemId);
  if (stemId === STOP) return -1;
  // A stem the word table cannot hold is looked up by its text.
  return ids.ofString(contentStemOfWord(word)!);
}

/**
 * The stemmed content words of an exact key (`exactKey`, which already holds the canonical words)
 * as ids of `ids`, in order, repeats kept: the key's words without stop words, stemmed. An interned
 * word's stem is found by the word's id, so no string is made or hashed for it.
 */
export function contentIdsOfKey(key: string, ids: LocalIds): Int32Array {
  const out = idBuffer((key.length + 1) >> 1);
  let n = 0;
  let start = 0;
  while (start < key.length) {
    let end = key.indexOf(' ', start);
    if (end === -1) end = key.length;
    if (end > start) {
      const word = wordId(key, start, end);
      if (word !== NO_WORD) {
        const id = contentIdOfWord(word, ids);
        if (id >= 0) out[n++] = id;
      } else {
        // A word outside the word table (too long, or the table is full) is stemmed as text.
        const w = key.slice(start, end);
        if (!STOPWORDS.has(w)) out[n++] = ids.ofString(stem(w));
      }
    }
    start = end + 1;
  }
  return out.slice(0, n);
}

/** A statement's exact key as the duplicate searches use it, without the key itself. */
export interface KeyWords {
  /** `keyHash(exactKey(text))`. */
  hash: number;
  /** `contentIdsOfKey(exactKey(text), ids)`. */
  ids: Int32Array;
  /** True when the key is empty (the text has no letter or digit). */
  empty: boolean;
}

/** The composition `keyWords` stands for, which it falls back on for the texts it does not read itself. */
function keyWordsOfKey(text: string, ids: LocalIds): KeyWords {
  const key = exactKey(text);
  return { hash: keyHash(key), ids: contentIdsOfKey(key, ids), empty: key === '' };
}

/**
 * What the duplicate searches need of a statement's exact key, read from the statement in one pass:
 * the key's hash (which groups exact duplicates) and its content words as ids of `ids` (which the
 * near-duplicate join compares). Building the key with exactKey's regular expressions and then
 * splitting and hashing its words was the largest cost of a full analysis of example-sized files
 * (a fifth of it, in bench/NOTES.md); here each character is folded once, as `exactKeyHash` folds it,
 * into the key's hash and the word being read at the same time.
 *
 * Its reading loop is exactKeyHash's with the word's hash and buffer added. The two stay apart on
 * purpose: exactKeyHash is the editor's whole cost of a large document's exact duplicates, and one
 * loop serving both, with a branch for the words, made it 13% slower (20 MB, warm: 92 -> 104 ms).
 * Each is held to exactKey by its own property test, so neither can drift from it unnoticed.
 *
 * For every text it gives what `keyWordsOfKey` gives (a property test holds them equal). It reads
 * the texts of exactKey's fast paths (ASCII and the usual typographic dashes, quotes and spaces)
 * whose words are all in the word table; any other text takes the composition.
 */
export function keyWords(text: string, ids: LocalIds): KeyWords {
  // The key's words by interned id first: ids of `ids` are given only once the whole text is known
  // to be readable here, so that a text that falls back gets them in the fallback's order alone.
  const wordIds = wordBuffer((text.length + 1) >> 1);
  let count = 0;
  let h = FNV_OFFSET;
  let pendingSpace = false;
  let emitted = false;
  let previousIsLetter = false;
  // See exactKeyHash: the apostrophe rule's regular expression takes its matches without overlap.
  let matchEnd = 0;
  // The word being read: its length and hash so far, its codes in WORD_BUFFER.
  let length = 0;
  let wh = FNV_OFFSET;
  const n = text.length;
  // exactKey reads past a leading list marker; so does this.
  for (let i = listMarker(text)?.contentStart ?? 0; i <= n; i++) {
    const c = i < n ? folded(text.charCodeAt(i)) : 0;
    if (c > APOSTROPHE) {
      if (pendingSpace) h = Math.imul(h ^ SPACE, FNV_PRIME);
      h = Math.imul(h ^ c, FNV_PRIME);
      pendingSpace = false;
      emitted = true;
      previousIsLetter = c >= 97;
      if (length < MAX_WORD_LENGTH) WORD_BUFFER[length] = c;
      length++;
      wh = Math.imul(wh ^ c, FNV_PRIME);
      continue;
    }
    if (c < 0) return keyWordsOfKey(text, ids);
    if (c === APOSTROPHE && previousIsLetter && i - 1 >= matchEnd && i + 1 < n && folded(text.charCodeAt(i + 1)) >= 97) {
      // Inside a word ("organisation's"): the apostrophe is dropped and the word goes on.
      matchEnd = i + 2;
      previousIsLetter = false;
      continue;
    }
    if (length > 0) {
      // A word read before the text turns out to need the composition stays in the word table; the
      // table only ever holds words, and the ids below are given only for a text read to its end.
      const word = bufferedWordId(wh, length);
      // A word too long for the table, or a full table: the key's words are read from the key itself.
      if (word === NO_WORD) return keyWordsOfKey(text, ids);
      wordIds[count++] = word;
      length = 0;
      wh = FNV_OFFSET;
    }
    if (emitted) pendingSpace = true;
    previousIsLetter = false;
  }
  // Each word's content stem as an id of `ids`, as contentIdsOfKey finds it.
  const out = idBuffer(count);
  let k = 0;
  for (let w = 0; w < count; w++) {
    const id = contentIdOfWord(wordIds[w], ids);
    if (id >= 0) out[k++] = id;
  }
  return { hash: h | 0, ids: out.slice(0, k), empty: !emitted };
}

/** The interned ids of one key's words, reused by every call (see idBuffer). */
let WORDS = new Int32Array(256);

function wordBuffer(length: number): Int32Array {
  if (length > 1 << 16) return new Int32Array(length);
  if (WORDS.length < length) WORDS = new Int32Array(Math.max(2 * WORDS.length, length));
  return WORDS;
}

/** The content stem of an interned word (null for a stop word), as `contentStemOf` gives it. */
function contentStemOfWord(id: number): string | null {
  const known = CONTENT_STEMS.get(id);
  if (known !== undefined) return known;
  const w = wordText(id);
  return CONTENT_STEMS.set(id, STOPWORDS.has(w) ? null : stem(w));
}
