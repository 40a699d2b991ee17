/**
 * Reports an occupation group that is not the SOC major group of the code's first two digits, in
 * the export's abbreviated form ("and" as "&", no trailing " Occupations").
 */
import type { Rule } from './types';
import { looseName, replaceValueFix, socCorroborated, stringValue, wellFormedSoc } from './util';

export const occupationGroup: Rule = {
  id: 'occupation-group',
  category: 'metadata',
  defaultSeverity: 'warning',
  description: 'The occupation group must be the abbreviated SOC major group title of the SOC code.',
  fixable: 'safe',
  cheap: true,
  afterStatementEdit: 'moves',
  check(ctx) {
    const field = ctx.model.occupation?.group;
    const group = stringValue(field);
    const soc = wellFormedSoc(ctx.model.occupation);
    // The major group follows from the first two digits alone, so even a code O*NET lacks has one.
    const major = soc === undefined ? undefined : ctx.reference.majorGroupOf(soc);
    if (!field || group === undefined || !major || group === major.abbreviated) return;
    const isFullTitle = looseName(group) === looseName(major.title);
    const respelled = isFullTitle || looseName(group) === looseName(major.abbreviated);
    const message = isFullTitle
      ? `\`group\` "${group}" is the full SOC title; exports use the abbreviated form "${major.abbreviated}".`
      : respelled
        ? `\`group\` "${group}" is spelled differently from the SOC major group of ${soc}: "${major.abbreviated}".`
        : `\`group\` "${group}" is not the SOC major group of ${soc} (${major.prefix}-0000), which is "${major.abbreviated}".`;
    ctx.report({
      message,
      pointer: field.pointer,
      range: field.range,
      // The group is a function of the code; rewriting it is safe when it is the same group
      // respelled, or when the title confirms the code. Otherwise the code may be the mistake.
      fix: replaceValueFix(`Use "${major.abbreviated}"`, field, major.abbreviated, respelled || socCorroborated(ctx)),
    });
  },
};
