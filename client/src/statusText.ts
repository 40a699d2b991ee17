/**
 * The words of the status bar item, kept apart from the `vscode` API so that they are tested
 * without an editor. Counts are spelt as the CLI's stylish summary spells them ("1 error",
 * "2 warnings", "3 info"), which is also what the level matrix and the Problems filter say.
 */

export interface SeverityCounts {
  errors: number;
  warnings: number;
  infos: number;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The item's text over a linted document: the number of our findings in it. */
export function findingsText(c: SeverityCounts): string {
  return `$(checklist) ${plural(c.errors + c.warnings + c.infos, 'finding')}`;
}

/** The item's tooltip over a linted document: the findings by severity, and what a click does. */
export function findingsTooltip(c: SeverityCounts): string {
  return `Competency Lint: ${plural(c.errors, 'error')}, ${plural(c.warnings, 'warning')}, ${c.infos} info in this framework. Click to open Problems.`;
}
