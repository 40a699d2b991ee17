/**
 * A list marker at the start of a statement: a bullet or a number copied with the statement from a
 * document that listed it ("• ", "- ", "1. ", "2) ", "(a) ", "E1) "). The export's statements are a
 * JSON list already, so the marker is no part of what the statement says; the topic split reads the
 * statement after it (so "E1) Budget tracking" and "D3) Budget tracking" name one topic), and the
 * statement-list-marker rule points it out.
 *
 * The forms are kept to those no statement starts with for what it says. A number counts only with
 * the "." or ")" that closes a list number and a space after it, so "3D printing", "24-hour service"
 * and "2.5 days" are statements; a letter counts only closed by ")" ("a) ", "E1) ", "iv) ") or in
 * parentheses, never by ".", because "C. diff" and "E. coli" begin statements in health care.
 */

export interface ListMarker {
  /** The marker as written ("•", "1.", "E1)"). */
  marker: string;
  /** Offsets of the marker's characters within the statement (end exclusive). */
  start: number;
  end: number;
  /** Where the statement goes on after the marker and the spaces behind it. */
  contentStart: number;
}

/**
 * Anchored at the start, and each part followed by what it cannot match, so the match is linear
 * whatever the text. Group 1: white space before the marker. Group 2: the marker, either a bullet of
 * a word processor, which may touch the word after it, or a Markdown bullet ("-", "*", "+") or a list
 * number ("1.", "1)", "1.2.", "1a)", "(1)", "(a)", "(iv)", "a)", "E1)", "iv)") with a space after it,
 * as Markdown asks. The grammar (syntaxes/competency-statement.injection.tmLanguage.json) spells the
 * same pattern, and test/grammar holds the two to the same topics.
 */
const LIST_MARKER =
  /^(\s*)([\u2022\u25e6\u25aa\u25ab\u2023\u2043\u2219\u25cf\u25cb\u25a0\u25a1\u25ba\u25b8\u27a2\u27a4\u2713\u2714]|(?:[-*+]|\d{1,3}(?:\.\d{1,3}){0,3}[.)]|\d{1,3}[a-z]\)|\((?:\d{1,3}|[A-Za-z]|[ivx]{2,4})\)|[A-Za-z]{1,2}\d{0,3}\))(?=[ \t]))[ \t]*(?=\S)/;

/**
 * Whether a text starting with an ASCII letter can hold a marker at all: a letter marker is closed
 * by ")" within its first six characters ("E1) ", "iv) "). Most statements start with a letter and
 * have no ")" there, and the duplicate keys ask this of every statement of a document.
 */
function letterWithoutMarker(text: string): boolean {
  const c = text.charCodeAt(0) | 32;
  if (c < 97 || c > 122) return false;
  const close = text.indexOf(')');
  return close < 0 || close > 5;
}

/** The statement's leading list marker, if it has one. */
export function listMarker(text: string): ListMarker | undefined {
  if (letterWithoutMarker(text)) return undefined;
  const m = LIST_MARKER.exec(text);
  if (!m) return undefined;
  const marker = m[2];
  const start = m[1].length;
  return { marker, start, end: start + marker.length, contentStart: m[0].length };
}
