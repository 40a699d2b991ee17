/**
 * A statement that reads as belonging two or more levels away from the level it sits in: an
 * entry-level task filed under the most senior level, or a strategy-setting statement filed under
 * the first. The reading combines the statement's lexicon evidence with the document's own levels.
 */
import { scopeAnalysis } from '../analysis/scope/analysis';
import { explainReading, levelAt, similarLocations, similarToward } from '../analysis/scope/describe';
import { DEFAULT_NEAR_THRESHOLD, exactDuplicates, nearDuplicates, statementName } from '../analysis/duplicates/index';
import type { Statement } from '../model/types';
import { numberOption, otherRuleNumber, type Rule, type RuleContext } from './types';

export const DEFAULT_MIN_DISTANCE = 1.4;

export const scopeMisplaced: Rule = {
  id: 'scope-misplaced',
  category: 'scope',
  defaultSeverity: 'warning',
  onStatements: true,
  description: 'A statement whose scope reads far from the level it sits in: about two levels or more (1.4 by default) above or below it.',
  options: [
    {
      name: 'minDistance',
      type: 'number',
      default: DEFAULT_MIN_DISTANCE,
      min: 0,
      description: 'How many levels (fractional) the statement must read away from its own level.',
    },
  ],
  check(ctx) {
    const analysis = scopeAnalysis(ctx);
    if (analysis.levels.length < 3) return;
    const min = numberOption(ctx, 'minDistance', DEFAULT_MIN_DISTANCE);
    for (const x of analysis.statements) {
      if (x.estimate === undefined || Math.abs(x.offset) < min) continue;
      const direction = Math.sign(x.offset);
      const own = analysis.levels[x.rank];
      // The level it reads as is the estimate's, as `explain` and the hover name it; the distance
      // is said as measured, since the threshold (1.4 by default) can fall short of two whole levels.
      const target = levelAt(analysis, x.estimate);
      const why = explainReading(analysis, x, direction);
      const distance = Math.abs(x.offset).toFixed(1);
      const similar = similarToward(analysis, x, direction);
      // A statement that repeats one of a level in that direction is no statement to move: moved
      // there, it would only make a duplicate.
      const repeated = repeatedToward(ctx, x.statement, (t) => Math.sign(analysis.statements[t.ordinal].rank - x.rank) === direction);
      const related = [
        { pointer: target.level.pointer, range: target.level.keyRange, message: `the level it reads as (${target.name})` },
        ...similarLocations(analysis, similar),
      ];
      // The statement it repeats is named, as the duplicate rules name theirs, so that a reviewer
      // can find it from any format; and pointed at, even when it is not among the most similar.
      if (repeated && !related.some((r) => r.pointer === repeated.pointer)) {
        related.push({ pointer: repeated.pointer, range: repeated.range, message: `the statement it repeats, at ${analysis.levels[analysis.statements[repeated.ordinal].rank].name}` });
      }
      ctx.report({
        message:
          `This ${own.name} statement reads as ${target.name}: ${why}. ` +
          `Its wording reads ${distance} levels ${direction > 0 ? 'above' : 'below'} ${own.name}; ` +
          (repeated
            ? `${statementName(repeated, ctx.model.levels)} already says much the same, so reword it with the scope expected at ${own.name}, or remove it.`
            : `move it to ${target.name} or reword it with the scope expected at ${own.name}.`),
        pointer: x.statement.pointer,
        range: x.statement.range,
        related,
      });
    }
  },
};

/**
 * A statement that `s` repeats, exactly or nearly as duplicate-near sees it (with its configured
 * threshold), among those `where` accepts. Asked only for a statement the rule reports, so a
 * document without findings never pays for the near-duplicate join when duplicate-near is off.
 */
function repeatedToward(ctx: RuleContext, s: Statement, where: (t: Statement) => boolean): Statement | undefined {
  const exact = exactDuplicates(ctx.shared, ctx.model.statements);
  const group = exact.groupOf[s.ordinal];
  const copy = group?.members.find((t) => t !== s && where(t));
  if (copy || !group) return copy;
  const threshold = otherRuleNumber(ctx, 'duplicate-near', 'threshold', DEFAULT_NEAR_THRESHOLD);
  const near = nearDuplicates(ctx.shared, ctx.model.statements, threshold, ctx.config.lexicon);
  return near.links.get(group.members[0].ordinal)?.find((l) => where(l.other))?.other;
}
