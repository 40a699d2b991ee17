/**
 * Reports a `contextCovered` text that cites SOC codes, none of them the occupation's own: the
 * text was most likely copied from another framework and describes a different occupation.
 *
 * A text that cites no code at all is left alone. Generators other than LER.me describe their
 * context in their own words (the DDaT conversions say which skill of which government framework
 * they hold), and a missing code there is not an error anyone would want to fix.
 */
import type { Rule } from './types';
import { onetOccupation, replaceValueFix, stringSubrange, stringValue, wellFormedSoc } from './util';

/** An O*NET-SOC code (25-4022.00) or the six-digit SOC code it extends (25-4022). */
const CITED_CODE = /\b\d{2}-\d{4}(?:\.\d{2})?\b/g;

/** True when a cited code designates the occupation `soc` (the six-digit form covers all suffixes). */
function namesOwn(cited: string, soc: string): boolean {
  return cited === soc || (cited.length === 7 && cited === soc.slice(0, 7));
}

export const contextCovered: Rule = {
  id: 'context-covered',
  category: 'metadata',
  defaultSeverity: 'warning',
  description: '`contextCovered` must not describe another occupation: if it cites SOC codes, one of them is the occupation\'s own.',
  fixable: 'review',
  cheap: true,
  afterStatementEdit: 'moves',
  check(ctx) {
    const field = ctx.model.fields.contextCovered;
    const text = stringValue(field);
    const soc = wellFormedSoc(ctx.model.occupation);
    if (!field || !text || soc === undefined) return;
    const cited = [...text.matchAll(CITED_CODE)];
    if (cited.length === 0 || cited.some((m) => namesOwn(m[0], soc))) return;
    const first = cited[0];
    const at = first.index ?? 0;
    // A six-digit SOC code names the detailed occupation whose O*NET-SOC code adds ".00".
    const other = ctx.reference.occupation(first[0].length === 7 ? `${first[0]}.00` : first[0]);
    const own = onetOccupation(ctx);
    const otherName = other ? ` (${other.title})` : '';
    const ownName = own ? ` (${own.title})` : '';
    const others = cited.length > 1 ? ` It cites ${cited.map((m) => m[0]).join(', ')} and none of them is ${soc}.` : '';
    const range = stringSubrange(ctx.doc.text, field, at, at + first[0].length);
    // Replacing the code alone leaves the rest of the text about the other occupation, so the fix
    // is only offered for review. A literal with escapes is rewritten whole.
    const fixTitle = `Cite ${soc} instead of ${first[0]}`;
    const fix =
      range === field.range
        ? replaceValueFix(fixTitle, field, text.slice(0, at) + soc + text.slice(at + first[0].length), false)
        : { title: fixTitle, edits: [{ ...range, newText: soc }], safe: false };
    ctx.report({
      message: `\`contextCovered\` names SOC ${first[0]}${otherName}, but the occupation is ${soc}${ownName}; the text may describe another occupation.${others}`,
      pointer: field.pointer,
      range,
      fix,
    });
  },
};
