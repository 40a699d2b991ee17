/** Groups of statements that are the same after normalisation, found with one hash map: linear time. */
import type { Statement } from '../../model/types';
import { exactKey } from './normalise';

export interface ExactGroup {
  key: string;
  /** The statements with this key, in document order. */
  members: Statement[];
}

export interface ExactIndex {
  /** Every distinct non-empty key, in order of first appearance, with its statements. */
  groups: ExactGroup[];
  /** The group of each statement, by ordinal (undefined for statements with no words at all). */
  groupOf: (ExactGroup | undefined)[];
}

export function buildExactIndex(statements: readonly Statement[]): ExactIndex {
  const byKey = new Map<string, ExactGroup>();
  const groups: ExactGroup[] = [];
  const groupOf: (ExactGroup | undefined)[] = [];
  for (const s of statements) {
    const key = exactKey(s.text);
    // An empty or punctuation-only statement is a format problem, not a duplicate of another one.
    if (key === '') {
      groupOf[s.ordinal] = undefined;
      continue;
    }
    let g = byKey.get(key);
    if (!g) {
      g = { key, members: [] };
      byKey.set(key, g);
      groups.push(g);
    }
    g.members.push(s);
    groupOf[s.ordinal] = g;
  }
  return { groups, groupOf };
}
