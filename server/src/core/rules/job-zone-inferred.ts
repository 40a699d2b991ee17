/**
 * Reports `jobZoneInferred` disagreeing with O*NET: true while O*NET has a job zone for the code,
 * or false while it has none (then the zone given cannot have come from O*NET).
 */
import type { Rule } from './types';
import { booleanValue, onetOccupation, replaceValueFix, socCorroborated } from './util';

export const jobZoneInferred: Rule = {
  id: 'job-zone-inferred',
  category: 'metadata',
  defaultSeverity: 'warning',
  description: '`jobZoneInferred` must be true exactly when O*NET has no job zone for the SOC code.',
  fixable: 'safe',
  cheap: true,
  afterStatementEdit: 'moves',
  check(ctx) {
    const field = ctx.model.occupation?.jobZoneInferred;
    const inferred = booleanValue(field);
    const onet = onetOccupation(ctx);
    if (!field || inferred === undefined || !onet) return;
    const expected = onet.jobZone === undefined;
    if (inferred === expected) return;
    const message = inferred
      ? `\`jobZoneInferred\` is true but O*NET has job zone ${onet.jobZone} for ${onet.code}; set it to false and use O*NET's zone.`
      : `\`jobZoneInferred\` is false but O*NET has no job zone for ${onet.code}, so the zone must have been inferred; set it to true.`;
    ctx.report({
      message,
      pointer: field.pointer,
      range: field.range,
      fix: replaceValueFix(`Set jobZoneInferred to ${expected}`, field, expected, socCorroborated(ctx)),
    });
  },
};
