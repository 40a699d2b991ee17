/**
 * Reports a statement that repeats an earlier one once case, spacing, punctuation, dash style,
 * Unicode form and a final period are set aside. The first copy in document order stays quiet;
 * every later copy is reported once, pointing at all the others.
 */
import { exactDuplicates, nameList, statementName } from '../analysis/duplicates/index';
import { removeStatementFix } from '../analysis/duplicates/removeStatement';
import type { Statement } from '../model/types';
import type { RelatedLocation } from '../types';
import type { Rule } from './types';

/** A pathological file can repeat one statement thousands of times; the editor needs only some pointers. */
export const MAX_RELATED = 100;

export const duplicateExact: Rule = {
  id: 'duplicate-exact',
  category: 'duplicate',
  defaultSeverity: 'warning',
  description: 'A statement repeats another one of the framework, apart from case, spacing, punctuation or a final period.',
  fixable: 'review',
  // One hash map over the statements: linear, so it still runs on documents too large for the full analysis.
  cheap: true,
  check(ctx) {
    const index = exactDuplicates(ctx.shared, ctx.model.statements);
    for (const group of index.groups) {
      if (group.members.length < 2) continue;
      group.members.forEach((s, i) => {
        if (i === 0) return;
        const others = group.members.filter((o) => o !== s);
        const verbatim = others.every((o) => o.text === s.text);
        const where = s.levelIndex === group.members[0].levelIndex && others.every((o) => o.levelIndex === s.levelIndex) ? 'in the same level' : 'in another level';
        const message =
          `Same statement as ${nameList(others)}` +
          (verbatim ? '' : ' (apart from case, spacing or punctuation)') +
          `: the statement is repeated ${where}. Remove this copy, or reword it if the levels expect different things.`;
        ctx.report({
          message,
          pointer: s.pointer,
          range: s.range,
          related: others.slice(0, MAX_RELATED).map((o) => related(o, s)),
          fix: removeStatementFix(ctx.model, s, `Remove this copy of ${statementName(group.members[0])}`),
        });
      });
    }
  },
};

function related(other: Statement, s: Statement): RelatedLocation {
  return { pointer: other.pointer, range: other.range, message: `The same statement at ${statementName(other)} (this is ${statementName(s)}).` };
}
