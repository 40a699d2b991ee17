/**
 * Tells progression from duplication. Two statements of one thread often differ in exactly the words
 * that make the higher one broader ("to internal stakeholders" / "to internal and external
 * stakeholders"), more autonomous ("under supervision" / "independently") or a step up in what the
 * person does ("follow governance processes" / "develop governance processes"); those are the
 * framework working as intended, not duplicates.
 *
 * The scope phrases that matter are those of the scope lexicon that contain a word differing between
 * the two statements. A pair is progression when those phrases make the higher-level statement read
 * higher: the weighted position of its differing phrases is above that of the lower statement's, a
 * side without any counting as the middle of the scale (so adding "external stakeholders" at the
 * higher level, or having "with guidance" only at the lower one, is progression).
 *
 * Two cautions keep a copy with a word dropped from passing as progression. A leading verb counts only
 * when each statement has words the other lacks (a verb replaced: "consider" / "set"); a verb that is
 * simply added or missing is a damaged copy more often than a step up, unless it governs the verb the
 * other statement opens with ("help identify" / "identify": helped work done alone). Verb-axis
 * phrases that are not leading verbs ("a wide range of") count like any other scope phrase. And the direction must be
 * right: a copy whose higher-level version lost "across the organisation" reads lower, which is not
 * progression.
 */
import type { LexiconExtension } from '../../config/types';
import { leadStart, scopeEvidence } from '../scope/lexicon';
import { tokenise } from '../scope/tokens';
import type { ScopeAxis, ScopeEvidence } from '../scope/types';
import { contentStems } from './tokens';

const SCOPE_AXES: ReadonlySet<ScopeAxis> = new Set<ScopeAxis>(['autonomy', 'breadth', 'complexity', 'role', 'horizon', 'verb']);
/** Where a statement without a differing scope phrase sits on the 0..1 scale. */
const NEUTRAL = 0.5;
/** How much higher the higher statement must read; smaller differences are noise in the lexicon. */
const MARGIN = 0.05;

export interface ScopeDifference {
  /** The scope phrases of each statement that hold a differing word (leading verbs only when both have one). */
  first: ScopeEvidence[];
  second: ScopeEvidence[];
}

/** The scope phrases that differ between two statements; both lists are empty when only content differs. */
export function scopeDifference(first: string, second: string, lexicon?: LexiconExtension): ScopeDifference {
  const [onlyFirst, onlySecond] = difference(contentStems(first), contentStems(second));
  if (onlyFirst.size === 0 && onlySecond.size === 0) return { first: [], second: [] };
  const differing = new Set([...onlyFirst, ...onlySecond]);
  const touching = (text: string) =>
    scopeEvidence(text, lexicon).filter((e) => SCOPE_AXES.has(e.axis) && contentStems(e.phrase).some((w) => differing.has(w)));
  let a = touching(first);
  let b = touching(second);
  if (onlyFirst.size === 0 || onlySecond.size === 0) {
    // Only leading verbs are left out: verb-axis phrases that count wherever they stand ("a wide
    // range of", "in-depth knowledge") qualify the work like a breadth phrase does, and a copy
    // that gains one asks for more, where a copy that gains or loses a leading verb is damaged.
    a = a.filter((e) => !e.leading || governsTheOther(e, first, second, lexicon));
    b = b.filter((e) => !e.leading || governsTheOther(e, second, first, lexicon));
  }
  return { first: a, second: b };
}

/**
 * True when leading verb `e` of `text` governs the verb that `other` opens with ("help identify and
 * resolve issues" / "identify and resolve issues"): the other statement is the same work without
 * it, done alone rather than helped, which is the step from assisted to independent work that
 * DDaT's levels ("with support" / "without support") and SFIA's (assist / apply) take. A verb that
 * governs nothing ("collect and analyse" / "analyse"), or a copy left without a verb of its own, is
 * a verb dropped, not this.
 */
function governsTheOther(e: ScopeEvidence, text: string, other: string, lexicon?: LexiconExtension): boolean {
  const tokens = tokenise(text);
  let next = tokens.findIndex((t) => t.start >= e.end);
  if (next >= 0 && tokens[next].norm === 'to') next++;
  if (next < 0 || next >= tokens.length || tokens[next].afterPunctuation) return false;
  const otherTokens = tokenise(other);
  const opening = otherTokens[leadStart(otherTokens)];
  if (!opening || opening.norm !== tokens[next].norm) return false;
  return scopeEvidence(other, lexicon, otherTokens).some((v) => v.leading && v.start === opening.start);
}

/**
 * True when `higher` (the statement at the higher level) differs from `lower` in scope phrases that
 * make it read higher: progression, not duplication.
 */
export function isProgression(lower: string, higher: string, lexicon?: LexiconExtension): ScopeEvidence[] | undefined {
  const d = scopeDifference(lower, higher, lexicon);
  if (d.first.length === 0 && d.second.length === 0) return undefined;
  return position(d.second) > position(d.first) + MARGIN ? [...d.first, ...d.second] : undefined;
}

function position(evidence: ScopeEvidence[]): number {
  let sum = 0;
  let weight = 0;
  for (const e of evidence) {
    sum += e.position * e.weight;
    weight += e.weight;
  }
  return weight > 0 ? sum / weight : NEUTRAL;
}

/** The words (with repeats) that one list has more of than the other, for each side. */
function difference(a: string[], b: string[]): [Set<string>, Set<string>] {
  const count = new Map<string, number>();
  for (const w of a) count.set(w, (count.get(w) ?? 0) + 1);
  for (const w of b) count.set(w, (count.get(w) ?? 0) - 1);
  const onlyA = new Set<string>();
  const onlyB = new Set<string>();
  for (const [w, n] of count) {
    if (n > 0) onlyA.add(w);
    else if (n < 0) onlyB.add(w);
  }
  return [onlyA, onlyB];
}
