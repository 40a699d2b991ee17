/**
 * Reports stray white space inside a statement: doubled spaces, spaces at the start or end, a space
 * before a punctuation mark, and tabs, line breaks or non-breaking spaces where a plain space
 * belongs. These are invisible in most views, yet they make two identical statements compare as
 * different and show up as gaps when the framework is printed.
 */
import type { Rule } from './types';
import { statementSubrange } from '../model/build';
import { replaceStatementFix } from '../fixes/replaceStatement';
import { isWhiteSpaceCode } from '../model/whitespace';

// JavaScript's \s covers the tab, line breaks, the non-breaking space and the other Unicode spaces.
const WHITESPACE_RUN = /\s+/g;
/** A mark that takes no space before it, when it ends a word (so ".NET" or ",5" are left alone). */
const CLOSING_MARK = /^[,.;:!?](?:$|[\s)\]"'\u201d\u2019,.;:!?])/;

interface SpacingProblem {
  start: number;
  end: number;
  message: string;
}

export const statementSpacing: Rule = {
  id: 'statement-spacing',
  category: 'format',
  defaultSeverity: 'warning',
  onStatements: true,
  description: 'A statement has doubled, leading or trailing spaces, a space before punctuation, or a tab, line break or non-breaking space.',
  fixable: 'safe',
  check(ctx) {
    for (const s of ctx.model.statements) {
      const problems = spacingProblems(s.text);
      if (problems.length === 0) continue;
      // Every finding of a statement carries the same fix, which corrects all its spacing at once:
      // a fix replaces the whole literal, so per-problem fixes would overlap one another.
      const fixed = fixSpacing(s.text);
      const fix = fixed === '' ? undefined : replaceStatementFix(s, fixed, 'Fix the spacing in this statement');
      for (const p of problems) {
        ctx.report({ message: p.message, pointer: s.pointer, range: statementSubrange(s, p.start, p.end), ...(fix ? { fix } : {}) });
      }
    }
  },
};

export function spacingProblems(text: string): SpacingProblem[] {
  const problems: SpacingProblem[] = [];
  // A scan by character code rather than a global regular expression: nearly every run is one plain
  // space between two words, settled here without a match object or a message.
  for (let i = 0; i < text.length; i++) {
    if (!isSpace(text, i)) continue;
    const start = i;
    while (i + 1 < text.length && isSpace(text, i + 1)) i++;
    const end = i + 1;
    // One plain space between two words, nearly every run there is, is settled by character codes.
    if (end === start + 1 && text.charCodeAt(start) === 32 && start > 0 && end < text.length && !isClosingChar(text.charCodeAt(end))) continue;
    const run = text.slice(start, end);
    const what = describe(run);
    if (start === 0 && end === text.length) {
      problems.push({ start, end, message: `This statement holds nothing but ${what}; write the statement or remove it.` });
    } else if (start === 0) {
      problems.push({ start, end, message: `This statement starts with ${what}; remove it.` });
    } else if (end === text.length) {
      problems.push({ start, end, message: `This statement ends with ${what}; remove it.` });
    } else if (CLOSING_MARK.test(text.slice(end, end + 2))) {
      problems.push({ start, end, message: `This statement has ${what} before "${text[end]}"; remove it.` });
    } else if (run !== ' ') {
      problems.push({ start, end, message: `This statement has ${what} between words; use a single plain space.` });
    }
  }
  return problems;
}

/** Whether `text[i]` is white space as JavaScript's \s defines it (see model/whitespace.ts). */
function isSpace(text: string, i: number): boolean {
  return isWhiteSpaceCode(text.charCodeAt(i));
}

/** Whether a character code is a mark that takes no space before it: , . ; : ! ? */
function isClosingChar(c: number): boolean {
  return c === 44 || c === 46 || c === 59 || c === 58 || c === 33 || c === 63;
}

/** The text with every problem of `spacingProblems` corrected. */
export function fixSpacing(text: string): string {
  return (
    text
      .trim()
      .replace(WHITESPACE_RUN, ' ')
      // A mark repeated after spaces: "library. ." has a stray second mark (joining the two would
      // leave "library.."), and "so on . . ." is a spaced ellipsis, which becomes "...".
      .replace(/([,.;:!?])(?: \1)+(?=$|[\s)\]"'\u201d\u2019,.;:!?])/g, (run, mark: string) => (mark === '.' && run.length >= 5 ? '...' : mark))
      .replace(/ ([,.;:!?])(?=$|[\s)\]"'\u201d\u2019,.;:!?])/g, '$1')
  );
}

/** Names a run of white space as a reader would: "2 spaces", "a tab", "a non-breaking space". */
function describe(run: string): string {
  if (run === ' ') return 'a space';
  if (/^ +$/.test(run)) return `${run.length} spaces`;
  const kinds = new Set<string>();
  for (const c of run) {
    if (c === ' ') continue;
    if (c === '\t') kinds.add('a tab');
    else if (c === '\n' || c === '\r' || c === '\u2028' || c === '\u2029') kinds.add('a line break');
    else if (c === '\u00a0' || c === '\u202f') kinds.add('a non-breaking space');
    else kinds.add(`an unusual space (U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`);
  }
  return [...kinds].join(' and ');
}

