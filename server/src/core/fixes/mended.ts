/**
 * How many findings a run of fixes mended, for the counts people read: the editor's "Fix all safe
 * competency-lint problems (N)" and the CLI's "N problems fixed". Counting the fixes applied would
 * say 2 for a statement whose five findings one spacing fix and one period fix mend, because
 * several findings share one fix; counting what is gone says 5, the drop in the Problems list.
 */
import type { Finding } from '../types';

/**
 * The findings of `before` that `after` no longer has, matched by rule and pointer: a fix may
 * change a finding's range or the counts in its message ("39 of the 40 statements"), but not what
 * it is about. Several findings of one rule on one place (a statement's spacing problems) count
 * one each; a finding a fix brings in counts against none.
 */
export function mendedCount(before: readonly Finding[], after: readonly Finding[]): number {
  const left = new Map<string, number>();
  for (const f of before) {
    const key = `${f.ruleId}\u0000${f.pointer}`;
    left.set(key, (left.get(key) ?? 0) + 1);
  }
  for (const f of after) {
    const key = `${f.ruleId}\u0000${f.pointer}`;
    const n = left.get(key);
    if (n !== undefined) left.set(key, n - 1);
  }
  let mended = 0;
  for (const n of left.values()) if (n > 0) mended += n;
  return mended;
}
