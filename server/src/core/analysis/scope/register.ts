/**
 * The register a statement is written in: whether it says only what its holder knows or understands
 * ("explain why iteration is important"), or what its holder does. Published scales agree that the
 * lowest levels are the levels of knowledge (DDaT's awareness level "knows about" a skill, EQF level 1
 * asks for "basic general knowledge", Bloom's lowest tiers are remember and understand) and that
 * doing comes one level later (DDaT working, EQF 2's "skills required to carry out tasks").
 *
 * A level whose statements all say only what is understood has told us its register; a statement
 * among them that says what is done, with a verb above assisting, or that adds what its holder can
 * do ("understand X and can produce Y"), reads a level above the rest. The lexicon alone cannot see
 * this: a verb such as "communicate" weighs little on the absolute scale, and is junior in a level of
 * doing, but not in a level of knowing.
 */
import type { ScopeEvidence } from './types';
import type { Token } from './tokens';

/** The verb readings that say what is known or understood (the lexicon's phrases of understanding). */
export const UNDERSTANDING_READINGS: ReadonlySet<string> = new Set(['knows', 'understands']);

/**
 * The lowest tier of doing that reads above a level of knowing: "conduct, communicate, deliver"
 * (the lexicon's 0.45) and up. Assisting, following and the plain doing verbs ("carry out",
 * "produce") sit at a level of knowing too, in the scales and in practice.
 */
const DOING_POSITION = 0.45;
/** Verbs the research calls ambiguous ("identify", "manage", "develop") weigh 0.4 and say too little. */
const DOING_WEIGHT = 0.6;
/** At most this many words between a verb and the phrase of understanding it governs ("show a clear understanding"). */
const GOVERNED_GAP = 2;

export interface StatementRegister {
  /** True when the statement says only what is known or understood. */
  knowing: boolean;
  /**
   * When the statement says what is done above assisting, or adds what its holder can do after a
   * phrase of understanding: the words that say so (offsets within the statement's text), for messages.
   */
  doing?: { phrase: string; start: number; end: number };
  /** The phrase of understanding the statement opens with, when it opens with one. */
  understanding?: ScopeEvidence;
}

/**
 * The register of one statement, from its evidence (offsets within `text`) and its tokens. A leading
 * verb that governs a phrase of understanding right after it ("show an awareness of", "demonstrate
 * a strong understanding of") is part of that phrase, not a deed.
 */
export function statementRegister(text: string, evidence: readonly ScopeEvidence[], tokens: readonly Token[]): StatementRegister {
  const verbs = byStart(evidence.filter((e) => e.axis === 'verb'));
  const firstIndex = verbs.findIndex((e) => e.leading || UNDERSTANDING_READINGS.has(e.reading));
  if (firstIndex < 0) return { knowing: false };
  const first = verbs[firstIndex];
  let understanding: ScopeEvidence | undefined;
  if (UNDERSTANDING_READINGS.has(first.reading)) understanding = first;
  else {
    const next = verbs[firstIndex + 1];
    if (next && UNDERSTANDING_READINGS.has(next.reading) && wordsBetween(tokens, first.end, next.start) <= GOVERNED_GAP) understanding = next;
  }
  if (!understanding) {
    if (first.position >= DOING_POSITION && first.weight >= DOING_WEIGHT) return { knowing: false, doing: { phrase: first.phrase, start: first.start, end: first.end } };
    return { knowing: false };
  }
  // "understand and communicate service benefits": a verb that does, coordinated with the verb of
  // understanding itself, is done as well as understood.
  const coordinated = verbs.find(
    (e) => e.leading && e.start >= understanding.end && !UNDERSTANDING_READINGS.has(e.reading) && conjoined(tokens, understanding.end, e.start),
  );
  if (coordinated && coordinated.position >= DOING_POSITION && coordinated.weight >= DOING_WEIGHT) {
    return { knowing: false, understanding, doing: { phrase: text.slice(understanding.start, coordinated.end), start: understanding.start, end: coordinated.end } };
  }
  // "understand the concepts of data modelling and can produce data models": an ability clause
  // after the phrase of understanding says what is done as well.
  const ability = abilityClause(tokens, understanding.end);
  if (ability) return { knowing: false, understanding, doing: { phrase: text.slice(ability.start, ability.end), start: ability.start, end: ability.end } };
  return { knowing: true, understanding };
}

