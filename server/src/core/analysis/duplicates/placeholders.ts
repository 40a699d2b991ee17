/**
 * Which placeholders the duplicate rules leave out. A placeholder that is its level's only word
 * ("This skill level is currently not defined." at every undefined level of a DDaT skill) repeats no
 * content, and removing one copy would leave a level saying nothing; nor does a statement still to
 * be written on a topic ("Circulation — to be written." at two levels, as topic-gap's action adds
 * them), which is a to-do, not a copy. A placeholder beside another statement of its level is
 * still reported: among real statements it contradicts the level, beside another placeholder it
 * says the same twice, and either way it was most likely pasted in.
 */
import type { Level, Statement } from '../../model/types';
import { isPendingPlaceholder, isPlaceholder } from '../scope/placeholder';

export function repeatsNothing(s: Statement, levels: readonly Level[]): boolean {
  if (!isPlaceholder(s.body)) return false;
  if (s.topic !== undefined && isPendingPlaceholder(s.body)) return true;
  return levels[s.levelIndex]?.statements.length === 1;
}
