/**
 * Where the report and the messages go: the report to standard output or, with --output-file, to a
 * file written atomically (a CI step reading it never sees half a report); messages about the run
 * to standard error, so that they never corrupt a machine-readable report.
 */
import { resolve } from 'node:path';
import { writeFileAtomic } from '../node/atomicWrite';
import { describeFsError } from '../node/files';

export interface Io {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdoutIsTTY: boolean;
  writeStdout(text: string | Uint8Array): void;
  writeStderr(text: string): void;
  readStdin(): Promise<Uint8Array>;
}

export const PROGRAM = 'competency-lint';

export function warn(io: Io, message: string): void {
  io.writeStderr(`${PROGRAM}: ${message}\n`);
}

/**
 * Colours follow https://no-color.org: NO_COLOR (non-empty) turns them off, FORCE_COLOR on; the
 * options --color/--no-color win over both; otherwise only a terminal gets them, never a file.
 */
export function useColor(io: Io, option: boolean | undefined, toFile: boolean): boolean {
  if (option !== undefined) return option;
  if (toFile) return false;
  if (io.env.NO_COLOR) return false;
  if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0' && io.env.FORCE_COLOR !== 'false') return true;
  return io.stdoutIsTTY && io.env.TERM !== 'dumb';
}

/**
 * Writes the report, given as text or as UTF-8 parts (a format made of parts); returns false (after
 * saying why) when the output file cannot be written.
 */
export function writeReport(io: Io, report: string | readonly Uint8Array[], outputFile: string | undefined): boolean {
  const data = typeof report === 'string' ? report : Buffer.concat(report);
  if (outputFile === undefined) {
    io.writeStdout(data);
    return true;
  }
  const target = resolve(io.cwd, outputFile);
  try {
    writeFileAtomic(target, data);
    return true;
  } catch (err) {
    warn(io, `cannot write the report to ${outputFile}: ${describeFsError(err as NodeJS.ErrnoException)}`);
    return false;
  }
}
