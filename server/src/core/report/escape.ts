/**
 * Escaping for the report pages. Every string that comes from a document (statements, labels,
 * titles, pointers, messages that quote them) is data from a file we do not control, so it goes
 * through `text()` or `attr()` before it touches markup; nothing from a document is ever placed in
 * a URL, a style or a script. Both escape the same five characters, which is enough for element
 * content and for double-quoted attribute values alike.
 */
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Characters that are not allowed in HTML text at all (controls other than tab, newline, return). */
// eslint-disable-next-line no-control-regex
const DISALLOWED = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/**
 * The bidirectional embeddings, overrides and isolates. One in a label or a topic would reverse
 * the text after it, the rest of a message and its rule id included ("pag-cipot"), so it is shown
 * as its code point, as the terminal formats show it: right-to-left letters need none of them.
 */
export const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

/** A character as its code point, "<U+202E>": how the reports show what must not act on them. */
export function codePoint(c: string): string {
  return `<U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}>`;
}

export function text(value: string): string {
  // The code points are written before the markup is escaped, so that their "<" and ">" are too.
  return dataAttr(value.replace(BIDI_CONTROLS, codePoint));
}

/** An attribute value; the caller always wraps it in double quotes. */
export function attr(value: string): string {
  return text(value);
}

/**
 * An attribute value that is data for the webview rather than text for a reader (a JSON Pointer
 * the cell stands for): escaped like any attribute, but its bidirectional controls are kept as
 * they are, since the pointer must name the document's key exactly to find it again.
 */
export function dataAttr(value: string): string {
  return value.replace(DISALLOWED, '\uFFFD').replace(/[&<>"']/g, (c) => ENTITIES[c]);
}
