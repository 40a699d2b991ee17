/**
 * The configuration as written in `.competency-lint.json` and as the core receives it. Discovery
 * and glob matching belong to `node/`; the core sees only the resolved form for one file.
 */
import type { SeverityName } from '../types';

export type RuleSetting = SeverityName | [SeverityName] | [SeverityName, Record<string, unknown>];

export interface Suppression {
  /** A glob relative to the config file's folder; omitted means every file. */
  file?: string;
  /** An RFC 6901 pointer; the suppression covers the node and everything under it. */
  pointer?: string;
  /** A rule id; omitted means every rule. */
  rule?: string;
  /**
   * A statement's text: the suppression covers the findings about a statement with this text
   * (compared as duplicate-exact compares statements), wherever it stands, so it follows the
   * statement when others are inserted or moved, and stops applying when its words are changed
   * (the finding then gets a fresh look).
   */
  statement?: string;
}

/** Extra phrases for the scope lexicon, as data (see docs/lexicon.md). */
export interface LexiconExtension {
  /**
   * `level` is the position on the 0..1 scale of scope (docs/scope-model.md); `weight` (default 2)
   * and `reading` (the short name messages use) are optional.
   */
  phrases?: { phrase: string; axis: string; level: number; weight?: number; reading?: string }[];
}

export interface ConfigFile {
  $schema?: string;
  root?: boolean;
  rules?: Record<string, RuleSetting>;
  /** Custom level vocabularies, each ordered from least to most proficient. */
  levelOrder?: string[] | string[][];
  files?: string[];
  ignore?: string[];
  suppressions?: Suppression[];
  lexicon?: LexiconExtension;
  /** Documents larger than this many bytes get the cheaper analysis. */
  maxFileSize?: number;
}

export interface ResolvedRuleSetting {
  severity: SeverityName;
  options: Record<string, unknown>;
}

export interface ResolvedConfig {
  /** Only the rules the user configured; the others run with their defaults. */
  rules: Record<string, ResolvedRuleSetting>;
  levelOrders: string[][];
  /** The suppressions that apply to the file being analysed (file globs already matched). */
  suppressions: { pointer?: string; rule?: string; statement?: string }[];
  lexicon: LexiconExtension;
  maxFileSize?: number;
}

export const EMPTY_CONFIG: ResolvedConfig = { rules: {}, levelOrders: [], suppressions: [], lexicon: {} };

export function normaliseRuleSetting(setting: RuleSetting): ResolvedRuleSetting {
  if (Array.isArray(setting)) return { severity: setting[0], options: setting[1] ?? {} };
  return { severity: setting, options: {} };
}

/**
 * A setting laid over the one set earlier (a farther config, or the configs under a `--rule` or
 * an editor setting), as ESLint's flat config does it: a severity alone (`"error"` or `["error"]`)
 * changes the severity and keeps the options set earlier, so that turning a tuned rule up or down
 * does not silently reset its tuning; `[severity, options]` replaces the earlier options whole.
 */
export function mergeRuleSetting(earlier: ResolvedRuleSetting | undefined, setting: RuleSetting): ResolvedRuleSetting {
  const next = normaliseRuleSetting(setting);
  const severityOnly = !Array.isArray(setting) || setting.length < 2;
  return severityOnly && earlier ? { severity: next.severity, options: earlier.options } : next;
}

export function normaliseLevelOrder(order: ConfigFile['levelOrder']): string[][] {
  if (!order || order.length === 0) return [];
  return Array.isArray(order[0]) ? (order as string[][]) : [order as string[]];
}
