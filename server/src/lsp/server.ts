/**
 * The language server: a thin adapter that keeps the open documents, decides which of them are
 * frameworks, schedules their analysis through the core façade and answers editor requests with
 * the core's features converted to LSP. No rule logic lives here. This file wires the parts
 * together and handles the lifecycle, document and configuration events; the parts are:
 * analyses.ts (the analysis of each open document), push.ts and the pull handler below
 * (diagnostics), features.ts and codeActions.ts (requests), workspaceLint.ts (Lint Workspace),
 * settingsSource.ts (`competencyLint.*`), configs.ts (`.competency-lint.json`), configDocument.ts
 * (the problems of an open `.competency-lint.json`, in its own buffer).
 *
 * Invariants kept here:
 * - Diagnostics for an older version are never published over those of a newer one, and a pending
 *   analysis is dropped when a newer edit arrives (push.ts, analyses.ts).
 * - Every handler is guarded (session.ts): an exception is logged and answered with an empty
 *   result, never a crash. A request for a document that is closed or unknown gets an empty answer.
 * - JSON that is not a framework (and not selected by a `files` glob) gets nothing from us, except
 *   a `.competency-lint.json`, whose own problems it is shown (configDocument.ts).
 */
import { basename } from 'node:path';
import {
  DidChangeWatchedFilesNotification,
  LSPErrorCodes,
  ResponseError,
  TextDocuments,
  type CancellationToken,
  type Connection,
  type DocumentDiagnosticReport,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { version } from '../../../package.json';
import { CONFIG_FILE_NAME } from '../node/config';
import { LINT_WORKSPACE_COMMAND, capabilitiesOf, serverCapabilities } from './capabilities';
import { ServerConfigs } from './configs';
import { registerLevelMatrix } from './levelMatrix';
import { releaseLastMatch } from './memory';
import { EditTracker } from './editTracker';
import { PieceDocument } from './pieceDocument';
import { LintedAnnouncer } from './linted';
import { Session, pathOf } from './session';
import { SettingsSource } from './settingsSource';
import { Analyses } from './analyses';
import { AnswerClock } from './answerClock';
import { PushDiagnostics } from './push';
import { WorkspaceLint } from './workspaceLint';
import { registerFeatures } from './features';
import { registerCodeActions } from './codeActions';
import { registerRename } from './rename';

/** Waits the debounce out, or less if the request is cancelled meanwhile. */
function delay(ms: number, token: CancellationToken): Promise<void> {
  if (ms <= 0 || token.isCancellationRequested) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    const sub = token.onCancellationRequested(done);
    function done() {
      clearTimeout(timer);
      sub.dispose();
      resolve();
    }
  });
}

