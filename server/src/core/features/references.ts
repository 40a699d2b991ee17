/**
 * "Find all references" on a statement: the statements that carry the same topic at the other
 * levels (its thread, as the scope analysis links them, or for a placeholder on a topic the thread
 * it stands in for) and its copies (the duplicates reported
 * on it or naming it). An author revising one statement of a thread wants to see how the topic
 * reads one level down and one level up; a reviewer of a duplicate wants every copy, not just the
 * first. Standard LSP, so Neovim's `gr` and Emacs's xref get it as VS Code's Shift+F12 does.
 */
import { EMPTY_CONFIG, type ResolvedConfig } from '../config/types';
import type { Statement } from '../model/types';
import type { AnalysisResult } from '../service';
import { statementAt } from './locate';
import { exactHashes } from '../analysis/duplicates/index';
import { statementsWithKey } from '../analysis/duplicates/exact';
import { exactKey } from '../analysis/duplicates/normalise';
import { scopeOf, statementScope } from './reading';
import { threadFor } from '../analysis/scope/analysis';

export interface StatementReferences {
  /** The statement under the cursor. */
  statement: Statement;
  /** The other statements of its thread, lowest level first (empty above maxFileSize, where no threads are found). */
  thread: Statement[];
  /** Its copies: statements a duplicate finding ties to it, in document order. */
  copies: Statement[];
}

export function statementReferences(result: AnalysisResult, offset: number, options: { config?: ResolvedConfig } = {}): StatementReferences | undefined {
  const statement = statementAt(result, offset);
  if (!statement) return undefined;
  return { statement, thread: threadOf(result, statement, options.config ?? EMPTY_CONFIG), copies: copiesOf(result, statement) };
}

function threadOf(result: AnalysisResult, s: Statement, config: ResolvedConfig): Statement[] {
  const scope = scopeOf(result, config);
  const ss = statementScope(scope, s);
  const thread = scope && ss ? threadFor(scope, ss) : undefined;
  if (!scope || !thread) return [];
  // Members are kept in order of rank, which is proficiency order whatever the document order.
  return thread.members.map((m) => scope.statements[m].statement).filter((x) => x !== s);
}

/**
 * The statements with the same key as duplicate-exact groups them by, found as the rule finds them,
 * whether or not it runs or a suppression hides its finding (a copy kept on purpose is still a copy
 * to see); and the near copies. A near duplicate is reported on its later copy and names the earlier
 * one as related, so those are both the statements its own duplicate findings name and those whose
 * findings name it.
 */
function copiesOf(result: AnalysisResult, s: Statement): Statement[] {
  const statements = result.model.statements;
  const exact = statementsWithKey(statements, exactHashes(result.shared, statements), exactKey(s.text), (x) => exactKey(x.text));
  const pointers = new Set<string>(exact.map((x) => x.pointer));
  for (const f of result.findings) {
    if (f.category !== 'duplicate' || !f.related) continue;
    if (f.pointer === s.pointer) for (const r of f.related) pointers.add(r.pointer);
    else if (f.related.some((r) => r.pointer === s.pointer)) pointers.add(f.pointer);
  }
  pointers.delete(s.pointer);
  return statements.filter((x) => pointers.has(x.pointer));
}
