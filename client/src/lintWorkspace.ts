/**
 * Lint Workspace from the user's side: a cancellable progress notification while the server lints
 * the files no editor has open, then one notification with what it found. The server registers the
 * command under our own name, so vscode-languageclient registers it in VS Code and would send it
 * straight to the server; the middleware below is where the client gets to show progress and the
 * summary around it.
 */
import * as vscode from 'vscode';
import { ExecuteCommandRequest, type LanguageClient, type Middleware } from 'vscode-languageclient/node';
import { asWorkspaceLintResult, workspaceSummary, type WorkspaceLintResult } from './workspaceSummary';

export const LINT_WORKSPACE = 'competencyLint.lintWorkspace';

/** Folders a workspace lint never looks into; the server's own discovery applies when it offers one. */
const EXCLUDE = '{**/node_modules/**,**/.git/**,**/dist/**,**/out/**}';
/** Opening documents is the fallback when the server offers no workspace command; keep it bounded. */
const FALLBACK_LIMIT = 500;

/** Wraps the library's command so that running it shows progress and a summary. */
export function lintWorkspaceMiddleware(client: () => LanguageClient | undefined, output: vscode.OutputChannel): Middleware['executeCommand'] {
  return (command, args, next) => {
    const c = client();
    if (command !== LINT_WORKSPACE || !c) return next(command, args);
    return runServerLint(c, command, output);
  };
}

/**
 * Asks the server to lint the workspace under `command`, with progress the user can cancel, and
 * tells them the outcome. Returns the server's answer, so that callers of the command get the counts.
 */
export async function runServerLint(c: LanguageClient, command: string, output: vscode.OutputChannel): Promise<WorkspaceLintResult | undefined> {
  let cancelled = false;
  const answer: unknown = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Competency Lint: linting the workspace', cancellable: true },
    (_progress, token) => {
      token.onCancellationRequested(() => { cancelled = true; });
      return c.sendRequest(ExecuteCommandRequest.type, { command, arguments: [] }, token);
    },
  );
  const result = asWorkspaceLintResult(answer);
  if (!result) return undefined;
  for (const problem of result.problems) output.appendLine(`Lint Workspace: ${problem}`);
  const message = workspaceSummary(result, cancelled);
  // Not awaited: the promise settles only when the user dismisses the notification.
  if (result.problems.length > 0) {
    void vscode.window.showWarningMessage(message, 'Show Output').then((choice) => { if (choice) output.show(true); });
  } else {
    void vscode.window.showInformationMessage(message);
  }
  return result;
}

/**
 * Without a server command, opening each JSON file makes the server lint it like any open
 * document; frameworks among them then appear in Problems.
 */
export async function lintByOpening(): Promise<void> {
  const files = await vscode.workspace.findFiles('**/*.json', EXCLUDE, FALLBACK_LIMIT);
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Linting the workspace', cancellable: true },
    async (progress, token) => {
      for (const uri of files) {
        if (token.isCancellationRequested) break;
        progress.report({ message: vscode.workspace.asRelativePath(uri), increment: 100 / files.length });
        await vscode.workspace.openTextDocument(uri);
      }
    },
  );
}
