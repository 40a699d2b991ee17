/**
 * Lint Workspace from the user's side: a cancellable progress notification while the server lints
 * the files no editor has open, then one notification with what it found. The server registers the
 * command under our own name, so vscode-languageclient registers it in VS Code and would send it
 * straight to the server; the middleware below is where the client gets to show progress and the
 * summary around it. After a restart the client runs it again (lintAgain.ts says when), since the
 * new server starts with no findings of the files no editor has open.
 */
import * as vscode from 'vscode';
import { ExecuteCommandRequest, State, type LanguageClient, type Middleware } from 'vscode-languageclient/node';
import { LintAgain } from './lintAgain';
import { asWorkspaceLintResult, workspaceSummary, type WorkspaceLintResult } from './workspaceSummary';

export const LINT_WORKSPACE = 'competencyLint.lintWorkspace';

/** Folders a workspace lint never looks into; the server's own discovery applies when it offers one. */
const EXCLUDE = '{**/node_modules/**,**/.git/**,**/dist/**,**/out/**}';
/** Opening documents is the fallback when the server offers no workspace command; keep it bounded. */
const FALLBACK_LIMIT = 500;

/**
 * Lint Workspace's runs in this window: the user's, and the run again once a restarted server is
 * ready (lintAgain.ts decides when).
 */
export class WorkspaceLint implements vscode.Disposable {
  private readonly again = new LintAgain();
  private readonly disposables: vscode.Disposable[] = [];
  /** The run again after the last restart, until it ends. */
  private lintingAgain: Promise<void> = Promise.resolve();

  constructor(
    private readonly client: () => LanguageClient | undefined,
    private readonly output: vscode.OutputChannel,
  ) {}

  /** Wraps the library's command so that running it shows progress and a summary. */
  readonly middleware: NonNullable<Middleware['executeCommand']> = (command, args, next) => {
    const c = this.client();
    if (command !== LINT_WORKSPACE || !c) return next(command, args);
    return this.run(c, command);
  };

  /**
   * Follows the client's state, restarts it makes on its own after a crash included: once a new
   * server is initialized, the workspace is linted again if it was linted before. The state turns
   * Running before the library sends `initialized` and the open documents; start() resolves after
   * (and the server keeps a document opened during its run on its live diagnostics anyway).
   */
  follow(c: LanguageClient): void {
    this.disposables.push(
      c.onDidChangeState((e) => {
        if (e.newState !== State.Running) return;
        const command = this.again.serverReady();
        if (command === undefined) return;
        this.lintingAgain = c.start().then(
          () => this.runAgain(c, command),
          (err) => this.output.appendLine(`Lint Workspace was not run again: the server did not start (${String(err)})`),
        );
      }),
    );
  }

  /** The user asked for a restart: the workspace is linted again even if the old server crashed during a run. */
  restartRequested(): void {
    this.again.restartRequested();
  }

  /** Resolves when the run again after the last restart has ended, at once when there is none. */
  settled(): Promise<void> {
    return this.lintingAgain;
  }

  /**
   * Asks the server to lint the workspace under `command`, with progress the user can cancel, and
   * tells them the outcome. Returns the server's answer, so that callers of the command get the counts.
   */
  async run(c: LanguageClient, command: string): Promise<WorkspaceLintResult | undefined> {
    const { result, cancelled } = await this.send(c, command, 'Competency Lint: linting the workspace');
    if (!result) return undefined;
    for (const problem of result.problems) this.output.appendLine(`Lint Workspace: ${problem}`);
    const message = workspaceSummary(result, cancelled);
    // Not awaited: the promise settles only when the user dismisses the notification.
    if (result.problems.length > 0) {
      void vscode.window.showWarningMessage(message, 'Show Output').then((choice) => { if (choice) this.output.show(true); });
    } else {
      void vscode.window.showInformationMessage(message);
    }
    return result;
  }

  /**
   * The run again after a restart: the same progress, which the user may cancel, but its summary
   * goes to the output channel only, since the user asked for a restart, not for a new count.
   */
  private async runAgain(c: LanguageClient, command: string): Promise<void> {
    try {
      const { result, cancelled } = await this.send(c, command, 'Competency Lint: linting the workspace again after the restart');
      if (!result) return;
      for (const problem of result.problems) this.output.appendLine(`Lint Workspace: ${problem}`);
      this.output.appendLine(`After the restart: ${workspaceSummary(result, cancelled)}`);
    } catch (err) {
      this.output.appendLine(`Lint Workspace after the restart failed: ${String(err)}`);
    }
  }

  /** Sends the command under progress, telling LintAgain when it went out and how it ended. */
  private async send(c: LanguageClient, command: string, title: string): Promise<{ result: WorkspaceLintResult | undefined; cancelled: boolean }> {
    let cancelled = false;
    const server = this.again.started(command);
    let answered = false;
    try {
      const answer: unknown = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title, cancellable: true },
        async (_progress, token) => {
          token.onCancellationRequested(() => { cancelled = true; });
          const a: unknown = await c.sendRequest(ExecuteCommandRequest.type, { command, arguments: [] }, token);
          answered = true;
          return a;
        },
      );
      return { result: asWorkspaceLintResult(answer), cancelled };
    } finally {
      this.again.ended(server, answered);
    }
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }
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
