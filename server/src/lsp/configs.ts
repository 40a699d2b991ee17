/**
 * The server's view of `.competency-lint.json` files: the same discovery and resolution as the CLI
 * (`node/config.ts`), with a cache that a watched-file change invalidates for one config only, so
 * that only the documents under it are analysed again.
 */
import { dirname, relative, resolve, sep, isAbsolute } from 'node:path';
import { findNodeAtLocation, parseTree } from 'jsonc-parser';
import { readFileSync } from 'node:fs';
import { ConfigError, discoverConfigs, fileSelection, matchesGlob, resolveConfigForFile, type LoadedConfig } from '../node/config';
import { EMPTY_CONFIG, normaliseRuleSetting, type ResolvedConfig } from '../core/config/types';
import { findRule } from '../core/rules/index';
import { LineIndex } from '../core/parse/lines';
import type { Settings } from './settings';

export interface DocumentConfig {
  config: ResolvedConfig;
  /** The config files that apply, farthest first. */
  files: string[];
  ignored: boolean;
  selected: boolean;
  error?: ConfigError;
}

export class ServerConfigs {
  private readonly cache = new Map<string, LoadedConfig | null>();

  /** Forgets one config file, so the next lookup reads it again. */
  invalidate(configFile: string): void {
    this.cache.delete(resolve(configFile));
  }

  clear(): void {
    this.cache.clear();
  }

  /** Whether a file lies under the folder of a config file (so that config may apply to it). */
  static governs(configFile: string, file: string): boolean {
    const rel = relative(dirname(resolve(configFile)), resolve(file));
    return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
  }

  forFile(path: string | undefined, settings: Settings, folders: string[]): DocumentConfig {
    if (!path) {
      return { config: withOverrides(EMPTY_CONFIG, settings), files: [], ignored: false, selected: false };
    }
    let configs: LoadedConfig[];
    try {
      configs = discoverConfigs(path, this.cache);
    } catch (err) {
      if (err instanceof ConfigError) return { config: EMPTY_CONFIG, files: [], ignored: false, selected: false, error: err };
      throw err;
    }
    const sel = fileSelection(resolve(path), configs);
    const bySetting = settings.files.some((g) => folders.some((f) => matchesGlob(resolve(path), f, g)));
    return {
      config: resolveConfigForFile(path, configs, settings.rules),
      files: configs.map((c) => c.file),
      ignored: sel.ignored,
      selected: sel.selected || bySetting,
    };
  }
}

function withOverrides(base: ResolvedConfig, settings: Settings): ResolvedConfig {
  const rules = { ...base.rules };
  for (const [id, s] of Object.entries(settings.rules)) rules[id] = normaliseRuleSetting(s);
  return { ...base, rules };
}


export function isUnder(folder: string, file: string): boolean {
  const rel = relative(folder, file);
  return !rel.startsWith('..') && !isAbsolute(rel) && !rel.startsWith(sep);
}
