/** Reports a job zone that differs from O*NET's for the occupation, unless it is marked inferred. */
import type { Rule } from './types';
import { booleanValue, numberValue, onetOccupation, replaceValueFix, socCorroborated } from './util';

export const jobZone: Rule = {
  id: 'job-zone',
  category: 'metadata',
  defaultSeverity: 'warning',
  description: 'The job zone must be O*NET\'s job zone for the SOC code unless `jobZoneInferred` is true.',
  fixable: 'safe',
  cheap: true,
  afterStatementEdit: 'moves',
  check(ctx) {
    const occupation = ctx.model.occupation;
    const field = occupation?.jobZone;
    const zone = numberValue(field);
    const onet = onetOccupation(ctx);
    // An inferred zone is the author's own estimate; whether it should have been inferred at all is
    // job-zone-inferred's question. Without an O*NET zone there is nothing to compare with.
    if (!field || zone === undefined || !onet || onet.jobZone === undefined) return;
    if (booleanValue(occupation?.jobZoneInferred) === true || zone === onet.jobZone) return;
    const name = ctx.reference.jobZone(onet.jobZone)?.name;
    ctx.report({
      message: `\`jobZone\` is ${zone} but O*NET gives ${onet.code} job zone ${onet.jobZone}${name ? ` (${name})` : ''}.`,
      pointer: field.pointer,
      range: field.range,
      fix: replaceValueFix(`Set the job zone to ${onet.jobZone}`, field, onet.jobZone, socCorroborated(ctx)),
    });
  },
};
