/**
 * Which placeholders the duplicate rules leave out. A placeholder that is its level's only word
 * ("This skill level is currently not defined." at every undefined level of a DDaT skill) repeats no
 * content, and removing one copy would leave a level saying nothing. Nor does a placeholder on a
 * topic, which is its level's word on that topic: one still to be written ("Circulation — to be
 * written." at two levels, as topic-gap's action adds them) is a to-do, not a copy, and one that
 * says the topic does not apply ("Circulation — not applicable at this level." at each level the
 * topic skips) answers topic-gap at its level, so removing a copy would reopen the gap there. A
 * placeholder without a topic beside another statement of its level is still reported: among real
 * statements it contradicts the level, beside another placeholder it says the same twice, and
 * either way it was most likely pasted in.
 */
import type { Level, Statement } from '../../model/types';
import { isPlaceholder } from '../scope/placeholder';

export function repeatsNothing(s: Statement, levels: readonly Level[]): boolean {
  if (!isPlaceholder(s.body)) return false;
  if (s.topic !== undefined) return true;
  return levels[s.levelIndex]?.statements.length === 1;
}

/**
 * Which members of a group of copies repeat nothing, or undefined when none does. A placeholder on
 * a topic written twice in one level is a copy all the same (the level says its word on the topic
 * twice), so only the first of a level is left out.
 */
export function quietMembers(members: readonly Statement[], levels: readonly Level[]): boolean[] | undefined {
  if (!members.some((s) => repeatsNothing(s, levels))) return undefined;
  const seen = new Set<number>();
  const quiet = members.map((s) => {
    const q = !seen.has(s.levelIndex) && repeatsNothing(s, levels);
    seen.add(s.levelIndex);
    return q;
  });
  return quiet.includes(true) ? quiet : undefined;
}
