/**
 * The `github` format: GitHub Actions workflow commands, which the runner turns into annotations on
 * the pull request. Data and property values are escaped as the runner expects, so a message with a
 * comma, a colon or a line break cannot cut the command short.
 */
import type { Severity } from '../../core/types';
import type { Formatter } from './index';
import { portablePath } from './paths';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export const github: Formatter = (results, ctx) => {
  const lines: string[] = [];
  for (const r of results) {
    const file = escapeProperty(portablePath(r.filePath, ctx.cwd));
    for (const m of r.messages) {
      const props = [
        `file=${file}`,
        `line=${m.line}`,
        `col=${m.column}`,
        `endLine=${m.endLine}`,
        `endColumn=${m.endColumn}`,
        `title=${escapeProperty(m.ruleId)}`,
      ].join(',');
      lines.push(`::${COMMAND[m.severity]} ${props}::${escapeData(m.message)}`);
    }
  }
  return lines.length ? lines.join('\n') + '\n' : '';
};
