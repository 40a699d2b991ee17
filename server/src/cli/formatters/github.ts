/**
 * The `github` format: GitHub Actions workflow commands, which the runner turns into annotations on
 * the pull request. Data and property values are escaped as the runner expects, so a message with a
 * comma, a colon or a line break cannot cut the command short.
 */
import type { Severity } from '../../core/types';
import type { FileResult } from '../results';
import type { Formatter, PartContext, PartFormat } from './index';
import { portablePath } from './paths';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export const github: Formatter = (results, ctx) => results.map((r) => fileCommands(r, ctx)).join('');

/** Made of parts as well (PartFormat): each file's commands where the file is linted. */
export const githubParts: PartFormat = {
  part: (r, ctx) => encoder.encode(fileCommands(r, ctx)),
  before: () => undefined,
  end: () => undefined,
};

const encoder = new TextEncoder();

/** One workflow command per finding of the file, each on its own line. */
function fileCommands(r: FileResult, ctx: PartContext): string {
  const file = escapeProperty(portablePath(r.filePath, ctx.cwd));
  let out = '';
  for (const m of r.messages) {
    const props = [
      `file=${file}`,
      `line=${m.line}`,
      `col=${m.column}`,
      `endLine=${m.endLine}`,
      `endColumn=${m.endColumn}`,
      `title=${escapeProperty(m.ruleId)}`,
    ].join(',');
    out += `::${COMMAND[m.severity]} ${props}::${escapeData(m.message)}\n`;
  }
  return out;
}