/** True when only "and" stands between `from` and `to` ("understand and communicate"). */
function conjoined(tokens: readonly Token[], from: number, to: number): boolean {
  const between = tokens.filter((t) => t.start >= from && t.end <= to);
  return between.length === 1 && between[0].norm === 'and';
}

function wordsBetween(tokens: readonly Token[], from: number, to: number): number {
  let n = 0;
  for (const t of tokens) if (t.start >= from && t.end <= to) n++;
  return n;
}

/**
 * "... and can <verb>", ", can <verb>", "... and be able to <verb>" after `from`: the span from
 * "can" (or "able") to the verb that follows, when a conjunction or a comma joins it to what is
 * understood.
 */
function abilityClause(tokens: readonly Token[], from: number): { start: number; end: number } | undefined {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.start < from) continue;
    const joined = (k: number) => k > 0 && (tokens[k - 1].norm === 'and' || tokens[k].afterPunctuation);
    if (t.norm === 'can' && joined(i) && i + 1 < tokens.length) return { start: t.start, end: tokens[i + 1].end };
    if (t.norm === 'be' && tokens[i + 1]?.norm === 'able' && tokens[i + 2]?.norm === 'to' && joined(i) && i + 3 < tokens.length) {
      return { start: t.start, end: tokens[i + 3].end };
    }
  }
  return undefined;
}

/** A lowest-level statement that says what is done where every other statement of its level says only what is understood. */
export interface RegisterBreak {
  /** The words that say what is done (offsets within the statement's text). */
  doing: { phrase: string; start: number; end: number };
  /** The other statements of the level (indexes), all of which say only what is understood. */
  others: number[];
  /** Their phrases of understanding ("explain", "an awareness"), each once, in lower case. */
  understood: string[];
}

/**
 * How many other statements must say only what is understood before their level's register is taken
 * as known. One is enough when it is all the level holds besides: in the tuning part's unplanted
 * files no lowest level sets a statement that does above assisting beside statements that only
 * understand, whether one or more, while DDaT's awareness levels often hold two statements.
 */
const MIN_OTHERS = 1;

/**
 * The register breaks of a document, indexed as `items`; skipped items (placeholders) take no part.
 * Only the lowest level that has statements is read: the scales make it the level of knowledge, while
 * higher levels mix knowing with doing, so that there a statement of understanding says nothing about
 * the level's register (in the dev corpus, "explain the data maturity models" and "measure data
 * maturity" sit side by side at the working level).
 */
export function findRegisterBreaks(items: readonly { rank: number; skip: boolean; register: StatementRegister }[], levels: number): (RegisterBreak | undefined)[] {
  const out: (RegisterBreak | undefined)[] = items.map(() => undefined);
  let lowest = Infinity;
  for (const x of items) if (!x.skip) lowest = Math.min(lowest, x.rank);
  if (!(lowest < levels - 1)) return out;
  const own: number[] = [];
  items.forEach((x, i) => {
    if (x.rank === lowest && !x.skip) own.push(i);
  });
  const knowing = own.filter((i) => items[i].register.knowing);
  // Only a statement alone in its register, beside statements that all share one, is reported.
  if (knowing.length < MIN_OTHERS || knowing.length !== own.length - 1) return out;
  const odd = own.find((i) => !items[i].register.knowing);
  const doing = odd === undefined ? undefined : items[odd].register.doing;
  if (odd === undefined || !doing) return out;
  const understood = [...new Set(knowing.map((i) => items[i].register.understanding?.phrase.toLowerCase()).filter((p): p is string => p !== undefined))];
  out[odd] = { doing, others: knowing, understood };
  return out;
}

/**
 * The phrases in text order. The lexicon finds them in that order already, and sorting a list that
 * is sorted still cost an allocation per statement (the array's sort copies its input first).
 */
function byStart(list: ScopeEvidence[]): ScopeEvidence[] {
  for (let i = 1; i < list.length; i++) if (list[i].start < list[i - 1].start) return list.sort((a, b) => a.start - b.start);
  return list;
}
