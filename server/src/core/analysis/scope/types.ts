/**
 * The scope model's vocabulary. A statement's profile places it on the axes that published scales
 * agree on (see docs/SCOPE-RESEARCH notes in docs/scope-model.md); each reading keeps the evidence
 * that produced it so that messages, hovers and `explain` can say why.
 */

export type ScopeAxis = 'autonomy' | 'breadth' | 'complexity' | 'role' | 'verb' | 'horizon';

/** One phrase found in a statement, and what it says about the statement's level. */
export interface ScopeEvidence {
  axis: ScopeAxis;
  /** The phrase as matched in the statement text. */
  phrase: string;
  /** Offsets within the statement's text. */
  start: number;
  end: number;
  /** Where the phrase places the statement on a 0..1 scale (0 = most supervised/narrow, 1 = sets strategy). */
  position: number;
  /** How much the phrase counts (an explicit autonomy phrase outweighs a verb). */
  weight: number;
  /** A short name for the reading, such as "supervised", "organisation-wide", "assists". */
  reading: string;
  /** True for a verb read as one of the statement's leading verbs (the verbs that say what is done). */
  leading?: boolean;
  /**
   * True for a word that names what the work acts on ("strategy", "roadmaps", "organisational")
   * rather than how widely or how independently it is done: it says the work is strategic only when
   * a directing verb acts on it (see profile.ts).
   */
  object?: boolean;
}

export interface ScopeProfile {
  evidence: ScopeEvidence[];
  /** The weighted estimate on the 0..1 scale, or undefined when no evidence was found. */
  position: number | undefined;
  /** The total weight of the evidence: how sure the estimate is. */
  confidence: number;
}

/**
 * A piece of evidence with every property present, in one order, `leading` and `object` as booleans.
 * Records made with some optional properties and spread copies of them had several hidden classes,
 * and the scope model's readers of evidence ran 4-5% slower over the benchmark's 1,000 files once
 * `object` joined `leading` (warm pass, 638-689 against 697-715 ms). Every record is made here.
 */
export function makeEvidence(
  e: Pick<ScopeEvidence, 'axis' | 'position' | 'reading'> & { leading?: boolean; object?: boolean },
  phrase: string,
  start: number,
  end: number,
  weight: number,
): ScopeEvidence {
  return { axis: e.axis, phrase, start, end, position: e.position, weight, reading: e.reading, leading: e.leading === true, object: e.object === true };
}
