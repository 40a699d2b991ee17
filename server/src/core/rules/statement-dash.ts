/**
 * Reports a topic separator that is not a spaced em dash: a hyphen, an en dash or "--" between the
 * topic and the statement, or an em dash without a space on each side. Exports and tools that split
 * "Topic — body" look for exactly " — "; the look-alikes are what other generators and keyboards
 * produce.
 */
import type { Rule } from './types';
import { houseStyle, writtenWithoutTopics } from '../analysis/houseStyle';
import { statementSubrange } from '../model/build';
import { replaceStatementFix } from '../fixes/replaceStatement';

const EM_DASH = '\u2014';

const NAMES: Record<string, string> = {
  '-': 'a hyphen ("-")',
  '\u2013': 'an en dash ("\u2013")',
  '--': 'a double hyphen ("--")',
};

export const statementDash: Rule = {
  id: 'statement-dash',
  category: 'format',
  defaultSeverity: 'warning',
  onStatements: true,
  description: 'The separator between a statement\'s topic and its body must be an em dash with a space on each side (" — "), not a hyphen, an en dash or "--".',
  fixable: 'safe',
  check(ctx) {
    if (writtenWithoutTopics(houseStyle(ctx))) return;
    for (const s of ctx.model.statements) {
      if (s.separator === undefined || s.separatorSpan === undefined || s.topic === undefined) continue;
      const span = s.separatorSpan;
      const at = span.start + s.text.slice(span.start, span.end).indexOf(s.separator);
      const after = at + s.separator.length;
      let message: string;
      if (s.separator !== EM_DASH) {
        message = `The topic "${s.topic}" is separated by ${NAMES[s.separator] ?? `"${s.separator}"`}; use an em dash with a space on each side (" — ").`;
      } else if (!/\s/.test(s.text[at - 1] ?? '') || !/\s/.test(s.text[after] ?? '')) {
        // Any white space counts as the space here: a tab or a non-breaking space next to the dash
        // is statement-spacing's finding, and reporting it twice would only add noise.
        const before = /\s/.test(s.text[at - 1] ?? '');
        const afterSpace = /\s/.test(s.text[after] ?? '');
        const missing = !before && !afterSpace ? 'a space on each side' : !before ? 'a space before it' : 'a space after it';
        message = `The em dash after the topic "${s.topic}" needs ${missing} (" — ").`;
      } else {
        continue;
      }
      const fixed = s.text.slice(0, span.start) + ' ' + EM_DASH + ' ' + s.text.slice(span.end);
      ctx.report({
        message,
        pointer: s.pointer,
        range: statementSubrange(s, at, after),
        fix: replaceStatementFix(s, fixed, 'Use " — " between the topic and the statement'),
      });
    }
  },
};
