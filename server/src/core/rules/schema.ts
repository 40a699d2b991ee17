/**
 * Reports where the document breaks the export format's JSON Schema
 * (schemas/competency-framework.schema.json): missing or unknown properties, wrong types, a SOC code
 * or date of the wrong form, a job zone outside 1-5, fewer than two levels, empty statements.
 */
import { checkSchema } from '../schema/check';
import type { Rule } from './types';

export const schema: Rule = {
  id: 'schema',
  category: 'schema',
  defaultSeverity: 'error',
  description:
    'The document must follow the export format: required properties present, no unknown ones, values of the right type and form (SOC code, date-time, job zone 1-5), at least two levels, each with a label and non-empty statements.',
  cheap: true,
  check(ctx) {
    // Memoised so that hovers and code actions asking for the same document reuse the result.
    const problems = ctx.shared.get('schema', () => checkSchema(ctx.doc));
    for (const p of problems) ctx.report({ message: p.message, pointer: p.pointer, range: p.range });
  },
};
