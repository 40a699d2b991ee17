/**
 * Writes a file so that a reader, or a crash, only ever sees the old content or the new one: the
 * data goes to a temporary file in the same folder (same file system, so the rename is atomic),
 * is flushed to disk, and then replaces the target by rename.
 */
import { closeSync, fchmodSync, fsyncSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

export function writeFileAtomic(file: string, data: string | Uint8Array): void {
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
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'wx', mode ?? 0o666);
    // The umask applies to a new file; an existing file's permissions are restored exactly.
    if (mode !== undefined) fchmodSync(fd, mode);
    let written = 0;
    while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, target);
  } catch (err) {
    if (fd !== undefined) {
      try {
        closeSync(fd);
      } catch {
        // Already failing: the first error is the one worth reporting.
      }
    }
    try {
      unlinkSync(tmp);
    } catch {
      // The temporary file may never have been created.
    }
    throw err;
  }
}
