/**
 * `--print-config FILE`: the configuration that applies to a file, as JSON, so that "why does this
 * rule fire here?" and "why was this file skipped?" have an answer without reading several config
 * files. Every setting is shown as it takes effect: each rule (and the large-file notice) with its severity and, for a rule
 * that has options, every option (the configured value, or the rule's default), the level orders,
 * the size limit, and the `files` and `ignore` globs of each config with whether they match FILE.
 * Keys are named as in `.competency-lint.json`.
 */
import { resolve } from 'node:path';
import { SETTINGS } from '../core/rules/index';
import { maxFileSize } from '../core/limits';
import type { RuleSetting } from '../core/config/types';
import { matchesGlob } from '../node/config';
import type { ConfigSource } from './configs';

/** A glob of one config, which is relative to that config's folder. */
interface PrintedGlob {
  glob: string;
  config: string;
  /** Whether the glob matches the printed file. */
  matches: boolean;
}

export function printConfig(file: string, cwd: string, configs: ConfigSource): string {
  const abs = resolve(cwd, file);
  const { config, files } = configs.resolve(abs);
  const rules: Record<string, RuleSetting> = {};
  // Every rule, then the large-file notice, which `rules` may name too.
  for (const rule of SETTINGS) {
    const set = config.rules[rule.id];
    const severity = set?.severity ?? rule.defaultSeverity;
    const defaults = Object.fromEntries((rule.options ?? []).map((o) => [o.name, o.default]));
    const options = { ...defaults, ...set?.options };
    rules[rule.id] = Object.keys(options).length > 0 ? [severity, options] : severity;
  }
  const globs = (key: 'files' | 'ignore'): PrintedGlob[] =>
    configs.configsFor(abs).flatMap((c) => (c.config[key] ?? []).map((glob) => ({ glob, config: c.file, matches: matchesGlob(abs, c.dir, glob) })));
  const orders = config.levelOrders;
  const out = {
    file: abs,
    configFiles: files,
    rules,
    // One order is written as one list, as a config would write it.
    levelOrder: orders.length === 1 ? orders[0] : orders,
    files: globs('files'),
    ignore: globs('ignore'),
    maxFileSize: maxFileSize(config),
    suppressions: config.suppressions,
    lexicon: config.lexicon,
  };
  return JSON.stringify(out, null, 2) + '\n';
}
