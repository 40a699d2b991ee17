/**
 * The quick fix "remove this statement": one text edit that takes the element out of its array
 * together with the comma that separated it, so that the document stays valid JSON and keeps its
 * layout (the next element moves up to where the removed one began).
 */
import type { FrameworkModel, Statement } from '../../model/types';
import type { Fix, TextEdit } from '../../types';

export function removeStatementEdit(model: FrameworkModel, s: Statement): TextEdit | undefined {
  const level = model.levels[s.levelIndex];
  const array = level?.statementsField?.node;
  if (!array || array.type !== 'array' || !array.children) return undefined;
  const items = array.children;
  const item = items[s.index];
  if (!item || item.offset !== s.range.start) return undefined;
  if (items.length === 1) {
    // The only element: leave an empty array, without the blank line the element stood on.
    return { start: array.offset + 1, end: array.offset + array.length - 1, newText: '' };
  }
  if (s.index < items.length - 1) {
    // Not the last: remove from this element up to the next one (the comma and the layout between).
    return { start: item.offset, end: items[s.index + 1].offset, newText: '' };
  }
  // The last: remove from the end of the previous element, taking the comma before this one.
  const prev = items[s.index - 1];
  return { start: prev.offset + prev.length, end: item.offset + item.length, newText: '' };
}

export function removeStatementFix(model: FrameworkModel, s: Statement, title: string): Fix | undefined {
  const edit = removeStatementEdit(model, s);
  return edit ? { title, edits: [edit], safe: false } : undefined;
}
