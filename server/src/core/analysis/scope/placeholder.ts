/**
 * Placeholders: entries that stand in a level's list to say the level has no statements ("This
 * skill level is currently not defined.", "N/A", "To be confirmed"). They describe no work, so the
 * scope model reads nothing from them: no profile, no content words (which they share with the
 * placeholders of other levels and would otherwise link into a "thread"), no part in a level's
 * reading, and no finding of their own.
 */
import { hasMoreWords } from '../../model/whitespace';

/** A placeholder is short: a real statement that happens to contain "not defined" is longer. */
const MAX_WORDS = 10;

/**
 * What a placeholder says, as whole words: the level (or skill, or statement) is not defined, not
 * applicable, to be decided, or there is none. Matched against the lower-cased text.
 */
const PLACEHOLDER = new RegExp(
  [
    String.raw`\bnot\s+(?:yet\s+|currently\s+)?(?:defined|applicable|specified|described|available|used|required|relevant)\b`,
    String.raw`\bno\s+(?:statements?|description|definition|content)\b`,
    String.raw`\bto\s+be\s+(?:defined|determined|confirmed|decided|added|written|agreed)\b`,
    // The text is trimmed before it is matched, so no whitespace is allowed around the whole. Two
    // whitespace runs side by side (`\s*\.?\s*$`) backtracked quadratically on "-" and a long run
    // of spaces (100k spaces took seconds); one run before a required period is linear.
    String.raw`^(?:n/?a|tbc|tbd|none|todo|-+)(?:\s*\.)?$`,
  ].join('|'),
  'i',
);

/**
 * A placeholder speaks about the level ("This level...", "Not applicable", "None"); a statement that
 * opens with what its holder does ("identify which controls are not applicable") is a statement.
 */
const OPENING = /^(?:this|these|the|level|skill|statements?|not|no|none|n\/?a|tbc|tbd|to\s+be|currently|yet)\b|^-/i;

export function isPlaceholder(text: string): boolean {
  const trimmed = text.trim();
  if (trimmed === '') return true;
  // The anchored opening fails at the first word of almost every real statement, so it is tested
  // before the words are counted: counting them was the larger cost, paid by every statement.
  return OPENING.test(trimmed) && !hasMoreWords(trimmed, MAX_WORDS) && PLACEHOLDER.test(trimmed);
}

/**
 * What a pending placeholder says: the text is still to come ("to be written", "TBC", "not yet
 * defined"), against one that says there is none ("not applicable", "N/A", "none").
 */
const PENDING = /\bto\s+be\s+(?:defined|determined|confirmed|decided|added|written|agreed)\b|\bnot\s+yet\b|^(?:tbc|tbd|todo)\b/i;

/**
 * A placeholder for a statement still to be written ("Circulation — to be written."): it leaves its
 * topic's gap open, where one that says the topic does not apply ("Budget — not applicable at this
 * level.") is the author's word that the topic honestly stops there (threads.ts).
 */
export function isPendingPlaceholder(text: string): boolean {
  return isPlaceholder(text) && PENDING.test(text.trim());
}
