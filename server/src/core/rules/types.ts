/** What a rule is and what it may see. Rules are data plus a pure check: no I/O, no globals. */
import type { ParsedDocument } from '../parse/parse';
import type { FrameworkModel, Statement } from '../model/types';
import type { Category, Fix, Range, RelatedLocation, Severity } from '../types';
import type { ResolvedConfig } from '../config/types';
import type { ReferenceData } from '../data/reference';
import type { SharedAnalysis } from '../analysis/shared';

export interface RuleOption {
  name: string;
  type: 'number' | 'string' | 'boolean' | 'string[]';
  default: unknown;
  description: string;
  /**
   * The range a number option may take, both ends included: the config check refuses a value
   * outside it with its position, since a rule would otherwise clamp it or read it as nonsense
   * without a word.
   */
  min?: number;
  max?: number;
}

export interface RuleMeta {
  id: string;
  category: Category;
  defaultSeverity: Severity;
  /** One sentence saying what the rule finds, used in the rules table, SARIF and hovers. */
  description: string;
  options?: RuleOption[];
  /** True for the rules that still run on very large documents (the cheap analysis). */
  cheap?: boolean;
  /**
   * How the rule's findings follow an edit inside one statement's text, for the editor's incremental
   * path (core/incremental.ts), which takes the cheap rules only: 'moves' when they do not depend on
   * any statement's text and only move with the text; a function when some of them change (see
   * StatementEditCheck). A cheap rule without it makes every edit a full analysis.
   */
  afterStatementEdit?: 'moves' | StatementEditCheck;
  /** Whether findings carry fixes: 'safe' ones apply with `--fix`, 'review' ones are quick fixes only. */
  fixable?: 'safe' | 'review';
  /**
   * True when some of the rule's findings are about one statement (the finding's pointer is the
   * statement's): only those can be hidden by a suppression that names a statement by its text, so
   * the config check refuses such an entry for any other rule, which it would never match.
   */
  onStatements?: boolean;
}

export interface Report {
  message: string;
  pointer: string;
  range: Range;
  related?: RelatedLocation[];
  fix?: Fix;
  /** Overrides the configured severity for this one finding (e.g. a milder variant of the rule). */
  severity?: Severity;
}

export interface RuleContext {
  readonly doc: ParsedDocument;
  readonly model: FrameworkModel;
  readonly config: ResolvedConfig;
  readonly reference: ReferenceData;
  readonly shared: SharedAnalysis;
  /** True when the document is above maxFileSize and only the cheap rules run (limits.ts). */
  readonly limited: boolean;
  /** This rule's options: the configured ones over the defaults. */
  readonly options: Record<string, unknown>;
  report(report: Report): void;
}

/** One statement's text changed; the document around it is the same, moved by the edit. */
export interface StatementEdit {
  /** The statement as it was (its old text and its old range). */
  before: Statement;
  /** The statement now, at the same ordinal, level and index. */
  after: Statement;
  /** The shared analyses of the previous version, which a rule may update instead of recomputing. */
  previousShared: SharedAnalysis;
}

/**
 * Reports, through `ctx.report`, the findings of the statements the edit affects and returns those
 * statements: the rule's previous findings whose pointer is one of theirs are replaced by what it
 * reports now, and the rest of its findings move with the text. Undefined when the edit needs the
 * whole document analysed again.
 */
export type StatementEditCheck = (ctx: RuleContext, edit: StatementEdit) => readonly Statement[] | undefined;

export interface Rule extends RuleMeta {
  check(ctx: RuleContext): void;
}

export function numberOption(ctx: RuleContext, name: string, fallback: number): number {
  return finiteOr(ctx.options[name], fallback);
}

/**
 * Another rule's number option as the config sets it, or `fallback` (that rule's default): for a
 * rule that must agree with another (scope-outlier leaves to scope-misplaced what it reports,
 * scope-misplaced asks what duplicate-near counts as a repeat).
 */
export function otherRuleNumber(ctx: RuleContext, ruleId: string, name: string, fallback: number): number {
  return finiteOr(ctx.config.rules[ruleId]?.options?.[name], fallback);
}

function finiteOr(v: unknown, fallback: number): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
}
