/**
 * The house style of a document: how most of its statements are written. The statement-format rules
 * judge each statement against its own document rather than against one fixed style, because real
 * frameworks differ (the example puts a "Topic — " before every statement and ends each with a
 * period; the DDaT framework has neither). A rule only speaks when the style is clear, so a
 * framework that never uses a topic or a final period gets nothing from those rules.
 *
 * The counts are computed once per document (`houseStyle(ctx)`); the thresholds are rule options,
 * so deciding whether a count makes a style is left to `prevailing`.
 */
import type { FrameworkModel, Statement } from '../model/types';
import type { SharedAnalysis } from './shared';

/** How a statement ends: with a period, with no closing mark, or with another sentence mark. */
export type Ending = 'period' | 'none' | 'other';

export interface HouseStyle {
  /** Statements counted (non-blank ones). */
  total: number;
  /** Statements with a "Topic — " prefix (any of the separators the model recognises). */
  withTopic: number;
  /** Statements ending with a period. */
  endingPeriod: number;
  /** Statements ending without a closing mark (a letter, a digit, a bracket...). */
  endingNone: number;
  /** Statements whose body (the text after the topic) starts with a lower-case letter. */
  lowerStart: number;
  /** Statements whose body starts with an upper-case letter. */
  upperStart: number;
}

export function houseStyle(ctx: { shared: SharedAnalysis; model: FrameworkModel }): HouseStyle {
  return ctx.shared.get('house-style', () => computeHouseStyle(ctx.model.statements));
}

export function computeHouseStyle(statements: readonly Statement[]): HouseStyle {
  const style: HouseStyle = { total: 0, withTopic: 0, endingPeriod: 0, endingNone: 0, lowerStart: 0, upperStart: 0 };
  for (const s of statements) {
    if (s.text.trim() === '') continue;
    style.total++;
    if (s.topic !== undefined) style.withTopic++;
    const end = ending(s.text);
    if (end === 'period') style.endingPeriod++;
    else if (end === 'none') style.endingNone++;
    const c = startCase(s.body);
    if (c === 'lower') style.lowerStart++;
    else if (c === 'upper') style.upperStart++;
  }
  return style;
}

/**
 * The ending of a statement, ignoring trailing spaces (the spacing rule reports those). An ellipsis
 * is not a final period, and neither are "?" and "!", which end a sentence in their own right, nor
 * a list mark (":" ";" ","), which no rule should second-guess.
 */
export function ending(text: string): Ending {
  const t = text.trimEnd();
  if (t === '') return 'none';
  if (t.endsWith('...') || t.endsWith('\u2026')) return 'other';
  const last = t[t.length - 1];
  if (last === '.') return 'period';
  if (/[?!:;,]/.test(last)) return 'other';
  // A sentence mark inside closing quotes or brackets ('... "as required."') ends the statement too;
  // neither adding a period after it nor removing it would be right.
  if (/[.?!][)\]"'\u2019\u201d]+$/.test(t)) return 'other';
  return 'none';
}

export function startCase(text: string): 'lower' | 'upper' | 'other' {
  const first = text.trimStart()[0] ?? '';
  if (first.toLowerCase() !== first.toUpperCase()) return first === first.toLowerCase() ? 'lower' : 'upper';
  return 'other';
}

/**
 * Whether `count` of `total` statements make a house style: at least `minShare` of them and at
 * least `minCount` in number. A handful of statements is too few to call anything a style.
 */
export function prevailing(count: number, total: number, minShare: number, minCount: number): boolean {
  return total > 0 && count >= minCount && count / total >= minShare;
}

/** "39 of the 40 statements", for messages that say what the style was measured on. */
export function share(count: number, total: number): string {
  return `${count} of the ${total} statement${total === 1 ? '' : 's'}`;
}

/**
 * True when most statements have no topic: then a " - " inside one of the few others is more likely
 * a dash in a sentence than a topic separator written with the wrong character.
 */
export function writtenWithoutTopics(style: HouseStyle): boolean {
  return style.total >= 3 && style.withTopic * 2 < style.total;
}
