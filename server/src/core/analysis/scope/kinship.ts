/**
 * Kinship with the far end of the scale: a statement of the lowest level whose distinctive words
 * recur only among the highest level's statements (or the reverse), and at no other level, its own
 * included. Statements are written alongside the other statements of their level and share their
 * topics and threads with the levels next to them; one that shares vocabulary with the far end
 * alone, skipping every level between, was most likely written for that far level. It is evidence
 * from content, not wording, so it speaks even when the statement is worded in the other level's
 * manner ("understand the direction of future technologies" among the top level's statements on
 * future technologies).
 *
 * One pass builds, per stem, the number of statements holding it at each rank and a few postings at
 * the two extreme ranks; each statement then looks only at its own stems: linear in the document.
 */
import type { Token } from './tokens';
import { tokenContentStem } from './tokens';

export interface Kinship {
  /** The rank the statement's words point at (the other extreme). */
  rank: number;
  /** The shared words, as written in the statement. */
  words: string[];
  /** Statements (indices) at that rank that hold the shared words, at most a few. */
  related: number[];
}

/** The share of the statement's distinctive weight (IDF) that the far level must hold. */
export const KIN_MIN_SHARE = 0.15;
/** At least this many shared words: one word in common is chance. */
export const KIN_MIN_WORDS = 2;
/**
 * Statements at the statement's own level and between it and the far end that must exist (and share
 * none of its words) for the silence of those levels to say anything.
 */
const KIN_MIN_WITNESSES = 2;
const MAX_RELATED = 3;

interface Item {
  rank: number;
  /** Excluded items (placeholders) take no part. */
  skip: boolean;
  /** The statement's distinct content stems and, side by side, the first word of each as written: see `kinshipWords`. */
  words: KinshipWords;
}

export interface KinshipWords {
  /**
   * Distinct content stems as document ids (`LocalIds`), in the order of their first token: the list
   * as gathered, since a copy into a typed array was a fiftieth of a lint run's allocations.
   */
  stems: readonly number[];
  words: string[];
}

/**
 * The words kinship needs from a statement's tokens: each distinct content stem, with the first
 * token that has it. `stemIds` are the statement's content stems as document ids, one per content
 * token in order (`contentStemIds`). Taken while the statement is analysed, so that the token lists
 * of a whole document need not stay alive until kinship runs (at 100,000 statements they were
 * millions of objects promoted to the old space).
 */
export function kinshipWords(tokens: readonly Token[], stemIds: Int32Array): KinshipWords {
  const stems: number[] = [];
  const words: string[] = [];
  // A statement has a dozen content words, where a scan of those kept beats a hash set; a long one
  // (a paragraph pasted as one statement) takes the set, so that the cost stays linear.
  let seen: Set<number> | undefined;
  let k = 0;
  for (const t of tokens) {
    if (tokenContentStem(t) === null) continue;
    const s = stemIds[k++];
    if (seen ? seen.has(s) : stems.includes(s)) continue;
    stems.push(s);
    words.push(t.norm);
    if (seen) seen.add(s);
    else if (stems.length > 24) seen = new Set(stems);
  }
  return { stems, words };
}

/** `vocabulary` is the number of document ids the items' stems are drawn from. */
export function findKinship(items: Item[], levelCount: number, vocabulary: number): (Kinship | undefined)[] {
  const out: (Kinship | undefined)[] = items.map(() => undefined);
  if (levelCount < 3) return out;
  const top = levelCount - 1;
  // Statements holding each stem at each rank (stem-major), and how many ranks hold it at all.
  const counts = new Int32Array(vocabulary * levelCount);
  const total = new Int32Array(vocabulary);
  // A few statements per stem at each extreme rank, to point at (-1 for none).
  const postings = [new Int32Array(vocabulary * MAX_RELATED).fill(-1), new Int32Array(vocabulary * MAX_RELATED).fill(-1)];
  const extreme = (rank: number) => (rank === 0 ? 0 : rank === top ? 1 : -1);
  const perRank = new Array<number>(levelCount).fill(0);
  let real = 0;
  items.forEach((x, i) => {
    if (x.skip) return;
    real++;
    perRank[x.rank]++;
    const at = extreme(x.rank);
    const stems = x.words.stems;
    for (let k = 0; k < stems.length; k++) {
      const s = stems[k];
      counts[s * levelCount + x.rank]++;
      total[s]++;
      if (at >= 0) {
        const list = postings[at];
        for (let p = s * MAX_RELATED; p < (s + 1) * MAX_RELATED; p++) {
          if (list[p] < 0) {
            list[p] = i;
            break;
          }
        }
      }
    }
  });
  items.forEach((x, i) => {
    if (x.skip || (x.rank !== 0 && x.rank !== top)) return;
    const far = x.rank === 0 ? top : 0;
    // The levels that should share its words if it sat right: its own (other statements) and those between.
    let witnesses = perRank[x.rank] - 1;
    for (let r = Math.min(x.rank, far) + 1; r < Math.max(x.rank, far); r++) witnesses += perRank[r];
    if (witnesses < KIN_MIN_WITNESSES || perRank[far] === 0) return;
    let mass = 0;
    let sharedMass = 0;
    const shared: number[] = [];
    const stems = x.words.stems;
    for (let k = 0; k < stems.length; k++) {
      const row = stems[k] * levelCount;
      const w = Math.log(1 + real / total[stems[k]]);
      mass += w;
      // Anywhere but the far level (the statement itself not counted) sinks it.
      for (let r = 0; r < levelCount; r++) if (r !== far && counts[row + r] - (r === x.rank ? 1 : 0) > 0) return;
      if (counts[row + far] > 0) {
        sharedMass += w;
        shared.push(k);
      }
    }
    if (shared.length < KIN_MIN_WORDS || mass === 0 || sharedMass / mass < KIN_MIN_SHARE) return;
    const related = new Set<number>();
    const farPostings = postings[extreme(far)];
    for (const k of shared) {
      for (let p = stems[k] * MAX_RELATED; p < (stems[k] + 1) * MAX_RELATED && farPostings[p] >= 0; p++) {
        if (related.size < MAX_RELATED) related.add(farPostings[p]);
      }
    }
    out[i] = { rank: far, words: shared.map((k) => x.words.words[k]), related: [...related] };
  });
  return out;
}
