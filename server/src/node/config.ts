/**
 * Config discovery, shared by the CLI and the language server so that they can never disagree:
 * `.competency-lint.json` files (JSONC) are found upward from the linted file, the nearest one
 * winning over those above it, and a file with `"root": true` stops the search.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { LineIndex } from '../core/parse/lines';
import {
  mergeRuleSetting,
  normaliseLevelOrder,
  type ConfigFile,
  type ResolvedConfig,
} from '../core/config/types';
import { checkConfigText, type CheckedConfig } from '../core/config/check';
import { findSetting, SETTING_IDS } from '../core/rules/index';
import { LruMap } from './lruMap';

export const CONFIG_FILE_NAME = '.competency-lint.json';


/** A config that cannot be used, with the file and the 1-based position of the problem. */
export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly detail: string,
  ) {
    super(`${file}:${line}:${column}: ${detail}`);
  }
}

export interface LoadedConfig {
  file: string;
  dir: string;
  config: ConfigFile;
}

/** Reads and checks one config file; throws ConfigError with a position when it is broken. */
export function loadConfigFile(file: string): LoadedConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new ConfigError(file, 1, 1, `cannot read the config file (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  // Editors on Windows may save JSON with a byte order mark, which JSON does not allow but every
  // editor hides; it is not part of the config (and positions are counted after it, as shown).
  return parseConfigText(file, text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
}

export function parseConfigText(file: string, text: string): LoadedConfig {
  const { value, problems } = configTextProblems(text);
  const first = problems[0];
  if (first) {
    const p = new LineIndex(text).positionAt(first.range.start);
    throw new ConfigError(file, p.line + 1, p.character + 1, first.message);
  }
  return { file, dir: dirname(file), config: value as ConfigFile };
}

/**
 * Every problem of a config's text, with the rules this linter has: what parseConfigText reports the
 * first of, and what the language server shows in an open config (lsp/configDocument.ts).
 */
export function configTextProblems(text: string): CheckedConfig {
  return checkConfigText(text, findSetting, SETTING_IDS);
}

/**
 * The config files that apply to a file, farthest first, so that later (nearer) ones override.
 * `cache` lets a run that lints many files read each config once; `changed`, when given, is asked
 * about each place the walk looks, and a place that changed on disk is read again (the server,
 * whose cache lives as long as the editor session).
 */
export function discoverConfigs(filePath: string, cache: Map<string, LoadedConfig | null> = new Map(), changed?: (candidate: string) => boolean): LoadedConfig[] {
  const found: LoadedConfig[] = [];
  let dir = dirname(resolve(filePath));
  for (;;) {
    const candidate = join(dir, CONFIG_FILE_NAME);
    if (changed?.(candidate)) cache.delete(candidate);
    let loaded = cache.get(candidate);
    if (loaded === undefined) {
      loaded = isFile(candidate) ? loadConfigFile(candidate) : null;
      cache.set(candidate, loaded);
    }
    if (loaded) {
      found.unshift(loaded);
      if (loaded.config.root === true) break;
    }
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return found;
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

/** Rule overrides from outside any file (CLI `--rule`, editor settings), applied last. */
export type RuleOverrides = ConfigFile['rules'];

/** Merges the configs for one file into what the core takes: nearer files override farther ones. */
export function resolveConfigForFile(filePath: string, configs: LoadedConfig[], overrides: RuleOverrides = {}): ResolvedConfig {
  const resolved: ResolvedConfig = { rules: {}, levelOrders: [], suppressions: [], lexicon: { phrases: [] } };
  const abs = resolve(filePath);
  for (const { dir, config } of configs) {
    for (const [id, setting] of Object.entries(config.rules ?? {})) resolved.rules[id] = mergeRuleSetting(resolved.rules[id], setting);
    const orders = normaliseLevelOrder(config.levelOrder);
    if (orders.length) resolved.levelOrders = orders;
    for (const s of config.suppressions ?? []) {
      if (s.file === undefined || matchesGlob(abs, dir, s.file)) resolved.suppressions.push({ pointer: s.pointer, rule: s.rule, statement: s.statement });
    }
    if (config.lexicon?.phrases) resolved.lexicon.phrases!.push(...config.lexicon.phrases);
    if (config.maxFileSize !== undefined) resolved.maxFileSize = config.maxFileSize;
  }
  for (const [id, setting] of Object.entries(overrides ?? {})) resolved.rules[id] = mergeRuleSetting(resolved.rules[id], setting);
  return resolved;
}

/**
 * Compiled globs, by glob. picomatch.isMatch compiles its pattern to a regular expression on every
 * call, and a run over a catalogue matches every file against every `ignore`, `files` and
 * suppression glob of its configs: compiling each glob once took that from about a tenth of a
 * millisecond per file and glob to a regular expression test. Configs hold a handful of globs.
 *
 * Bounded, because in an editor the globs come and go: every config edit, `competencyLint.files`
 * change and suppression quick fix (which tries a glob per file it is offered on) added an entry
 * for the life of the server. An entry is about 4 KB; the limit keeps the cache near 4 MB while
 * staying far above the globs in use at once, whose compiling again (about 30 µs each) would cost
 * a run over a catalogue dearly if they did not fit. (Exported for test/unit/node/globCache.test.ts.)
 */
export const GLOB_CACHE_LIMIT = 1024;
export const compiledGlobs = new LruMap<string, (path: string) => boolean>(GLOB_CACHE_LIMIT);

function globMatcher(glob: string): (path: string) => boolean {
  let matcher = compiledGlobs.get(glob);
  if (matcher === undefined) {
    const here = picomatch(glob, { dot: true });
    const below = picomatch(`**/${glob}`, { dot: true });
    matcher = (path) => here(path) || below(path);
    compiledGlobs.set(glob, matcher);
  }
  return matcher;
}

/** Globs are relative to the config's folder and use forward slashes on every platform. */
export function matchesGlob(absFile: string, baseDir: string, glob: string): boolean {
  const rel = relative(baseDir, absFile);
  if (!isBelow(rel)) return false;
  return globMatcher(glob)(rel.split(sep).join('/'));
}

/**
 * Whether a path relative to a folder stays inside it. Only the segment ".." leaves: a folder
 * named "..old" is an ordinary folder inside, whose files the config's globs must reach. A path on
 * another drive (Windows) comes back absolute.
 */
export function isBelow(rel: string): boolean {
  return rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

/**
 * Whether the configs say a file is ignored (any `ignore` glob) or selected (any `files` glob), and
 * the nearest config that ignores it.
 */
export function fileSelection(absFile: string, configs: LoadedConfig[]): { ignored: boolean; selected: boolean; ignoredBy?: string } {
  let ignoredBy: string | undefined;
  let selected = false;
  for (const { file, dir, config } of configs) {
    if ((config.ignore ?? []).some((g) => matchesGlob(absFile, dir, g))) ignoredBy = file;
    if ((config.files ?? []).some((g) => matchesGlob(absFile, dir, g))) selected = true;
  }
  return { ignored: ignoredBy !== undefined, selected, ignoredBy };
}
