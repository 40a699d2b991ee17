/**
 * An edit that adds a statement literal at the end of a level's statements, laid out as the level
 * already is: the gap between its last two statements (",\n        " in a pretty export) is reused;
 * a level with one statement takes the line break and indentation before it, if it has them, and
 * otherwise, like a gap that is not a comma and spaces, a comma and a space. Shared by the actions
 * that move a statement to another level and that add one on a topic a level lacks.
 */
import type { Level } from '../model/types';
import type { TextEdit } from '../types';

export function appendStatementEdit(text: string, level: Level, literal: string): TextEdit | undefined {
  const array = level.statementsField?.node;
  if (!array || array.type !== 'array') return undefined;
  const items = array.children ?? [];
  if (items.length === 0) return { start: array.offset + 1, end: array.offset + 1, newText: literal };
  const last = items[items.length - 1];
  const end = last.offset + last.length;
  const gap = items.length >= 2 ? text.slice(items[items.length - 2].offset + items[items.length - 2].length, last.offset) : `,${text.slice(array.offset + 1, last.offset)}`;
  return { start: end, end, newText: `${/^\s*,\s*$/.test(gap) && (items.length >= 2 || gap.includes('\n')) ? gap : ', '}${literal}` };
}
