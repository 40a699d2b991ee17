/**
 * `--print-config FILE`: the configuration that applies to a file, as JSON, with every rule's
 * effective setting (the configured one, or the rule's default), so that "why does this rule
 * fire here?" has an answer without reading several config files.
 */
import { resolve } from 'node:path';
import { RULES } from '../core/rules/index';
import type { RuleSetting } from '../core/config/types';
import type { ConfigSource } from './configs';

export function printConfig(file: string, cwd: string, configs: ConfigSource): string {
  const abs = resolve(cwd, file);
  const { config, files } = configs.resolve(abs);
  const rules: Record<string, RuleSetting> = {};
  for (const rule of RULES) {
    const set = config.rules[rule.id];
    const severity = set?.severity ?? rule.defaultSeverity;
    rules[rule.id] = set && Object.keys(set.options).length > 0 ? [severity, set.options] : severity;
  }
  const out = {
    file: abs,
    configFiles: files,
    rules,
    levelOrders: config.levelOrders,
    suppressions: config.suppressions,
    lexicon: config.lexicon,
    ...(config.maxFileSize !== undefined ? { maxFileSize: config.maxFileSize } : {}),
  };
  return JSON.stringify(out, null, 2) + '\n';
}
