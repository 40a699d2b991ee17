/**
 * Where a character of a string's value sits in the document: a JSON string literal may hold escapes
 * (`\u2014`, `\"`), and then an offset in the value is not the same distance from the opening quote
 * in the text. Each escape decodes to one UTF-16 unit (a `\uXXXX` to one unit, a surrogate pair to
 * two escapes), so walking the literal and counting units finds the place.
 */

/**
 * The document offset of value offset `valueOffset` in the string literal whose opening quote is at
 * `literalStart`. `verbatim` literals (no escapes) are mapped without reading the text. An offset
 * past the value's end maps to the closing quote.
 */
export function literalOffset(text: string, literalStart: number, valueOffset: number, verbatim = false): number {
  const first = literalStart + 1;
  if (verbatim) return first + valueOffset;
  let at = first;
  for (let v = 0; v < valueOffset && at < text.length; v++) {
    const c = text.charCodeAt(at);
    if (c === 0x22) break; // The closing quote: the value ends here.
    at += c === 0x5c ? (text.charCodeAt(at + 1) === 0x75 ? 6 : 2) : 1;
  }
  return Math.min(at, text.length);
}
