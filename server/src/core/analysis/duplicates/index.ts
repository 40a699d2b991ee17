/**
 * The duplicate analysis of a document, computed once and shared by the two duplicate rules (and
 * available to hovers and the thread finder): exact groups by normalised text, then near pairs among
 * the distinct texts by a similarity join, with the pairs that differ only in scope set apart as
 * progressions. Nothing here compares all pairs: exact groups come from a hash map and near pairs
 * from an inverted index with prefix filtering (see near.ts).
 */
import type { LexiconExtension } from '../../config/types';
import type { Level, Statement } from '../../model/types';
import { distinctLevelName } from '../../model/levelName';
import type { SharedAnalysis } from '../shared';
import type { ScopeEvidence } from '../scope/types';
import { buildExactIndex, keyHashes, type ExactGroup, type ExactIndex } from './exact';
import { findNearPairs } from './near';
import { rarestFirst } from '../wordIds';
import { isProgression } from './scopeDifference';

export type { ExactGroup, ExactIndex };

/** The default Dice similarity of content words above which two statements are near duplicates. */
export const DEFAULT_NEAR_THRESHOLD = 0.8;
/** Below this, "near" stops meaning "a word or two changed" and the candidate sets grow large. */
export const MIN_NEAR_THRESHOLD = 0.5;

/** Partners kept per statement; past this a file is pathological and more pointers help nobody. */
const MAX_LINKS = 1000;

export interface NearLink {
  other: Statement;
  similarity: number;
}

export interface Progression {
  /** The earlier and the later statement in document order. */
  earlier: Statement;
  later: Statement;
  similarity: number;
  /** The scope phrases that make the difference. */
  evidence: ScopeEvidence[];
}

export interface NearAnalysis {
  threshold: number;
  /**
   * Near-duplicate partners of the first statement of each exact group, by ordinal (exact copies and
   * progressions excluded). Later copies of a group have no entry: duplicate-exact reports them.
   */
  links: Map<number, NearLink[]>;
  /** Pairs similar enough to be near duplicates whose higher-level statement reads higher in scope. */
  progressions: Progression[];
}

/**
 * The shared entry holding each statement's key hash: what duplicate-exact works from, and all the
 * editor keeps of a large document's duplicate analysis between keystrokes (incremental.ts).
 */
export const EXACT_HASHES = 'duplicates:exact-hashes';

export function exactHashes(shared: SharedAnalysis, statements: readonly Statement[]): Int32Array {
  return shared.get(EXACT_HASHES, () => keyHashes(statements));
}

export function exactDuplicates(shared: SharedAnalysis, statements: readonly Statement[]): ExactIndex {
  return shared.get('duplicates:exact', () => buildExactIndex(statements));
}

export function nearDuplicates(
  shared: SharedAnalysis,
  statements: readonly Statement[],
  threshold: number,
  lexicon?: LexiconExtension,
): NearAnalysis {
  const t = clampThreshold(threshold);
  return shared.get(`duplicates:near:${t}`, () => buildNearAnalysis(exactDuplicates(shared, statements), t, lexicon));
}

export function clampThreshold(threshold: number): number {
  if (!Number.isFinite(threshold)) return DEFAULT_NEAR_THRESHOLD;
  return Math.min(1, Math.max(MIN_NEAR_THRESHOLD, threshold));
}

export function buildNearAnalysis(exact: ExactIndex, threshold: number, lexicon?: LexiconExtension): NearAnalysis {
  const links = new Map<number, NearLink[]>();
  const progressions: Progression[] = [];
  const add = (s: Statement, other: Statement, similarity: number) => {
    let list = links.get(s.ordinal);
    if (!list) links.set(s.ordinal, (list = []));
    if (list.length < MAX_LINKS) list.push({ other, similarity });
  };
  // The groups' word lists are renumbered in place, so the join gets copies: the index is shared.
  const words = rarestFirst(exact.groups.map((g) => g.words.slice()), exact.vocabulary);
  for (const pair of findNearPairs(words, threshold)) {
    const ga = exact.groups[pair.a];
    const gb = exact.groups[pair.b];
    // The scope check reads the lexicon, so it is done once per pair of texts and direction, when needed.
    const memo = new Map<boolean, ScopeEvidence[] | undefined>();
    const progression = (lowerIsA: boolean) => {
      // The bodies, after any "Topic —": a leading verb is the body's first word, not the topic's.
      if (!memo.has(lowerIsA)) memo.set(lowerIsA, lowerIsA ? isProgression(ga.members[0].body, gb.members[0].body, lexicon) : isProgression(gb.members[0].body, ga.members[0].body, lexicon));
      return memo.get(lowerIsA);
    };
    // Only the first statement of an exact group can carry a near finding (later copies are
    // duplicate-exact's), so links go from each group's first statement to the other group's
    // statements: linear in the copies, not their product.
    for (const [from, to, fromIsA] of [[ga, gb, true], [gb, ga, false]] as const) {
      const s = from.members[0];
      for (const t of to.members) {
        if (s.levelIndex !== t.levelIndex) {
          const lowerIsA = s.levelIndex < t.levelIndex === fromIsA;
          const evidence = progression(lowerIsA);
          if (evidence) {
            // The pair of first statements is met from both sides; record it once.
            if (fromIsA || t !== ga.members[0]) {
              const [earlier, later] = s.ordinal < t.ordinal ? [s, t] : [t, s];
              progressions.push({ earlier, later, similarity: pair.similarity, evidence });
            }
            continue;
          }
        }
        add(s, t, pair.similarity);
      }
    }
  }
  for (const list of links.values()) list.sort((x, y) => x.other.ordinal - y.other.ordinal);
  return { threshold, links, progressions };
}

/**
 * How a statement is named in messages: its level as every other message names it (the label, else
 * the key; levelName.ts) and its 1-based position, "Developing #4". A label that two levels share is
 * told apart by the key, "Advanced (proficient) #2". Named by the key, as before, the same statement
 * read "proficient #3" here and "Practitioner" in the scope rules' messages beside it.
 */
export function statementName(s: Statement, levels: readonly Level[]): string {
  const level = levels[s.levelIndex];
  return `${level ? distinctLevelName(level, levels) : s.levelKey} #${s.index + 1}`;
}

/** "Emerging #2", "Emerging #2 and Developing #4", "Emerging #2, Developing #4 and 3 more". */
export function nameList(statements: readonly Statement[], levels: readonly Level[], max = 3, total = statements.length): string {
  const names = statements.slice(0, max).map((s) => statementName(s, levels));
  const rest = total - names.length;
  if (rest > 0) return `${names.join(', ')} and ${rest} more`;
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
