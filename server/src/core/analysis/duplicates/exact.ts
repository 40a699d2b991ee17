/** Groups of statements that are the same after normalisation, found with one hash map: linear time. */
import type { Statement } from '../../model/types';
import { exactKeyHash, keyHash } from './keyHash';
import { exactKey } from './normalise';
import { keyWords } from './tokens';
import { LocalIds } from '../wordIds';

export interface ExactGroup {
  /** The statements with this key, in document order. */
  members: Statement[];
  /** The key's content words as ids from 0 to the index's vocabulary - 1 (see `keyWords`), repeats kept. */
  words: Int32Array;
}

export interface ExactIndex {
  /** Every distinct non-empty key, in order of first appearance, with its statements. */
  groups: ExactGroup[];
  /** The group of each statement, by ordinal (undefined for statements with no words at all). */
  groupOf: (ExactGroup | undefined)[];
  /** How many distinct content words the groups' `words` are drawn from. */
  vocabulary: number;
}

/**
 * Groups by key hash, each confirmed by key where two hashes meet: the keys themselves are built only
 * for those statements (about one in a hundred in real frameworks), and each statement's text is
 * read once, for its hash and content words together (`keyWords`).
 */
export function buildExactIndex(statements: readonly Statement[]): ExactIndex {
  const local = new LocalIds();
  const groups: ExactGroup[] = [];
  const hashes: number[] = [];
  // The key of a group, made when a statement's hash first meets the group's.
  const keys: (string | undefined)[] = [];
  const groupOf: (ExactGroup | undefined)[] = [];
  let size = 16;
  while (size < 2 * statements.length) size *= 2;
  const mask = size - 1;
  // Open addressing by hash, holding group indices: groups whose different keys share a hash take
  // the next free slots, and every slot of the hash is checked by key.
  const slots = new Int32Array(size).fill(-1);
  for (const s of statements) {
    const kw = keyWords(s.text, local);
    // An empty or punctuation-only statement is a format problem, not a duplicate of another one.
    if (kw.empty) {
      groupOf[s.ordinal] = undefined;
      continue;
    }
    const h = kw.hash;
    let key: string | undefined;
    let g: ExactGroup | undefined;
    let slot = (h ^ (h >>> 16)) & mask;
    for (; slots[slot] >= 0; slot = (slot + 1) & mask) {
      const gi = slots[slot];
      if (hashes[gi] !== h) continue;
      key ??= exactKey(s.text);
      if ((keys[gi] ??= exactKey(groups[gi].members[0].text)) === key) {
        g = groups[gi];
        break;
      }
    }
    if (!g) {
      slots[slot] = groups.length;
      g = { members: [], words: kw.ids };
      groups.push(g);
      hashes.push(h);
      keys.push(key);
    }
    g.members.push(s);
    groupOf[s.ordinal] = g;
  }
  return { groups, groupOf, vocabulary: local.size };
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
  // The first statement of each hash, in an open-addressing table of statement indices: a map keyed
  // by the hashes themselves boxed most of them (a 32-bit hash is outside V8's small integers half of
  // the time) and was a fifth of this rule's time on a large document.
  let size = 16;
  while (size < 2 * hashes.length) size *= 2;
  const mask = size - 1;
  const firstOf = new Int32Array(size).fill(-1);
  // Statements sharing a hash, keyed by the first one's index, in the order the hashes first repeat.
  const repeated = new Map<number, number[]>();
  for (let i = 0; i < hashes.length; i++) {
    const h = hashes[i];
    for (let slot = (h ^ (h >>> 16)) & mask; ; slot = (slot + 1) & mask) {
      const f = firstOf[slot];
      if (f < 0) {
        firstOf[slot] = i;
        break;
      }
      if (hashes[f] === h) {
        const list = repeated.get(f);
        if (list) list.push(i);
        else repeated.set(f, [f, i]);
        break;
      }
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
