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
import { contentStem, tokenContentStem } from './tokens';

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
  /** The statement's content words as written (normalised), the first of each stem: see `kinshipWords`. */
  words: readonly string[];
}

/**
 * The words kinship needs from a statement's tokens: the first token of each content stem. Taken
 * while the statement is analysed, so that the token lists of a whole document need not stay alive
 * until kinship runs (at 100,000 statements they were millions of objects promoted to the old space).
 */
export function kinshipWords(tokens: readonly Token[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const t of tokens) {
    const s = tokenContentStem(t);
    if (s !== null && !seen.has(s)) {
      seen.add(s);
      out.push(t.norm);
    }
  }
  return out;
}

export function findKinship(items: Item[], levelCount: number): (Kinship | undefined)[] {
  const out: (Kinship | undefined)[] = items.map(() => undefined);
  if (levelCount < 3) return out;
  const top = levelCount - 1;
  const stemsOf = items.map((x) => {
    const firstToken = new Map<string, string>();
    if (!x.skip) for (const w of x.words) firstToken.set(contentStem(w)!, w);
    return firstToken;
  });
  const counts = new Map<string, number[]>();
  const postings = new Map<string, number[]>();
  const perRank = new Array<number>(levelCount).fill(0);
  items.forEach((x, i) => {
    if (x.skip) return;
    perRank[x.rank]++;
    for (const s of stemsOf[i].keys()) {
      let c = counts.get(s);
      if (!c) counts.set(s, (c = new Array<number>(levelCount).fill(0)));
      c[x.rank]++;
      if (x.rank === 0 || x.rank === top) {
        const key = `${x.rank}\u0000${s}`;
        const list = postings.get(key) ?? [];
        if (list.length < MAX_RELATED) list.push(i);
        postings.set(key, list);
      }
    }
  });
  const real = items.filter((x) => !x.skip).length;
  const idf = (s: string) => {
    const c = counts.get(s);
    const df = c ? c.reduce((a, b) => a + b, 0) : 1;
    return Math.log(1 + real / df);
  };
  items.forEach((x, i) => {
    if (x.skip || (x.rank !== 0 && x.rank !== top)) return;
    const far = x.rank === 0 ? top : 0;
    // The levels that should share its words if it sat right: its own (other statements) and those between.
    let witnesses = perRank[x.rank] - 1;
    for (let r = Math.min(x.rank, far) + 1; r < Math.max(x.rank, far); r++) witnesses += perRank[r];
    if (witnesses < KIN_MIN_WITNESSES || perRank[far] === 0) return;
    let mass = 0;
    let sharedMass = 0;
    const shared: string[] = [];
    for (const s of stemsOf[i].keys()) {
      const c = counts.get(s)!;
      const w = idf(s);
      mass += w;
      const elsewhere = c.some((n, r) => r !== far && n - (r === x.rank ? 1 : 0) > 0);
      if (elsewhere) return;
      if (c[far] > 0) {
        sharedMass += w;
        shared.push(s);
      }
    }
    if (shared.length < KIN_MIN_WORDS || mass === 0 || sharedMass / mass < KIN_MIN_SHARE) return;
    const related = new Set<number>();
    for (const s of shared) for (const j of postings.get(`${far}\u0000${s}`) ?? []) if (related.size < MAX_RELATED) related.add(j);
    out[i] = { rank: far, words: shared.map((s) => stemsOf[i].get(s)!), related: [...related] };
  });
  return out;
}
