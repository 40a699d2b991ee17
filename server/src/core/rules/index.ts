/**
 * The rule registry, in the order rules run. Every rule here has a page docs/rules/<id>.md (a test
 * checks both ways), and the README's rules table is generated from this list.
 */
import type { Rule, RuleMeta } from './types';
import { CHEAP_CHECKS, LARGE_FILE_NOTICE } from '../limits';
import { jsonSyntax } from './json-syntax';
import { duplicateKey } from './duplicate-key';
import { replacementCharacter } from './replacement-character';
import { schema } from './schema';
import { socUnknown } from './soc-unknown';
import { occupationTitle } from './occupation-title';
import { occupationGroup } from './occupation-group';
import { jobZone } from './job-zone';
import { jobZoneInferred } from './job-zone-inferred';
import { naicsSector } from './naics-sector';
import { contextCovered } from './context-covered';
import { frameworkVersion } from './framework-version';
import { levelOrder } from './level-order';
import { levelLabel } from './level-label';
import { levelBalance } from './level-balance';
import { statementTopic } from './statement-topic';
import { statementPeriod } from './statement-period';
import { statementDash } from './statement-dash';
import { statementSpacing } from './statement-spacing';
import { statementListMarker } from './statement-list-marker';
import { duplicateExact } from './duplicate-exact';
import { duplicateNear } from './duplicate-near';
import { scopeMisplaced } from './scope-misplaced';
import { scopeOutlier } from './scope-outlier';
import { levelProgression } from './level-progression';
import { threadRegression } from './thread-regression';
import { topicGap } from './topic-gap';

export const RULES: readonly Rule[] = [
  jsonSyntax,
  duplicateKey,
  replacementCharacter,
  schema,
  socUnknown,
  occupationTitle,
  occupationGroup,
  jobZone,
  jobZoneInferred,
  naicsSector,
  contextCovered,
  frameworkVersion,
  levelOrder,
  levelLabel,
  levelBalance,
  statementTopic,
  statementPeriod,
  statementDash,
  statementSpacing,
  statementListMarker,
  duplicateExact,
  duplicateNear,
  scopeMisplaced,
  scopeOutlier,
  levelProgression,
  threadRegression,
  topicGap,
];

/** Every rule's id, for messages that suggest the id a user most likely meant. */
export const RULE_IDS: readonly string[] = RULES.map((r) => r.id);

export function findRule(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}

/** Where a rule's page is published; the diagnostics link here. */
export const RULE_DOCS_BASE = 'https://github.com/competency-lint/competency-lint/blob/main/docs/rules/';

export function ruleDocsUrl(id: string): string {
  return `${RULE_DOCS_BASE}${id}.md`;
}

/** The notice on a document above maxFileSize (service.ts): not a rule, so it has no rule page. */
export { LARGE_FILE_NOTICE };

/**
 * The large-file notice as a config's `rules` (and the editor's `competencyLint.rules`, and
 * `--rule`) may name it: a severity, `"off"` to silence it, and no options. A user who sees a
 * finding's id in the Problems panel turns it off where every other id is turned off.
 */
export const LARGE_FILE_SETTING: RuleMeta = {
  id: LARGE_FILE_NOTICE,
  category: 'syntax',
  defaultSeverity: 'info',
  description: `Says that a document above maxFileSize got only the cheap checks (${CHEAP_CHECKS}).`,
};

/** What a rule setting may name: every rule, then the large-file notice. */
export const SETTINGS: readonly RuleMeta[] = [...RULES, LARGE_FILE_SETTING];

/** Every id a rule setting may name, for the messages that suggest the id a user most likely meant. */
export const SETTING_IDS: readonly string[] = SETTINGS.map((r) => r.id);

/** The rule, or the notice, that a rule setting names. */
export function findSetting(id: string): RuleMeta | undefined {
  return SETTINGS.find((r) => r.id === id);
}

/** Where the README explains maxFileSize, which is what the large-file notice asks the reader to change. */
export const LARGE_FILE_DOCS = 'https://github.com/competency-lint/competency-lint/blob/main/README.md#configuration';

/** The page that explains a finding: its rule's page, or for the large-file notice the config's section. */
export function findingDocsUrl(ruleId: string): string {
  return ruleId === LARGE_FILE_NOTICE ? LARGE_FILE_DOCS : ruleDocsUrl(ruleId);
}
