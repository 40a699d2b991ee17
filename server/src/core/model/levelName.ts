import type { Level } from './types';

/**
 * How a level is named to readers everywhere (messages, hovers, `explain`, the level matrix): its
 * label without surrounding white space when it has one, else its key. One definition, so that a
 * label written "Emerging " cannot read as two levels in one hover.
 */
export function levelName(level: Level): string {
  const label = level.label?.value;
  return typeof label === 'string' && label.trim() ? label.trim() : level.key;
}

/** The levels' names by index, made once per model (see `distinctLevelName`). */
const NAMES = new WeakMap<readonly Level[], Map<number, string>>();

/**
 * A level's name among the document's levels: `levelName`, told apart by the key when another level
 * has the same name ("Advanced (proficient)"), so that a message never names two levels alike
 * ("not at Advanced, Advanced").
 */
export function distinctLevelName(level: Level, levels: readonly Level[]): string {
  let names = NAMES.get(levels);
  if (!names) {
    const count = new Map<string, number>();
    for (const l of levels) count.set(levelName(l), (count.get(levelName(l)) ?? 0) + 1);
    names = new Map();
    for (const l of levels) {
      const name = levelName(l);
      names.set(l.index, (count.get(name) ?? 0) > 1 && name !== l.key ? `${name} (${l.key})` : name);
    }
    NAMES.set(levels, names);
  }
  return names.get(level.index) ?? levelName(level);
}
