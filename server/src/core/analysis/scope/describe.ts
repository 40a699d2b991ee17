/**
 * Words for the scope model's readings: which level a statement reads as, and the evidence that
 * says so ("'under the direction of others' (directed by others), leading verb 'help' (assists)").
 * Rules, `explain` and hovers all word the model the same way through these helpers.
 */
import type { LevelScope, ScopeAnalysis, StatementScope } from './analysis';
import type { ScopeEvidence } from './types';
import type { RelatedLocation } from '../../types';

const HALF_LEVEL = 0.5;

/** The level a fractional rank reads as (rounded, kept within the document's levels). */
export function levelAt(analysis: ScopeAnalysis, rank: number): LevelScope {
  const n = analysis.levels.length;
  const r = Math.max(0, Math.min(n - 1, Math.round(rank)));
  return analysis.levels[r];
}

export function describeEvidence(e: ScopeEvidence): string {
  return e.leading ? `leading verb '${e.phrase}' (${e.reading})` : `'${e.phrase}' (${e.reading})`;
}

/**
 * The evidence behind a reading that is `direction` of where the statement sits (-1 lower, +1
 * higher), strongest first: only the phrases that pull that way explain the finding. A phrase
 * counts when it reads more than half a level away: one that reads as the statement's own level, a
 * shade off, does not say why it belongs elsewhere (an Awareness statement's 'collect' is no reason
 * to read it as Practitioner).
 */
export function evidenceToward(analysis: ScopeAnalysis, x: StatementScope, direction: number, limit = 3): ScopeEvidence[] {
  const n = analysis.levels.length;
  const scale = n > 1 ? n - 1 : 1;
  return x.profile.evidence
    .filter((e) => (e.position * scale - x.rank) * direction > HALF_LEVEL)
    .sort((a, b) => b.weight - a.weight || a.start - b.start)
    .slice(0, limit)
    .sort((a, b) => a.start - b.start);
}

/** Why the statement reads as it does, in words: its evidence, and the level its wording matches. */
export function explainReading(analysis: ScopeAnalysis, x: StatementScope, direction: number): string {
  const parts = evidenceToward(analysis, x, direction).map(describeEvidence);
  if (x.contentRank !== undefined && Math.sign(x.contentRank - x.rank) === direction && Math.abs(x.contentRank - x.rank) >= 1) {
    parts.push(`its wording is closest to statements at ${similarLevels(analysis, x, direction)}`);
  }
  return parts.length > 0 ? parts.join(', ') : 'no phrase of its own level';
}

/**
 * The levels of the statements whose words this one shares, on that side, lowest first ("Awareness
 * and Practitioner"): the statements the findings point at. The level of their mean rank, which the
 * estimate uses, can be one that none of them is at (Awareness and Practitioner average to Working),
 * and the message would then send the reader to a level with no such statement.
 */
function similarLevels(analysis: ScopeAnalysis, x: StatementScope, direction: number): string {
  const ranks = [...new Set(similarToward(analysis, x, direction).map((s) => s.scope.rank))].sort((a, b) => a - b);
  if (ranks.length === 0) return levelAt(analysis, x.contentRank!).name;
  const names = ranks.map((r) => analysis.levels[r].name);
  return names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * The statements that share this one's words at levels `direction` of it (-1 lower, +1 higher),
 * most similar first: the content behind "its wording is closest to statements at ...", which a
 * reviewer needs to see to judge the finding.
 */
export function similarToward(analysis: ScopeAnalysis, x: StatementScope, direction: number, limit = 2): { scope: StatementScope; similarity: number }[] {
  const out: { scope: StatementScope; similarity: number }[] = [];
  for (const n of x.similar ?? []) {
    const y = analysis.statements[n.other];
    if (Math.sign(y.rank - x.rank) !== direction) continue;
    out.push({ scope: y, similarity: n.similarity });
    if (out.length === limit) break;
  }
  return out;
}

/** Related locations for the statements `similarToward` gives. */
export function similarLocations(analysis: ScopeAnalysis, similar: readonly { scope: StatementScope }[]): RelatedLocation[] {
  return similar.map(({ scope }) => ({
    pointer: scope.statement.pointer,
    range: scope.statement.range,
    message: `a statement with similar words, at ${analysis.levels[scope.rank].name}`,
  }));
}
