/**
 * What Lint Workspace tells the user when it ends. The server answers the command with counts and
 * the inputs it could not read; without a message the user would have to guess whether the run
 * ended, found nothing, or skipped files. Plain data in, text out, so that it is tested without VS Code.
 */

/** The server's answer to competencyLint.lintWorkspace (server/src/lsp/workspaceLint.ts, WorkspaceLintSummary). */
export interface WorkspaceLintResult {
  files: number;
  findings: number;
  problems: string[];
}

/** The server's answer when it has the expected shape, otherwise undefined (an older or another server). */
export function asWorkspaceLintResult(value: unknown): WorkspaceLintResult | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  if (typeof v.files !== 'number' || typeof v.findings !== 'number' || !Array.isArray(v.problems)) return undefined;
  return { files: v.files, findings: v.findings, problems: v.problems.map(String) };
}

function count(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

/**
 * One sentence for the notification. Open documents are not counted by the server (their live
 * findings are already shown), so the message always says its counts are of the frameworks not open
 * in an editor: a user with their frameworks open would otherwise wonder where they went.
 */
export function workspaceSummary(result: WorkspaceLintResult, cancelled = false): string {
  const head = cancelled ? 'Lint Workspace was cancelled after' : 'Lint Workspace linted';
  let text = `${head} ${count(result.files, 'framework', 'frameworks')} not open in an editor: ${count(result.findings, 'finding', 'findings')}`;
  text += result.findings > 0 ? ', listed in Problems.' : '.';
  if (result.problems.length > 0) {
    text += ` ${count(result.problems.length, 'file', 'files')} could not be read (see the Competency Lint output).`;
  }
  return text;
}
