/**
 * A statement one level off from the rest of its level: "recommend acquisitions independently" among
 * developing statements that all work with some oversight. Milder than `scope-misplaced` (information
 * by default) because one level of difference is often a matter of wording; it speaks only when an
 * explicit autonomy, breadth or role phrase says so, never on a verb alone.
 */
import { scopeAnalysis } from '../analysis/scope/analysis';
import { describeEvidence, evidenceToward, levelAt } from '../analysis/scope/describe';
import { DEFAULT_MIN_DISTANCE } from './scope-misplaced';
import { numberOption, type Rule } from './types';

export const DEFAULT_OUTLIER_DISTANCE = 0.6;
/** The weight an explicit phrase has in the lexicon (autonomy, breadth...), as opposed to a verb. */
const EXPLICIT_WEIGHT = 2.5;
/**
 * The axes whose phrases are explicit about scope: who directs the work, whom it reaches, whom it
 * leads. A complexity word ("strategic") is too often the object of the work rather than its scope.
 */
const EXPLICIT_AXES: ReadonlySet<string> = new Set(['autonomy', 'breadth', 'role']);

export const scopeOutlier: Rule = {
  id: 'scope-outlier',
  category: 'scope',
  defaultSeverity: 'info',
  description: 'A statement whose scope reads one level above or below the rest of its level.',
  options: [
    {
      name: 'minDistance',
      type: 'number',
      default: DEFAULT_OUTLIER_DISTANCE,
      description: 'How many levels (fractional) the statement must read away from the rest of its level.',
    },
  ],
  check(ctx) {
    const analysis = scopeAnalysis(ctx);
    if (analysis.levels.length < 2) return;
    const min = numberOption(ctx, 'minDistance', DEFAULT_OUTLIER_DISTANCE);
    // The misplaced rule's threshold, as configured, so that one statement gets one finding.
    const misplacedSetting = ctx.config.rules['scope-misplaced'];
    const misplacedOn = misplacedSetting?.severity !== 'off';
    const misplacedMin =
      typeof misplacedSetting?.options?.minDistance === 'number' ? (misplacedSetting.options.minDistance as number) : DEFAULT_MIN_DISTANCE;
    for (const level of analysis.levels) {
      // The level's sum once, so that "the rest of the level" costs nothing per statement.
      let sum = 0;
      let count = 0;
      for (const y of level.statements) if (y.standalone !== undefined) (sum += y.standalone), count++;
      for (const x of level.statements) {
        if (x.estimate === undefined || x.standalone === undefined || Math.abs(x.offset) < min) continue;
        if (misplacedOn && analysis.levels.length >= 3 && Math.abs(x.offset) >= misplacedMin) continue;
        if (count - 1 < 2) continue;
        const rest = (sum - x.standalone) / (count - 1);
        const direction = Math.sign(x.offset);
        // The rest of the level must itself read near its place, or the level, not the statement, is off.
        if (Math.abs(rest - level.rank) > 0.75 || (x.standalone - rest) * direction < 0.4) continue;
        // And an explicit phrase (not a verb) must place the statement a level away from that rest.
        const scale = analysis.levels.length - 1;
        const explicit = evidenceToward(analysis, x, direction, 10).filter(
          (e) => EXPLICIT_AXES.has(e.axis) && e.weight >= EXPLICIT_WEIGHT && (e.position * scale - rest) * direction >= 0.75,
        );
        if (explicit.length === 0) continue;
        const target = levelAt(analysis, level.rank + direction);
        ctx.report({
          message:
            `This statement reads as ${target.name}, one level ${direction > 0 ? 'above' : 'below'} the rest of ${level.name}: ` +
            `${explicit.slice(0, 3).map(describeEvidence).join(', ')}. ` +
            `If it belongs at ${level.name}, word it with the scope of the level's other statements; otherwise move it to ${target.name}.`,
          pointer: x.statement.pointer,
          range: x.statement.range,
          related: [{ pointer: target.level.pointer, range: target.level.keyRange, message: `the level it reads as (${target.name})` }],
        });
      }
    }
  },
};
