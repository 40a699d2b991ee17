/**
 * "Add a statement on "Circulation" to Proficient": offered on a topic-gap finding, one action per
 * level the topic skips. It appends "Circulation — to be written." to that level, the topic and its
 * separator as the thread's lowest statement writes them, for the author to write the body over.
 * The body is a placeholder, which describes no work, so the topic's gap stays reported (and the
 * new statement is easy to find) until it is written; a level that already holds a placeholder on
 * the topic is not offered another. Never applied by fix-all: what a level says
 * about a topic is the author's to write.
 */
import type { ResolvedConfig } from '../config/types';
import { levelsWithout } from '../analysis/scope/analysis';
import { appendStatementEdit } from '../fixes/appendStatement';
import { distinctLevelName } from '../model/levelName';
import { sameTopic } from '../model/statementParts';
import type { AnalysisResult } from '../service';
import type { Range } from '../types';
import type { CodeAction } from './codeActions';
import { overlaps } from './locate';
import { scopeOf } from './reading';

/** The body of the added statement: a placeholder (scope/placeholder.ts) that says what is left to do. */
export const TO_BE_WRITTEN = 'to be written.';

export function addOnTopicActions(result: AnalysisResult, range: Range, config: ResolvedConfig): CodeAction[] {
  const findings = result.findings.filter((f) => f.ruleId === 'topic-gap' && overlaps(f.range, range));
  if (findings.length === 0) return [];
  const scope = scopeOf(result, config);
  if (!scope) return [];
  const out: CodeAction[] = [];
  for (const f of findings) {
    const first = scope.byPointer.get(f.pointer);
    const thread = first?.thread === undefined ? undefined : scope.threads[first.thread];
    const s = first?.statement;
    if (!thread || thread.by !== 'topic' || !s?.topic || !s.separatorSpan) continue;
    // "Circulation — " as the lowest statement of the thread writes it: its dash and its spacing.
    const head = s.topic + s.text.slice(s.separatorSpan.start, s.separatorSpan.end);
    for (const gap of levelsWithout(scope, thread)) {
      // A placeholder on the topic (this action's, or the author's own "Circulation — to be
      // confirmed.") already marks the statement to write: another would be its duplicate.
      if (gap.statements.some((x) => x.placeholder && x.statement.topic !== undefined && sameTopic(x.statement.topic, s.topic!))) continue;
      const edit = appendStatementEdit(result.doc.text, gap.level, JSON.stringify(head + TO_BE_WRITTEN));
      if (!edit) continue;
      out.push({
        title: `Add a statement on "${s.topic}" to ${distinctLevelName(gap.level, result.model.levels)}`,
        kind: 'quickfix',
        edits: [edit],
        // Offered where the finding is, but it does not claim to resolve it: the gap stays reported
        // until the placeholder is written over (an action's findings are those it makes go away).
        findings: [],
        preferred: false,
      });
    }
  }
  return out;
}
