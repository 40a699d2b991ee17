/**
 * Reports a statement that says nearly the same as another one: the same content words, stemmed,
 * with a word or two changed, added, left out or moved. Pairs in different levels whose difference
 * is a scope phrase (autonomy, breadth, complexity, role) are progression and are not reported.
 * Like duplicate-exact, each finding sits on the later statement and points at every other one.
 */
import { DEFAULT_NEAR_THRESHOLD, exactDuplicates, nameList, nearDuplicates, statementName, type NearLink } from '../analysis/duplicates/index';
import { describeDifference } from '../analysis/duplicates/diff';
import { removeStatementFix } from '../analysis/duplicates/removeStatement';
import { MAX_RELATED } from './duplicate-exact';
import { numberOption, type Rule } from './types';
import { quietMembers, repeatsNothing } from '../analysis/duplicates/placeholders';

export const duplicateNear: Rule = {
  id: 'duplicate-near',
  category: 'duplicate',
  defaultSeverity: 'warning',
  onStatements: true,
  description: 'A statement says nearly the same as another one, with a word or two changed, added, left out or moved.',
  fixable: 'review',
  options: [
    {
      name: 'threshold',
      type: 'number',
      default: DEFAULT_NEAR_THRESHOLD,
      min: 0.5,
      max: 1,
      description:
        'How similar two statements must be to count as near duplicates: the share of stemmed content words they have in common (Dice coefficient, 0.5 to 1). Higher reports fewer pairs.',
    },
  ],
  check(ctx) {
    const threshold = numberOption(ctx, 'threshold', DEFAULT_NEAR_THRESHOLD);
    const exact = exactDuplicates(ctx.shared, ctx.model.statements);
    const near = nearDuplicates(ctx.shared, ctx.model.statements, threshold, ctx.config.lexicon);
    const levels = ctx.model.levels;
    for (const s of ctx.model.statements) {
      // Later copies of an exact group are already reported by duplicate-exact; one finding is enough.
      const group = exact.groupOf[s.ordinal];
      if (group?.members[0] !== s) continue;
      const links = near.links.get(s.ordinal);
      if (!links) continue;
      // A placeholder that repeats nothing (placeholders.ts) is never reported, as duplicate-exact
      // leaves it; a statement close to one is, wherever it stands, since the placeholder is the
      // original. Where a later copy is such a placeholder, duplicate-exact reports the first copy
      // too, as that placeholder's copy, and one finding is enough there as well.
      if (quietMembers(group.members, levels)) continue;
      const earlier = links.filter((l) => l.other.ordinal < s.ordinal || repeatsNothing(l.other, levels));
      if (earlier.length === 0) continue;
      const closest = closestOf(earlier);
      const others = links.map((l) => l.other);
      const rest = others.filter((o) => o !== closest.other);
      const message =
        `Nearly the same as ${statementName(closest.other, ctx.model.levels)} (differs: ${describeDifference(s.text, closest.other.text)})` +
        (rest.length > 0 ? `; also close to ${nameList(rest, ctx.model.levels)}` : '') +
        '. Remove one of them, or make the difference explicit if they are meant to say different things.';
      ctx.report({
        message,
        pointer: s.pointer,
        range: s.range,
        related: links.slice(0, MAX_RELATED).map((l) => ({
          pointer: l.other.pointer,
          range: l.other.range,
          message: `Nearly the same statement at ${statementName(l.other, ctx.model.levels)} (differs: ${describeDifference(l.other.text, s.text)}).`,
        })),
        fix: removeStatementFix(ctx.model, s, `Remove this statement (nearly the same as ${statementName(closest.other, ctx.model.levels)})`),
      });
    }
  },
};

/** The most similar of the earlier partners; among equals, the nearest one before the statement. */
function closestOf(links: NearLink[]): NearLink {
  let best = links[0];
  for (const l of links) if (l.similarity > best.similarity || (l.similarity === best.similarity && l.other.ordinal > best.other.ordinal)) best = l;
  return best;
}
