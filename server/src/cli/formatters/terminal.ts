/**
 * Text from a document on its way to a terminal. A statement or a label can hold any character,
 * and a terminal obeys some of them: an escape sequence can clear the screen, retitle the window or
 * print a link that points elsewhere, and a right-to-left override reverses the rest of the line.
 * Such characters (C0 and C1 controls, DEL, and the bidirectional embeddings, overrides and
 * isolates) are shown as their code point instead, `<U+001B>`, which also tells the author they are
 * there. Line breaks become spaces first, so that a finding stays on its line.
 */

import { BIDI_CONTROLS, codePoint } from '../../core/report/escape';

// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u001F\u007F-\u009F]/g;

export function terminalSafe(text: string): string {
  return text.replace(/\r\n|\r|\n/g, ' ').replace(CONTROLS, codePoint).replace(BIDI_CONTROLS, codePoint);
}
