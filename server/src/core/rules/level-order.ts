/**
 * Reports levels whose names all belong to one known vocabulary (or to a configured `levelOrder`)
 * but are not written in its order. The document order of the levels is the order of proficiency
 * that every scope rule relies on, so a level out of place makes those rules judge the wrong thing.
 */
import type { Node } from 'jsonc-parser';
import { matchVocabulary, type VocabularyMatch } from '../model/vocabularies';
import type { Level } from '../model/types';
import type { Fix } from '../types';
import type { Rule, RuleContext } from './types';
import { stringValue } from './util';

/** The names the levels are matched by: their keys, or their labels when the keys are no vocabulary. */
export interface LevelNaming {
  by: 'key' | 'label';
  names: string[];
  match: VocabularyMatch;
}

export function levelNaming(ctx: RuleContext): LevelNaming | undefined {
  const levels = ctx.model.levels;
  if (levels.length < 2) return undefined;
  const keys = levels.map((l) => l.key);
  const byKey = matchVocabulary(keys, ctx.config.levelOrders);
  if (byKey) return { by: 'key', names: keys, match: byKey };
  const labels = levels.map((l) => stringValue(l.label)?.trim());
  if (labels.some((l) => !l)) return undefined;
  const byLabel = matchVocabulary(labels as string[], ctx.config.levelOrders);
  return byLabel ? { by: 'label', names: labels as string[], match: byLabel } : undefined;
}

/**
 * A fix that rewrites the members of the levels object in vocabulary order. Each member moves
 * whole (key, label and statements), and the commas and layout between members stay where they are.
 */
function reorderFix(levelsNode: Node | undefined, text: string, levels: Level[], ranks: number[]): Fix | undefined {
  const members = levelsNode?.type === 'object' ? (levelsNode.children ?? []) : [];
  // Duplicate keys make the model and the text disagree on what a level is; no fix then.
  if (members.length !== levels.length) return undefined;
  const order = levels.map((_, i) => i).sort((a, b) => ranks[a] - ranks[b]);
  const edits = members.map((slot, i) => {
    const source = members[order[i]];
    return { start: slot.offset, end: slot.offset + slot.length, newText: text.slice(source.offset, source.offset + source.length) };
  });
  return { title: 'Reorder the levels from least to most proficient', edits: edits.filter((_edit, i) => order[i] !== i), safe: false };
}

/** How a vocabulary is named in messages; configured orders are named after where they come from. */
export function vocabularyName(name: string): string {
  return name.startsWith('configured order') ? `the "levelOrder" of .competency-lint.json` : `the ${name} vocabulary`;
}

export const levelOrder: Rule = {
  id: 'level-order',
  category: 'format',
  defaultSeverity: 'warning',
  description: 'Levels named from a known level vocabulary must be written from least to most proficient.',
  fixable: 'review',
  check(ctx) {
    const naming = levelNaming(ctx);
    if (!naming) return;
    const { ranks, vocabulary } = naming.match;
    const levels = ctx.model.levels;
    let highestIndex = 0;
    for (let i = 1; i < ranks.length; i++) {
      if (ranks[i] > ranks[highestIndex]) {
        highestIndex = i;
        continue;
      }
      // The level it belongs after is the present one ranked just below it. The lowest-ranked level
      // belongs before everything, so it is related instead to the level it should precede: among
      // those written before it, the one ranked just above it.
      const nearest = (keep: (r: number, j: number) => boolean, closer: (a: number, b: number) => boolean) => {
        let best: number | undefined;
        ranks.forEach((r, j) => {
          if (keep(r, j) && (best === undefined || closer(r, ranks[best]))) best = j;
        });
        return best;
      };
      const below = nearest((r) => r < ranks[i], (a, b) => a > b);
      const relatedIndex = below ?? nearest((r, j) => j < i && r > ranks[i], (a, b) => a < b) ?? highestIndex;
      const expected = levels
        .map((_, j) => j)
        .sort((a, b) => ranks[a] - ranks[b])
        .map((j) => naming.names[j]);
      const name = naming.names[i];
      const relatedName = naming.names[relatedIndex];
      const place = below !== undefined ? 'after' : 'before';
      const level = levels[i];
      const related = levels[relatedIndex];
      const target =
        naming.by === 'key' || !level.label
          ? { pointer: level.pointer, range: level.keyRange }
          : { pointer: level.label.pointer, range: level.label.range };
      ctx.report({
        message: `Level "${name}" is out of order: it should come ${place} "${relatedName}". Levels run from least to most proficient; in ${vocabularyName(vocabulary.name)} that is: ${expected.join(', ')}.`,
        pointer: target.pointer,
        range: target.range,
        related: [{ pointer: related.pointer, range: related.keyRange, message: `"${name}" should come ${place} this level.` }],
        fix: reorderFix(ctx.model.fields.levels?.node, ctx.doc.text, levels, ranks),
      });
      return;
    }
  },
};
