/** Reports an occupation title that is not O*NET's title for the occupation's code. */
import type { Rule } from './types';
import { looseName, onetOccupation, replaceValueFix, stringValue } from './util';

export const occupationTitle: Rule = {
  id: 'occupation-title',
  category: 'metadata',
  defaultSeverity: 'warning',
  description: 'The occupation title must be the O*NET title for its SOC code.',
  fixable: 'safe',
  cheap: true,
  afterStatementEdit: 'moves',
  check(ctx) {
    const field = ctx.model.occupation?.title;
    const title = stringValue(field);
    const onet = onetOccupation(ctx);
    if (!field || title === undefined || !onet || title === onet.title) return;
    // Only a respelling of the same title is safe to replace without review: a different title
    // may mean that the code is the mistake, and then rewriting the title would hide it.
    const respelled = looseName(title) === looseName(onet.title);
    const message = respelled
      ? `\`title\` "${title}" is spelled differently from O*NET's title for ${onet.code}: "${onet.title}".`
      : `\`title\` "${title}" is not O*NET's title for ${onet.code}, which is "${onet.title}". Use that title, or check that the SOC code is the intended one.`;
    ctx.report({
      message,
      pointer: field.pointer,
      range: field.range,
      fix: replaceValueFix(`Use O*NET's title "${onet.title}"`, field, onet.title, respelled),
    });
  },
};
