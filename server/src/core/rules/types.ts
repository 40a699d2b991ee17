/** What a rule is and what it may see. Rules are data plus a pure check: no I/O, no globals. */
import type { ParsedDocument } from '../parse/parse';
import type { FrameworkModel } from '../model/types';
import type { Category, Fix, Range, RelatedLocation, Severity } from '../types';
import type { ResolvedConfig } from '../config/types';
import type { ReferenceData } from '../data/reference';
import type { SharedAnalysis } from '../analysis/shared';

export interface RuleOption {
  name: string;
  type: 'number' | 'string' | 'boolean' | 'string[]';
  default: unknown;
  description: string;
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
  /** Whether findings carry fixes: 'safe' ones apply with `--fix`, 'review' ones are quick fixes only. */
  fixable?: 'safe' | 'review';
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
  /** This rule's options: the configured ones over the defaults. */
  readonly options: Record<string, unknown>;
  report(report: Report): void;
}

export interface Rule extends RuleMeta {
  check(ctx: RuleContext): void;
}

export function numberOption(ctx: RuleContext, name: string, fallback: number): number {
  const v = ctx.options[name];
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
}
