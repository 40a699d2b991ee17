/**
 * "Move this statement to the level it reads as": offered on the scope findings (`scope-misplaced`,
 * `scope-outlier`) when the scope analysis reads the statement as another level. The statement's
 * literal is moved as written (escapes intact) to the end of that level's statements, and taken out
 * of its own level with the comma that separated it. Never applied by fix-all: moving content
 * between levels is the author's decision. Not offered into a level that already holds a copy of
 * the statement (as duplicate-exact compares them): the move would only turn a repeat across levels
 * into one within a level, and removing the copy is duplicate-exact's own fix.
 */
import type { ResolvedConfig } from '../config/types';
import { exactKey } from '../analysis/duplicates/normalise';
import { removeStatementEdit } from '../analysis/duplicates/removeStatement';
import { appendStatementEdit } from '../fixes/appendStatement';
import { explainStatement } from '../explain';
import type { AnalysisResult } from '../service';
import type { Level, Statement } from '../model/types';
import type { Range, TextEdit } from '../types';
import type { CodeAction } from './codeActions';
import { overlaps } from './locate';
import { distinctLevelName } from '../model/levelName';
import { scopeOf } from './reading';

const SCOPE_RULES = new Set(['scope-misplaced', 'scope-outlier']);

export function moveStatementActions(result: AnalysisResult, range: Range, config: ResolvedConfig): CodeAction[] {
  const findings = result.findings.filter((f) => SCOPE_RULES.has(f.ruleId) && overlaps(f.range, range));
  if (findings.length === 0) return [];
  const scope = scopeOf(result, config);
  if (!scope) return [];
  const out: CodeAction[] = [];
  const seen = new Set<string>();
  for (const f of findings) {
    const x = scope.byPointer.get(f.pointer);
    if (!x || seen.has(f.pointer)) continue;
    const readsAs = explainStatement(scope, x).readsAs;
    const target = scope.levels.find((l) => l.name === readsAs)?.level;
    const s = x.statement;
    if (!target || target.key === s.levelKey || holdsCopy(target, s)) continue;
    const edits = moveEdits(result, s, target);
    if (!edits) continue;
    seen.add(f.pointer);
    out.push({ title: `Move this statement to ${distinctLevelName(target, result.model.levels)}, the level it reads as`, kind: 'quickfix', edits, findings: [f], preferred: false });
  }
  return out;
}

/** Whether `level` has a statement other than `s` that duplicate-exact would call the same. */
function holdsCopy(level: Level, s: Statement): boolean {
  const key = exactKey(s.text);
  return level.statements.some((o) => o !== s && exactKey(o.text) === key);
}

function moveEdits(result: AnalysisResult, s: Statement, target: Level): TextEdit[] | undefined {
  const remove = removeStatementEdit(result.model, s);
  const insert = appendStatementEdit(result.doc.text, target, result.doc.text.slice(s.range.start, s.range.end));
  return remove && insert ? [remove, insert] : undefined;
}
