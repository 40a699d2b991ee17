/**
 * A statement's profile: the lexicon evidence it holds, read per axis and combined into one
 * position on the 0..1 scale of scope (0 = works under close supervision on routine tasks,
 * 1 = sets direction beyond the organisation).
 */
import type { LexiconExtension } from '../../config/types';
import { scopeEvidence } from './lexicon';
import type { ScopeAxis, ScopeEvidence, ScopeProfile } from './types';
import type { Token } from './tokens';

export const AXIS_ORDER: readonly ScopeAxis[] = ['autonomy', 'breadth', 'complexity', 'role', 'verb', 'horizon'];

export interface AxisReading {
  /** Weighted mean position of the axis's evidence. */
  position: number;
  weight: number;
}

export interface StatementProfile extends ScopeProfile {
  axes: Partial<Record<ScopeAxis, AxisReading>>;
}

/**
 * The axes are combined by evidence weight, but one axis cannot outvote the rest by repetition: the
 * weight an axis brings is capped, so a statement listing three breadth phrases is not three times as
 * sure as one naming its breadth once.
 */
const AXIS_WEIGHT_CAP = 4;

/**
 * When a statement's leading verb is one of understanding ("explain the importance of a strategy"),
 * what follows is the object of understanding, not the reach of the work: knowing about a strategy
 * is not setting one. The phrases that follow then count for much less.
 */
const UNDERSTANDING_READINGS: ReadonlySet<string> = new Set(['knows', 'understands']);
const OBJECT_DISCOUNT = 0.3;

export function profileFromEvidence(evidence: ScopeEvidence[]): StatementProfile {
  // The first phrase of understanding, leading or not ("investigate problems with an understanding
  // of their strategic level"): what follows it, up to the next leading verb ("... and can lead"),
  // is what is understood ("explain how you make decisions" is not making them).
  const understanding = evidence.find((e) => e.axis === 'verb' && UNDERSTANDING_READINGS.has(e.reading));
  if (understanding) {
    const next = evidence.find((e) => e.start > understanding.start && e.leading && !UNDERSTANDING_READINGS.has(e.reading));
    const until = next ? next.start : Infinity;
    evidence = evidence.map((e) => (e.start > understanding.start && e.start < until && e.axis !== 'verb' ? { ...e, weight: e.weight * OBJECT_DISCOUNT } : e));
  }
  const axes: Partial<Record<ScopeAxis, AxisReading>> = {};
  let w = 0;
  let wp = 0;
  // Each axis's sums are read off the evidence (a few phrases) axis by axis, in the evidence's
  // order, rather than gathered in a map of records made for every statement.
  for (const axis of AXIS_ORDER) {
    let aw = 0;
    let awp = 0;
    for (const e of evidence) {
      if (e.axis !== axis) continue;
      aw += e.weight;
      awp += e.weight * e.position;
    }
    if (aw <= 0) continue;
    const position = awp / aw;
    axes[axis] = { position, weight: aw };
    const capped = Math.min(aw, AXIS_WEIGHT_CAP);
    w += capped;
    wp += capped * position;
  }
  return { evidence, axes, position: w > 0 ? wp / w : undefined, confidence: w };
}

export function profileText(text: string, extra?: LexiconExtension, tokens?: Token[]): StatementProfile {
  return profileFromEvidence(scopeEvidence(text, extra, tokens));
}
