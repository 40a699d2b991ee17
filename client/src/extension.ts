/**
 * The VS Code client: a thin shell around the language server. It starts the bundled server
 * (dist/server.js --stdio), hands it every JSON document (the server decides which ones it lints),
 * and adds only what an editor needs around it: an output channel carrying the server's trace, a
 * status bar item, and four commands (Restart Server, Lint Workspace, Open Rule Documentation and
 * Show Level Matrix, whose webview shows what the server renders). No rule logic lives here, so
 * the editor and the CLI cannot disagree.
 */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { registerCommands, registerLintWorkspace } from './commands';
import { StatusItem } from './status';
import { registerLevelMatrix, SHOW_LEVEL_MATRIX } from './levelMatrix';
import { CLIENT_ID, CLIENT_NAME, DOCUMENT_SELECTOR } from './constants';
import { WorkspaceLint } from './lintWorkspace';
import { registerSaveConfigs, saveConfigsAfterEdit } from './saveConfig';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<ExtensionApi> {
  const output = vscode.window.createOutputChannel(CLIENT_NAME, { log: true });
  const serverModule = vscode.Uri.joinPath(context.extensionUri, 'dist', 'server.js').fsPath;

  const serverOptions: ServerOptions = {
    // Standard input and output, not node IPC: the server reads a large document's message from its
    // bytes (lsp/messageReader.ts), where node's IPC channel joins it into strings first. Opening a
    // 20 MB document peaked at 125-126 MB above idle over IPC and 91-101 MB over stdio.
    run: { module: serverModule, transport: TransportKind.stdio },
    // The debug variant only opens an inspector port; it is what "Run Extension" launch configs use.
    debug: { module: serverModule, transport: TransportKind.stdio, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const status = new StatusItem();
  const workspaceLint = new WorkspaceLint(() => client, output);
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    outputChannel: output,
    // One channel for both: the trace (competencyLint.trace.server, read by the library under the
    // client id) is only useful next to the server's own log lines.
    traceOutputChannel: output,
    // Config files are not watched here: the server registers its own watcher for them
    // (client/registerCapability, which VS Code supports), and a second one here only doubled each
    // change in the notification. The server also checks its configs against the disk before each
    // analysis, so a change no watcher reports still reaches the next diagnostics.
    synchronize: { configurationSection: 'competencyLint' },
    diagnosticCollectionName: 'competency-lint',
    // A level's code lens runs this command, which only this client has; the status bar follows
    // the server's word on which documents it lints (status.ts). VS Code's JSON support checks
    // .competency-lint.json against our schema (jsonValidation in package.json), so the server sends
    // only the config problems the schema cannot express, and none shows twice.
    initializationOptions: { levelMatrixCommand: SHOW_LEVEL_MATRIX, lintedNotifications: true, clientChecksConfigSchema: true },
    // The server's Lint Workspace command runs inside a progress notification and ends with a summary.
    // A quick fix that edits a config also saves it (saveConfig.ts).
    // The status bar learns here when our own diagnostics for a document arrive (status.ts).
    middleware: {
      executeCommand: workspaceLint.middleware,
      provideCodeActions: saveConfigsAfterEdit,
      provideDiagnostics: status.provideDiagnostics,
      handleDiagnostics: status.handleDiagnostics,
    },
  };

  client = new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
  context.subscriptions.push(output, status, workspaceLint);
  registerCommands(context, () => client, status, workspaceLint);
  // From here the status bar shows "starting" and the count as the client's state changes, and a
  // restarted server lints the workspace again when it was linted before.
  status.follow(client);
  workspaceLint.follow(client);
  registerSaveConfigs(context);
  registerLevelMatrix(context, () => client);

  try {
    await client.start();
  } catch (error) {
    output.appendLine(`The competency-lint server did not start: ${String(error)}`);
    status.failed(String(error));
    throw error;
  }
  registerLintWorkspace(context, () => client, workspaceLint);
  return { client, statusText: () => status.shown, statusShownSince: () => status.shownSince() };
}

export async function deactivate(): Promise<void> {
  const c = client;
  client = undefined;
  if (c) await c.stop();
}

/** Returned from activate() so extension-host tests can reach the running client. */
export interface ExtensionApi {
  client: LanguageClient;
  /** What the status bar item shows now ('' when hidden). */
  statusText(): string;
  /** The texts the status bar item has shown since the last call, each change once. */
  statusShownSince(): string[];
}
