/**
 * How statements and levels read, for hovers and code lenses: a thin view over the shared scope
 * analysis (`analysis/scope/analysis.ts`), which the scope rules have usually computed already for
 * the same document, so a hover costs a cache lookup.
 */
import type { ResolvedConfig } from '../config/types';
import { scopeAnalysis, type LevelScope, type ScopeAnalysis, type StatementScope } from '../analysis/scope/analysis';
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

/** The name of the level nearest a fractional rank ("developing"), in the order of proficiency. */
export function levelNameAtRank(scope: ScopeAnalysis, rank: number): string | undefined {
  const n = scope.levels.length;
  if (n === 0 || !Number.isFinite(rank)) return undefined;
  const at = Math.max(0, Math.min(n - 1, Math.round(rank)));
  return levelName(scope.levels[at].level);
}

/** Where a level reads as a whole: the mean estimate of its statements that have one. */
export function levelReadsAs(scope: ScopeAnalysis | undefined, level: Level): { name: string; rank: number } | undefined {
  const ls = levelScope(scope, level);
  if (!scope || !ls) return undefined;
  const estimates = ls.statements.map((x) => x.estimate).filter((e): e is number => e !== undefined);
  if (estimates.length === 0) return undefined;
  const rank = estimates.reduce((a, b) => a + b, 0) / estimates.length;
  const name = levelNameAtRank(scope, rank);
  return name ? { name, rank } : undefined;
}
