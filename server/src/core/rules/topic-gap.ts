/**
 * A topic present at some levels and absent at others. Only statements with a "Topic — " prefix
 * are considered: without named topics, a missing match says more about wording than about
 * coverage. Information only, because some topics honestly begin at a higher level.
 */
import { levelsWithout, scopeAnalysis } from '../analysis/scope/analysis';
import type { Rule } from './types';

export const topicGap: Rule = {
  id: 'topic-gap',
  category: 'coverage',
  defaultSeverity: 'info',
  onStatements: true,
  description: 'A topic that appears at some levels and not at others.',
  check(ctx) {
    const analysis = scopeAnalysis(ctx);
    const n = analysis.levels.length;
    for (const thread of analysis.threads) {
      if (thread.by !== 'topic' || thread.ranks.length >= n) continue;
      const missing = levelsWithout(analysis, thread);
      if (missing.length === 0) continue;
      const first = analysis.statements[thread.members[0]];
      const present = thread.ranks.map((r) => analysis.levels[r].name);
      const inner = missing.some((l) => l.rank > thread.ranks[0] && l.rank < thread.ranks[thread.ranks.length - 1]);
      ctx.report({
        message:
          `The topic "${thread.name}" appears at ${present.join(', ')} but not at ${missing.map((l) => l.name).join(', ')}. ` +
          (inner
            ? `A level in the middle of the topic has no statement on it; add one, or name the topic as the neighbouring levels do.`
            : `If the topic honestly begins or ends there, nothing needs to change; otherwise add a statement on it.`),
        pointer: first.statement.pointer,
        range: first.statement.range,
        related: thread.members.slice(1).map((m) => {
          const s = analysis.statements[m].statement;
          return { pointer: s.pointer, range: s.range, message: `the topic at ${analysis.levels[analysis.statements[m].rank].name}` };
        }),
      });
    }
  },
};
