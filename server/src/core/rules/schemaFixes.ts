/**
 * The fixes of the schema rule's findings that have one obvious mend: a value written as the wrong
 * JSON type whose text is already the right value (`"sector": 61`, `"jobZone": "5"`), and an
 * O*NET-SOC code written without its ".NN" suffix whose ".00" occupation O*NET has.
 *
 * A fix is offered only when the value it writes is one the schema accepts at that place, so that
 * applying it mends the finding instead of trading it for another message about the same value.
 */
import type { Node } from 'jsonc-parser';
import type { ReferenceData } from '../data/reference';
import type { FrameworkModel } from '../model/types';
import type { ParsedDocument } from '../parse/parse';
import { resolvePointer, toPointer } from '../parse/pointer';
import { schemaAt } from '../schema/lookup';
import { schemaErrors } from '../schema/validate';
import type { Fix, Range } from '../types';
import { replaceValueFix, titleIs } from './util';

const SOC = '/occupation/soc';

/** A JSON number as the grammar writes one; its text quoted is the same characters as a string. */
const JSON_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
/** A whole number in a string, as an integer field wants it without the quotes. */
const WHOLE_NUMBER = /^-?(?:0|[1-9]\d{0,14})$/;
/** A SOC detailed occupation code without the O*NET suffix: "25-4022". */
const SOC_WITHOUT_SUFFIX = /^\d{2}-\d{4}$/;

export interface SchemaFixContext {
  doc: ParsedDocument;
  model: FrameworkModel;
  reference: ReferenceData;
}

/** The fix of the schema finding at `pointer` over `range`, when it has an obvious one. */
export function schemaFix(ctx: SchemaFixContext, pointer: string, range: Range): Fix | undefined {
  const at = resolvePointer(ctx.doc.root, pointer);
  const node = at.node;
  // Only a finding about the value itself, as the schema rule reports a wrong type or form; a
  // finding on a key or an object's brace is about something else.
  if (!at.exact || !node || node.offset !== range.start || node.offset + node.length !== range.end) return undefined;
  const expected = schemaAt(pointer)?.type;
  const literal = ctx.doc.text.slice(node.offset, node.offset + node.length);

  if (expected === 'string' && node.type === 'number' && JSON_NUMBER.test(literal)) {
    // The characters the author wrote, now in quotes: nothing of the value is guessed or lost, so
    // the fix is safe.
    if (!acceptedAt(node, literal)) return undefined;
    return valueFix(`Put ${literal} in quotes: "${literal}"`, node, literal, true);
  }
  if (expected === 'integer' && node.type === 'string' && typeof node.value === 'string' && WHOLE_NUMBER.test(node.value)) {
    const value = Number(node.value);
    // The same digits without the quotes: as safe as the reverse.
    if (!acceptedAt(node, value)) return undefined;
    return valueFix(`Remove the quotes: ${value}`, node, value, true);
  }
  if (pointer === SOC && typeof node.value === 'string' && SOC_WITHOUT_SUFFIX.test(node.value)) return socSuffixFix(ctx, node, node.value);
  return undefined;
}

/**
 * "25-4022" → "25-4022.00", the O*NET-SOC occupation that is the SOC occupation itself, when O*NET
 * has it. The code decides which title, group and job zone the other rules demand (and the
 * metadata rules' safe fixes would then rewrite them), so it is applied without review only when
 * the document's title is O*NET's title for that code, as socCorroborated trusts a code; otherwise
 * the author may have meant one of the occupation's other O*NET codes (".01", ".02").
 */
function socSuffixFix(ctx: SchemaFixContext, node: Node, soc: string): Fix | undefined {
  const onet = ctx.reference.occupation(`${soc}.00`);
  if (!onet) return undefined;
  return valueFix(`Use ${onet.code} (${onet.title})`, node, onet.code, titleIs(ctx.model, onet.title));
}

function valueFix(title: string, node: Node, value: unknown, safe: boolean): Fix {
  return replaceValueFix(title, { range: { start: node.offset, end: node.offset + node.length } }, value, safe);
}

/**
 * Whether the schema accepts `value` in place of `node`: the value is validated alone, at its place
 * in a document that holds nothing else, and no error may name its place. The validator is the
 * schema's own, so the answer cannot drift from the finding. Values inside an array are not judged
 * (a number among the statements is more likely a stray than a statement), nor are values the
 * schema says nothing about.
 */
function acceptedAt(node: Node, value: unknown): boolean {
  const keys: string[] = [];
  for (let child = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (parent.type === 'array') return false;
    if (parent.type === 'property') {
      const key = parent.children?.[0];
      if (key?.type !== 'string' || parent.children?.[1] !== child) return false;
      keys.push(String(key.value));
    }
  }
  if (keys.length === 0) return false;
  keys.reverse();
  let skeleton: unknown = value;
  for (let i = keys.length - 1; i >= 0; i--) skeleton = { [keys[i]]: skeleton };
  const place = toPointer(keys);
  return !schemaErrors(skeleton).some((e) => e.instancePath === place);
}
