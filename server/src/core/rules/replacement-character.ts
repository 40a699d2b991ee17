/**
 * Text that holds U+FFFD, the replacement character. A decoder writes it where a file's bytes were
 * not valid in its encoding (an export saved as Windows-1252 and read as UTF-8, or cut in the middle
 * of a character), so the characters that stood there are lost, and the published framework would
 * show the mark to its readers. JSON is UTF-8 (RFC 8259, section 8.1). The CLI and the editor both
 * see the decoded text, never the bytes, so both find it the same way: by the mark it left.
 */
import { findNodeAtOffset, type Node } from 'jsonc-parser';
import { pointerOfNode } from '../parse/pointer';
import type { Rule, RuleContext } from './types';
import type { Range } from '../types';

const MARK = '\uFFFD';
/** Findings per document at most: past this the whole file was decoded wrongly, and more say nothing new. */
const MAX_FINDINGS = 100;

export const replacementCharacter: Rule = {
  id: 'replacement-character',
  category: 'syntax',
  defaultSeverity: 'error',
  onStatements: true,
  description: 'Text must not hold U+FFFD, the replacement character that stands for bytes lost in decoding (a file that is not UTF-8).',
  cheap: true,
  // An edit inside a statement can add or remove a mark in that statement only; the others move.
  // The statement's own text is searched, never the document's: the editor keeps a large document
  // as pieces, and reading it whole would join them into a copy per keystroke (40 MB at 20 MB).
  afterStatementEdit(ctx, { after }) {
    const at = after.text.indexOf(MARK);
    if (at === -1) return [after];
    // With escapes in the literal, text offsets do not map onto the document: analyse it whole.
    // (In a file with more than MAX_FINDINGS damaged strings the count may differ by one from a
    // fresh analysis's until the next full one; such a file was read whole with the wrong encoding.)
    if (!after.verbatim) return undefined;
    let end = at + 1;
    while (after.text[end] === MARK) end++;
    const start = after.range.start + 1;
    report(ctx, after.pointer, { start: start + at, end: start + end }, false);
    return [after];
  },
  check(ctx) {
    reportMarks(ctx);
  },
};

function report(ctx: RuleContext, pointer: string, range: Range, isKey: boolean): void {
  ctx.report({
    message:
      `This ${isKey ? 'key' : 'text'} holds U+FFFD, the replacement character: the file had bytes that are not UTF-8 ` +
      '(often an export saved as Windows-1252 or Latin-1), and the characters that stood here are lost. ' +
      'Restore them from the source, and save the export as UTF-8.',
    pointer,
    range,
  });
}

/** Reports each string literal of the document that holds the mark, once, at its first run of marks. */
function reportMarks(ctx: RuleContext): void {
  const { text, root } = ctx.doc;
  if (!root) return;
  let reported = 0;
  let at = text.indexOf(MARK);
  while (at !== -1 && reported < MAX_FINDINGS) {
    const node: Node | undefined = findNodeAtOffset(root, at, false);
    // A mark outside a string is a syntax error, which json-syntax reports.
    if (!node || node.type !== 'string' || at <= node.offset || at >= node.offset + node.length - 1) {
      at = text.indexOf(MARK, at + 1);
      continue;
    }
    let end = at + 1;
    while (text[end] === MARK) end++;
    const isKey = node.parent?.type === 'property' && node.parent.children?.[0] === node;
    report(ctx, pointerOfNode(node), { start: at, end }, isKey);
    reported++;
    at = text.indexOf(MARK, node.offset + node.length);
  }
}
