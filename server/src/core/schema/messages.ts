/**
 * Turns ajv's errors into findings a person can act on: each error's instancePath becomes the
 * exact range of the offending value (or key), and each message names the property and the value
 * found in plain words. One problem gives one message: errors that only restate another (combinator
 * wrappers, a `propertyNames` summary, several keywords failing on the same value) are dropped,
 * and the missing properties of one object are reported together.
 */
import type { Node } from 'jsonc-parser';
import { childPointer, resolvePointer, splitPointer } from '../parse/pointer';
import type { Range } from '../types';
import { allowedProperties, demandsNonBlank, expectedPhrase, schemaAt } from './lookup';
import type { SchemaError } from './validate';

export interface SchemaProblem {
  message: string;
  pointer: string;
  range: Range;
}

/** Keywords that only summarise the errors of their subschemas, which are reported instead. */
const WRAPPERS = new Set(['if', 'then', 'else', 'oneOf', 'anyOf', 'allOf', 'not', 'propertyNames', 'dependentSchemas', '$ref']);

/** Among several errors on one value, the first of these is the one worth reading. */
const VALUE_PRIORITY = ['type', 'const', 'enum', 'format', 'pattern', 'minLength', 'maxLength', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf'];

/** A date-time of the right shape; when one still fails the format, its date or time does not exist. */
const DATE_TIME_SHAPE = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

const NUMBER_WORDS = ['none', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

export function schemaProblems(errors: readonly SchemaError[], root: Node, text: string): SchemaProblem[] {
  const problems = new Map<string, SchemaProblem & { rank: number }>();
  const missing = new Map<string, string[]>();
  const typeFailed = new Set<string>();
  // Required names that an unknown key probably misspells ("jobzone" for "jobZone"): the typo is
  // the one problem, so the property is not reported as missing as well.
  const misspelt = new Set<string>();
  const put = (key: string, rank: number, p: SchemaProblem) => {
    const old = problems.get(key);
    if (!old || rank < old.rank) problems.set(key, { ...p, rank });
  };

  for (const e of errors) if (e.keyword === 'type') typeFailed.add(e.instancePath);

  for (const e of errors) {
    if (WRAPPERS.has(e.keyword)) continue;
    const pointer = e.instancePath;
    // Once a value has the wrong type, nothing said about what lies under it is worth reading.
    if (underTypeError(pointer, typeFailed)) continue;
    const at = resolvePointer(root, pointer);
    // A pointer that does not reach a node runs into text that did not parse: the syntax rule
    // already reports it there, and a schema message would only repeat it.
    if (!at.exact || !at.node) continue;
    const node = at.node;

    if (e.propertyName !== undefined) {
      const item = schemaAt(pointer)?.['x-item'] ?? 'property';
      const keyNode = propertyKey(node, e.propertyName);
      put(`name:${pointer}/${e.propertyName}`, 0, {
        message: `${capitalise(describe(pointer))} has a ${item} with an empty name; give the ${item} a key such as "${item === 'level' ? 'emerging' : 'name'}"`,
        pointer: childPointer(pointer, e.propertyName),
        range: keyNode ? nodeRange(keyNode) : containerRange(node),
      });
      continue;
    }

    switch (e.keyword) {
      case 'required': {
        const name = String(e.params.missingProperty);
        // An object that is not closed was cut short by a syntax error, and a property present
        // without a value is a syntax error too: in both cases the property is not really missing.
        if (!isClosed(node, text) || propertyKey(node, name)) break;
        const list = missing.get(pointer) ?? [];
        list.push(name);
        missing.set(pointer, list);
        break;
      }
      case 'additionalProperties': {
        const name = String(e.params.additionalProperty);
        const keyNode = propertyKey(node, name);
        const allowed = allowedProperties(schemaAt(pointer));
        const suggestion = closest(name, allowed);
        if (suggestion) misspelt.add(childPointer(pointer, suggestion));
        const advice = suggestion
          ? `: did you mean \`${suggestion}\`?`
          : allowed.length > 0
            ? `; the allowed properties are ${listOf(allowed.map(code))}`
            : '';
        put(`extra:${childPointer(pointer, name)}`, 0, {
          message: `${capitalise(describe(pointer))} has an unknown property \`${name}\`${advice}`,
          pointer: childPointer(pointer, name),
          range: keyNode ? nodeRange(keyNode) : containerRange(node),
        });
        break;
      }
      case 'minProperties':
      case 'minItems': {
        if (!isClosed(node, text)) break;
        const limit = Number(e.params.limit);
        const item = schemaAt(pointer)?.['x-item'] ?? (e.keyword === 'minItems' ? 'item' : 'property');
        // Keys written twice count once, as they do for the validator (the last one wins).
        const count = node.type === 'object' ? new Set((node.children ?? []).map((p) => p.children?.[0]?.value)).size : (node.children?.length ?? 0);
        put(`count:${pointer}`, 0, {
          message: `${capitalise(describe(pointer))} must have at least ${countOf(limit, item)}, found ${count === 0 ? 'none' : count}`,
          pointer,
          range: valueRange(node, text),
        });
        break;
      }
      default: {
        const rank = VALUE_PRIORITY.indexOf(e.keyword);
        const schema = schemaAt(pointer);
        const blank = node.type === 'string' && typeof node.value === 'string' && node.value.trim() === '';
        const name = capitalise(describe(pointer));
        const message =
          blank && demandsNonBlank(schema)
            ? `${name} must not be empty`
            : e.keyword === 'format' && e.params.format === 'date-time' && DATE_TIME_SHAPE.test(String(node.value))
              ? `${name} must be a real date and time, found ${found(node, text)}: there is no such day or time`
              : `${name} must be ${expectedPhrase(schema)}, found ${found(node, text)}`;
        put(`value:${pointer}`, rank < 0 ? VALUE_PRIORITY.length : rank, { message, pointer, range: valueRange(node, text) });
      }
    }
  }

  for (const [pointer, all] of missing) {
    const at = resolvePointer(root, pointer);
    const names = all.filter((n) => !misspelt.has(childPointer(pointer, n)));
    if (!at.node || names.length === 0) continue;
    const noun = names.length === 1 ? 'property' : 'properties';
    put(`required:${pointer}`, 0, {
      message: `${capitalise(describe(pointer))} is missing the required ${noun} ${listOf(names.map(code))}`,
      pointer,
      range: containerRange(at.node),
    });
  }

  return [...problems.values()]
    .map(({ rank: _rank, ...p }) => p)
    .sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
}

/** True when an ancestor of the pointer already has the wrong type. */
function underTypeError(pointer: string, typeFailed: Set<string>): boolean {
  for (let i = pointer.lastIndexOf('/'); i >= 0; i = pointer.lastIndexOf('/', i - 1)) {
    if (typeFailed.has(pointer.slice(0, i))) return true;
    if (i === 0) break;
  }
  return false;
}

/**
 * The range that stands for a container: the key of its property when it has one (the whole
 * object would underline half the file), otherwise its opening brace or bracket.
 */
function containerRange(node: Node): Range {
  const parent = node.parent;
  if (parent?.type === 'property' && parent.children?.[1] === node && parent.children[0]) return nodeRange(parent.children[0]);
  return { start: node.offset, end: node.offset + 1 };
}

/**
 * The range of a value that is wrong as a whole: all of it when it is a scalar or fits on one line
 * (`[]`, `{}`, `"x"`), otherwise its key, so that a wrong multi-line block is not underlined entire.
 */
function valueRange(node: Node, text: string): Range {
  if (node.type !== 'object' && node.type !== 'array') return nodeRange(node);
  const literal = text.slice(node.offset, node.offset + node.length);
  return /[\r\n]/.test(literal) ? containerRange(node) : nodeRange(node);
}

function nodeRange(node: Node): Range {
  return { start: node.offset, end: node.offset + node.length };
}

/** The key node of the object's property `name` (the last one, as JSON.parse keeps the last). */
function propertyKey(object: Node, name: string): Node | undefined {
  let key: Node | undefined;
  if (object.type !== 'object') return undefined;
  for (const prop of object.children ?? []) if (prop.children?.[0]?.value === name) key = prop.children[0];
  return key;
}

/** False for an object or array that a syntax error cut short before its closing character. */
function isClosed(node: Node, text: string): boolean {
  if (node.type !== 'object' && node.type !== 'array') return true;
  return text.charAt(node.offset + node.length - 1) === (node.type === 'object' ? '}' : ']');
}

/** The value as the author wrote it, shortened: `"five"`, `1.0`, `null`, or the kind of a container. */
function found(node: Node, text: string): string {
  if (node.type === 'object') return node.children?.length ? 'an object' : 'an empty object';
  if (node.type === 'array') return node.children?.length ? `an array of ${node.children.length}` : 'an empty array';
  const literal = text.slice(node.offset, node.offset + node.length);
  if (literal.length <= 60) return literal;
  return node.type === 'string' ? literal.slice(0, 56) + '…"' : literal.slice(0, 57) + '…';
}

/**
 * How the value at a pointer is named in a sentence: "`jobZone`", "level `emerging`",
 * "statement 3 of level `emerging`", "the document".
 */
export function describe(pointer: string): string {
  const segs = splitPointer(pointer);
  if (segs.length === 0) return 'the document';
  const inLevels = segs.length >= 3 && segs[0] === 'framework' && segs[1] === 'levels';
  if (inLevels) {
    const level = `level ${code(segs[2])}`;
    if (segs.length === 3) return level;
    if (segs.length === 4) return `${code(segs[3])} of ${level}`;
    if (segs.length === 5 && segs[3] === 'statements' && /^\d+$/.test(segs[4])) return `statement ${Number(segs[4]) + 1} of ${level}`;
  }
  const last = segs[segs.length - 1];
  if (/^(0|[1-9][0-9]*)$/.test(last) && segs.length >= 2) return `item ${Number(last) + 1} of ${code(segs[segs.length - 2])}`;
  return code(last);
}

function code(name: string): string {
  return name === '' ? '`""`' : '`' + name + '`';
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function listOf(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function countOf(n: number, item: string): string {
  const word = NUMBER_WORDS[n] ?? String(n);
  return `${word} ${n === 1 ? item : item.endsWith('y') ? item.slice(0, -1) + 'ies' : item + 's'}`;
}

/** The allowed name the author most likely meant: same letters in another case, or one or two edits away. */
function closest(name: string, allowed: string[]): string | undefined {
  const lower = name.toLowerCase();
  const sameCase = allowed.find((a) => a.toLowerCase() === lower);
  if (sameCase) return sameCase;
  let best: string | undefined;
  let bestDistance = Math.min(2, Math.floor(name.length / 3));
  for (const a of allowed) {
    const d = editDistance(lower, a.toLowerCase());
    if (d <= bestDistance) {
      best = a;
      bestDistance = d - 1;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}
