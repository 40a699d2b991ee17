/**
 * Reports level labels the schema cannot judge. The schema already requires a non-empty `label`;
 * this rule finds a label that is only whitespace or carries stray spaces, and a label that names
 * a different rank than its key: key "emerging" labelled "Advanced". Labels from another
 * vocabulary are fine as long as their ranks agree with the keys (the DDaT exports label the keys
 * emerging/developing/proficient/advanced as Awareness/Working/Practitioner/Expert).
 */
import { matchVocabulary, normaliseLevelName, type VocabularyMatch } from '../model/vocabularies';
import type { Level } from '../model/types';
import type { Rule, RuleContext } from './types';
import { ordinal, replaceValueFix, stringValue } from './util';

/** For each rank in `ranks`, its position among them in increasing order (0 = least proficient). */
function positions(ranks: number[]): number[] {
  const sorted = [...ranks].sort((a, b) => a - b);
  return ranks.map((r) => sorted.indexOf(r));
}

function capitalised(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

function reportRank(ctx: RuleContext, level: Level, label: string, labelRank: string, expected: string): void {
  const field = level.label!;
  ctx.report({
    message: `Level "${level.key}" is labelled "${label}", which names the ${labelRank}; the label should name the same rank as the key, such as "${expected}".`,
    pointer: field.pointer,
    range: field.range,
    // Either the label or the statements under the key may be the mistake, so this is for review.
    fix: replaceValueFix(`Label it "${expected}"`, field, expected, false),
  });
}

/**
 * Ranks are compared by position, not by number, so vocabularies of different lengths can label
 * each other: keys emerging..advanced labelled novice, competent, proficient, expert agree.
 */
function checkRanks(ctx: RuleContext, keys: VocabularyMatch): void {
  const levels = ctx.model.levels;
  const labels = levels.map((l) => stringValue(l.label)?.trim() ?? '');
  const keyPositions = positions(keys.ranks);
  const byLabel = labels.every((l) => l !== '') ? matchVocabulary(labels, ctx.config.levelOrders) : undefined;
  if (byLabel) {
    const labelPositions = positions(byLabel.ranks);
    levels.forEach((level, i) => {
      if (labelPositions[i] === keyPositions[i]) return;
      const expected = labels[labelPositions.indexOf(keyPositions[i])];
      reportRank(ctx, level, labels[i], `${ordinal(labelPositions[i] + 1)} of the ${levels.length} levels`, expected);
    });
    return;
  }
  // The labels as a whole name no vocabulary (one repeated, say): a label that is itself a level
  // name of the keys' vocabulary must then be the key's own.
  const vocabulary = keys.vocabulary.levels;
  levels.forEach((level, i) => {
    if (!labels[i]) return;
    const labelRank = vocabulary.indexOf(normaliseLevelName(labels[i]));
    if (labelRank < 0 || labelRank === keys.ranks[i]) return;
    reportRank(ctx, level, labels[i], `${ordinal(labelRank + 1)} level "${vocabulary[labelRank]}"`, capitalised(vocabulary[keys.ranks[i]]));
  });
}

export const levelLabel: Rule = {
  id: 'level-label',
  category: 'format',
  defaultSeverity: 'warning',
  description: 'A level label must be a name, not blank or padded, and must name the same rank as its key.',
  fixable: 'safe',
  check(ctx) {
    for (const level of ctx.model.levels) {
      const field = level.label;
      const label = stringValue(field);
      // An empty or missing label is the schema rule's finding.
      if (!field || !label) continue;
      if (label.trim() === '') {
        ctx.report({
          message: `Level "${level.key}" has a label of only whitespace; give it a name such as "${capitalised(level.key)}".`,
          pointer: field.pointer,
          range: field.range,
          fix: replaceValueFix(`Label it "${capitalised(level.key)}"`, field, capitalised(level.key), false),
        });
      } else if (label !== label.trim()) {
        ctx.report({
          message: `Level "${level.key}" has the label "${label}" with spaces around it; expected "${label.trim()}".`,
          pointer: field.pointer,
          range: field.range,
          fix: replaceValueFix('Remove the spaces around the label', field, label.trim(), true),
        });
      }
    }
    if (ctx.model.levels.length < 2) return;
    const keys = matchVocabulary(
      ctx.model.levels.map((l) => l.key),
      ctx.config.levelOrders,
    );
    if (keys) checkRanks(ctx, keys);
  },
};
