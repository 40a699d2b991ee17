/**
 * Shared test helpers: lint a text through the core façade and see findings as a user would, with
 * 1-based lines and columns (end exclusive), as the CLI's JSON output shows them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyse } from '../server/src/core/service';
import { EMPTY_CONFIG, normaliseRuleSetting, type ResolvedConfig, type RuleSetting } from '../server/src/core/config/types';
import type { Finding } from '../server/src/core/types';

export const ROOT = join(__dirname, '..');
export const EXAMPLE_PATH = join(ROOT, 'examples/25-4022.00.json');
export const EXAMPLE_TEXT = readFileSync(EXAMPLE_PATH, 'utf8');

export interface PlacedFinding extends Finding {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export function config(partial: Partial<ResolvedConfig> & { ruleSettings?: Record<string, RuleSetting> } = {}): ResolvedConfig {
  const rules = { ...(partial.rules ?? {}) };
  for (const [id, s] of Object.entries(partial.ruleSettings ?? {})) rules[id] = normaliseRuleSetting(s);
  return { ...EMPTY_CONFIG, ...partial, rules };
}

export function lintText(text: string, cfg: ResolvedConfig = EMPTY_CONFIG): PlacedFinding[] {
  const result = analyse(text, { config: cfg });
  return result.findings.map((f) => {
    const s = result.doc.lines.positionAt(f.range.start);
    const e = result.doc.lines.positionAt(f.range.end);
    return { ...f, line: s.line + 1, column: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1 };
  });
}

export function ruleFindings(text: string, ruleId: string, cfg?: ResolvedConfig): PlacedFinding[] {
  return lintText(text, cfg).filter((f) => f.ruleId === ruleId);
}

/** The example, pretty-printed (2 spaces), optionally changed first: fixtures start from real data. */
export function exampleWith(change?: (doc: any) => void): string {
  const doc = JSON.parse(EXAMPLE_TEXT);
  change?.(doc);
  return JSON.stringify(doc, null, 2) + '\n';
}

/** 1-based line and column of the first occurrence of `needle` in `text` (for exact-position asserts). */
export function positionOf(text: string, needle: string, nth = 0): { line: number; column: number } {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`not found: ${needle}`);
  }
  const before = text.slice(0, at).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}
