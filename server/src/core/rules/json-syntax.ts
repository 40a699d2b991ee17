/** Reports what keeps a document from being strict JSON: syntax errors, comments, trailing commas. */
import type { Rule } from './types';

export const jsonSyntax: Rule = {
  id: 'json-syntax',
  category: 'syntax',
  defaultSeverity: 'error',
  description: 'The document must be strict JSON: no syntax errors, comments or trailing commas.',
  cheap: true,
  // An edit inside a statement's text changes no token, so the syntax problems only move.
  afterStatementEdit: 'moves',
  check(ctx) {
    for (const p of ctx.doc.problems) {
      ctx.report({ message: p.message, pointer: '', range: p.range });
    }
  },
};
