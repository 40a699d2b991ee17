/**
 * Reports where the document breaks the export format's JSON Schema
 * (schemas/competency-framework.schema.json): missing or unknown properties, wrong types, a SOC code
 * or date of the wrong form, a job zone outside 1-5, fewer than two levels, empty statements.
 */
import { checkSchema } from '../schema/check';
import { statementTextTest } from '../schema/lookup';
import type { Rule } from './types';
import { schemaFix } from './schemaFixes';

const SECTOR = '/occupation/sector';

export const schema: Rule = {
  id: 'schema',
  category: 'schema',
  defaultSeverity: 'error',
  onStatements: true,
  description:
    'The document must follow the export format: required properties present, no unknown ones, values of the right type and form (SOC code, date-time, job zone 1-5), at least two levels, each with a label and non-empty statements.',
  // A value of the wrong type written as the right one in the wrong quotes is safe to mend; a SOC
  // code's missing suffix is safe only when the title confirms it (schemaFixes.ts).
  fixable: 'safe',
  cheap: true,
  // A statement that stays valid (or stays invalid) leaves every schema finding as it was, moved
  // with the text; one that changes verdict needs the whole document validated again.
  afterStatementEdit(_ctx, { before, after }) {
    const test = statementTextTest(after.pointer);
    return test && test(before.text) === test(after.text) ? [] : undefined;
  },
  check(ctx) {
    // Memoised so that hovers and code actions asking for the same document reuse the result.
    const problems = ctx.shared.get('schema', () => checkSchema(ctx.doc));
    // naics-sector reports a sector of the wrong form itself, with the sector it most likely means
    // and a fix, so that one problem gets one finding; when it is off, the schema's message stands.
    const sectorOwned = ctx.config.rules['naics-sector']?.severity !== 'off';
    for (const p of problems) {
      if (sectorOwned && p.pointer === SECTOR && typeof ctx.model.occupation?.sector?.value === 'string') continue;
      ctx.report({ message: p.message, pointer: p.pointer, range: p.range, fix: schemaFix(ctx, p.pointer, p.range) });
    }
  },
};
