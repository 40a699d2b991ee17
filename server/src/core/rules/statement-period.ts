/**
 * Reports a statement whose ending differs from the document's house style: no final period where
 * most statements end with one, or a final period where most have none. The style is the
 * document's own, so a framework written without final periods is not told to add them. A doubled
 * final period ("..") is reported whatever the style.
 */
import type { Rule } from './types';
import { numberOption } from './types';
import { ending, houseStyle, prevailing, share, startCase } from '../analysis/houseStyle';
import { statementSubrange } from '../model/build';
import { replaceStatementFix } from '../fixes/replaceStatement';

// A clearer majority than for topics: a framework with a few placeholder sentences ("This level is
// not defined.") among period-less list items must not have its real statements called wrong.
const DEFAULT_MIN_SHARE = 0.75;
const DEFAULT_MIN_COUNT = 3;

/** A period that belongs to an abbreviation is not a sentence's final period and must stay. */
const ABBREVIATION = /(?:^|[\s(])(?:etc|e\.g|i\.e|cf|vs|approx|incl|Inc|Ltd|Co|Corp|St|Dr|No)\.$/i;

export const statementPeriod: Rule = {
  id: 'statement-period',
  category: 'format',
  defaultSeverity: 'warning',
  onStatements: true,
  description: 'A statement ends without the final period most statements of the document have, with one most of them lack, or with a doubled period.',
  fixable: 'safe',
  options: [
    { name: 'minShare', type: 'number', default: DEFAULT_MIN_SHARE, min: 0, max: 1, description: 'The share of statements (0 to 1) that must end the same way before the others are reported.' },
    { name: 'minCount', type: 'number', default: DEFAULT_MIN_COUNT, min: 0, description: 'The number of statements that must end the same way before the others are reported.' },
  ],
  check(ctx) {
    const style = houseStyle(ctx);
    const minShare = numberOption(ctx, 'minShare', DEFAULT_MIN_SHARE);
    const minCount = numberOption(ctx, 'minCount', DEFAULT_MIN_COUNT);
    const periods = prevailing(style.endingPeriod, style.total, minShare, minCount);
    const bare = !periods && prevailing(style.endingNone, style.total, minShare, minCount);
    // In a list of lower-case fragments, a capitalised statement is a full sentence, such as a
    // placeholder; its period is right and is left alone.
    const fragments = style.lowerStart > style.upperStart;

    for (const s of ctx.model.statements) {
      if (s.text.trim() === '') continue;
      const kept = s.text.trimEnd();
      // A doubled final period is a slip in any house style, so it is reported even where no style
      // prevails; three periods are an ellipsis, which the page allows, and are left alone.
      if (kept.endsWith('..') && !kept.endsWith('...')) {
        ctx.report({
          message: 'This statement ends with a doubled period; keep one.',
          pointer: s.pointer,
          range: statementSubrange(s, kept.length - 2, kept.length),
          fix: replaceStatementFix(s, kept.slice(0, -1) + s.text.slice(kept.length), 'Keep one final period'),
        });
        continue;
      }
      const end = ending(s.text);
      if (periods && end === 'none') {
        ctx.report({
          message: `This statement does not end with a period, while ${share(style.endingPeriod, style.total)} in this document do; add one.`,
          pointer: s.pointer,
          range: statementSubrange(s, kept.length - 1, kept.length),
          fix: replaceStatementFix(s, kept + '.' + s.text.slice(kept.length), 'Add the final period'),
        });
      } else if (bare && end === 'period') {
        if (ABBREVIATION.test(kept)) continue;
        if (fragments && startCase(s.body) === 'upper') continue;
        ctx.report({
          message: `This statement ends with a period, while ${share(style.endingNone, style.total)} in this document do not; remove it.`,
          pointer: s.pointer,
          range: statementSubrange(s, kept.length - 1, kept.length),
          fix: replaceStatementFix(s, kept.slice(0, -1) + s.text.slice(kept.length), 'Remove the final period'),
        });
      }
    }
  },
};
