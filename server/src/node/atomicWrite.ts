/**
 * Writes a file so that a reader, or a crash, only ever sees the old content or the new one: the
 * data goes to a temporary file in the same folder (same file system, so the rename is atomic),
 * is flushed to disk, and then replaces the target by rename.
 */
import { closeSync, fchmodSync, fsyncSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

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
    private readonly tmp: string,
    fd: number,
  ) {
    this.fd = fd;
  }

  /** Creates the temporary file beside the target; throws (as fs does) when it cannot. */
  static open(file: string): AtomicFile {
    // Writing through a symlink must change the file it points to, not replace the link by a copy.
    let target = file;
    try {
      target = realpathSync(file);
    } catch {
      // A new file: there is nothing to resolve.
    }
    // Keep the permissions of the file being replaced; a new file gets the usual default.
    let mode: number | undefined;
    try {
      mode = statSync(target).mode & 0o7777;
    } catch {
      // A new file.
    }
    const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    const fd = openSync(tmp, 'wx', mode ?? 0o666);
    const opened = new AtomicFile(target, tmp, fd);
    try {
      // The umask applies to a new file; an existing file's permissions are restored exactly.
      if (mode !== undefined) fchmodSync(fd, mode);
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
    fsyncSync(this.fd);
    closeSync(this.fd);
    this.fd = undefined;
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
    try {
      unlinkSync(this.tmp);
    } catch {
      // Already renamed or removed.
    }
  }
}
