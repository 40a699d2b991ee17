/** Groups of statements that are the same after normalisation, found with one hash map: linear time. */
import type { Statement } from '../../model/types';
import { exactKeyHash, keyHash } from './keyHash';
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

/** The hash of each statement's key, by ordinal (keyHash.ts): no key is built for it. */
export function keyHashes(statements: readonly Statement[]): Int32Array {
  const hashes = new Int32Array(statements.length);
  for (const s of statements) hashes[s.ordinal] = exactKeyHash(s.text);
  return hashes;
}

/**
 * The groups of two or more statements with the same non-empty key, each in document order: found
 * by hash, then confirmed by key, which is built only for statements whose hash meets another's.
 */
export function duplicateGroups(statements: readonly Statement[], hashes: Int32Array): Statement[][] {
  const first = new Map<number, number>();
  const repeated = new Map<number, number[]>();
  for (let i = 0; i < hashes.length; i++) {
    const f = first.get(hashes[i]);
    if (f === undefined) first.set(hashes[i], i);
    else {
      const list = repeated.get(hashes[i]);
      if (list) list.push(i);
      else repeated.set(hashes[i], [f, i]);
    }
  }
  const out: Statement[][] = [];
  for (const ordinals of repeated.values()) {
    // Usually one key per hash; two only when different keys collide, so each is kept apart.
    const byKey = new Map<string, Statement[]>();
    for (const i of ordinals) {
      const key = exactKey(statements[i].text);
      if (key === '') continue;
      const group = byKey.get(key);
      if (group) group.push(statements[i]);
      else byKey.set(key, [statements[i]]);
    }
    for (const group of byKey.values()) if (group.length >= 2) out.push(group);
  }
  return out;
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
