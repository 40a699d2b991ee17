/**
 * Reports a framework version that is not "v.YY.MM" of the export date. The export format seems
 * to version a framework by the month it was generated (the example: "v.26.05", exported
 * 2026-05-15); that is inferred from one example, so the finding is only information.
 */
import type { Rule } from './types';
import { replaceValueFix, stringValue } from './util';

/**
 * The day of the export as the version counts it (UTC). "2026-05-31T23:30:00-05:00" was written on
 * the 31st where it was exported but is June 1st in UTC, which is what gives "v.26.06"; the date as
 * written would contradict the version the message names.
 */
function exportDay(exportedAt: string): string {
  const date = new Date(exportedAt);
  if (Number.isNaN(date.getTime())) return exportedAt.slice(0, 10);
  const local = exportedAt.slice(0, 10);
  const utc = date.toISOString().slice(0, 10);
  return utc === local ? local : `${utc} (UTC; ${local} where it was exported)`;
}

/** "v.YY.MM" of an ISO date-time, in UTC as `exportedAt` is written; undefined if it is no date. */
export function versionOf(exportedAt: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T/.test(exportedAt)) return undefined;
  const date = new Date(exportedAt);
  if (Number.isNaN(date.getTime())) return undefined;
  const yy = String(date.getUTCFullYear() % 100).padStart(2, '0');
  const mm = String(date.getUTCMonth() + 1).padStart(2, '0');
  return `v.${yy}.${mm}`;
}

export const frameworkVersion: Rule = {
  id: 'framework-version',
  category: 'metadata',
  defaultSeverity: 'info',
  description: 'The framework version is expected to be "v.YY.MM" of `exportedAt`.',
  fixable: 'review',
  cheap: true,
  afterStatementEdit: 'moves',
  check(ctx) {
    const field = ctx.model.fields.version;
    const version = stringValue(field);
    const exportedAt = stringValue(ctx.model.fields.exportedAt);
    if (!field || version === undefined || exportedAt === undefined) return;
    const expected = versionOf(exportedAt);
    if (expected === undefined || version === expected) return;
    const exported = ctx.model.fields.exportedAt!;
    ctx.report({
      message: `\`version\` is "${version}" but the framework was exported on ${exportDay(exportedAt)}, which gives "${expected}" (v.YY.MM of \`exportedAt\`).`,
      pointer: field.pointer,
      range: field.range,
      related: [{ pointer: exported.pointer, range: exported.range, message: 'The export date the version is derived from.' }],
      // A version is an identity other documents may cite, so changing it is left to the author.
      fix: replaceValueFix(`Set the version to "${expected}"`, field, expected, false),
    });
  },
};
