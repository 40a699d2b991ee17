/**
 * The editor settings the server reads (`competencyLint.*`), with defaults and validation: a
 * setting of the wrong type falls back to its default instead of breaking the server.
 */
import type { RuleSetting } from '../core/config/types';
import { globProblem } from '../core/config/globs';

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

const SEVERITIES = new Set(['error', 'warning', 'info', 'off']);

export function normaliseSettings(raw: unknown): Settings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const rules: Record<string, RuleSetting> = {};
  if (r.rules && typeof r.rules === 'object' && !Array.isArray(r.rules)) {
    for (const [id, v] of Object.entries(r.rules as Record<string, unknown>)) {
      if (typeof v === 'string' && SEVERITIES.has(v)) rules[id] = v as RuleSetting;
      else if (Array.isArray(v) && typeof v[0] === 'string' && SEVERITIES.has(v[0])) rules[id] = v as RuleSetting;
    }
  }
  const debounce = typeof r.debounceMs === 'number' && Number.isFinite(r.debounceMs) ? Math.max(0, Math.min(5000, r.debounceMs)) : DEFAULT_DEBOUNCE_MS;
  // A glob over the wildcard limit (core/config/globs.ts) is dropped as a wrong type is: workspace settings may come from an untrusted folder.
  const files = Array.isArray(r.files) ? r.files.filter((g): g is string => typeof g === 'string' && g.length > 0 && globProblem(g) === undefined) : [];
  return { enable: r.enable !== false, rules, debounceMs: debounce, files };
}
