/**
 * Writes a file so that a reader, or a crash, only ever sees the old content or the new one: the
 * data goes to a temporary file in the same folder (same file system, so the rename is atomic),
 * is flushed to disk, and then replaces the target by rename. The replaced file's mode, owner and
 * group are kept. A target that is not a regular file (/dev/null, /dev/stdout, a named pipe) is
 * written to directly: renaming over it would replace the device or the pipe with a file.
 */
import { closeSync, fchmodSync, fchownSync, fsyncSync, lstatSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeSync, type Stats } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

/** The code of the error AtomicFile.open throws for a block device (a disk), which it never writes. */
export const BLOCK_DEVICE = 'EBLOCKDEVICE';

export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  const out = AtomicFile.open(file);
  try {
    out.write(data);
    out.commit();
  } catch (err) {
    out.abort();
    throw err;
  }
}

/**
 * A file written in several steps that replaces its target only on commit: until then the
 * content goes to the temporary file, which abort removes. A report written file by file (the
 * CLI's --output-file) uses it so that its memory does not grow with the run.
 */
export class AtomicFile {
  private fd: number | undefined;

  private constructor(
    private readonly target: string,
    /** The temporary file, or undefined when the target itself is written (not a regular file). */
    private readonly tmp: string | undefined,
    fd: number,
  ) {
    this.fd = fd;
  }

  /** Whether `file` is a device or a pipe, which is written as it is, without a temporary file. */
  static writesInPlace(file: string): boolean {
    return inPlace(statOrUndefined(file));
  }

  /**
   * Creates the temporary file beside the target; throws (as fs does) when it cannot.
   * `throughLink` false replaces a symlink to a regular file by the new file, leaving the file it
   * pointed to as it was: a report goes where the user named it, and a link planted there by a
   * repository (report.html -> ~/.bashrc) must not have the report, which quotes the repository's
   * text, written over a file of the user's.
   */
  static open(file: string, throughLink = true): AtomicFile {
    let existing = statOrUndefined(file);
    // A disk is no place for a report or a fix, and a link to one planted by a repository
    // (competency-lint.sarif -> /dev/sda) would have a job running as root write over it.
    // Its own code, not EPERM: "permission denied" would send a user who runs as root looking for
    // a permission that is not what stops the write (describeFsError says what does).
    if (existing?.isBlockDevice()) throw Object.assign(new Error(`${BLOCK_DEVICE}: will not write to a block device, open '${file}'`), { code: BLOCK_DEVICE });
    // A device or a pipe is written as it is named: /dev/stdout names a pipe through /proc, where
    // resolving the link gives no path at all.
    if (inPlace(existing)) return new AtomicFile(file, undefined, openSync(file, 'w'));
    // A folder cannot be replaced by a file: say so now, not after the work the file was for.
    if (existing?.isDirectory()) throw Object.assign(new Error(`EISDIR: illegal operation on a directory, open '${file}'`), { code: 'EISDIR' });
    let target = file;
    if (!throughLink) {
      // The link is replaced by a new file, which takes nothing from the file the link named.
      if (existing && isLink(file)) existing = undefined;
    } else {
      // Writing through a symlink must change the file it points to, not replace the link by a copy.
      try {
        target = realpathSync(file);
      } catch {
        // A new file: there is nothing to resolve.
      }
    }
    // Keep the permissions of the file being replaced; a new file gets the usual default.
    const mode = existing ? existing.mode & 0o7777 : undefined;
    const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    const opened = new AtomicFile(target, tmp, openSync(tmp, 'wx', mode ?? 0o666));
    try {
      if (existing) keepOwnerAndMode(opened.fd!, existing);
    } catch (err) {
      opened.abort();
      throw err;
    }
    return opened;
  }

  write(data: string | Uint8Array): void {
    if (this.fd === undefined) throw new Error('write after the atomic file was closed');
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    let written = 0;
    while (written < bytes.length) written += writeSync(this.fd, bytes, written, bytes.length - written);
  }

  /** Flushes the content to disk and puts it in the target's place. */
  commit(): void {
    if (this.fd === undefined) throw new Error('commit after the atomic file was closed');
    const fd = this.fd;
    this.fd = undefined;
    if (this.tmp === undefined) {
      closeSync(fd);
      return;
    }
    fsyncSync(fd);
    closeSync(fd);
    renameSync(this.tmp, this.target);
  }

  /** Removes the temporary file and leaves the target as it was; safe to call more than once. */
  abort(): void {
    if (this.fd !== undefined) {
      try {
        closeSync(this.fd);
      } catch {
        // Already failing: the first error is the one worth reporting.
      }
      this.fd = undefined;
    }
    if (this.tmp === undefined) return;
    try {
      unlinkSync(this.tmp);
    } catch {
      // Already renamed or removed.
    }
  }
}

/** A target that exists and is neither a regular file nor a folder: a device or a pipe. */
function inPlace(existing: Stats | undefined): boolean {
  return existing !== undefined && !existing.isFile() && !existing.isDirectory();
}

function isLink(file: string): boolean {
  try {
    return lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

function statOrUndefined(file: string): Stats | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}

/**
 * The new file takes the replaced one's mode exactly (the umask applied to the new file) and, when
 * it differs, its owner and group: a --fix run as root must not take a user's file away from them.
 * Only root may give a file away; anyone else's file is theirs already, or the chown is refused
 * and the file stays with the writer, as any editor's save would leave it.
 */
function keepOwnerAndMode(fd: number, was: Stats): void {
  const me = process.getuid?.();
  if (me !== undefined && (was.uid !== me || was.gid !== process.getgid?.())) {
    try {
      fchownSync(fd, was.uid, was.gid);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EPERM') throw err;
    }
  }
  // After the chown, which clears the set-id bits.
  fchmodSync(fd, was.mode & 0o7777);
}
