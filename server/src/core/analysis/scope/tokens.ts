/**
 * Tokenising and stemming for the scope model and the thread finder. Statements are tokenised once;
 * every later step (lexicon matching, content words, similarity) works on the token list, so the cost
 * of an analysis stays linear in the length of the text.
 */
import { bufferedWordId, ByWord, detached, exactWordId, FNV_OFFSET, FNV_PRIME, MAX_WORD_LENGTH, NO_WORD, WORD_BUFFER, wordText } from '../words';
import { idBuffer, type LocalIds } from '../wordIds';

export interface Token {
  /** The token in lower case, with British and American spellings brought together (-ize -> -ise). */
  norm: string;
  /** The word's id in words.ts (NO_WORD for a word outside ASCII), for look-ups without hashing. */
  word: number;
  /** Offsets within the text the token came from (end exclusive). */
  start: number;
  end: number;
  /** True when the token is joined to the previous one by a hyphen ("non-routine", "library-wide"). */
  hyphenated: boolean;
  /** True when a comma, semicolon or colon stands between this token and the previous one. */
  afterPunctuation: boolean;
}

function isWordChar(code: number): boolean {
  return (
    (code >= 97 && code <= 122) || // a-z
    (code >= 65 && code <= 90) || // A-Z
    (code >= 48 && code <= 57) || // 0-9
    code === 39 || // apostrophe, kept inside words such as "organisation's"
    code === 0x2019 ||
    code > 0xbf // letters with diacritics and other scripts count as word characters
  );
}

/** Spelling variants that would otherwise keep "organization" and "organisation" apart. */
function normaliseSpelling(word: string): string {
  // Most words need nothing: test cheaply before any regular expression runs.
  if (!word.includes('z') && !word.includes("'") && !word.includes('\u2019')) return word;
  let w = word.replace(/[\u2019']/g, "'");
  if (w.endsWith("'s")) w = w.slice(0, -2);
  w = w.replace(/'/g, '');
  // -ize/-ization/-yze are folded onto -ise/-isation/-yse (a cheap, reversible-enough fold).
  w = w.replace(/iz(e|es|ed|ing|ation|ations)$/, 'is$1').replace(/yz(e|es|ed|ing)$/, 'ys$1');
  return w;
}

/** Each interned word's norm, by word id (words.ts). */
const NORMS = new ByWord<string>();

/** The norm of word `id` (text[start, end)): looked up by id, made only for a word not seen before. */
function normOf(id: number, text: string, start: number, end: number): string {
  if (id === NO_WORD) return normaliseSpelling(text.slice(start, end).toLowerCase());
  return NORMS.get(id) ?? NORMS.set(id, normaliseSpelling(wordText(id)));
}

export function tokenise(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let pendingHyphen = false;
  let pendingPunct = false;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (isWordChar(c) && !(c === 39 || c === 0x2019)) {
      // The word is read once: its extent, and at the same time its lower-cased codes and hash as
      // `wordId` would read them again (one pass less over every word of every statement).
      const start = i;
      let h = FNV_OFFSET;
      let ascii = true;
      for (; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (!isWordChar(d)) break;
        if (d >= 0x80) ascii = false;
        const l = d >= 65 && d <= 90 ? d + 32 : d;
        if (i - start < MAX_WORD_LENGTH) WORD_BUFFER[i - start] = l;
        h = Math.imul(h ^ l, FNV_PRIME);
      }
      const word = ascii ? bufferedWordId(h, i - start) : NO_WORD;
      tokens.push({
        norm: normOf(word, text, start, i),
        word,
        start,
        end: i,
        hyphenated: pendingHyphen && tokens.length > 0,
        afterPunctuation: pendingPunct,
      });
      pendingHyphen = false;
      pendingPunct = false;
      continue;
    }
    // A hyphen directly between two word characters joins them ("non-routine"); a spaced dash does not.
    if (c === 45 /* - */ && i > 0 && isWordChar(text.charCodeAt(i - 1)) && i + 1 < text.length && isWordChar(text.charCodeAt(i + 1))) {
      pendingHyphen = true;
    } else if (c === 44 || c === 59 || c === 58 || c === 46 || c === 40 || c === 41) {
      pendingPunct = true;
      pendingHyphen = false;
    } else if (c !== 32 && c !== 9) {
      pendingHyphen = false;
    }
    i++;
  }
  return tokens;
}

/**
 * A light suffix stripper, enough to bring "supervises", "supervising" and "supervision" close for
 * similarity between statements. It is not Porter's algorithm; it only has to be consistent.
 */
export function stem(word: string): string {
  let w = word;
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) w = w.slice(0, -3) + 'y';
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);
  for (const suffix of ['ational', 'isation', 'ation', 'ition', 'ment', 'ness', 'ing', 'ion', 'ity', 'ive', 'ed', 'ly', 'al', 'er']) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 4) {
      w = w.slice(0, -suffix.length);
      break;
    }
  }
  if (w.endsWith('e') && w.length > 4) w = w.slice(0, -1);
  // Doubled final consonants left by -ing/-ed ("planning" -> "plann") fold back.
  const n = w.length;
  if (n > 3 && w[n - 1] === w[n - 2] && !'aeiouls'.includes(w[n - 1])) w = w.slice(0, -1);
  return w;
}

