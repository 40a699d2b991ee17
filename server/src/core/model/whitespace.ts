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
