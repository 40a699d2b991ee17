/**
 * One lens per level, above its key: how many statements it has, how it reads, and how many findings
 * it carries ("10 statements · reads as developing · 2 findings"), so the shape of a framework shows
 * without opening a report.
 */
import { EMPTY_CONFIG, type ResolvedConfig } from '../config/types';
import type { AnalysisResult } from '../service';
import type { Range } from '../types';
import { levelReadsAs, scopeOf } from './reading';

export interface CodeLens {
  range: Range;
  title: string;
  /** The level the lens is about, so a command can reveal it. */
  pointer: string;
}

export function levelLenses(result: AnalysisResult, options: { config?: ResolvedConfig } = {}): CodeLens[] {
  const scope = scopeOf(result, options.config ?? EMPTY_CONFIG);
  return result.model.levels.map((level) => {
    const n = level.statements.length;
    const parts = [`${n} statement${n === 1 ? '' : 's'}`];
    const reads = levelReadsAs(scope, level);
    if (reads) parts.push(`reads as ${reads.name.toLowerCase()}`);
    const findings = result.findings.filter((f) => f.pointer === level.pointer || f.pointer.startsWith(level.pointer + '/')).length;
    parts.push(`${findings} finding${findings === 1 ? '' : 's'}`);
    return { range: level.keyRange, title: parts.join(' · '), pointer: level.pointer };
  });
}
