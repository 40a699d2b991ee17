/**
 * How statements and levels read, for hovers and code lenses: a thin view over the shared scope
 * analysis (`analysis/scope/analysis.ts`), which the scope rules have usually computed already for
 * the same document, so a hover costs a cache lookup.
 */
import type { ResolvedConfig } from '../config/types';
import { scopeAnalysis, type LevelScope, type ScopeAnalysis, type StatementScope } from '../analysis/scope/analysis';
import { levelAt } from '../analysis/scope/describe';
import type { AnalysisResult } from '../service';
import type { Level, Statement } from '../model/types';
import { levelName } from './locate';

/** The scope analysis of the document, or undefined when it was too large for the full analysis. */
export function scopeOf(result: AnalysisResult, config: ResolvedConfig): ScopeAnalysis | undefined {
  if (result.limited || !result.model.isFramework || result.model.levels.length === 0) return undefined;
  try {
    return scopeAnalysis({ shared: result.shared, model: result.model, config });
  } catch {
    // A hover must never fail because an analysis did; it shows less instead.
    return undefined;
  }
}

export function statementScope(scope: ScopeAnalysis | undefined, s: Statement): StatementScope | undefined {
  return scope?.byPointer.get(s.pointer);
}

export function levelScope(scope: ScopeAnalysis | undefined, level: Level): LevelScope | undefined {
  return scope?.levels.find((l) => l.level.key === level.key);
}

/** The name of the level nearest a fractional rank, as the scope rules and `explain` name it. */
export function levelNameAtRank(scope: ScopeAnalysis, rank: number): string | undefined {
  if (scope.levels.length === 0 || !Number.isFinite(rank)) return undefined;
  const l = levelAt(scope, rank);
  return l.name || levelName(l.level);
}

/** Where a level reads as a whole: the scope analysis's own reading of it (what `explain` prints). */
export function levelReadsAs(scope: ScopeAnalysis | undefined, level: Level): { name: string; rank: number } | undefined {
  const ls = levelScope(scope, level);
  if (!scope || !ls || ls.reading === undefined) return undefined;
  const name = levelNameAtRank(scope, ls.reading);
  return name ? { name, rank: ls.reading } : undefined;
}
