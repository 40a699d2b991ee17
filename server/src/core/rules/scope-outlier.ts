/**
 * A statement that stands apart from its level, on weaker evidence than `scope-misplaced` needs
 * (information by default):
 * - one level off from the rest of its level: "recommend acquisitions independently" among developing
 *   statements that all work with some oversight, only when an explicit autonomy, breadth or role
 *   phrase says so, never on a verb alone;
 * - its own full evidence reads two levels away, and only the presumption that it sits where its
 *   author put it keeps the combined estimate under the misplaced threshold;
 * - its distinctive words recur only at the far end of the scale (analysis/scope/kinship.ts);
 * - it says what is done where every other statement of its level says only what is understood
 *   (analysis/scope/register.ts).
 */
import { scopeAnalysis, TUNING, type LevelScope, type StatementScope } from '../analysis/scope/analysis';
import { describeEvidence, evidenceToward, explainReading, levelAt, similarLocations, similarToward } from '../analysis/scope/describe';
import { DEFAULT_MIN_DISTANCE } from './scope-misplaced';
import { numberOption, otherRuleNumber, type Rule } from './types';
import type { RelatedLocation } from '../types';

export const DEFAULT_OUTLIER_DISTANCE = 0.6;
/**
 * How far (in levels) a statement's own reading, with full evidence, must be from its level to be
 * reported although the combined estimate is not: beyond one and a half levels, so that it rounds to
 * two levels away with a margin for the lexicon's coarseness.
 */
export const OWN_EVIDENCE_DISTANCE = 1.75;
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
  onStatements: true,
  description:
    'A statement that stands apart from its level: it reads a level off the rest of it, its own wording reads two levels away, its words recur only at the far end of the scale, or it says what is done where the lowest level\'s other statements only say what is understood.',
  options: [
    {
      name: 'minDistance',
      type: 'number',
      default: DEFAULT_OUTLIER_DISTANCE,
      min: 0,
      description: 'How many levels (fractional) the statement must read away from the rest of its level.',
    },
  ],
  check(ctx) {
    const analysis = scopeAnalysis(ctx);
    if (analysis.levels.length < 2) return;
    const min = numberOption(ctx, 'minDistance', DEFAULT_OUTLIER_DISTANCE);
    // The misplaced rule's threshold, as configured, so that one statement gets one finding.
    const misplacedOn = ctx.config.rules['scope-misplaced']?.severity !== 'off';
    const misplacedMin = otherRuleNumber(ctx, 'scope-misplaced', 'minDistance', DEFAULT_MIN_DISTANCE);
    const reported = new Set<string>();
    // scope-misplaced reports a statement this far off (with three levels or more); it is not said twice.
    const misplacedReports = (x: StatementScope) =>
      misplacedOn && analysis.levels.length >= 3 && x.estimate !== undefined && Math.abs(x.offset) >= misplacedMin;
    for (const level of analysis.levels) {
      // The level's sum once, so that "the rest of the level" costs nothing per statement.
      let sum = 0;
      let count = 0;
      for (const y of level.statements) if (y.standalone !== undefined) (sum += y.standalone), count++;
      for (const x of level.statements) {
        if (x.estimate === undefined || x.standalone === undefined || Math.abs(x.offset) < min) continue;
        if (misplacedReports(x)) continue;
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
          related: [readsAs(target), ...similarLocations(analysis, similarToward(analysis, x, direction))],
        });
        reported.add(x.statement.pointer);
      }
    }
    // A statement whose own evidence, complete by itself, reads two levels away, while the combined
    // estimate stays under the misplaced rule's threshold only because of the presumption that a
    // statement sits where its author put it (there is no content to confirm either way).
    for (const x of analysis.statements) {
      if (x.standalone === undefined || x.estimate === undefined || reported.has(x.statement.pointer)) continue;
      if (x.profile.confidence < TUNING.fullConfidence || Math.abs(x.offset) < min) continue;
      if (misplacedReports(x)) continue;
      const away = x.standalone - x.rank;
      if (Math.abs(away) < OWN_EVIDENCE_DISTANCE || Math.sign(away) !== Math.sign(x.offset)) continue;
      const direction = Math.sign(away);
      const own = analysis.levels[x.rank];
      const target = levelAt(analysis, x.standalone);
      const steps = Math.abs(target.rank - own.rank);
      ctx.report({
        message:
          `This ${own.name} statement's own wording reads as ${target.name}, ${steps} level${steps === 1 ? '' : 's'} ${direction > 0 ? 'above' : 'below'}: ` +
          `${explainReading(analysis, x, direction)}. ` +
          `If it belongs at ${own.name}, word it with the scope of the level's other statements; otherwise move it to ${target.name}.`,
        pointer: x.statement.pointer,
        range: x.statement.range,
        related: [readsAs(target), ...similarLocations(analysis, similarToward(analysis, x, direction))],
      });
      reported.add(x.statement.pointer);
    }
    // Content that belongs to the far end of the scale: the statement's distinctive words recur
    // only among the other extreme level's statements (see analysis/scope/kinship.ts).
    for (const x of analysis.statements) {
      const k = x.kinship;
      if (!k || reported.has(x.statement.pointer)) continue;
      if (misplacedReports(x)) continue;
      const own = analysis.levels[x.rank];
      const far = analysis.levels[k.rank];
      const between = analysis.levels.filter((l) => l.rank !== k.rank).map((l) => l.name);
      const words = k.words.slice(0, 4).map((w) => `'${w}'`).join(', ');
      const first = analysis.statements[k.related[0]];
      ctx.report({
        message:
          `This ${own.name} statement shares its distinctive words (${words}) only with ${far.name} statements ` +
          `("${shorten(first.statement.body)}"), and none with ${listNames(between)}: it may have been written for ${far.name}. ` +
          `If it belongs at ${own.name}, word it as the level's other statements are worded; otherwise move it to ${far.name}.`,
        pointer: x.statement.pointer,
        range: x.statement.range,
        related: k.related.map((j) => {
          const y = analysis.statements[j].statement;
          return { pointer: y.pointer, range: y.range, message: `a ${far.name} statement with the same words` };
        }),
      });
      reported.add(x.statement.pointer);
    }
    // A statement that says what is done where every other statement of its level says only what is
    // understood: the level's own register places it a level above (see analysis/scope/register.ts).
    for (const x of analysis.statements) {
      const b = x.register;
      if (!b || reported.has(x.statement.pointer)) continue;
      if (misplacedReports(x)) continue;
      const own = analysis.levels[x.rank];
      const target = levelAt(analysis, x.rank + 1);
      const others = b.others.length === 1 ? `the level's other statement only says` : `the level's ${b.others.length} other statements only say`;
      ctx.report({
        message:
          `This ${own.name} statement says what is done ('${b.doing.phrase}'), where ${others} what is understood ` +
          `(${b.understood.slice(0, 3).map((w) => `'${w}'`).join(', ')}): it reads as ${target.name}, one level above. ` +
          `If it belongs at ${own.name}, word it as the level's other statements are worded; otherwise move it to ${target.name}.`,
        pointer: x.statement.pointer,
        range: x.statement.range,
        related: [readsAs(target)],
      });
    }
  },
};

function shorten(text: string, max = 60): string {
  const t = text.trim();
  return t.length <= max ? t : `${t.slice(0, max - 3).trimEnd()}...`;
}

function listNames(names: string[]): string {
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}

/** The related location of a finding that names the level a statement reads as. */
function readsAs(target: LevelScope): RelatedLocation {
  return { pointer: target.level.pointer, range: target.level.keyRange, message: `the level it reads as (${target.name})` };
}
