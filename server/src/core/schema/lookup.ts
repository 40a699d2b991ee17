/**
 * Reads the framework schema itself, for the messages: which subschema governs a value, what it
 * expects in words, and which properties an object allows. The schema has no combinators, so the
 * subschema of a value follows from its pointer alone.
 */
import frameworkSchema from '../../../../schemas/competency-framework.schema.json';
import { splitPointer } from '../parse/pointer';

export interface SchemaNode {
  type?: string;
  properties?: Record<string, SchemaNode>;
  additionalProperties?: SchemaNode | boolean;
  items?: SchemaNode;
  required?: string[];
  minimum?: number;
  maximum?: number;
  minItems?: number;
  minProperties?: number;
  pattern?: string;
  format?: string;
  $ref?: string;
  'x-expected'?: string;
  'x-item'?: string;
}

export const FRAMEWORK_SCHEMA = frameworkSchema as unknown as SchemaNode & { $defs: Record<string, SchemaNode> };

/** Follows a local "#/$defs/name" reference; the schema uses no other kind. */
function deref(node: SchemaNode): SchemaNode {
  let cur = node;
  for (let i = 0; cur.$ref && i < 8; i++) {
    const m = /^#\/\$defs\/(.+)$/.exec(cur.$ref);
    const target = m ? FRAMEWORK_SCHEMA.$defs[m[1]] : undefined;
    if (!target) break;
    cur = target;
  }
  return cur;
}

/** The subschema that governs the value at `pointer`, or undefined where the schema says nothing. */
export function schemaAt(pointer: string): SchemaNode | undefined {
  let node: SchemaNode | undefined = deref(FRAMEWORK_SCHEMA);
  for (const seg of splitPointer(pointer)) {
    if (!node) return undefined;
    let next: SchemaNode | undefined;
    if (node.properties && Object.prototype.hasOwnProperty.call(node.properties, seg)) next = node.properties[seg];
    else if (node.items && /^(0|[1-9][0-9]*)$/.test(seg)) next = node.items;
    else if (typeof node.additionalProperties === 'object') next = node.additionalProperties;
    node = next && deref(next);
  }
  return node;
}

/** What a value must be, as a noun phrase ("a whole number from 1 to 5"). */
export function expectedPhrase(node: SchemaNode | undefined): string {
  if (!node) return 'a different value';
  if (node['x-expected']) return node['x-expected'];
  switch (node.type) {
    case 'integer':
    case 'number': {
      const kind = node.type === 'integer' ? 'a whole number' : 'a number';
      if (node.minimum !== undefined && node.maximum !== undefined) return `${kind} from ${node.minimum} to ${node.maximum}`;
      if (node.minimum !== undefined) return `${kind} of at least ${node.minimum}`;
      if (node.maximum !== undefined) return `${kind} of at most ${node.maximum}`;
      return kind;
    }
    case 'string':
      return 'text in double quotes';
    case 'boolean':
      return 'true or false (without quotes)';
    case 'object':
      return 'an object';
    case 'array':
      return 'an array';
    default:
      return 'a different value';
  }
}

/** True when the subschema only asks a string not to be blank (pattern \S), so "empty" says it all. */
export function demandsNonBlank(node: SchemaNode | undefined): boolean {
  return node?.pattern === '\\S';
}

/** The property names an object schema allows, in schema order. */
export function allowedProperties(node: SchemaNode | undefined): string[] {
  return node?.properties ? Object.keys(node.properties) : [];
}

/** Keywords that say nothing about validity: titles, descriptions, snippets and our own x- notes. */
function isAnnotation(keyword: string): boolean {
  return /^(title|description|markdownDescription|defaultSnippets|examples|patternErrorMessage|x-.*)$/.test(keyword);
}

/**
 * Whether a statement's text alone decides the schema's verdict on it, and the test it must pass:
 * true when the statement's subschema is a string with at most a pattern, and the array holding it
 * constrains only its type and length (no uniqueItems, contains or the like). Then an edit inside
 * one statement can change no schema finding but that statement's own. Undefined otherwise.
 */
export function statementTextTest(statementPointer: string): ((text: string) => boolean) | undefined {
  const item = schemaAt(statementPointer);
  const array = schemaAt(statementPointer.slice(0, statementPointer.lastIndexOf('/')));
  if (!item || !array || item.type !== 'string' || array.type !== 'array') return undefined;
  const itemOnly = Object.keys(item).every((k) => k === 'type' || k === 'pattern' || isAnnotation(k));
  const arrayOnly = Object.keys(array).every((k) => ['type', 'items', 'minItems', 'maxItems'].includes(k) || isAnnotation(k));
  if (!itemOnly || !arrayOnly) return undefined;
  if (item.pattern === undefined) return () => true;
  // The one pattern the schema gives statements; another would have to be audited like every
  // regular expression of ours (test/unit/security), so it makes edits take the full analysis.
  if (demandsNonBlank(item)) return (text) => /\S/.test(text);
  return undefined;
}
