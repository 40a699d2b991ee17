/**
 * Reports a well-formed O*NET-SOC code that O*NET does not have. Everything else the metadata rules
 * check is looked up by this code, so an unknown code is an error: none of it can be verified.
 */
import type { OnetOccupation } from '../data/reference';
import type { Rule } from './types';
import { replaceValueFix, wellFormedSoc } from './util';

/** At most this many codes are suggested, so the message stays one readable line. */
const MAX_SUGGESTIONS = 3;

/**
 * The known codes that share the longest prefix with `soc`, never shorter than the major group
 * ("25-"): a typo in the last digits lands next to the intended code, while a code from another
 * major group is not a near miss of anything.
 */
export function nearestCodes(soc: string, occupations: readonly OnetOccupation[]): OnetOccupation[] {
  for (let length = soc.length - 1; length >= 3; length--) {
    const prefix = soc.slice(0, length);
    const found = occupations.filter((o) => o.code.startsWith(prefix));
    if (found.length > 0) return found.slice(0, MAX_SUGGESTIONS);
  }
  return [];
}

export const socUnknown: Rule = {
  id: 'soc-unknown',
  category: 'metadata',
  defaultSeverity: 'error',
  description: 'The occupation\'s SOC code must be an O*NET-SOC code that O*NET has.',
  fixable: 'review',
  cheap: true,
  afterStatementEdit: 'moves',
  check(ctx) {
    const field = ctx.model.occupation?.soc;
    const soc = wellFormedSoc(ctx.model.occupation);
    if (!field || soc === undefined || ctx.reference.occupation(soc)) return;
    const near = nearestCodes(soc, ctx.reference.occupations);
    const suggestion =
      near.length > 0 ? ` Nearest known codes: ${near.map((o) => `${o.code} (${o.title})`).join(', ')}.` : '';
    // The same six-digit SOC occupation with a different O*NET suffix is almost surely the one meant,
    // but the choice still deserves a look: the fix is offered, never applied unasked.
    const sameBase = near.filter((o) => o.code.slice(0, 7) === soc.slice(0, 7));
    ctx.report({
      message: `\`soc\` "${soc}" is not a code O*NET has, so the title, group and job zone cannot be checked.${suggestion}`,
      pointer: field.pointer,
      range: field.range,
      fix: sameBase.length === 1 ? replaceValueFix(`Use ${sameBase[0].code} (${sameBase[0].title})`, field, sameBase[0].code, false) : undefined,
    });
  },
};
