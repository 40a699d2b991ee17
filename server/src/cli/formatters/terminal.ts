/**
 * Text from a document on its way to a terminal. A statement or a label can hold any character,
 * and a terminal obeys some of them: an escape sequence can clear the screen, retitle the window or
 * print a link that points elsewhere, and a right-to-left override reverses the rest of the line.
 * Such characters (C0 and C1 controls, DEL, and the bidirectional embeddings, overrides and
 * isolates) are shown as their code point instead, `<U+001B>`, which also tells the author they are
 * there. Line breaks become spaces first, so that a finding stays on its line.
 */

// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

export function terminalSafe(text: string): string {
  return text.replace(/\r\n|\r|\n/g, ' ').replace(UNSAFE, (c) => `<U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}>`);
}
