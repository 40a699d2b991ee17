/**
 * White space as JavaScript's \s defines it (ECMAScript's WhiteSpace and LineTerminator: the tab,
 * line breaks, the non-breaking space and the other Unicode spaces), settled by the character's
 * code without a regular expression. Statements are split and checked character by character in
 * the hot paths; test/unit/rules/statement-spacing.test.ts holds this to \s over every code unit.
 */
export function isWhiteSpaceCode(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * Whether a text has more than `max` words, as `text.split(/\s+/).filter(Boolean)` counts them,
 * without making them; it stops at the word past `max`. Topics and placeholders are told apart from
 * sentences by their length in words, once for every statement.
 */
export function hasMoreWords(text: string, max: number): boolean {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = isWhiteSpaceCode(text.charCodeAt(i));
    if (!space && !inWord && ++count > max) return true;
    inWord = !space;
  }
  return false;
}
