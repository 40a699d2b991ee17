/**
 * Adding a suppression to a `.competency-lint.json`, as text edits on the config's text: the quick
 * fix "Suppress … in .competency-lint.json" writes into the user's own file, so only the new entry
 * is written, at the indentation and with the line ends the file uses; nothing else is touched,
 * comments and layout included (jsonc-parser's `modify` re-formats the lines around an insertion,
 * which turned a one-line `"rules": { … }` into five lines). Text in, edits out; finding and
 * reading the file is the adapter's part.
 */
import { parseTree, type Node, type ParseError } from 'jsonc-parser';
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
  // A key written twice is read as its last value (JSON.parse's rule). The config check reports the
  // repeat as an error, so the server offers no edit then; an edit asked for all the same goes
  // where a reader would look, the last "suppressions" (findNodeAtLocation would give the first).
  const property = (root.children ?? []).filter((p) => p.children?.[0]?.value === 'suppressions').at(-1);
  const list = property?.children?.[1];
  if (property && list?.type !== 'array') return undefined;
  const { unit, eol } = layoutOf(configText);
  if (list) return appendTo(configText, list, s, unit, eol);
  return appendTo(configText, root, { key: 'suppressions', value: [s] }, unit, eol);
}

/** A property to add to an object. */
interface Property {
  key: string;
  value: unknown;
}

/**
 * Inserts `item` (a value, or a property of an object) after the container's last child: on a line
 * of its own at that child's indentation, after the child's line with any comment that ends it (a
 * comment there is about that child); at the end of a container written on one line, on that line;
 * in an empty container, on its own line before the closing bracket.
 */
function appendTo(text: string, container: Node, item: Suppression | Property, unit: string, eol: string): TextEdit[] {
  const children = container.children ?? [];
  const last = children[children.length - 1];
  const close = container.offset + container.length - 1;
  const oneLine = !/\n/.test(text.slice(container.offset, close));
  if (oneLine) {
    const compact = isProperty(item) ? `${JSON.stringify(item.key)}: ${JSON.stringify(item.value)}` : JSON.stringify(item);
    if (!last) return [insert(container.offset + 1, ` ${compact} `)];
    return [insert(last.offset + last.length, `, ${compact}`)];
  }
  if (!last) {
    // An empty container over several lines: the item goes before the closing bracket, on its own
    // line when that bracket starts its line.
    const lineStart = text.lastIndexOf('\n', close - 1) + 1;
    const closeIndent = indentAt(text, close);
    const itemText = lines(item, closeIndent + unit, unit, eol);
    if (/^[ \t]*$/.test(text.slice(lineStart, close))) return [insert(lineStart, `${itemText}${eol}`)];
    return [insert(close, `${eol}${itemText}${eol}${closeIndent}`)];
  }
  const end = last.offset + last.length;
  const itemText = lines(item, indentAt(text, last.offset), unit, eol);
  // What follows the last child on its line: a comma (allowed after the last child in a config)
  // and a line comment, or nothing.
  const lineEnd = lineEndAt(text, end);
  const tail = lineTail(text, end, lineEnd);
  if (!tail || lineEnd >= close || lineEnd === end) return [insert(end, `,${eol}${itemText}`)];
  const edits: TextEdit[] = [];
  if (!tail.comma) edits.push(insert(end, ','));
  edits.push(insert(lineEnd, `${eol}${itemText}`));
  return edits;
}

/**
 * Whether the stretch from..to is only blanks, an optional comma and an optional line comment, and
 * whether it has the comma; undefined for anything else. Scanned by hand: a regular expression with
 * blanks on both sides of an optional comma backtracks quadratically on a long run of blanks.
 */
function lineTail(text: string, from: number, to: number): { comma: boolean } | undefined {
  let i = from;
  const blanks = () => {
    while (i < to && (text[i] === ' ' || text[i] === '\t')) i++;
  };
  blanks();
  const comma = text[i] === ',' && i < to;
  if (comma) i++;
  blanks();
  if (i === to || text.startsWith('//', i)) return { comma };
  return undefined;
}

function isProperty(item: Suppression | Property): item is Property {
  return 'key' in item && 'value' in item;
}

function insert(at: number, newText: string): TextEdit {
  return { start: at, end: at, newText };
}

/** Where the line holding `offset` ends (before its line break), or the text's end. */
function lineEndAt(text: string, offset: number): number {
  const n = text.indexOf('\n', offset);
  if (n < 0) return text.length;
  return text[n - 1] === '\r' ? n - 1 : n;
}

/** An item as pretty lines whose first starts at `indent`. */
function lines(item: Suppression | Property, indent: string, unit: string, eol: string): string {
  if (!isProperty(item)) return block(item, indent, unit, eol);
  const value = block(item.value, indent, unit, eol).slice(indent.length);
  return `${indent}${JSON.stringify(item.key)}: ${value}`;
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
