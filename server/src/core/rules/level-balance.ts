/**
 * Reports a level with far fewer or far more statements than the others. Levels describe the same
 * ground at growing scope, so a level with a handful of statements next to levels with a dozen is
 * usually unfinished, or holds statements that belong elsewhere.
 */
import type { Rule } from './types';
import { numberOption } from './types';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Counts in messages: whole numbers as such, others to one decimal. */
function round(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

export const levelBalance: Rule = {
  id: 'level-balance',
  category: 'format',
  defaultSeverity: 'info',
  description: 'Levels should hold comparable numbers of statements.',
  options: [
    { name: 'ratio', type: 'number', default: 2, min: 1, description: 'A level is unbalanced with fewer than the median count divided by this, or more than the median times this.' },
    { name: 'minDifference', type: 'number', default: 3, min: 0, description: 'And only when its count differs from the median by at least this many statements, so small levels are not flagged for one statement.' },
  ],
  check(ctx) {
    const ratio = Math.max(1, numberOption(ctx, 'ratio', 2));
    const minDifference = Math.max(0, numberOption(ctx, 'minDifference', 3));
    // A level without statements is the schema rule's finding; it does not count here either.
    const levels = ctx.model.levels.filter((l) => l.statementsField && l.statements.length > 0);
    if (levels.length < 2) return;
    const counts = levels.map((l) => l.statements.length);
    const mid = median(counts);
    // The counts that stay quiet, as whole numbers, so that the message names a reachable target.
    const lowestQuiet = Math.max(1, Math.min(Math.ceil(mid / ratio), Math.floor(mid - minDifference) + 1));
    const highestQuiet = Math.max(Math.floor(mid * ratio), Math.ceil(mid + minDifference) - 1);
    for (const level of levels) {
      const n = level.statements.length;
      const few = n < mid / ratio;
      const many = n > mid * ratio;
      if ((!few && !many) || Math.abs(n - mid) < minDifference) continue;
      const field = level.statementsField!;
      ctx.report({
        message: `Level "${level.key}" has ${n} statement${n === 1 ? '' : 's'} against a median of ${round(mid)} per level (expected ${few ? `at least ${lowestQuiet}` : `at most ${highestQuiet}`}); ${few ? 'it may be unfinished, or its statements may sit in another level' : 'some of its statements may belong to another level'}.`,
        pointer: field.pointer,
        range: field.keyRange,
      });
    }
  },
};
