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
