/**
 * Where the CLI's configuration comes from: the upward lookup of .competency-lint.json (the
 * default, through node/config.ts like the language server), one file given with --config, or
 * none. A config is read once per run however many files it governs, and a config that names a
 * rule we do not have is as broken as one that does not parse: both stop the files under it with a
 * positioned ConfigError (node/config.ts checks rule ids when it reads a config).
 */
import { dirname, resolve } from 'node:path';
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
  /**
   * The configs of each folder met so far (or the error that stops its files), and the resolved
   * config of each folder whose configs have no suppression limited to some files: every file of
   * a folder shares them, so a run over a catalogue looks upward and merges once per folder, not
   * once per file. Configs are read once per run, so what is cached cannot go stale during it.
   */
  private readonly byFolder = new Map<string, LoadedConfig[] | ConfigError>();
  private readonly resolvedByFolder = new Map<string, ResolvedConfig>();
  /** Every broken config met so far, by file, so that each is reported once. */
  readonly errors = new Map<string, ConfigError>();

  constructor(
    private readonly mode: ConfigMode,
    private readonly overrides: RuleOverrides,
  ) {}

  /** The config files that apply to a file, farthest first; throws ConfigError when one is broken. */
  configsFor(file: string): LoadedConfig[] {
    const folder = dirname(resolve(file));
    let configs = this.byFolder.get(folder);
    if (configs === undefined) {
      try {
        if (this.mode.kind === 'none') configs = [];
        else if (this.mode.kind === 'file') configs = this.fixed ??= [loadConfigFile(this.mode.path)];
        else configs = discoverConfigs(file, this.cache);
      } catch (err) {
        if (!(err instanceof ConfigError)) throw err;
        configs = err;
      }
      this.byFolder.set(folder, configs);
    }
    if (configs instanceof ConfigError) {
      this.errors.set(configs.file, configs);
      throw configs;
    }
    return configs;
  }

  resolve(file: string): { config: ResolvedConfig; files: string[] } {
    const configs = this.configsFor(file);
    const files = configs.map((c) => c.file);
    // A suppression with a `file` glob applies to some files of a folder and not others.
    if (configs.some((c) => c.config.suppressions?.some((s) => s.file !== undefined))) {
      return { config: resolveConfigForFile(file, configs, this.overrides), files };
    }
    const folder = dirname(resolve(file));
    let config = this.resolvedByFolder.get(folder);
    if (config === undefined) {
      config = resolveConfigForFile(file, configs, this.overrides);
      this.resolvedByFolder.set(folder, config);
    }
    return { config, files };
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
