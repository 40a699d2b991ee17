/**
 * Content words for near-duplicate similarity: the canonical words of `normalise.ts`, without
 * function words, stemmed so that inflections ("identify", "identifies", "identifying") meet.
 */
import { stemmer } from 'stemmer';
import { STOPWORDS } from './stopwords';
import { words } from './normalise';
import { ByWord, exactWordId, NO_WORD, wordId, wordText } from '../words';
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
  if (STEMS.size < MAX_MEMO) STEMS.set(word, s);
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

/** The content stem of the canonical word key[start, end), read in place for an interned word. */
function contentStemOf(key: string, start: number, end: number): string | null {
  const id = wordId(key, start, end);
  if (id !== NO_WORD) {
    const known = CONTENT_STEMS.get(id);
    if (known !== undefined) return known;
  }
  const w = id === NO_WORD ? key.slice(start, end) : wordText(id);
  const s = STOPWORDS.has(w) ? null : stem(w);
  if (id !== NO_WORD) CONTENT_STEMS.set(id, s);
  return s;
}

/** STEM_IDS' entry for a stop word. */
const STOP = -2;
/** Each interned word's content stem as an interned id (STOP for a stop word, NO_WORD for a stem that is not interned), by word id. */
const STEM_IDS = new ByWord<number>();

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
      let stemId = word === NO_WORD ? NO_WORD : STEM_IDS.get(word);
      if (stemId === undefined) {
        const s = contentStemOf(key, start, end);
        stemId = STEM_IDS.set(word, s === null ? STOP : exactWordId(s));
      }
      if (stemId >= 0) out[n++] = ids.ofWord(stemId);
      else if (stemId === NO_WORD) {
        const s = contentStemOf(key, start, end);
        if (s !== null) out[n++] = ids.ofString(s);
      }
    }
    start = end + 1;
  }
  return out.slice(0, n);
}
