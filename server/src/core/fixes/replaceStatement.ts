/**
 * A fix that rewrites one statement. It replaces the whole string literal, quotes included, with the
 * JSON encoding of the corrected text: offsets inside a literal that holds escapes (`\u2014`, `\"`)
 * do not match offsets in its value, and re-encoding the whole value cannot break an escape.
 */
import type { Statement } from '../model/types';
import type { Fix } from '../types';

export function replaceStatementFix(s: Statement, fixedText: string, title: string, safe = true): Fix {
  return { title, safe, edits: [{ start: s.range.start, end: s.range.end, newText: JSON.stringify(fixedText) }] };
}
