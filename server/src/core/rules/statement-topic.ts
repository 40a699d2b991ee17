/**
 * Reports a statement without the "Topic — " prefix in a document whose statements mostly have one.
 * The prefix is what lets readers (and the scope analysis) follow a topic from level to level, so a
 * statement without it drops out of its thread. A framework written without topics is its own
 * house style and gets nothing from this rule.
 */
import type { Rule } from './types';
import { numberOption } from './types';
import { houseStyle, prevailing, share } from '../analysis/houseStyle';

const DEFAULT_MIN_SHARE = 0.6;
const DEFAULT_MIN_COUNT = 3;

export const statementTopic: Rule = {
  id: 'statement-topic',
  category: 'format',
  defaultSeverity: 'warning',
  onStatements: true,
  description: 'A statement lacks the "Topic — " prefix that most statements of the document have.',
  options: [
    { name: 'minShare', type: 'number', default: DEFAULT_MIN_SHARE, min: 0, max: 1, description: 'The share of statements (0 to 1) that must have a topic before the others are reported.' },
    { name: 'minCount', type: 'number', default: DEFAULT_MIN_COUNT, min: 0, description: 'The number of statements that must have a topic before the others are reported.' },
  ],
  check(ctx) {
    const style = houseStyle(ctx);
    const minShare = numberOption(ctx, 'minShare', DEFAULT_MIN_SHARE);
    const minCount = numberOption(ctx, 'minCount', DEFAULT_MIN_COUNT);
    if (!prevailing(style.withTopic, style.total, minShare, minCount)) return;
    for (const s of ctx.model.statements) {
      if (s.topic !== undefined || s.text.trim() === '') continue;
      ctx.report({
        message: `This statement has no "Topic — " prefix, while ${share(style.withTopic, style.total)} in this document have one; start it with a short topic followed by " — ".`,
        pointer: s.pointer,
        range: s.range,
      });
    }
  },
};
