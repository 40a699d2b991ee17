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
