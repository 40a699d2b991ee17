/**
 * Which files to lint, and how to read them. Shared by the CLI and the language server's
 * workspace lint, so that "lint this folder" means the same thing in CI and in the editor.
 *
 * - A file named explicitly is always linted, whatever its name or content.
 * - A directory is walked (without node_modules and .git); its `.json` files are linted when their
 *   content is a framework (the cheap sniff in core/sniff.ts) or a config's `files` glob selects
 *   them, and not when a config's `ignore` glob matches them. Other JSON is skipped quietly.
 * - A glob (when no file of that name exists) walks its static base folder and keeps the files the
 *   pattern matches, with the same sniffing and ignoring as a directory.
 *
 * A symlink is followed; a folder already visited (a loop of links) is not walked twice. A link met
 * in a walk is followed only when it leads inside the folder walked: a repository is often linted
 * as someone else wrote it (a pull request in CI), and a link of theirs to `../../..` would
 * otherwise have its frameworks reported (their statements quoted in the report) and, with `--fix`,
 * rewritten, and a link to `/` would have the whole machine walked. A link named on the command
 * line, or a folder it leads to, is the user's own choice and is followed wherever it goes.
 */
import { readdirSync, readFileSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { looksLikeFramework } from '../core/sniff';
import { BLOCK_DEVICE } from './atomicWrite';
import { isBelow } from './config';

/** Folders that never hold the frameworks being linted, and can be very large. */
export const SKIPPED_DIRS: ReadonlySet<string> = new Set(['node_modules', '.git']);

export interface Candidate {
  /** Absolute path. */
  path: string;
  /** Named on the command line (always linted) rather than found in a folder or by a glob. */
  explicit: boolean;
  /** Found in a folder and not selected by a `files` glob: lint it only if its content is a framework. */
  sniff: boolean;
}

export interface InputProblem {
  /** The input or file the problem is about, as the user would recognise it. */
  input: string;
  message: string;
}

/**
 * What the configs say about a file; the caller decides how configs are found. `ignoredBy` names
 * the config whose `ignore` glob matched, so that a run that lints nothing can say why.
 */
export type FileSelection = (absFile: string) => { ignored: boolean; selected: boolean; ignoredBy?: string };

export interface FindOptions {
  cwd: string;
  selection?: FileSelection;
}

export function isGlobPattern(input: string): boolean {
  return picomatch.scan(input).isGlob;
}

/**
 * Expands the inputs into the files to consider, in input order and folder order (sorted), each
 * once. Inputs that cannot be used give a problem; the others are still expanded.
 */
export function findCandidates(inputs: readonly string[], options: FindOptions): { candidates: Candidate[]; problems: InputProblem[]; ignored: Map<string, number> } {
  const candidates: Candidate[] = [];
  const problems: InputProblem[] = [];
  // Files a walk met and left out for a config's `ignore`, counted by that config.
  const ignored = new Map<string, number>();
  const skip = (config: string) => ignored.set(config, (ignored.get(config) ?? 0) + 1);
  const seen = new Set<string>();
  // `real` is the real path when the caller knows it (a walk knows its folder's), which spares a
  // realpath (a system call per folder of the path) for every file of a large folder.
  const add = (c: Candidate, real?: string) => {
    const key = real ?? realOrSelf(c.path);
    if (seen.has(key)) return;
    seen.add(key);
    candidates.push(c);
  };
  const selection = options.selection ?? (() => ({ ignored: false, selected: false }));
  // The same broken link can be met through two paths (a linked folder); it is reported once.
  const reported = new Set<string>();
  const report = (p: InputProblem, path: string) => {
    const key = join(realOrSelf(dirname(path)), basename(path));
    if (reported.has(key)) return;
    reported.add(key);
    problems.push(p);
  };

  for (const input of inputs) {
    const abs = resolve(options.cwd, input);
    let stats: Stats | undefined;
    let statError: NodeJS.ErrnoException | undefined;
    try {
      stats = statSync(abs);
    } catch (err) {
      statError = err as NodeJS.ErrnoException;
    }

    if (stats?.isDirectory()) {
      walk(abs, () => true, selection, add, report, skip);
    } else if (stats?.isFile()) {
      // Named explicitly: linted whatever it is; reading it tells whether it can be.
      add({ path: abs, explicit: true, sniff: false });
    } else if (stats) {
      // A device or a pipe could be read for ever; "-" is the way to lint standard input.
      report({ input, message: 'not a regular file (a device, pipe or socket); use "-" to read standard input' }, abs);
    } else if (statError?.code === 'ENOENT' && isGlobPattern(input)) {
      const scan = picomatch.scan(input);
      const base = resolve(options.cwd, scan.base === '' ? '.' : scan.base);
      const isMatch = picomatch(scan.glob, { dot: false });
      const before = candidates.length;
      let baseIsDir = false;
      try {
        baseIsDir = statSync(base).isDirectory();
      } catch {
        // Reported below as a pattern that matched nothing.
      }
      if (baseIsDir) walk(base, (file) => isMatch(relative(base, file).split(sep).join('/')), selection, add, report, skip, true);
      if (candidates.length === before) problems.push({ input, message: 'no files match this pattern' });
    } else {
      report({ input, message: describeFsError(statError) }, abs);
    }
  }
  return { candidates, problems, ignored };
}

function walk(
  root: string,
  matches: (absFile: string) => boolean,
  selection: FileSelection,
  add: (c: Candidate, real?: string) => void,
  report: (p: InputProblem, path: string) => void,
  skip: (config: string) => void,
  anyExtension = false,
): void {
  const visited = new Set<string>();
  // Where the links met in the walk may lead: inside the walked folder, as it really is.
  const realRoot = realOrSelf(root);
  const stack = [root];
  while (stack.length > 0) {
    const dir = stack.pop()!;
    const real = realOrSelf(dir);
    if (visited.has(real)) continue;
    visited.add(real);
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (err) {
      report({ input: dir, message: `cannot read this folder: ${describeFsError(err as NodeJS.ErrnoException)}` }, dir);
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const subdirs: string[] = [];
    for (const entry of entries) {
      const path = join(dir, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      const wanted = anyExtension || entry.name.toLowerCase().endsWith('.json');
      if (entry.isSymbolicLink()) {
        try {
          const target = statSync(path);
          isDir = target.isDirectory();
          isFile = target.isFile();
        } catch (err) {
          // A dangling link or a loop of links: worth a word only when it looks like something to lint.
          if (wanted && matches(path)) report({ input: path, message: describeFsError(err as NodeJS.ErrnoException) }, path);
          continue;
        }
        // Left quietly, as a file that is not a framework is: a word about it would name a place
        // outside the folder, which the report should not show.
        if (!isInside(realOrSelf(path), realRoot)) continue;
      }
      if (isDir) {
        if (!SKIPPED_DIRS.has(entry.name)) subdirs.push(path);
      } else if (isFile && matches(path)) {
        const candidate = folderCandidate(path, selection, anyExtension);
        // A file that is not a link is where its folder really is; a link is resolved by add.
        if (candidate) add(candidate, entry.isSymbolicLink() ? undefined : join(real, entry.name));
        else {
          // Counted when a config's ignore glob left out a file that would otherwise be linted, so
          // that a run that lints nothing can say why.
          const { ignored, selected, ignoredBy } = selection(path);
          if (ignored && (wanted || selected) && ignoredBy !== undefined) skip(ignoredBy);
        }
      }
    }
    // Pushed in reverse so that folders are walked in sorted order.
    for (let i = subdirs.length - 1; i >= 0; i--) stack.push(subdirs[i]);
  }
}

/**
 * A file met in a folder as a candidate, or undefined when it is not one. The language server asks
 * this again of a single file that Lint Workspace reported on (to show its findings on disk once it
 * is closed), so that the two can never disagree on which files are linted.
 */
export function folderCandidate(path: string, selection: FileSelection, anyExtension = false): Candidate | undefined {
  const { ignored, selected } = selection(path);
  // A config's `files` glob can select any file (say *.jsonc); otherwise only .json is considered.
  const wanted = anyExtension || basename(path).toLowerCase().endsWith('.json');
  if (ignored || !(wanted || selected)) return undefined;
  return { path, explicit: false, sniff: !selected };
}

/** Whether `real` is `realRoot` or below it (both real paths). */
function isInside(real: string, realRoot: string): boolean {
  const rel = relative(realRoot, real);
  return rel === '' || isBelow(rel);
}

function realOrSelf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/** A file system error in plain words, keeping the code for searching. */
export function describeFsError(err: NodeJS.ErrnoException | undefined): string {
  switch (err?.code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ELOOP':
      return 'too many levels of symbolic links (a symlink loop)';
    case 'EISDIR':
      return 'is a directory';
    case 'ENAMETOOLONG':
      return 'the file name is too long';
    // Thrown by AtomicFile.open for --fix and --output-file.
    case BLOCK_DEVICE:
      return 'it is a block device (a disk), which is never written to';
    default:
      return err ? `${err.message}` : 'cannot be read';
  }
}

/** How a file's bytes were turned into text, so that `--fix` can write them back the same way. */
export type TextEncoding = 'utf8' | 'utf16le' | 'utf16be';

export interface ReadText {
  text: string;
  encoding: TextEncoding;
  /** True when the bytes were not valid in their encoding: the text is readable but not writable back. */
  lossy: boolean;
}

export type ReadResult = { ok: true; value: ReadText } | { ok: false; message: string; binary: boolean };

/**
 * Reads a file as text. UTF-8 is the default, with or without a byte order mark; UTF-16 is
 * recognised by its byte order mark. A file with NUL bytes and no UTF-16 mark is binary and is
 * refused with a message rather than linted as noise. The byte order mark stays in the text (the
 * parser treats it as whitespace), so offsets and a written-back file keep it.
 */
export function readTextFile(path: string): ReadResult {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    return { ok: false, message: describeFsError(err as NodeJS.ErrnoException), binary: false };
  }
  return decodeText(bytes);
}

export function decodeText(bytes: Uint8Array): ReadResult {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return decodeWith(bytes, 'utf16le', 'utf-16le');
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return decodeWith(bytes, 'utf16be', 'utf-16be');
  const probe = bytes.subarray(0, 8192);
  if (probe.includes(0)) return { ok: false, message: 'this is a binary file, not JSON text', binary: true };
  return decodeWith(bytes, 'utf8', 'utf-8');
}

/** Decoders by label and strictness: a decoder keeps no state between whole-buffer decodes, and making one per file cost more than decoding it. */
const DECODERS = new Map<string, InstanceType<typeof TextDecoder>>();

function decoder(label: string, fatal: boolean): InstanceType<typeof TextDecoder> {
  const key = `${label}/${fatal}`;
  let d = DECODERS.get(key);
  if (!d) DECODERS.set(key, (d = new TextDecoder(label, { fatal, ignoreBOM: true })));
  return d;
}

function decodeWith(bytes: Uint8Array, encoding: TextEncoding, label: string): ReadResult {
  try {
    return { ok: true, value: { text: decoder(label, true).decode(bytes), encoding, lossy: false } };
  } catch {
    return { ok: true, value: { text: decoder(label, false).decode(bytes), encoding, lossy: true } };
  }
}

/** The bytes of a text in the encoding it was read with. */
export function encodeText(text: string, encoding: TextEncoding): Buffer {
  if (encoding === 'utf8') return Buffer.from(text, 'utf8');
  const le = Buffer.from(text, 'utf16le');
  return encoding === 'utf16le' ? le : le.swap16();
}

export type FrameworkFile = { path: string; text: ReadText; explicit: boolean };

/**
 * Reads the candidates one at a time and keeps the frameworks: a candidate found in a folder only
 * when its content is one, a named one always. Yields a problem for a file that cannot be read,
 * except a binary file met in a folder, which is simply not a framework. A generator, so that a
 * large workspace is never held in memory at once.
 */
export function* readFrameworkFiles(candidates: Iterable<Candidate>): Generator<FrameworkFile | { problem: InputProblem }> {
  for (const c of candidates) {
    const read = readTextFile(c.path);
    if (!read.ok) {
      if (c.explicit || !read.binary) yield { problem: { input: c.path, message: read.message } };
      continue;
    }
    if (c.sniff && !looksLikeFramework(read.value.text)) continue;
    yield { path: c.path, text: read.value, explicit: c.explicit };
  }
}
