/**
 * Adding a suppression to a `.competency-lint.json`, as text edits on the config's text: the quick
 * fix "Suppress … in .competency-lint.json" writes into the user's own file, so only the new entry
 * is written, at the indentation and with the line ends the file uses; nothing else is touched,
 * comments and layout included (jsonc-parser's `modify` re-formats the lines around an insertion,
 * which turned a one-line `"rules": { … }` into five lines). Text in, edits out; finding and
 * reading the file is the adapter's part.
 */
import { findNodeAtLocation, parseTree, type Node, type ParseError } from 'jsonc-parser';
import type { TextEdit } from '../types';
import type { Suppression } from './types';

/** The text of a new config file that holds only this suppression. */
export function newConfigWithSuppression(s: Suppression): string {
  return JSON.stringify({ suppressions: [s] }, null, 2) + '\n';
}

/**
 * Edits that append `s` to the config's `suppressions` (creating the list when there is none), or
 * undefined when the text is not an object whose `suppressions`, if present, is a list: a config
 * the linter would refuse anyway, which a quick fix should not guess at.
 */
export function addSuppressionEdits(configText: string, s: Suppression): TextEdit[] | undefined {
  // An empty file is an empty config (node/config.ts), such as one an editor created and did not save.
  if (configText.trim() === '') return [{ start: 0, end: configText.length, newText: newConfigWithSuppression(s) }];
  const errors: ParseError[] = [];
  const root = parseTree(configText, errors, { allowTrailingComma: true, disallowComments: false });
  if (!root || root.type !== 'object' || errors.length > 0) return undefined;
  const list = findNodeAtLocation(root, ['suppressions']);
  if (list && list.type !== 'array') return undefined;
  const { unit, eol } = layoutOf(configText);
  if (list) return [appendTo(configText, list, s, unit, eol)];
  // The property's lines, relative to its own indentation (appendTo indents them).
  const property = `"suppressions": [\n${block(s, unit, unit, '\n')}\n]`;
  return [appendTo(configText, root, property, unit, eol)];
}

/**
 * Inserts `item` (a value, or for an object the text of a property) after the last child of a
 * container, on its own line at the last child's indentation (one unit deeper than the container's
 * line when it is empty).
 */
function appendTo(text: string, container: Node, item: Suppression | string, unit: string, eol: string): TextEdit {
  const children = container.children ?? [];
  const last = children[children.length - 1];
  const indent = last ? indentAt(text, last.offset) : indentAt(text, container.offset) + unit;
  const itemText = typeof item === 'string' ? indent + item.split('\n').join(`${eol}${indent}`) : block(item, indent, unit, eol);
  if (last) {
    const end = last.offset + last.length;
    return { start: end, end, newText: `,${eol}${itemText}` };
  }
  // An empty container: its inside (spaces, line breaks, comments) is kept, the item goes first.
  const open = container.offset + 1;
  const closeIndent = indentAt(text, container.offset);
  return { start: open, end: open, newText: `${eol}${itemText}${eol}${closeIndent}` };
}

/** A value as pretty JSON whose every line starts at `indent`. */
function block(value: unknown, indent: string, unit: string, eol: string): string {
  return indent + JSON.stringify(value, null, unit).split('\n').join(`${eol}${indent}`);
}

/** The white space that starts the line holding `offset`. */
function indentAt(text: string, offset: number): string {
  const lineStart = Math.max(text.lastIndexOf('\n', offset - 1) + 1, 0);
  return /^[ \t]*/.exec(text.slice(lineStart, offset))![0];
}

/** The indentation unit and line end the file already uses (two spaces and "\n" when it shows none). */
function layoutOf(text: string): { unit: string; eol: string } {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const indent = /\n([ \t]+)\S/.exec(text)?.[1];
  if (indent?.startsWith('\t')) return { unit: '\t', eol };
  return { unit: indent ? ' '.repeat(Math.min(indent.length, 8)) : '  ', eol };
}

/**
 * A glob that matches this path and no other: characters with a meaning in a glob are escaped, and
 * it starts with "./", since a config's globs also match at any depth below its folder ("f.json"
 * would match "sub/f.json" too). A backslash in a file name (possible outside Windows) cannot be
 * escaped so that picomatch matches it, so such a path gets no glob (undefined) and the quick fix
 * is not offered.
 */
export function literalGlob(relativePath: string): string | undefined {
  if (relativePath.includes('\\')) return undefined;
  return './' + relativePath.replace(/[*?[\]{}()!+@]/g, '\\$&');
}
