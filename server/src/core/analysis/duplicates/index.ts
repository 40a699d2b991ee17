/**
 * The duplicate analysis of a document, computed once and shared by the two duplicate rules (and
 * available to hovers and the thread finder): exact groups by normalised text, then near pairs among
 * the distinct texts by a similarity join, with the pairs that differ only in scope set apart as
 * progressions. Nothing here compares all pairs: exact groups come from a hash map and near pairs
 * from an inverted index with prefix filtering (see near.ts).
 */
import type { LexiconExtension } from '../../config/types';
import type { Statement } from '../../model/types';
import type { SharedAnalysis } from '../shared';
import type { ScopeEvidence } from '../scope/types';
import { buildExactIndex, type ExactGroup, type ExactIndex } from './exact';
import { findNearPairs } from './near';
import { isProgression } from './scopeDifference';

export type { ExactGroup, ExactIndex };

/** The default Dice similarity of content words above which two statements are near duplicates. */
export const DEFAULT_NEAR_THRESHOLD = 0.8;
/** Below this, "near" stops meaning "a word or two changed" and the candidate sets grow large. */
export const MIN_NEAR_THRESHOLD = 0.5;

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
  /** Near-duplicate partners of each statement, by ordinal (exact copies and progressions excluded). */
  links: Map<number, NearLink[]>;
  /** Pairs similar enough to be near duplicates whose higher-level statement reads higher in scope. */
  progressions: Progression[];
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
    list.push({ other, similarity });
  };
  for (const pair of findNearPairs(exact.groups, threshold)) {
    const ga = exact.groups[pair.a];
    const gb = exact.groups[pair.b];
    // The scope check reads the lexicon, so it is done once per pair of texts and direction, when needed.
    const textA = ga.members[0].text;
    const textB = gb.members[0].text;
    let aBelowB: ScopeEvidence[] | undefined | null = null;
    let bBelowA: ScopeEvidence[] | undefined | null = null;
    for (const s of ga.members) {
      for (const t of gb.members) {
        if (s.levelIndex !== t.levelIndex) {
          let evidence: ScopeEvidence[] | undefined;
          if (s.levelIndex < t.levelIndex) evidence = aBelowB === null ? (aBelowB = isProgression(textA, textB, lexicon)) : aBelowB;
          else evidence = bBelowA === null ? (bBelowA = isProgression(textB, textA, lexicon)) : bBelowA;
          if (evidence) {
            const [earlier, later] = s.ordinal < t.ordinal ? [s, t] : [t, s];
            progressions.push({ earlier, later, similarity: pair.similarity, evidence });
            continue;
          }
        }
        add(s, t, pair.similarity);
        add(t, s, pair.similarity);
      }
    }
  }
  for (const list of links.values()) list.sort((x, y) => x.other.ordinal - y.other.ordinal);
  return { threshold, links, progressions };
}

/** How a statement is named in messages: its level key and 1-based position, "developing #4". */
export function statementName(s: Statement): string {
  return `${s.levelKey} #${s.index + 1}`;
}

/** "emerging #2", "emerging #2 and developing #4", "emerging #2, developing #4 and 3 more". */
export function nameList(statements: readonly Statement[], max = 3): string {
  const names = statements.slice(0, max).map(statementName);
  const rest = statements.length - names.length;
  if (rest > 0) return `${names.join(', ')} and ${rest} more`;
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
