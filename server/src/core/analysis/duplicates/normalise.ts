/**
 * The canonical form of a statement for exact-duplicate detection. Two statements are "the same"
 * when an author would call them the same on reading: differences of Unicode form, case, spacing,
 * punctuation, dash style, a final period or a leading list marker do not count; a different word
 * does.
 */
import { listMarker } from '../../model/listMarker';

/** Every dash and hyphen-like character (hyphen, en and em dashes, minus, figure dash, ...). */
const DASHES = /[\u002D\u2010-\u2015\u2212\u2E3A\u2E3B\uFE58\uFE63\uFF0D]/g;
/** Curly and other typographic quotes, which authors and exports use interchangeably. */
const SINGLE_QUOTES = /[\u2018\u2019\u201A\u201B\u2032\u0060\u00B4]/g;
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g;
/** Anything that is neither a letter nor a digit is punctuation or space for this purpose. */
const NOT_WORD = /[^\p{L}\p{N}]+/gu;
const ASCII = /^[\x00-\x7f]*$/;
const TYPOGRAPHIC = /^[\x00-\x7f\u00a0\u2010-\u2015\u2018\u2019\u201c\u201d\u2212]*$/;
const ASCII_APOSTROPHE = /([a-z])['`]([a-z])/g;
const ASCII_NOT_WORD = /[^a-z0-9]+/g;

/**
 * The exact-duplicate key: past a leading list marker, NFKC, lower case (full Unicode case folding through toLowerCase), dashes
 * and quotes unified, then every run of punctuation and space reduced to a single space. Removing
 * punctuation makes "data-driven" equal "data driven" and drops a final period, which is what
 * authors mean by "the same statement".
 */
export function exactKey(text: string): string {
  // A leading list marker ("1. ", "• ", "E1) ") is no part of what the statement says: "1. X" and
  // "2. X" are the same statement, and removing a marker (statement-list-marker's fix) keeps the key.
  const marker = listMarker(text);
  if (marker) text = text.slice(marker.contentStart);
  // Most statements are plain ASCII, where NFKC, dash and quote folding change nothing; the
  // Unicode-aware path below costs several times more and is kept for the texts that need it.
  if (ASCII.test(text)) {
    return text.toLowerCase().replace(ASCII_APOSTROPHE, '$1$2').replace(ASCII_NOT_WORD, ' ').trim();
  }
  // ASCII plus the usual typographic dashes, quotes and no-break space (a "Topic — body" statement):
  // those are all separators or apostrophes, so the same fast path serves once quotes are unified.
  if (TYPOGRAPHIC.test(text)) {
    return text.toLowerCase().replace(SINGLE_QUOTES, "'").replace(ASCII_APOSTROPHE, '$1$2').replace(ASCII_NOT_WORD, ' ').trim();
  }
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(DASHES, '-')
    .replace(SINGLE_QUOTES, "'")
    .replace(DOUBLE_QUOTES, '"')
    // An apostrophe inside a word is part of it ("organisation's" stays one word).
    .replace(/(\p{L})'(\p{L})/gu, '$1$2')
    .replace(NOT_WORD, ' ')
    .trim();
}

/** The words of a statement in order, in the same canonical form as `exactKey` (for diffs in messages). */
export function words(text: string): string[] {
  const key = exactKey(text);
  return key === '' ? [] : key.split(' ');
}
