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
  /**
   * A 32-bit hash of each statement's key, by ordinal. It is all the editor keeps of the index for a
   * document too large for the full analysis: enough to find a statement's copies after an edit
   * (hash first, key to confirm) in one pass over an integer array.
   */
  hashes: Int32Array;
}

export function buildExactIndex(statements: readonly Statement[]): ExactIndex {
  const byKey = new Map<string, ExactGroup>();
  const groups: ExactGroup[] = [];
  const groupOf: (ExactGroup | undefined)[] = [];
  const hashes = new Int32Array(statements.length);
  for (const s of statements) {
    const key = exactKey(s.text);
    hashes[s.ordinal] = keyHash(key);
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
  return { groups, groupOf, hashes };
}

/** FNV-1a over the key's UTF-16 code units. */
export function keyHash(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

/**
 * The statements whose key is `key`, in document order, found through the hashes; `keyOf` gives a
 * statement's key (the caller knows the key of a statement it just changed). Empty for the empty key.
 */
export function statementsWithKey(
  statements: readonly Statement[],
  hashes: Int32Array,
  key: string,
  keyOf: (s: Statement) => string,
): Statement[] {
  if (key === '') return [];
  const h = keyHash(key);
  const out: Statement[] = [];
  for (let i = 0; i < hashes.length; i++) if (hashes[i] === h && keyOf(statements[i]) === key) out.push(statements[i]);
  return out;
}
