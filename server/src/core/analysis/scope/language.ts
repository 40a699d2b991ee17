/**
 * Whether a statement is written in English, which is the only language the built-in scope lexicon
 * reads. Frameworks are also written in French, Spanish, German and other languages, and their words
 * meet the lexicon's English ones by accident: the French "fonds national" (a national collection)
 * read as work beyond the organisation, the German "Programme für Kinder" (programmes for children)
 * as work across many projects. Such a statement gives the lexicon one or two stray cognates and none
 * of the phrases that would balance them ("sous la supervision de" is not "under the supervision
 * of"), so its reading is noise, and the scope rules reported it as a misplaced statement.
 *
 * The test counts function words, the usual way to tell languages apart in short texts: articles,
 * prepositions and conjunctions of English against those of the other languages whose words share
 * the lexicon's Latin roots. A statement holding more of the others' than of English's (and at least
 * one) is not English. Words two of the languages spell alike ("in", "a", "an", "also", "was", "die",
 * "as", "no", "do", "is", "over", "door", "van", "per") are in neither list, nor are words English
 * text holds as abbreviations or borrowings ("un" for the UN, "os", the "e" of "e.g.", "et al.", "en
 * route", "on par": "et", "al", "en" and "par" count for neither), so that no word counts for
 * both sides; a statement without any function word (telegraphic English, "Shelve returns.") stays
 * English. Words of a hyphenated compound are left out: the "de" of "de-escalate" is no French word.
 *
 * Such a statement is not read by the built-in lexicon, only by the phrases a project's config adds
 * (which may be in its own language); its content words still link it into threads.
 */
import { ByWord, NO_WORD } from '../words';
import type { Token } from './tokens';

/** English function words that no language below writes as a word of its own. */
const ENGLISH: ReadonlySet<string> = new Set(
  ('the and of to for with from by into onto within across through throughout between among about ' +
    'their its this that these those which who whose are be been being has have had or not such ' +
    'other each every any all under upon while when where using').split(' '),
);

/**
 * Function words of French, Spanish, Italian, Portuguese, German and Dutch, the languages whose
 * words share the lexicon's Latin roots ("national", "programme", "culture", "innovation",
 * "routine"); words another script spells (Arabic, Hebrew, Greek, Chinese) never match the lexicon.
 * Tokens are lower case with apostrophes removed, so "l'" and "d'" forms are not listed.
 */
const OTHER: ReadonlySet<string> = new Set(
  [
    // French
    'le la les des du de une pour sur dans avec sous aux au ou selon vers chez leur leurs ses sa ces cette qui que à où',
    // Spanish
    'el los las del y con para según bajo entre sobre como una su sus',
    // Italian
    'il lo gli della delle dei degli di nel nella alla sulla che',
    // Portuguese
    'da das dos em pelo pela ao nos nas uma',
    // German
    'der den dem des und mit für von zu im ist eine ein einer einem eines auf bei nach unter oder zur zum durch über',
    // Dutch
    'het een op voor te zijn aan bij naar onder',
  ]
    .join(' ')
    .split(' '),
);

/** What a word counts for: nothing, English, or another language. */
const NEITHER = 0;
const ENGLISH_WORD = 1;
const OTHER_WORD = 2;

/**
 * Each interned word's class, by word id: every word of every statement is classed, and two set
 * look-ups of its string per token were 3% of a lint run's time over 1,000 example-sized files.
 * The class follows from the word alone, so the table is safe to keep (words.ts).
 */
const CLASS_BY_WORD = new ByWord<number>();

function classOfNorm(norm: string): number {
  return ENGLISH.has(norm) ? ENGLISH_WORD : OTHER.has(norm) ? OTHER_WORD : NEITHER;
}

function classOf(t: Token): number {
  if (t.word === NO_WORD) return classOfNorm(t.norm);
  const known = CLASS_BY_WORD.get(t.word);
  return known !== undefined ? known : CLASS_BY_WORD.set(t.word, classOfNorm(t.norm));
}

/** True unless the tokens hold more function words of another language than of English. */
export function readsAsEnglish(tokens: readonly Token[]): boolean {
  let english = 0;
  let other = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.hyphenated || (i + 1 < tokens.length && tokens[i + 1].hyphenated)) continue;
    const c = classOf(t);
    if (c === ENGLISH_WORD) english++;
    else if (c === OTHER_WORD) other++;
  }
  return other === 0 || other <= english;
}
