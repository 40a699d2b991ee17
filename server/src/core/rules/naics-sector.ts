/**
 * Reports an occupation sector that is not a NAICS 2022 sector code. NAICS writes three sectors
 * as ranges ("31-33" Manufacturing, "44-45" Retail Trade, "48-49" Transportation and Warehousing);
 * the range and each two-digit code inside it are accepted, because both forms are in common use
 * (the Census Bureau lists the range, while industry codes such as 311 begin with one of its codes).
 */
import type { NaicsSector, ReferenceData } from '../data/reference';
import type { Rule } from './types';
import { replaceValueFix, stringValue } from './util';

/** Every accepted spelling of a sector code, mapped to its sector. */
export function sectorCodes(reference: ReferenceData): Map<string, NaicsSector> {
  const codes = new Map<string, NaicsSector>();
  for (const sector of reference.sectors) {
    codes.set(sector.code, sector);
    const range = /^(\d{2})-(\d{2})$/.exec(sector.code);
    if (range) for (let n = Number(range[1]); n <= Number(range[2]); n++) codes.set(String(n), sector);
  }
  return codes;
}

export const naicsSector: Rule = {
  id: 'naics-sector',
  category: 'metadata',
  defaultSeverity: 'error',
  description: 'The occupation sector must be a NAICS 2022 sector code.',
  fixable: 'review',
  cheap: true,
  afterStatementEdit: 'moves',
  check(ctx) {
    const field = ctx.model.occupation?.sector;
    const sector = stringValue(field);
    if (!field || sector === undefined) return;
    const codes = ctx.shared.get('naics-sector/codes', () => sectorCodes(ctx.reference));
    if (codes.has(sector)) return;
    // A longer NAICS code (subsector, industry group, industry) begins with its sector's digits; a
    // range NAICS does not write ("31-32") begins with a code inside one it does.
    const head = /^\s*(\d{2})/.exec(sector)?.[1];
    const parent = head === undefined ? undefined : codes.get(head);
    const range = /^\s*\d{2}\s*-/.test(sector);
    const hint = !parent
      ? ` NAICS 2022 sectors are ${ctx.reference.sectors.map((s) => s.code).join(', ')}.`
      : range
        ? ` NAICS writes only three sectors as ranges (${ranges(ctx.reference)}); "${head}" is in ${parent.code} (${parent.title}), so use "${parent.code}".`
        : ` It looks like a more detailed NAICS code in sector ${parent.code} (${parent.title}); use the sector code "${parent.code}".`;
    ctx.report({
      message: `\`sector\` "${sector}" is not a NAICS 2022 sector code.${hint}`,
      pointer: field.pointer,
      range: field.range,
      fix: parent ? replaceValueFix(`Use sector "${parent.code}" (${parent.title})`, field, parent.code, false) : undefined,
    });
  },
};

function ranges(reference: ReferenceData): string {
  return reference.sectors.filter((s) => s.code.includes('-')).map((s) => s.code).join(', ');
}
