/**
 * A thread (one topic carried across levels) whose statement at a higher level reads narrower than
 * its statement at the level below: the topic loses scope as proficiency grows. Reported on the
 * higher statement, with the lower one as related location. Both statements must carry clear
 * evidence, because a thread compares two single statements and one weak verb decides nothing.
 */
import { scopeAnalysis } from '../analysis/scope/analysis';
import { describeEvidence, evidenceToward } from '../analysis/scope/describe';
import { numberOption, type Rule } from './types';

export const DEFAULT_REGRESSION_MARGIN = 0.3;
export const DEFAULT_REGRESSION_CONFIDENCE = 2.5;

function quote(text: string): string {
  return text.length > 60 ? `"${text.slice(0, 57)}..."` : `"${text}"`;
}

export const threadRegression: Rule = {
  id: 'thread-regression',
  category: 'scope',
  defaultSeverity: 'warning',
  onStatements: true,
  description: 'A topic whose statement at a higher level reads narrower than its statement at the level below.',
  options: [
    {
      name: 'margin',
      type: 'number',
      default: DEFAULT_REGRESSION_MARGIN,
      min: 0,
      max: 1,
      description: 'How much narrower (on the 0..1 scope scale) the higher statement must read.',
    },
    {
      name: 'minConfidence',
      type: 'number',
      default: DEFAULT_REGRESSION_CONFIDENCE,
      min: 0,
      description: 'The evidence weight both statements need before they are compared.',
    },
  ],
  check(ctx) {
    const analysis = scopeAnalysis(ctx);
    const margin = numberOption(ctx, 'margin', DEFAULT_REGRESSION_MARGIN);
    const minConfidence = numberOption(ctx, 'minConfidence', DEFAULT_REGRESSION_CONFIDENCE);
    for (const thread of analysis.threads) {
      for (let k = 1; k < thread.members.length; k++) {
        const lower = analysis.statements[thread.members[k - 1]];
        const higher = analysis.statements[thread.members[k]];
        if (higher.rank <= lower.rank) continue;
        const lp = lower.profile.position;
        const hp = higher.profile.position;
        if (lp === undefined || hp === undefined) continue;
        if (lower.profile.confidence < minConfidence || higher.profile.confidence < minConfidence) continue;
        if (hp >= lp - margin) continue;
        const lowerLevel = analysis.levels[lower.rank];
        const higherLevel = analysis.levels[higher.rank];
        const hereWhy = evidenceToward(analysis, higher, -1).map(describeEvidence).join(', ') || 'no phrase of wider scope';
        const thereWhy = evidenceToward(analysis, lower, 1).map(describeEvidence).join(', ');
        // A topic thread is named by its topic. A content thread has no name its readers wrote,
        // only the words its statements share, so the lower statement, quoted, says what it is about.
        const comparison =
          thread.by === 'topic'
            ? `On the topic "${thread.name}", this ${higherLevel.name} statement reads narrower than the ${lowerLevel.name} one ${quote(lower.statement.body)}`
            : `This ${higherLevel.name} statement reads narrower than the ${lowerLevel.name} statement on the same subject, ${quote(lower.statement.body)}`;
        ctx.report({
          message:
            `${comparison} (${hereWhy}${thereWhy ? `; the ${lowerLevel.name} statement has ${thereWhy}` : ''}). ` +
            `Give the higher level the wider autonomy, breadth or complexity.`,
          pointer: higher.statement.pointer,
          range: higher.statement.range,
          related: [{ pointer: lower.statement.pointer, range: lower.statement.range, message: `the same topic at ${lowerLevel.name}` }],
        });
      }
    }
  },
};
