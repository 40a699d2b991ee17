/**
 * Which files of the shipped docs/rules/ folder are rule pages. The folder also holds its index,
 * README.md, which is not a rule: offered in the Open Rule Documentation pick it read as a rule
 * called "README". Rule ids are lower-case words joined by hyphens (the registry's ids, and what
 * the problem matcher reads as a code).
 */
const RULE_PAGE = /^([a-z][a-z0-9-]*)\.md$/;

/** The rule ids of these file names, sorted, leaving out anything that is not a rule page. */
export function ruleIdsOfPages(names: readonly string[]): string[] {
  return names.flatMap((name) => RULE_PAGE.exec(name)?.[1] ?? []).sort();
}
