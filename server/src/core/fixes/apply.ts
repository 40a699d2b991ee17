/**
 * Applying fixes to a text: the one implementation behind `competency-lint --fix` and the language
 * server's fix-all, so that both produce the same text for the same findings.
 *
 * Edits are literal replacements of character ranges of the original text, so whatever the edits
 * do not cover (indentation, line endings, a byte order mark) is copied through unchanged.
 */
import type { Finding, Fix, TextEdit } from '../types';

/** Two edits conflict when their ranges overlap, or when both insert at the same offset (their order would be a guess). */
function conflicts(a: TextEdit, b: TextEdit): boolean {
  if (a.start === a.end && b.start === b.end) return a.start === b.start;
  return a.start < b.end && b.start < a.end;
}

function validEdit(e: TextEdit, length: number): boolean {
  return Number.isInteger(e.start) && Number.isInteger(e.end) && e.start >= 0 && e.start <= e.end && e.end <= length;
}

/**
 * Applies edits given as offsets into `text`. The edits must be inside the text and must not
 * conflict with each other; a RangeError says which when they do, because applying them anyway
 * would produce a text nobody asked for.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 0; i < sorted.length; i++) {
    const e = sorted[i];
    if (!validEdit(e, text.length)) throw new RangeError(`edit [${e.start}, ${e.end}) is outside the text (length ${text.length})`);
    if (i > 0 && conflicts(sorted[i - 1], e)) {
      throw new RangeError(`edits [${sorted[i - 1].start}, ${sorted[i - 1].end}) and [${e.start}, ${e.end}) overlap`);
    }
  }
  const parts: string[] = [];
  let at = 0;
  for (const e of sorted) {
    parts.push(text.slice(at, e.start), e.newText);
    at = e.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

export interface FixSelection {
  /** The edits of every chosen fix, ready for applyEdits. */
  edits: TextEdit[];
  /** The fixes chosen, in the order of the findings. */
  fixes: Fix[];
  /** Safe fixes left out because they conflict with a chosen one; another pass may apply them. */
  deferred: number;
}

/**
 * Chooses the safe fixes of `findings` that can be applied together: a fix is taken whole or not at
 * all, and one that conflicts with a fix already taken (or is malformed) is left for a later pass,
 * after the text has been re-analysed. Findings are taken in document order, so the result does
 * not depend on the order in which the rules ran.
 */
export function selectSafeFixes(findings: readonly Finding[], textLength: number): FixSelection {
  const ordered = findings
    .filter((f) => f.fix?.safe && f.fix.edits.length > 0)
    .sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end || a.ruleId.localeCompare(b.ruleId));
  const taken: TextEdit[] = [];
  const fixes: Fix[] = [];
  let deferred = 0;
  for (const f of ordered) {
    const fix = f.fix!;
    const ok =
      fix.edits.every((e) => validEdit(e, textLength)) &&
      fix.edits.every((e, i) => fix.edits.every((o, j) => i === j || !conflicts(e, o))) &&
      fix.edits.every((e) => taken.every((t) => !conflicts(e, t)));
    if (!ok) {
      deferred++;
      continue;
    }
    taken.push(...fix.edits);
    fixes.push(fix);
  }
  return { edits: taken, fixes, deferred };
}

/** Applies every safe fix that fits in one pass; `applied` counts the fixes, not the edits. */
export function applySafeFixes(text: string, findings: readonly Finding[]): { text: string; applied: number; deferred: number } {
  const selection = selectSafeFixes(findings, text.length);
  if (selection.fixes.length === 0) return { text, applied: 0, deferred: selection.deferred };
  return { text: applyEdits(text, selection.edits), applied: selection.fixes.length, deferred: selection.deferred };
}
