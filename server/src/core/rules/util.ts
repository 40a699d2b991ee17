/**
 * Small helpers the rules share: reading a field as the type a rule needs, building the
 * "replace this value" fix, and the O*NET look-ups several metadata rules make the same way.
 */
import type { Field, FrameworkModel, Occupation } from '../model/types';
import type { OnetOccupation } from '../data/reference';
import type { Fix, Range } from '../types';
import type { RuleContext } from './types';

/** The O*NET-SOC 2019 code form NN-NNNN.NN; other strings are the schema rule's business. */
export const SOC_CODE = /^\d{2}-\d{4}\.\d{2}$/;

export function stringValue(field: Field | undefined): string | undefined {
  return field && typeof field.value === 'string' ? field.value : undefined;
}

export function numberValue(field: Field | undefined): number | undefined {
  return field && typeof field.value === 'number' && Number.isFinite(field.value) ? field.value : undefined;
}

export function booleanValue(field: Field | undefined): boolean | undefined {
  return field && typeof field.value === 'boolean' ? field.value : undefined;
}

/** A fix that replaces a field's whole value literal with `value` written as JSON. */
export function replaceValueFix(title: string, field: Pick<Field, 'range'>, value: unknown, safe: boolean): Fix {
  return { title, edits: [{ start: field.range.start, end: field.range.end, newText: JSON.stringify(value) }], safe };
}

/** JSON text of a value for messages: strings in quotes, the rest as written. */
export function shown(value: unknown): string {
  return JSON.stringify(value);
}

/** The occupation's SOC code when it is well formed, whether or not O*NET knows it. */
export function wellFormedSoc(occupation: Occupation | undefined): string | undefined {
  const soc = stringValue(occupation?.soc);
  return soc !== undefined && SOC_CODE.test(soc) ? soc : undefined;
}

/** The O*NET occupation the document names, when its code is well formed and known. */
export function onetOccupation(ctx: RuleContext): OnetOccupation | undefined {
  const soc = wellFormedSoc(ctx.model.occupation);
  return soc === undefined ? undefined : ctx.reference.occupation(soc);
}

/**
 * Titles compare loosely when deciding whether two spellings mean the same thing: case, spacing,
 * punctuation and "&" for "and" do not matter.
 */
export function looseName(text: string): string {
  return text
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * True when the document's title is O*NET's title for its code (loosely). A matching title
 * corroborates the code, so fixes derived from the code (group, job zone) can be applied without
 * review; without it the code itself may be the mistake.
 */
export function socCorroborated(ctx: RuleContext): boolean {
  const onet = onetOccupation(ctx);
  return onet !== undefined && titleIs(ctx.model, onet.title);
}

/** Whether the document's occupation title is `onetTitle`, spelling aside (looseName). */
export function titleIs(model: FrameworkModel, onetTitle: string): boolean {
  const title = stringValue(model.occupation?.title);
  return title !== undefined && looseName(title) === looseName(onetTitle);
}

/**
 * The document range of characters [from, to) of a string field's value. The offsets map one to
 * one only when the literal holds no escapes; otherwise the whole literal is the best honest range.
 */
export function stringSubrange(text: string, field: Field, from: number, to: number): Range {
  const raw = text.slice(field.range.start + 1, field.range.end - 1);
  if (typeof field.value !== 'string' || raw !== field.value) return field.range;
  return { start: field.range.start + 1 + from, end: field.range.start + 1 + to };
}

/** "1st", "2nd", "3rd", "4th" ... for level positions in messages. */
export function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}
