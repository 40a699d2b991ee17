/**
 * A level that, as a whole, does not read broader than the level below it. Each level's reading is
 * the mean reading of its statements (lexicon evidence and which level their wording matches); a
 * level reading clearly below its predecessor, or a lowest level reading above every other, is
 * reported once, on the level's key, with the lower level as related location.
 */
import { scopeAnalysis, type LevelScope } from '../analysis/scope/analysis';
import { numberOption, type Rule } from './types';
import type { RelatedLocation } from '../types';

export const DEFAULT_PROGRESSION_MARGIN = 0.6;

function fmt(reading: number, levels: LevelScope[]): string {
  const r = Math.max(0, Math.min(levels.length - 1, Math.round(reading)));
  return levels[r].name;
}

export const levelProgression: Rule = {
  id: 'level-progression',
  category: 'scope',
  defaultSeverity: 'warning',
  description: 'A level whose statements, taken together, do not read broader than those of the level below it.',
  options: [
    {
      name: 'margin',
      type: 'number',
      default: DEFAULT_PROGRESSION_MARGIN,
      min: 0,
      description: 'How far (in levels) a level must read below the level under it before it is reported.',
    },
  ],
  check(ctx) {
    const analysis = scopeAnalysis(ctx);
    const levels = analysis.levels;
    if (levels.length < 2) return;
    const margin = numberOption(ctx, 'margin', DEFAULT_PROGRESSION_MARGIN);
    const reported = new Set<number>();
    const report = (upper: LevelScope, lower: LevelScope, why: string) => {
      if (reported.has(upper.rank)) return;
      reported.add(upper.rank);
      ctx.report({
        message:
          `Level "${upper.name}" does not read broader than "${lower.name}" below it: ${why}. ` +
          `Widen its statements' autonomy, breadth or complexity, or check that the levels' statements are not swapped.`,
        pointer: upper.level.pointer,
        range: upper.level.keyRange,
        related: [
          { pointer: lower.level.pointer, range: lower.level.keyRange, message: `the level below (${lower.name})` },
          // The statements that pull the two readings together: the upper level's that read lowest,
          // the lower level's that read highest, each at least half a level off its own level.
          ...pulling(upper, levels, -1, 3),
          ...pulling(lower, levels, +1, 2),
        ],
      });
    };
    const read = levels.filter((l) => l.reading !== undefined);
    for (let k = 1; k < read.length; k++) {
      const lower = read[k - 1];
      const upper = read[k];
      if ((upper.reading as number) < (lower.reading as number) - margin) {
        report(upper, lower, `its statements read as ${fmt(upper.reading as number, levels)} on average, those of "${lower.name}" as ${fmt(lower.reading as number, levels)}`);
      }
    }
    // A lowest level that reads above every other level is the mark of levels swapped whole, even
    // when each neighbour differs too little to be reported on its own.
    if (read.length >= 3) {
      const lowest = read[0];
      const others = read.slice(1);
      if (others.every((l) => (l.reading as number) < (lowest.reading as number))) {
        report(others[0], lowest, `"${lowest.name}", the lowest level, reads broader than every level above it`);
      }
    }
  },
};

/**
 * Up to `limit` statements of `level` that read `direction` of it (-1 lower, +1 higher) by more than
 * half a level, furthest first, as related locations: what a reviewer looks at to see why the level
 * reads as it does.
 */
function pulling(level: LevelScope, levels: LevelScope[], direction: number, limit: number): RelatedLocation[] {
  return level.statements
    .filter((x) => x.standalone !== undefined && (x.standalone - level.rank) * direction > 0.5)
    .sort((a, b) => ((b.standalone as number) - (a.standalone as number)) * direction)
    .slice(0, limit)
    .map((x) => ({
      pointer: x.statement.pointer,
      range: x.statement.range,
      message: `a statement of ${level.name} that reads as ${fmt(x.standalone as number, levels)}`,
    }));
}
