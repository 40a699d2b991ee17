/**
 * A statement's profile: the lexicon evidence it holds, read per axis and combined into one
 * position on the 0..1 scale of scope (0 = works under close supervision on routine tasks,
 * 1 = sets direction beyond the organisation).
 */
import type { LexiconExtension } from '../../config/types';
import { scopeEvidence } from './lexicon';
import { makeEvidence, type ScopeAxis, type ScopeEvidence, type ScopeProfile } from './types';
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

/**
 * A word that names what the work acts on ("strategy", "policies", "roadmaps", "organisational")
 * says the work is strategic only when the verb acting on it directs: SFIA's top level sets strategy
 * and policy, while DDaT's working levels review and iterate a strategy, track roadmaps and follow
 * organisational processes. Such a word counts fully after a phrase that directs: a leading verb of
 * the directing tier (set, define, own, shape, drive), or a role or autonomy phrase as high (leads
 * teams, coaches, influences, accountable); after none it counts for OBJECT_DISCOUNT of its weight
 * ("regularly review and iterate the strategy", "see possibilities for innovation").
 */
const DIRECTING = 0.8;

export function profileFromEvidence(evidence: ScopeEvidence[]): StatementProfile {
  // The first phrase of understanding, leading or not ("investigate problems with an understanding
  // of their strategic level"): what follows it, up to the next leading verb ("... and can lead"),
  // is what is understood ("explain how you make decisions" is not making them).
  const understanding = evidence.find((e) => e.axis === 'verb' && UNDERSTANDING_READINGS.has(e.reading));
  let from = Infinity;
  let until = Infinity;
  if (understanding) {
    const next = evidence.find((e) => e.start > understanding.start && e.leading && !UNDERSTANDING_READINGS.has(e.reading));
    from = understanding.start;
    until = next ? next.start : Infinity;
  }
  // Both discounts say the same thing, that the phrase is what the work is about, so a phrase gets
  // one of them at most.
  let objects = false;
  for (const e of evidence) if (e.object) objects = true;
  if (understanding || objects) evidence = discountObjects(evidence, from, until);
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

/** The profile of `text`; without `builtins`, read by the configured phrases alone (see language.ts). */
export function profileText(text: string, extra?: LexiconExtension, tokens?: Token[], builtins = true): StatementProfile {
  return profileFromEvidence(scopeEvidence(text, extra, tokens, builtins));
}

/**
 * The evidence with what the work is about discounted: the phrases after a phrase of understanding
 * (offsets `from` to `until`), and the object words no directing phrase comes before.
 */
function discountObjects(evidence: ScopeEvidence[], from: number, until: number): ScopeEvidence[] {
  const out: ScopeEvidence[] = [];
  const undirected: number[] = [];
  let directed = false;
  let total = 0;
  let largest = 0;
  for (const e of evidence) {
    if (e.position >= DIRECTING && (e.leading || e.axis === 'role' || e.axis === 'autonomy')) directed = true;
    const understood = e.start > from && e.start < until && e.axis !== 'verb';
    if (!understood && !(e.object && !directed)) {
      out.push(e);
      continue;
    }
    const weight = e.weight * OBJECT_DISCOUNT;
    if (!understood) {
      undirected.push(out.length);
      total += weight;
      largest = Math.max(largest, weight);
    }
    out.push(makeEvidence(e, e.phrase, e.start, e.end, weight));
  }
  // A list of what the work acts on ("such as strategies, roadmaps, policies") is one object:
  // naming three makes the work no wider than naming one, so together they weigh as the largest.
  if (total > largest) for (const k of undirected) out[k] = makeEvidence(out[k], out[k].phrase, out[k].start, out[k].end, (out[k].weight * largest) / total);
  return out;
}
