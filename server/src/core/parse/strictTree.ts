/**
 * A tree builder for text that is strict JSON, which is what exports are. It builds the same nodes
 * as jsonc-parser's `parseTree` (same types, offsets, lengths, values, parents and colon offsets)
 * two to five times faster, because it passes over the inside of a string with one native regular
 * expression match instead of scanning it character by character. Measured warm in one process on
 * generated exports: 5 MB 6-16 ms against 28-75 ms, 20 MB 46-85 ms against 150-188 ms.
 *
 * It gives up, returning undefined, at the first thing that is not strict JSON (a comment, a
 * trailing comma, a control character in a string, a bad escape or number, whitespace JSON does not
 * allow, anything after the value) or that nests deeper than the parser's limit. The caller then
 * builds the tree with jsonc-parser, which reports the problem; so every tree this returns is one
 * jsonc-parser would have built without a single error.
 */
import type { Node } from 'jsonc-parser';

/** A node while it is built: jsonc-parser's `Node`, whose fields are read-only to its users. */
type Building = { -readonly [K in keyof Node]: Node[K] } & { children?: Node[] };

let src = '';
let pos = 0;
let depth = 0;
let maxDepth = 0;

/** The tree of `text`, or undefined when the text is not strict JSON nesting at most `limit` deep. */
export function strictTree(text: string, limit: number): Node | undefined {
  src = text;
  pos = 0;
  depth = 0;
  maxDepth = limit;
  try {
    const root = value(undefined);
    if (root === undefined) return undefined;
    blank();
    if (pos !== src.length) return undefined;
    // jsonc-parser's root has no parent property at all.
    delete (root as Partial<Building>).parent;
    return root;
  } finally {
    // The module keeps no reference to a document after it is parsed.
    src = '';
  }
}

/** Skips JSON's four whitespace characters and returns the code of the character after them. */
function blank(): number {
  for (;;) {
    const c = src.charCodeAt(pos);
    if (c === 32 || c === 10 || c === 13 || c === 9) pos++;
    else return c;
  }
}

function value(parent: Building | undefined): Building | undefined {
  const c = blank();
  if (c === 34 /* " */) return string(parent);
  if (c === 123 /* { */) return object(parent);
  if (c === 91 /* [ */) return array(parent);
  if (c === 45 /* - */ || (c >= 48 && c <= 57)) return number(parent);
  if (c === 116 /* t */) return word('true', true, 'boolean', parent);
  if (c === 102 /* f */) return word('false', false, 'boolean', parent);
  if (c === 110 /* n */) return word('null', null, 'null', parent);
  return undefined;
}

/** A run of characters that need no attention inside a string: V8 matches it in native code. */
const PLAIN = /[^"\\\u0000-\u001f]*/y;

function string(parent: Building | undefined): Building | undefined {
  const start = pos;
  let escaped = false;
  let i = pos + 1;
  for (;;) {
    // Past the end, a sticky expression would fail and set lastIndex back to 0.
    if (i >= src.length) return undefined;
    PLAIN.lastIndex = i;
    PLAIN.test(src);
    i = PLAIN.lastIndex;
    const c = src.charCodeAt(i);
    if (c === 34) break;
    if (c === 92 /* \ */) {
      escaped = true;
      i += 2;
      continue;
    }
    // A control character, which must be escaped, or the end of the text.
    return undefined;
  }
  pos = i + 1;
  let text: string;
  if (escaped) {
    try {
      text = JSON.parse(src.slice(start, pos)) as string;
    } catch {
      return undefined;
    }
  } else {
    text = src.slice(start + 1, i);
  }
  return { type: 'string', offset: start, length: pos - start, parent: parent as Node, value: text };
}

function number(parent: Building | undefined): Building | undefined {
  const start = pos;
  let i = pos;
  if (src.charCodeAt(i) === 45) i++;
  // A leading zero stands alone ("01" is two tokens to jsonc-parser, and an error).
  if (src.charCodeAt(i) === 48) i++;
  else if (digitsAt(i)) i = skipDigits(i);
  else return undefined;
  if (src.charCodeAt(i) === 46 /* . */) {
    if (!digitsAt(i + 1)) return undefined;
    i = skipDigits(i + 1);
  }
  const e = src.charCodeAt(i);
  if (e === 101 || e === 69 /* e E */) {
    i++;
    const sign = src.charCodeAt(i);
    if (sign === 43 || sign === 45) i++;
    if (!digitsAt(i)) return undefined;
    i = skipDigits(i);
  }
  pos = i;
  return { type: 'number', offset: start, length: i - start, parent: parent as Node, value: Number(src.slice(start, i)) };
}

function digitsAt(i: number): boolean {
  const c = src.charCodeAt(i);
  return c >= 48 && c <= 57;
}

function skipDigits(i: number): number {
  while (digitsAt(i)) i++;
  return i;
}

function word(w: string, v: boolean | null, type: 'boolean' | 'null', parent: Building | undefined): Building | undefined {
  // "truex" is one bad token to jsonc-parser; here it is "true" followed by what no value may be
  // followed by, which gives up as well.
  if (!src.startsWith(w, pos)) return undefined;
  const start = pos;
  pos += w.length;
  return { type, offset: start, length: w.length, parent: parent as Node, value: v };
}

function object(parent: Building | undefined): Building | undefined {
  if (++depth > maxDepth) return undefined;
  const node: Building = { type: 'object', offset: pos, length: -1, parent: parent as Node, children: [] };
  pos++;
  let c = blank();
  if (c !== 125 /* } */) {
    for (;;) {
      if (c !== 34) return undefined;
      const keyStart = pos;
      const property: Building = { type: 'property', offset: keyStart, length: -1, parent: node as Node, children: [] };
      const key = string(property);
      if (key === undefined) return undefined;
      property.children!.push(key as Node);
      if (blank() !== 58 /* : */) return undefined;
      property.colonOffset = pos++;
      const v = value(property);
      if (v === undefined) return undefined;
      property.children!.push(v as Node);
      property.length = v.offset + v.length - keyStart;
      node.children!.push(property as Node);
      c = blank();
      if (c === 125) break;
      if (c !== 44 /* , */) return undefined;
      pos++;
      c = blank();
    }
  }
  pos++;
  node.length = pos - node.offset;
  depth--;
  return node;
}

function array(parent: Building | undefined): Building | undefined {
  if (++depth > maxDepth) return undefined;
  const node: Building = { type: 'array', offset: pos, length: -1, parent: parent as Node, children: [] };
  pos++;
  if (blank() !== 93 /* ] */) {
    for (;;) {
      const v = value(node);
      if (v === undefined) return undefined;
      node.children!.push(v as Node);
      const c = blank();
      if (c === 93) break;
      if (c !== 44) return undefined;
      pos++;
    }
  }
  pos++;
  node.length = pos - node.offset;
  depth--;
  return node;
}
