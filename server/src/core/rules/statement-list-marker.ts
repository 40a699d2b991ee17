/**
 * Reports a statement that starts with a bullet or a list number ("• ", "- ", "1. ", "a) ", "E1) "),
 * copied with it from a document that listed the statements. The export's statements are a list
 * already: the marker shows up in every view and message that quotes the statement, and numbering
 * that differs from level to level ("E1)" beside "D3)") kept topics from matching until the split
 * learned to read past it (model/listMarker.ts says which forms count and why so few).
 */
import type { Rule } from './types';
import { statementSubrange } from '../model/build';
import { replaceStatementFix } from '../fixes/replaceStatement';

export const statementListMarker: Rule = {
  id: 'statement-list-marker',
  category: 'format',
  defaultSeverity: 'warning',
  onStatements: true,
  description: 'A statement starts with a bullet or a list number ("• ", "- ", "1. ", "a) ", "E1) ") copied from a document that listed it.',
  fixable: 'safe',
  check(ctx) {
    for (const s of ctx.model.statements) {
      const marker = s.marker;
      if (!marker) continue;
      const kind = /\d|\)$/.test(marker.marker) ? 'list number' : 'bullet';
      // White space before the marker stays: it is statement-spacing's finding and its fix's.
      const fixed = s.text.slice(0, marker.start) + s.text.slice(marker.contentStart);
      ctx.report({
        message: `This statement starts with the ${kind} "${marker.marker}"; remove it: the statements are a list already, and the ${kind} is no part of what the statement says.`,
        pointer: s.pointer,
        range: statementSubrange(s, marker.start, marker.end),
        fix: replaceStatementFix(s, fixed, `Remove the ${kind} "${marker.marker}"`),
      });
    }
  },
};
