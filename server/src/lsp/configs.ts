/**
 * The server's view of `.competency-lint.json` files: the same discovery and resolution as the CLI
 * (`node/config.ts`), with a cache that a watched-file change invalidates for one config only, so
 * that only the documents under it are analysed again. The cache is also checked against the disk
 * before each lookup, since not every client watches files (Neovim without dynamic registration)
 * and no client watches a config above the workspace folder.
 */
import { dirname, relative, resolve } from 'node:path';
import { statSync } from 'node:fs';
import { ConfigError, discoverConfigs, fileSelection, isBelow, matchesGlob, resolveConfigForFile, type LoadedConfig } from '../node/config';
import { EMPTY_CONFIG, normaliseRuleSetting, type ResolvedConfig } from '../core/config/types';
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
  /** How each place a config could be looked on disk when it was last checked ('' for nothing there). */
  private readonly stamps = new Map<string, string>();

  /** Forgets one config file, so the next lookup reads it again. */
  invalidate(configFile: string): void {
    this.cache.delete(resolve(configFile));
  }

  clear(): void {
    this.cache.clear();
    this.stamps.clear();
  }

  /**
   * Whether a place a config could be was created, changed or removed since it was last looked at
   * (one stat, microseconds against an analysis); asked by the discovery walk for each place it
   * looks, so only the places that can apply are checked.
   */
  private readonly changed = (candidate: string): boolean => {
    const stamp = diskStamp(candidate);
    if (this.stamps.get(candidate) === stamp) return false;
    this.stamps.set(candidate, stamp);
    return true;
  };

  /** Whether a file lies under the folder of a config file (so that config may apply to it). */
  static governs(configFile: string, file: string): boolean {
    return isInside(dirname(resolve(configFile)), file);
  }

  /** The deepest of the workspace folders that holds a file, if any does. */
  static folderOf(file: string, folders: readonly string[]): string | undefined {
    return folders.filter((f) => isInside(resolve(f), file)).sort((a, b) => b.length - a.length)[0];
  }

  forFile(path: string | undefined, settings: Settings, folders: string[]): DocumentConfig {
    if (!path) {
      return { config: withOverrides(EMPTY_CONFIG, settings), files: [], ignored: false, selected: false };
    }
    let configs: LoadedConfig[];
    try {
      configs = discoverConfigs(path, this.cache, this.changed);
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

/** What a file on disk looks like, so that a rewrite (even to the same length) shows as a change. */
function diskStamp(file: string): string {
  try {
    const s = statSync(file);
    return `${s.ino}:${s.size}:${s.mtimeMs}:${s.ctimeMs}`;
  } catch {
    return '';
  }
}

function withOverrides(base: ResolvedConfig, settings: Settings): ResolvedConfig {
  const rules = { ...base.rules };
  for (const [id, s] of Object.entries(settings.rules)) rules[id] = normaliseRuleSetting(s);
  return { ...base, rules };
}

/** Whether `file` lies below the folder `dir` (not the folder itself), as config globs decide it (isBelow). */
function isInside(dir: string, file: string): boolean {
  const rel = relative(dir, resolve(file));
  return rel !== '' && isBelow(rel);
}
