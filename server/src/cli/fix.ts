/**
 * `--fix`: apply the safe fixes the findings carry (core/fixes/apply.ts, the same code as the
 * language server's fix-all), re-analyse, and repeat until nothing is left to fix, since one fix
 * can make room for another that overlapped it. Every pass must still parse; a pass that would
 * break the JSON is dropped and said so. The file is written once, atomically, in the encoding it
 * was read with, and only when it changed: edits replace literal ranges, so indentation and line
 * endings outside them are kept by construction.
 */
import { analyse, type AnalysisResult } from '../core/service';
import { applySafeFixes } from '../core/fixes/apply';
import { mendedCount } from '../core/fixes/mended';
import type { ResolvedConfig } from '../core/config/types';
import { writeFileAtomic } from '../node/atomicWrite';
import { describeFsError, encodeText, type ReadText } from '../node/files';

/** Enough for fixes that uncover others; a bound so that two fixes undoing each other cannot loop. */
export const MAX_FIX_PASSES = 10;

export interface FixOutcome {
  /** The analysis of the text now on disk. */
  analysis: AnalysisResult;
  /** How many fixes were applied and written. */
  applied: number;
  /**
   * How many of the file's findings the written fixes mended, as the editor's fix-all counts them
   * (core/fixes/mended.ts); the summary reports this, since several findings can share one fix.
   */
  mended: number;
  /** Why the file was not (fully) fixed, for standard error; the run then exits with 2. */
  problem?: string;
  /**
   * Why the fixes were left for later, for standard error: the file is not strict JSON, which the
   * json-syntax findings already count against it, so this changes no exit code.
   */
  notice?: string;
}

/** `at` places an offset of the original text as the report does (1-based, a byte order mark no column). */
export function fixText(path: string, input: ReadText, original: AnalysisResult, config: ResolvedConfig, at: (offset: number) => { line: number; column: number }): FixOutcome {
  const safe = original.findings.filter((f) => f.fix?.safe).length;
  if (safe === 0) return { analysis: original, applied: 0, mended: 0 };
  // A file that does not parse as strict JSON is never rewritten: the syntax errors are reported
  // for a person to fix, and rewriting around a comment or a trailing comma could lose it.
  const syntax = original.doc.problems;
  if (syntax.length > 0) {
    const first = at(syntax[0].range.start);
    const more = syntax.length > 1 ? `, and ${syntax.length - 1} more` : '';
    return {
      analysis: original,
      applied: 0,
      mended: 0,
      notice: `not fixed: ${safe} safe ${safe === 1 ? 'fix waits' : 'fixes wait'} because the file is not strict JSON (${first.line}:${first.column}: ${syntax[0].message}${more}), and --fix rewrites only strict JSON; correct what json-syntax reports, then run --fix again`,
    };
  }
  if (input.lossy) {
    return { analysis: original, applied: 0, mended: 0, problem: `not fixed: the file is not valid ${input.encoding === 'utf8' ? 'UTF-8' : 'UTF-16'}, and writing it back would change its bytes` };
  }

  let current = original;
  let applied = 0;
  let problem: string | undefined;
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    let next: { text: string; applied: number };
    try {
      next = applySafeFixes(current.doc.text, current.findings);
    } catch (err) {
      problem = `some fixes were not applied: ${(err as Error).message} (please report this)`;
      break;
    }
    if (next.applied === 0) break;
    const reanalysed = analyse(next.text, { config });
    if (reanalysed.doc.problems.length > 0) {
      const rules = [...new Set(current.findings.filter((f) => f.fix?.safe).map((f) => f.ruleId))].join(', ');
      problem = `some fixes (from ${rules}) were not applied because the result would not parse as JSON (please report this)`;
      break;
    }
    current = reanalysed;
    applied += next.applied;
  }

  if (applied === 0) return { analysis: original, applied: 0, mended: 0, problem };
  try {
    writeFileAtomic(path, encodeText(current.doc.text, input.encoding));
  } catch (err) {
    return { analysis: original, applied: 0, mended: 0, problem: `the fixes could not be written: ${describeFsError(err as NodeJS.ErrnoException)}` };
  }
  return { analysis: current, applied, mended: mendedCount(original.findings, current.findings), problem };
}