/** Words that carry no topic: function words and the filler of competency statements. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a an the and or but nor of to in on at by for with from into onto as about over under within without across ' +
    'be is are was were been being am can could should would will shall may might must do does did done ' +
    'this that these those it its their them they there here your you yours our we us he she his her ' +
    'such other others own any all some each every more most less least many much few very also only ' +
    'how what why when where which who whom whose while than then so not no if whether including include ' +
    'use using used able make making ensure ensuring way ways work working appropriate relevant'
  ).split(' '),
);

/**
 * Each word's content stem, or null for a word that carries no content. Frameworks repeat a small
 * vocabulary thousands of times, so the answer is remembered (up to a bound that keeps a hostile
 * document from growing it without end).
 */
const CONTENT_STEMS = new Map<string, string | null>();
const MAX_MEMO = 100_000;

export function contentStem(norm: string): string | null {
  let s = CONTENT_STEMS.get(norm);
  if (s !== undefined) return s;
  s = norm.length < 2 || STOP_WORDS.has(norm) || /^\d+$/.test(norm) ? null : stem(norm);
  if (CONTENT_STEMS.size < MAX_MEMO) CONTENT_STEMS.set(detached(norm), s === null ? null : detached(s));
  return s;
}

/** Each interned word's content stem, by word id: what `contentStem` gives for its norm. */
const TOKEN_STEMS = new ByWord<string | null>();

/** A token's content stem, found by its word id where it has one (an array read, not a hash look-up). */
export function tokenContentStem(t: Token): string | null {
  if (t.word === NO_WORD) return contentStem(t.norm);
  const known = TOKEN_STEMS.get(t.word);
  return known !== undefined ? known : TOKEN_STEMS.set(t.word, contentStem(t.norm));
}

/** Stemmed content words of a text, in order (duplicates kept). */
export function contentStems(tokens: Token[]): string[] {
  const out: string[] = [];
  for (const t of tokens) {
    const s = tokenContentStem(t);
    if (s !== null) out.push(s);
  }
  return out;
}

/** TOKEN_STEM_IDS' entry for a word with no content stem. */
const NO_STEM = -2;
/** Each interned word's content stem as an interned id (NO_STEM, or NO_WORD for a stem that is not interned), by word id. */
const TOKEN_STEM_IDS = new ByWord<number>();

/**
 * The content stems of a token list as ids of `ids`, in order, repeats kept: `contentStems` as
 * numbers. A token with a word id finds its stem's id by it, without hashing the stem.
 */
export function contentStemIds(tokens: Token[], ids: LocalIds): Int32Array {
  const out = idBuffer(tokens.length);
  let n = 0;
  for (const t of tokens) {
    let stemId = t.word === NO_WORD ? NO_WORD : TOKEN_STEM_IDS.get(t.word);
    if (stemId === undefined) {
      const s = tokenContentStem(t);
      stemId = TOKEN_STEM_IDS.set(t.word, s === null ? NO_STEM : exactWordId(s));
    }
    if (stemId >= 0) out[n++] = ids.ofWord(stemId);
    else if (stemId === NO_WORD) {
      const s = tokenContentStem(t);
      if (s !== null) out[n++] = ids.ofString(s);
    }
  }
  return out.slice(0, n);
}