export function startServer(connection: Connection): void {
  const edits = new EditTracker();
  const documents = new TextDocuments<PieceDocument>({ create: PieceDocument.create, update: edits.update });
  const session = new Session(connection, documents);
  const { guard, log } = session;
  const configs = new ServerConfigs();
  const settings = new SettingsSource(session);
  const analyses = new Analyses(session, settings, configs, edits);
  const clock = new AnswerClock();
  const push = new PushDiagnostics(session, settings, analyses, clock);
  const workspace = new WorkspaceLint(session, settings, configs, push);

  // ------------------------------------------------------------------------------------------
  // Lifecycle.

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    session.caps = capabilitiesOf(params.capabilities);
    const ws = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : []);
    session.folders = ws.map((f) => pathOf(f.uri)).filter((p): p is string => !!p);
    const init = params.initializationOptions as { settings?: unknown; levelMatrixCommand?: unknown; lintedNotifications?: unknown; clientChecksConfigSchema?: unknown } | undefined;
    settings.initialise(init?.settings);
    session.levelMatrixCommand = typeof init?.levelMatrixCommand === 'string' && init.levelMatrixCommand !== '' ? init.levelMatrixCommand : undefined;
    session.linted = init?.lintedNotifications === true ? new LintedAnnouncer(connection) : undefined;
    session.clientChecksConfigSchema = init?.clientChecksConfigSchema === true;
    return serverCapabilities(session.caps);
  });

  connection.onInitialized(() => {
    // One line in the client's log (VS Code's "Competency Lint" output) says which server answers
    // and how it follows configs: without it the log stayed empty, and a user troubleshooting had
    // nothing to report but "it does not lint".
    const caps = session.caps;
    connection.console.info(
      `competency-lint ${version} (Node ${process.version}) started: ${session.folders.length} workspace folder(s); ` +
        `diagnostics ${caps.pull ? 'pulled by the client' : 'pushed'}; .competency-lint.json files ${caps.watchedFilesDynamic ? 'watched' : 'read again when saved or looked up'}.`,
    );
    if (session.caps.watchedFilesDynamic) {
      void connection.client
        .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: `**/${CONFIG_FILE_NAME}` }] })
        .catch((err) => log(`competency-lint: could not watch config files: ${String(err)}`));
    }
    try {
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        const removed = new Set(e.removed.map((f) => pathOf(f.uri)));
        session.folders = session.folders.filter((f) => !removed.has(f)).concat(e.added.map((f) => pathOf(f.uri)).filter((p): p is string => !!p));
        workspace.foldersRemoved([...removed].filter((p): p is string => !!p));
        // The `competencyLint.files` globs are relative to the folders, and a new folder's settings
        // may differ: the open documents are analysed again under the folders they now have.
        void guard('workspace folders change', undefined, () => push.revalidate(documents.all()));
      });
    } catch {
      // A client without workspace folder support never sends the notification.
    }
  });

  // ------------------------------------------------------------------------------------------
  // Documents.

  const arrive = (doc: PieceDocument) => {
    clock.arrive(doc);
    analyses.arrive(doc);
  };
  documents.onDidOpen((e) => {
    arrive(e.document);
    push.schedule(e.document.uri, true);
    workspace.opened(e.document.uri);
  });
  // onDidChangeContent also fires on open, for the version the open handler scheduled; schedule() skips it.
  documents.onDidChangeContent((e) => {
    arrive(e.document);
    push.schedule(e.document.uri, false);
  });
  documents.onDidClose((e) => {
    const uri = e.document.uri;
    analyses.close(uri);
    clock.forget(uri);
    settings.forget(uri);
    session.linted?.forget(uri);
    const shown = push.close(uri);
    releaseLastMatch();
    void guard('close', undefined, async () => {
      if (await workspace.republish(uri)) return;
      if (!session.caps.pull && shown) void connection.sendDiagnostics({ uri, diagnostics: [] });
    });
  });

  // ------------------------------------------------------------------------------------------
  // Settings and config files.

  connection.onDidChangeConfiguration((change) => {
    settings.changed((change.settings as { competencyLint?: unknown } | undefined)?.competencyLint);
    void guard('configuration change', undefined, () => push.revalidate(documents.all()));
  });

  /** Reads the given config files again and analyses again the open documents they govern. */
  async function configsChanged(changed: string[]): Promise<void> {
    if (changed.length === 0) return;
    for (const p of changed) configs.invalidate(p);
    const affected = documents.all().filter((d) => {
      const path = pathOf(d.uri);
      return !!path && changed.some((c) => ServerConfigs.governs(c, path));
    });
    await push.revalidate(affected);
  }

  connection.onDidChangeWatchedFiles((params) => {
    void guard('config file change', undefined, () =>
      configsChanged(params.changes.map((c) => pathOf(c.uri)).filter((p): p is string => !!p && basename(p) === CONFIG_FILE_NAME)),
    );
    // Frameworks whose findings came from disk (Lint Workspace), changed or deleted there.
    void guard('framework file change', undefined, () => workspace.filesChanged(params.changes));
  });

  // A client that cannot watch files (Neovim on Linux, older editors) still tells us when it saves a
  // config it has open, such as one the suppression quick fix just edited; without this the
  // frameworks under it kept their findings until they were edited themselves. A client that
  // watches files reports the save as a file change too, except for a config outside the workspace
  // folders (VS Code watches only inside them), so only those saves are heard from such a client.
  documents.onDidSave((e) => {
    const path = pathOf(e.document.uri);
    if (!path || basename(path) !== CONFIG_FILE_NAME) return;
    if (session.caps.watchedFilesDynamic && ServerConfigs.folderOf(path, session.folders) !== undefined) return;
    void guard('config file save', undefined, () => configsChanged([path]));
  });

  // ------------------------------------------------------------------------------------------
  // Pull diagnostics.

  connection.languages.diagnostics.on(async (params, token): Promise<DocumentDiagnosticReport> => {
    const empty: DocumentDiagnosticReport = { kind: 'full', items: [] };
    return guard('diagnostics', empty, async () => {
      const uri = params.textDocument.uri;
      const doc = documents.get(uri);
      if (!doc) return empty;
      const s = await settings.get(uri);
      const cached = analyses.cached(uri);
      // An edit waits out the debounce (a newer edit cancels this request); a first look does not.
      if (cached && cached.version !== doc.version) await delay(s.debounceMs, token);
      if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
      const now = documents.get(uri);
      if (!now) return empty;
      const entry = analyses.now(now, s);
      clock.answered(uri, entry.version);
      const resultId = `${entry.version}:${entry.stamp}`;
      if (params.previousResultId === resultId) return { kind: 'unchanged', resultId };
      analyses.collectAfter(entry, now.getText().length);
      return { kind: 'full', resultId, items: entry.ours ? entry.diagnostics : [] };
    });
  });

  // ------------------------------------------------------------------------------------------
  // Requests.

  registerFeatures(session, analyses);
  registerCodeActions(session, analyses);
  registerRename(session, analyses);
  registerLevelMatrix(connection, (uri) => analyses.forRequest(uri), guard);

  /**
   * What the server holds, for troubleshooting and for the tests that prove closing a document gives
   * its memory back. With --expose-gc the heap is measured after collecting until a collection
   * frees little: one forced collection sometimes left a closed 10 MB document's text (22 MB) that
   * the next one freed (about one run in seven of test/lsp/abuse.test.ts), so a single one measured
   * V8's timing rather than what the server holds.
   */
  connection.onRequest('competencyLint/status', () =>
    guard('status', null, () => {
      const gc = (globalThis as { gc?: () => void }).gc;
      for (let pass = 0; gc && pass < 4; pass++) {
        const before = process.memoryUsage().heapUsed;
        gc();
        if (before - process.memoryUsage().heapUsed < 1024 * 1024) break;
      }
      return {
        documents: documents.all().length,
        analysed: analyses.size,
        pending: push.pending,
        heapUsed: process.memoryUsage().heapUsed,
        analyses: analyses.count,
        lastDiagnosticsMs: clock.lastMs,
        lastCollectMs: analyses.lastCollectMs,
        lastIncremental: analyses.lastIncremental,
      };
    }),
  );

  connection.onExecuteCommand((params, token) =>
    guard('command', null, async () => {
      if (params.command !== LINT_WORKSPACE_COMMAND) return null;
      return workspace.run(token);
    }),
  );

  documents.listen(connection);
  connection.listen();
}
