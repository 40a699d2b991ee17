/**
 * The editor settings the server reads (`competencyLint.*`), with defaults and validation: a
 * setting of the wrong type falls back to its default instead of breaking the server.
 */
import type { RuleSetting } from '../core/config/types';
import { globProblem } from '../core/config/globs';
import { ruleSettingProblem } from '../core/config/validate';
import { findSetting, SETTING_IDS } from '../core/rules/index';

export interface Settings {
  enable: boolean;
  /** Severity overrides, applied over `.competency-lint.json` as the CLI's `--rule` is. */
  rules: Record<string, RuleSetting>;
  debounceMs: number;
  /** Globs (relative to a workspace folder) of JSON files to lint even when they do not look like frameworks. */
  files: string[];
}

export const DEFAULT_DEBOUNCE_MS = 150;

export const DEFAULT_SETTINGS: Settings = { enable: true, rules: {}, debounceMs: DEFAULT_DEBOUNCE_MS, files: [] };

/**
 * `warn` is told of each `competencyLint.rules` entry that is left out: an unknown rule id, a
 * severity that is none, an option the rule does not have or of the wrong type, checked as the
 * config file's `rules` are (core/config/validate.ts). Only that entry is left out, so a typo in
 * one personal override neither stops the linting (as a broken config file does, which CI shares)
 * nor silently does nothing.
 */
export function normaliseSettings(raw: unknown, warn: (problem: string) => void = () => undefined): Settings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const rules: Record<string, RuleSetting> = {};
  if (r.rules && typeof r.rules === 'object' && !Array.isArray(r.rules)) {
    for (const [id, v] of Object.entries(r.rules as Record<string, unknown>)) {
      const problem = ruleSettingProblem(id, v, findSetting, SETTING_IDS);
      // A message may end in a question ("did you mean ...?"), which takes no full stop after it.
      if (problem) warn(`The setting competencyLint.rules: ${problem.message}${/[.?!]$/.test(problem.message) ? '' : '.'} That entry is ignored; the others apply.`);
      else rules[id] = v as RuleSetting;
    }
  }
  const debounce = typeof r.debounceMs === 'number' && Number.isFinite(r.debounceMs) ? Math.max(0, Math.min(5000, r.debounceMs)) : DEFAULT_DEBOUNCE_MS;
  // A glob over the wildcard limit (core/config/globs.ts) is dropped as a wrong type is: workspace settings may come from an untrusted folder.
  const files = Array.isArray(r.files) ? r.files.filter((g): g is string => typeof g === 'string' && g.length > 0 && globProblem(g) === undefined) : [];
  return { enable: r.enable !== false, rules, debounceMs: debounce, files };
}
