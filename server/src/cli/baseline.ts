/**
 * --baseline FILE and --update-baseline: the CLI's side of core/baseline.ts. The baseline's paths
 * are relative to the baseline file's folder, with "/", so one file serves every working folder,
 * machine and CI job of a repository. A run with --update-baseline records the findings of the
 * files it linted, keeps what the baseline says of files it did not lint (another shard's, or a
 * folder not named this time) unless they are gone from the disk, and writes the file atomically.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { BaselineError, parseBaseline, serialiseBaseline, type BaselineFiles } from '../core/baseline';
import { LineIndex } from '../core/parse/lines';
import { writeFileAtomic } from '../node/atomicWrite';
import { describeFsError } from '../node/files';
import { displayPath } from './formatters/paths';
import type { LintRun } from './lint';

/** What the lint threads need of a baseline: where its paths start from, and its entries. */
export interface BaselineUse {
  root: string;
  files: BaselineFiles;
  /** Whether the run records its findings (--update-baseline) rather than leave the known ones out. */
  update: boolean;
}

/** A file's key in the baseline: its path from the baseline's folder, with "/". */
export function baselinePath(root: string, file: string): string {
  const rel = relative(root, file);
  return (isAbsolute(rel) ? file : rel).split(sep).join('/');
}

/** Reads the baseline named by --baseline; a message for standard error (exit 2) when it cannot be used. */
export function loadBaseline(file: string, cwd: string, update: boolean): BaselineUse | string {
  const path = resolve(cwd, file);
  const root = dirname(path);
  const shown = displayPath(path, cwd);
  if (!existsSync(path)) {
    if (update) return { root, files: Object.create(null) as BaselineFiles, update };
    return `${shown}: the baseline does not exist; write it with --update-baseline`;
  }
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    return `${shown}: cannot read the baseline (${describeFsError(err as NodeJS.ErrnoException)})`;
  }
  try {
    return { root, files: parseBaseline(text).files, update };
  } catch (err) {
    if (!(err instanceof BaselineError)) throw err;
    const at = new LineIndex(text).positionAt(err.offset);
    return `${shown}:${at.line + 1}:${at.character + 1}: ${err.detail}`;
  }
}

/**
 * Writes the updated baseline: the linted files' entries (`recorded`, by baseline path; a file
 * without findings has none) over the old ones. Returns a message for standard error when the
 * file cannot be written.
 */
export function writeBaseline(file: string, cwd: string, use: BaselineUse, linted: ReadonlySet<string>, recorded: BaselineFiles): string | undefined {
  const files = Object.create(null) as BaselineFiles;
  for (const [key, rules] of Object.entries(use.files)) {
    if (!linted.has(key) && existsSync(resolve(use.root, key))) files[key] = rules;
  }
  for (const [key, rules] of Object.entries(recorded)) if (Object.keys(rules).length > 0) files[key] = rules;
  const path = resolve(cwd, file);
  try {
    writeFileAtomic(path, serialiseBaseline({ files }));
    return undefined;
  } catch (err) {
    return `${displayPath(path, cwd)}: cannot write the baseline (${describeFsError(err as NodeJS.ErrnoException)})`;
  }
}

const problems = (n: number) => `${n} problem${n === 1 ? '' : 's'}`;

/** Gathers what each linted file's result says of the baseline, in the main thread, as the answers come. */
export class BaselineTally {
  private known = 0;
  private unused = 0;
  private readonly linted = new Set<string>();
  private readonly recorded = Object.create(null) as BaselineFiles;

  add(answer: LintRun): void {
    for (const r of answer.results) {
      if (!r.baseline) continue;
      this.known += r.baseline.known;
      this.unused += r.baseline.unused;
      this.linted.add(r.baseline.path);
      if (r.baseline.entries) this.recorded[r.baseline.path] = r.baseline.entries;
    }
  }

  /** The lines for standard error that say what the baseline did, and writes it when updating. */
  finish(file: string, cwd: string, use: BaselineUse): { notices: string[]; problem?: string } {
    const shown = displayPath(resolve(cwd, file), cwd);
    if (use.update) {
      const problem = writeBaseline(file, cwd, use, this.linted, this.recorded);
      if (problem) return { notices: [], problem };
      const files = Object.values(this.recorded).filter((rules) => Object.keys(rules).length > 0).length;
      return { notices: [`recorded ${problems(this.known)} of ${files} file${files === 1 ? '' : 's'} in the baseline ${shown}`] };
    }
    const notices: string[] = [];
    if (this.known > 0) notices.push(`${problems(this.known)} recorded in the baseline ${shown} ${this.known === 1 ? 'was' : 'were'} not reported`);
    if (this.unused > 0) notices.push(`${problems(this.unused)} recorded in the baseline ${shown} no longer occur${this.unused === 1 ? 's' : ''}; run with --update-baseline to drop ${this.unused === 1 ? 'it' : 'them'} from the file`);
    return { notices };
  }
}
