/**
 * Code actions as data: one quick fix per finding that carries a fix, and "fix all" for the safe
 * ones. Fix-all uses the same selection and application as `competency-lint --fix`
 * (`fixes/apply.ts`), pass after pass on the re-analysed text until nothing safe is left, so the
 * editor and the CLI produce the same file.
 */
import { applyEdits, selectSafeFixes } from '../fixes/apply';
import { mendedCount } from '../fixes/mended';
import type { AnalysisResult } from '../service';
import type { Finding, Range, TextEdit } from '../types';
import { overlaps } from './locate';

export interface CodeAction {
  title: string;
  kind: 'quickfix' | 'source.fixAll';
  edits: TextEdit[];
  /** The findings the action resolves. */
  findings: Finding[];
  /** A safe fix is the one to apply without thinking (VS Code's "preferred" fix). */
  preferred: boolean;
}

/** The findings whose range meets `range` (the editor's selection or the cursor). */
export function findingsAt(result: AnalysisResult, range: Range): Finding[] {
  return result.findings.filter((f) => overlaps(f.range, range));
}

/**
 * The quick fixes of the findings that touch a range, each fix once. Several findings can carry the
 * same fix (every spacing finding of a statement mends all its spacing), and a selection over them
 * must not list "Fix the spacing in this statement" once per finding: the one action names them all.
 */
export function quickFixes(result: AnalysisResult, range: Range): CodeAction[] {
  const out: CodeAction[] = [];
  const byFix = new Map<string, CodeAction>();
  for (const f of result.findings) {
    if (!f.fix || f.fix.edits.length === 0 || !overlaps(f.range, range)) continue;
    const key = JSON.stringify([f.fix.title, f.fix.safe, f.fix.edits.map((e) => [e.start, e.end, e.newText])]);
    const same = byFix.get(key);
    if (same) {
      same.findings.push(f);
      continue;
    }
    const action: CodeAction = { title: f.fix.title, kind: 'quickfix', edits: f.fix.edits, findings: [f], preferred: f.fix.safe };
    byFix.set(key, action);
    out.push(action);
  }
  return out;
}

export interface FixAllResult {
  /** The fixed text, or the original when nothing applied. */
  text: string;
  /** One edit from the original to the fixed text (empty when nothing changed). */
  edits: TextEdit[];
  /** The fixes applied, over all passes; several findings can share one fix. */
  applied: number;
  /** The findings of the first analysis that the fixed text no longer has (fixes/mended.ts). */
  mended: number;
  passes: number;
}

export const MAX_FIX_PASSES = 10;

/**
 * Applies the safe fixes in passes: a fix that conflicts with another waits for the next pass, when
 * the text has been analysed again with `reanalyse`. Stops when a pass applies nothing, when a pass
 * would leave the text unparseable, or after MAX_FIX_PASSES. A text that is not strict JSON is left
 * as it is, as `--fix` leaves such a file (cli/fix.ts).
 */
export function fixAll(first: AnalysisResult, reanalyse: (text: string) => AnalysisResult): FixAllResult {
  const original = first.doc.text;
  // `--fix` rewrites only strict JSON, and the editor must produce the same file: a fix-all on save
  // would otherwise rewrite a half-typed document (a missing comma, a comment) that the CLI refuses
  // to touch, around a tree the parser only guessed. Each quick fix stays available on its own.
  if (first.doc.problems.length > 0) return { text: original, edits: [], applied: 0, mended: 0, passes: 0 };
  let current = first;
  let text = original;
  let applied = 0;
  let passes = 0;
  while (passes < MAX_FIX_PASSES) {
    const selection = selectSafeFixes(current.findings, text.length);
    if (selection.fixes.length === 0) break;
    let next: string;
    try {
      next = applyEdits(text, selection.edits);
    } catch {
      break;
    }
    if (next === text) break;
    const analysed = reanalyse(next);
    // A fix must never turn a parseable document into one that does not parse.
    if (analysed.doc.problems.length > current.doc.problems.length) break;
    passes++;
    applied += selection.fixes.length;
    text = next;
    current = analysed;
  }
  const mended = text === original ? 0 : mendedCount(first.findings, current.findings);
  return { text, edits: text === original ? [] : [minimalEdit(original, text)], applied, mended, passes };
}

/** The single replacement that turns `a` into `b`, trimmed of their common prefix and suffix. */
export function minimalEdit(a: string, b: string): TextEdit {
  let start = 0;
  const max = Math.min(a.length, b.length);
  while (start < max && a.charCodeAt(start) === b.charCodeAt(start)) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a.charCodeAt(endA - 1) === b.charCodeAt(endB - 1)) {
    endA--;
    endB--;
  }
  // Never split a surrogate pair: move the edges outward onto whole characters.
  if (start > 0 && isLowSurrogate(a.charCodeAt(start))) start--;
  if (endA < a.length && isLowSurrogate(a.charCodeAt(endA))) {
    endA++;
    endB++;
  }
  return { start, end: endA, newText: b.slice(start, endB) };
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
