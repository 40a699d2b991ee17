/**
 * Where the CLI's configuration comes from: the upward lookup of .competency-lint.json (the
 * default, through node/config.ts like the language server), one file given with --config, or
 * none. A config is read once per run however many files it governs, and a config that names a
 * rule we do not have is as broken as one that does not parse: both stop the files under it with a
 * positioned ConfigError (node/config.ts checks rule ids when it reads a config).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { findNodeAtLocation, parseTree } from 'jsonc-parser';
import { LineIndex } from '../core/parse/lines';
import { findRule } from '../core/rules/index';
import type { ResolvedConfig } from '../core/config/types';
import {
  ConfigError,
  discoverConfigs,
  fileSelection,
  loadConfigFile,
  resolveConfigForFile,
  type LoadedConfig,
  type RuleOverrides,
} from '../node/config';
import type { FileSelection } from '../node/files';

export type ConfigMode = { kind: 'lookup' } | { kind: 'file'; path: string } | { kind: 'none' };

export class ConfigSource {
  private readonly cache = new Map<string, LoadedConfig | null>();
  private fixed: LoadedConfig[] | undefined;
  /** Every broken config met so far, by file, so that each is reported once. */
  readonly errors = new Map<string, ConfigError>();

  constructor(
    private readonly mode: ConfigMode,
    private readonly overrides: RuleOverrides,
  ) {}

  /** The config files that apply to a file, farthest first; throws ConfigError when one is broken. */
  configsFor(file: string): LoadedConfig[] {
    let configs: LoadedConfig[];
    try {
      if (this.mode.kind === 'none') configs = [];
      else if (this.mode.kind === 'file') configs = this.fixed ??= [loadConfigFile(this.mode.path)];
      else configs = discoverConfigs(file, this.cache);
    } catch (err) {
      if (err instanceof ConfigError) this.errors.set(err.file, err);
      throw err;
    }
    return configs;
  }

  resolve(file: string): { config: ResolvedConfig; files: string[] } {
    const configs = this.configsFor(file);
    return { config: resolveConfigForFile(file, configs, this.overrides), files: configs.map((c) => c.file) };
  }

  /** For the folder walk: what the configs say about a file; a broken config selects nothing (it is reported when the file is linted). */
  readonly selection: FileSelection = (absFile) => {
    try {
      return fileSelection(absFile, this.configsFor(absFile));
    } catch (err) {
      if (err instanceof ConfigError) return { ignored: false, selected: false };
      throw err;
    }
  };

}


export function configModeFrom(options: { configFile?: string; configLookup: boolean }, cwd: string): ConfigMode {
  if (options.configFile !== undefined) return { kind: 'file', path: resolve(cwd, options.configFile) };
  return options.configLookup ? { kind: 'lookup' } : { kind: 'none' };
}
