/**
 * Content words for near-duplicate similarity: the canonical words of `normalise.ts`, without
 * function words, stemmed so that inflections ("identify", "identifies", "identifying") meet.
 */
import { stemmer } from 'stemmer';
import { STOPWORDS } from './stopwords';
import { words } from './normalise';

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

/** The distinct stemmed content words of a text, sorted (the set that similarity is computed over). */
export function contentSet(text: string): string[] {
  return [...new Set(contentStems(text))].sort();
}

/**
 * The distinct stemmed content words of an exact key (`exactKey`), which already holds the canonical
 * words: no second normalisation. Unsorted: the similarity join orders them itself.
 */
export function contentSetOfKey(key: string): string[] {
  const out = new Set<string>();
  for (const w of key.split(' ')) if (w !== '' && !STOPWORDS.has(w)) out.add(stem(w));
  return [...out];
}
