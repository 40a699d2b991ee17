/**
 * The language server: a thin adapter that keeps the open documents, decides which of them are
 * frameworks, schedules their analysis through the core façade and answers editor requests with
 * the core's features converted to LSP. No rule logic lives here.
 *
 * Invariants kept here:
 * - A result is cached per document version; diagnostics for an older version are never published
 *   over those of a newer one, and a pending analysis is dropped when a newer edit arrives.
 * - Every handler is guarded: an exception is logged and answered with an empty result, never a
 *   crash. A request for a document that is closed or unknown gets an empty answer.
 * - JSON that is not a framework (and not selected by a `files` glob) gets nothing from us.
 */
import { basename } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  CompletionTriggerKind,
  DidChangeWatchedFilesNotification,
  LSPErrorCodes,
  MarkupKind,
  MessageType,
  ResponseError,
  ShowMessageNotification,
  TextDocumentSyncKind,
  TextDocuments,
  type CancellationToken,
  type ClientCapabilities,
  type CodeAction,
  type Connection,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type FoldingRange,
  type InitializeParams,
  type InitializeResult,
  type SymbolInformation,
} from 'vscode-languageserver/node';
import { analyse, statementTexts, type AnalysisResult } from '../core/service';
import { updateForEdit } from '../core/incremental';
import { EXACT_HASHES } from '../core/analysis/duplicates/index';
import { looksLikeFramework } from '../core/sniff';
import type { ResolvedConfig } from '../core/config/types';
import { complete } from '../core/features/completion';
import { hover } from '../core/features/hover';
import { documentSymbols } from '../core/features/symbols';
import { foldingRanges } from '../core/features/folding';
import { levelLenses } from '../core/features/codeLens';
import { findingsAt, fixAll, quickFixes, type CodeAction as CoreAction } from '../core/features/codeActions';
import { moveStatementActions } from '../core/features/moveStatement';
import { CONFIG_FILE_NAME, ConfigError } from '../node/config';
import { findCandidates, folderCandidate, readFrameworkFiles, type FileSelection } from '../node/files';
import { FIX_ALL_KIND, SOURCE, fromRange, toCodeAction, toCompletion, toDiagnostic, toRange, toSymbol } from './convert';
import { ServerConfigs, type DocumentConfig } from './configs';
import { DEFAULT_SETTINGS, normaliseSettings, type Settings } from './settings';
import { registerLevelMatrix } from './levelMatrix';
import { suppressionActions } from './suppress';
import { collectAfterEditIfGrown, collectAfterLargeDocument, collectBeforeLargeAnalysis, releaseLastMatch } from './memory';
import { EditTracker } from './editTracker';
import { PieceDocument } from './pieceDocument';
import { LintedAnnouncer } from './linted';

export const LINT_WORKSPACE_COMMAND = 'competencyLint.lintWorkspace';

/** The most diagnostics published for one document; the rest are counted in one last diagnostic. */
export const MAX_DIAGNOSTICS = 5000;

/** One analysed version of a document. */
interface Entry {
  version: number;
  /** Distinguishes two analyses of the same version (after a config change); the pull result id. */
  stamp: number;
  ours: boolean;
  result?: AnalysisResult;
  config: DocumentConfig;
  diagnostics: Diagnostic[];
}

interface Capabilities {
  pull: boolean;
  refresh: boolean;
  configurationPull: boolean;
  watchedFilesDynamic: boolean;
  snippets: boolean;
  documentChanges: boolean;
  /** The client can create files in a workspace edit (a new config for a suppression). */
  createFiles: boolean;
  markdown: boolean;
  hierarchicalSymbols: boolean;
}

function capabilitiesOf(c: ClientCapabilities): Capabilities {
  return {
    pull: !!c.textDocument?.diagnostic,
    refresh: !!c.workspace?.diagnostics?.refreshSupport,
    configurationPull: !!c.workspace?.configuration,
    watchedFilesDynamic: !!c.workspace?.didChangeWatchedFiles?.dynamicRegistration,
    snippets: !!c.textDocument?.completion?.completionItem?.snippetSupport,
    documentChanges: !!c.workspace?.workspaceEdit?.documentChanges,
    createFiles: !!c.workspace?.workspaceEdit?.documentChanges && !!c.workspace.workspaceEdit.resourceOperations?.includes('create'),
    markdown: (c.textDocument?.hover?.contentFormat ?? [MarkupKind.Markdown]).includes(MarkupKind.Markdown),
    hierarchicalSymbols: !!c.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport,
  };
}

function kindIncluded(only: string[] | undefined, kind: string): boolean {
  if (!only || only.length === 0) return true;
  return only.some((k) => kind === k || kind.startsWith(k + '.'));
}

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
  const configs = new ServerConfigs();
  const entries = new Map<string, Entry>();
  /** Open documents that have read as frameworks: they stay ours until closed (see analyseNow). */
  const knownFrameworks = new Set<string>();
  const timers = new Map<string, NodeJS.Timeout>();
  /** The last version published per document, and whether it carried any diagnostics. */
  const published = new Map<string, { version: number; stamp: number; empty: boolean }>();
  /** Files whose findings in Problems came from disk (Lint Workspace) rather than from an open document. */
  const fromDisk = new Set<string>();
  /** The version last scheduled per document: open and its first change event name the same version. */
  const scheduled = new Map<string, number>();
  const settingsCache = new Map<string, Promise<Settings>>();
  let globalSettings: Settings = DEFAULT_SETTINGS;
  let caps: Capabilities = capabilitiesOf({});
  let folders: string[] = [];
  let stamps = 0;
  /** When each document's newest version arrived, to report the server's own time to its diagnostics. */
  const arrived = new Map<string, { version: number; at: number }>();
  /** Milliseconds from the arrival of the last version answered to its diagnostics being sent. */
  let lastDiagnosticsMs: number | undefined;
  /**
   * The client's command that shows a document's level matrix, if it has one (the VS Code client
   * names it in its initialization options): a level's code lens then opens the matrix. Other
   * editors get the lens as a label, since the command is not theirs to run.
   */
  let levelMatrixCommand: string | undefined;
  /** Tells the client which open documents are linted, when it asked (linted.ts). */
  let linted: LintedAnnouncer | undefined;
  /** Whether the last analysis updated the previous one for an edit instead of starting over. */
  let lastIncremental = false;
  /** How many analyses ran, so that a test or a user troubleshooting can see superseded versions skipped. */
  let analyses = 0;
  /** Milliseconds of the last collection before an analysis (memory.ts), part of lastDiagnosticsMs. */
  let lastCollectMs = 0;

  function noteAnswered(uri: string, version: number): void {
    const a = arrived.get(uri);
    if (a && a.version === version) {
      lastDiagnosticsMs = performance.now() - a.at;
      arrived.delete(uri);
    }
  }

  const log = (message: string) => {
    try {
      connection.console.error(message);
    } catch {
      // Logging must never be the thing that fails.
    }
  };

  /** Runs a handler; any exception becomes a log line and the fallback answer. */
  async function guard<T>(name: string, fallback: T, fn: () => T | Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      if (err instanceof ResponseError) throw err;
      log(`competency-lint: ${name} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      return fallback;
    }
  }

  function pathOf(uri: string): string | undefined {
    if (!uri.startsWith('file:')) return undefined;
    try {
      return fileURLToPath(uri);
    } catch {
      return undefined;
    }
  }

  /** The settings problems shown since the settings last changed, so that each shows once, not once per document. */
  const settingsWarned = new Set<string>();

  /**
   * A settings entry left out (settings.ts) is shown to the user as a warning, not only logged: the
   * log is out of sight, and an override that silently does nothing looks like a rule ignoring it.
   */
  function warnSetting(problem: string): void {
    if (settingsWarned.has(problem)) return;
    settingsWarned.add(problem);
    log(`competency-lint: ${problem}`);
    // A notification, not showWarningMessage's request: every client shows one, and it awaits no answer.
    void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: problem });
  }

  function getSettings(uri: string): Promise<Settings> {
    if (!caps.configurationPull) return Promise.resolve(globalSettings);
    let p = settingsCache.get(uri);
    if (!p) {
      p = connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'competencyLint' })
        .then((raw) => normaliseSettings(raw, warnSetting), () => globalSettings);
      settingsCache.set(uri, p);
    }
    return p;
  }

  /**
   * Whether an analysis left enough garbage to collect now (memory.ts): a full analysis does; an
   * incremental update leaves little, and a collection of a large heap after each keystroke would
   * only delay the next one, so keystrokes get one once their garbage adds up.
   */
  function needsCollection(entry: Entry): boolean {
    return entry.ours && entry.result?.incremental !== true;
  }

  /** Collects after the reply when the analysis left garbage enough: always after a full one, after keystrokes once they add up. */
  function collectAfter(entry: Entry, length: number): void {
    if (needsCollection(entry)) collectAfterLargeDocument(length);
    else if (entry.ours) collectAfterEditIfGrown(length);
  }

  /** Analyses the document's current version, or returns the cached analysis of that version. */
  function analyseNow(doc: PieceDocument, settings: Settings): Entry {
    const cached = entries.get(doc.uri);
    if (cached && cached.version === doc.version) return cached;
    const text = doc.getText();
    const path = pathOf(doc.uri);
    const config = configs.forFile(path, settings, folders);
    // The edits since the analysed version, when they were all followed (editTracker.ts).
    const edit = edits.take(doc, cached?.result ? cached.version : undefined);
    let ours = false;
    let result: AnalysisResult | undefined;
    let diagnostics: Diagnostic[] = [];
    if (settings.enable && !config.ignored) {
      // The previous analysis is updated for the edit when it lies inside one statement
      // (core/incremental.ts). Such an edit cannot make the document stop being a framework, so it
      // is not sniffed again (sniffing would read, and so copy, the whole text).
      if (cached?.ours && cached.result && edit && !config.error) {
        result = updateForEdit(cached.result, edit, text, { config: config.config });
        ours = result !== undefined;
      }
      // Given up either way: updated in place, or garbage before a full analysis.
      if (cached) cached.result = undefined;
      // Once an open document has read as a framework it stays one until it is closed: a keystroke
      // that breaks the JSON before "levels" (a stray brace, a deleted quote) would otherwise make
      // it unrecognisable, and every finding, the syntax error included, would vanish while the
      // user types. The CLI lints a file named to it whatever its content, as this does.
      // A document selected by a `files` glob only is not remembered: it is ours while the glob
      // selects it, and taking the glob out lets it go.
      if (!ours && knownFrameworks.has(doc.uri)) ours = true;
      else if (!ours && looksLikeFramework(text)) {
        ours = true;
        knownFrameworks.add(doc.uri);
      }
      ours ||= config.selected;
      if (ours && config.error) {
        diagnostics = [configErrorDiagnostic(config.error)];
      } else if (ours) {
        analyses++;
        lastCollectMs = 0;
        if (!result) {
          // What brought this version is garbage now: an older version's analysis, or on opening, the
          // message that carried the text (a 20 MB document arrives as some 60 MB of buffers and strings).
          lastCollectMs = collectBeforeLargeAnalysis(text.length);
          result = analyse(text, { config: config.config });
        }
        lastIncremental = result.incremental === true;
        diagnostics = diagnosticsOf(doc.uri, result);
        // Above maxFileSize only the cheap rules ran. Of what they shared, only the statements' key
        // hashes are kept (4 bytes a statement), which the next keystroke's incremental update needs;
        // no feature of a document that large needs the rest often, and one that asks recomputes it.
        if (result.limited) result = { ...result, shared: result.shared.retain([EXACT_HASHES]) };
      }
    }
    const entry: Entry = { version: doc.version, stamp: ++stamps, ours, result, config, diagnostics };
    entries.set(doc.uri, entry);
    // Told before the diagnostics that follow, so that the client counts them for a linted document.
    linted?.note(doc.uri, ours);
    return entry;
  }

  /**
   * The diagnostics of an analysis, capped: tens of thousands of markers make the Problems view
   * unusable and their serialisation costs more than the analysis. Errors and warnings come first;
   * the last diagnostic says how many were left out and where to see them all.
   */
  function diagnosticsOf(uri: string, result: AnalysisResult): Diagnostic[] {
    const lines = result.doc.lines;
    let findings = result.findings;
    const total = findings.length;
    if (total > MAX_DIAGNOSTICS) {
      const rank = { error: 0, warning: 1, info: 2 } as const;
      findings = [...findings].sort((a, b) => rank[a.severity] - rank[b.severity] || a.range.start - b.range.start).slice(0, MAX_DIAGNOSTICS);
      findings.sort((a, b) => a.range.start - b.range.start);
    }
    const out = findings.map((f) => toDiagnostic(uri, lines, f));
    if (total > MAX_DIAGNOSTICS) {
      out.push({
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: 3,
        source: SOURCE,
        code: 'too-many-findings',
        message: `${total - MAX_DIAGNOSTICS} more findings are not shown here (the editor shows the first ${MAX_DIAGNOSTICS}, errors and warnings first); run competency-lint on this file to see all ${total}.`,
      });
    }
    return out;
  }

  function configErrorDiagnostic(err: ConfigError): Diagnostic {
    const at = { line: Math.max(0, err.line - 1), character: Math.max(0, err.column - 1) };
    return {
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      severity: 1,
      source: SOURCE,
      code: 'config',
      message: `Not linted: the config ${err.file} is broken at ${err.line}:${err.column}: ${err.detail}`,
      relatedInformation: [{ location: { uri: pathToFileURL(err.file).toString(), range: { start: at, end: at } }, message: err.detail }],
    };
  }

  /** The analysis for a request, or undefined for a closed, unknown or non-framework document. */
  async function analysedFor(uri: string): Promise<{ entry: Entry; result: AnalysisResult; doc: PieceDocument; config: ResolvedConfig } | undefined> {
    const doc = documents.get(uri);
    if (!doc) return undefined;
    const settings = await getSettings(uri);
    const now = documents.get(uri);
    if (!now) return undefined;
    const entry = analyseNow(now, settings);
    if (!entry.ours || !entry.result) return undefined;
    return { entry, result: entry.result, doc: now, config: entry.config.config };
  }

  // ------------------------------------------------------------------------------------------
  // Push diagnostics: debounced per document, dropped when superseded.

  function publish(uri: string, entry: Entry): void {
    const last = published.get(uri);
    if (last && (last.version > entry.version || last.stamp === entry.stamp)) return;
    const diagnostics = entry.ours ? entry.diagnostics : [];
    // A document that is not ours gets nothing, unless we had published something for it before.
    if (diagnostics.length === 0 && (!last || last.empty) && !entry.ours) return;
    published.set(uri, { version: entry.version, stamp: entry.stamp, empty: diagnostics.length === 0 });
    void connection.sendDiagnostics({ uri, version: entry.version, diagnostics });
    noteAnswered(uri, entry.version);
  }

  function cancelPending(uri: string): void {
    const t = timers.get(uri);
    if (t) clearTimeout(t);
    timers.delete(uri);
  }

  function schedule(uri: string, immediate: boolean): void {
    if (caps.pull) return;
    cancelPending(uri);
    const doc = documents.get(uri);
    if (!doc) return;
    const version = doc.version;
    if (scheduled.get(uri) === version) return;
    scheduled.set(uri, version);
    const run = () => {
      timers.delete(uri);
      void guard('validate', undefined, () => validate(uri, version));
    };
    if (immediate) {
      run();
      return;
    }
    void getSettings(uri).then((settings) => {
      // A newer edit may have been scheduled while the settings were fetched.
      if (documents.get(uri)?.version !== version || timers.has(uri)) return;
      timers.set(uri, setTimeout(run, settings.debounceMs));
    });
  }

  async function validate(uri: string, version: number): Promise<void> {
    const settings = await getSettings(uri);
    const doc = documents.get(uri);
    if (!doc || doc.version !== version) return;
    const entry = analyseNow(doc, settings);
    publish(uri, entry);
    collectAfter(entry, doc.getText().length);
  }

  /** Analyses the given documents again now (after a config or settings change) and publishes. */
  async function revalidate(docs: PieceDocument[]): Promise<void> {
    for (const d of docs) entries.delete(d.uri);
    if (caps.pull) {
      if (caps.refresh) await connection.languages.diagnostics.refresh();
      return;
    }
    const settings = await Promise.all(docs.map((d) => getSettings(d.uri)));
    // Published together, after every setting is known, so that they arrive as one batch.
    docs.forEach((d, i) => {
      const now = documents.get(d.uri);
      if (!now) return;
      cancelPending(d.uri);
      void guard('revalidate', undefined, () => publish(d.uri, analyseNow(now, settings[i])));
    });
  }

  // ------------------------------------------------------------------------------------------
  // Lifecycle.

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    caps = capabilitiesOf(params.capabilities);
    const ws = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : []);
    folders = ws.map((f) => pathOf(f.uri)).filter((p): p is string => !!p);
    const init = params.initializationOptions as { settings?: unknown; levelMatrixCommand?: unknown; lintedNotifications?: unknown } | undefined;
    globalSettings = normaliseSettings(init?.settings ?? {}, warnSetting);
    levelMatrixCommand = typeof init?.levelMatrixCommand === 'string' && init.levelMatrixCommand !== '' ? init.levelMatrixCommand : undefined;
    linted = init?.lintedNotifications === true ? new LintedAnnouncer(connection) : undefined;
    const result: InitializeResult = {
      capabilities: {
        // Saves are asked for so that a config saved in a client that cannot watch files is read again.
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        completionProvider: { triggerCharacters: ['"'] },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        documentSymbolProvider: { label: 'Competency framework' },
        foldingRangeProvider: true,
        codeLensProvider: { resolveProvider: false },
        executeCommandProvider: { commands: [LINT_WORKSPACE_COMMAND] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'competency-lint' },
    };
    if (caps.pull) {
      result.capabilities.diagnosticProvider = { identifier: SOURCE, interFileDependencies: false, workspaceDiagnostics: false };
    }
    return result;
  });

  connection.onInitialized(() => {
    if (caps.watchedFilesDynamic) {
      void connection.client
        .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: `**/${CONFIG_FILE_NAME}` }] })
        .catch((err) => log(`competency-lint: could not watch config files: ${String(err)}`));
    }
    try {
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        const removed = new Set(e.removed.map((f) => pathOf(f.uri)));
        folders = folders.filter((f) => !removed.has(f)).concat(e.added.map((f) => pathOf(f.uri)).filter((p): p is string => !!p));
      });
    } catch {
      // A client without workspace folder support never sends the notification.
    }
  });

  const arrive = (doc: PieceDocument) => {
    if (arrived.get(doc.uri)?.version !== doc.version) arrived.set(doc.uri, { version: doc.version, at: performance.now() });
    // The analysis of an older version can serve no request any more: it is let go now, so that a
    // large document never has two analyses in memory. Unless the edits since it can be followed:
    // then the next analysis updates it instead of starting over (core/incremental.ts).
    const stale = entries.get(doc.uri);
    if (stale && stale.version !== doc.version && !(stale.result?.limited && edits.following(doc.uri))) stale.result = undefined;
  };
  documents.onDidOpen((e) => {
    arrive(e.document);
    schedule(e.document.uri, true);
    // A client that pulls keeps pushed and pulled diagnostics apart: the findings Lint Workspace
    // pushed for this file would show beside the open document's, twice, and go stale at the first
    // edit. They are withdrawn; closing the file publishes its findings on disk again.
    if (caps.pull && fromDisk.has(e.document.uri)) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });
  // onDidChangeContent also fires on open, for the version the open handler scheduled; schedule() skips it.
  documents.onDidChangeContent((e) => {
    arrive(e.document);
    schedule(e.document.uri, false);
  });
  documents.onDidClose((e) => {
    const uri = e.document.uri;
    cancelPending(uri);
    entries.delete(uri);
    knownFrameworks.delete(uri);
    edits.forget(uri);
    arrived.delete(uri);
    scheduled.delete(uri);
    settingsCache.delete(uri);
    linted?.forget(uri);
    const last = published.get(uri);
    published.delete(uri);
    releaseLastMatch();
    void guard('close', undefined, async () => {
      if (await republishFromDisk(uri)) return;
      if (!caps.pull && last && !last.empty) void connection.sendDiagnostics({ uri, diagnostics: [] });
    });
  });

  connection.onDidChangeConfiguration((change) => {
    settingsCache.clear();
    // A problem still there after the user changed the settings is worth saying again.
    settingsWarned.clear();
    if (!caps.configurationPull) {
      const raw = (change.settings as { competencyLint?: unknown } | undefined)?.competencyLint;
      if (raw !== undefined) globalSettings = normaliseSettings(raw, warnSetting);
    }
    void guard('configuration change', undefined, () => revalidate(documents.all()));
  });

  /** Reads the given config files again and analyses again the open documents they govern. */
  async function configsChanged(changed: string[]): Promise<void> {
    if (changed.length === 0) return;
    for (const p of changed) configs.invalidate(p);
    const affected = documents.all().filter((d) => {
      const path = pathOf(d.uri);
      return !!path && changed.some((c) => ServerConfigs.governs(c, path));
    });
    await revalidate(affected);
  }

  connection.onDidChangeWatchedFiles((params) => {
    void guard('config file change', undefined, () =>
      configsChanged(params.changes.map((c) => pathOf(c.uri)).filter((p): p is string => !!p && basename(p) === CONFIG_FILE_NAME)),
    );
  });

  // A client that cannot watch files (Neovim on Linux, older editors) still tells us when it saves a
  // config it has open, such as one the suppression quick fix just edited; without this the
  // frameworks under it kept their findings until they were edited themselves. A client that
  // watches files reports the save as a file change too, except for a config outside the workspace
  // folders (VS Code watches only inside them), so only those saves are heard from such a client.
  documents.onDidSave((e) => {
    const path = pathOf(e.document.uri);
    if (!path || basename(path) !== CONFIG_FILE_NAME) return;
    if (caps.watchedFilesDynamic && ServerConfigs.folderOf(path, folders) !== undefined) return;
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
      const settings = await getSettings(uri);
      const cached = entries.get(uri);
      // An edit waits out the debounce (a newer edit cancels this request); a first look does not.
      if (cached && cached.version !== doc.version) await delay(settings.debounceMs, token);
      if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
      const now = documents.get(uri);
      if (!now) return empty;
      const entry = analyseNow(now, settings);
      noteAnswered(uri, entry.version);
      const resultId = `${entry.version}:${entry.stamp}`;
      if (params.previousResultId === resultId) return { kind: 'unchanged', resultId };
      collectAfter(entry, now.getText().length);
      return { kind: 'full', resultId, items: entry.ours ? entry.diagnostics : [] };
    });
  });

  // ------------------------------------------------------------------------------------------
  // Features.

  connection.onCompletion((params, token) =>
    guard('completion', null, async () => {
      const a = await analysedFor(params.textDocument.uri);
      if (!a || token.isCancellationRequested) return null;
      const lines = a.result.doc.lines;
      // The trigger character tells the core whether a typed quote opened or closed a string.
      const trigger = params.context?.triggerKind === CompletionTriggerKind.TriggerCharacter ? params.context.triggerCharacter : undefined;
      const list = complete(a.result, lines.offsetAt(params.position), { config: a.config, triggerCharacter: trigger });
      const items = list.items.map((c) => toCompletion(lines, c, caps.snippets)).filter((c) => c !== undefined);
      return { isIncomplete: list.isIncomplete, items };
    }),
  );

  connection.onHover((params, token) =>
    guard('hover', null, async () => {
      const a = await analysedFor(params.textDocument.uri);
      if (!a || token.isCancellationRequested) return null;
      const lines = a.result.doc.lines;
      const h = hover(a.result, lines.offsetAt(params.position), { config: a.config });
      if (!h) return null;
      return { contents: { kind: caps.markdown ? MarkupKind.Markdown : MarkupKind.PlainText, value: h.markdown }, range: toRange(lines, h.range) };
    }),
  );

  connection.onDocumentSymbol((params, token) =>
    guard('symbols', [], async () => {
      const a = await analysedFor(params.textDocument.uri);
      if (!a || token.isCancellationRequested) return [];
      const lines = a.result.doc.lines;
      const symbols = documentSymbols(a.result).map((s) => toSymbol(lines, s));
      if (caps.hierarchicalSymbols) return symbols;
      // Flat SymbolInformation for clients without the outline tree.
      const flat: SymbolInformation[] = [];
      const walk = (list: typeof symbols, container?: string) => {
        for (const s of list) {
          flat.push({ name: s.name, kind: s.kind, location: { uri: params.textDocument.uri, range: s.range }, containerName: container });
          if (s.children) walk(s.children, s.name);
        }
      };
      walk(symbols);
      return flat;
    }),
  );

  connection.onFoldingRanges((params, token) =>
    guard('folding', [] as FoldingRange[], async () => {
      const a = await analysedFor(params.textDocument.uri);
      if (!a || token.isCancellationRequested) return [];
      const lines = a.result.doc.lines;
      const text = a.result.doc.text;
      const out: FoldingRange[] = [];
      for (const r of foldingRanges(a.result)) {
        const startLine = lines.positionAt(r.start).line;
        const close = lines.positionAt(Math.max(r.start, r.end - 1));
        // Keep the closing bracket visible when it starts its own line, as VS Code's JSON support does.
        const ownLine = /^\s*$/.test(text.slice(lines.lineStart(close.line), r.end - 1));
        const endLine = ownLine ? close.line - 1 : close.line;
        if (endLine > startLine) out.push({ startLine, endLine });
      }
      return out;
    }),
  );

  connection.onCodeLens((params, token) =>
    guard('code lens', [], async () => {
      const a = await analysedFor(params.textDocument.uri);
      if (!a || token.isCancellationRequested) return [];
      const lines = a.result.doc.lines;
      // A lens without a command id is shown as a label: it informs and does nothing when clicked.
      const command = (title: string) =>
        levelMatrixCommand ? { title, command: levelMatrixCommand, arguments: [params.textDocument.uri] } : { title, command: '' };
      return levelLenses(a.result, { config: a.config }).map((l) => ({ range: toRange(lines, l.range), command: command(l.title), data: { pointer: l.pointer } }));
    }),
  );

  connection.onCodeAction((params, token) =>
    guard('code actions', [] as CodeAction[], async () => {
      const a = await analysedFor(params.textDocument.uri);
      if (!a || token.isCancellationRequested) return [];
      const lines = a.result.doc.lines;
      const only = params.context.only;
      const actions: CoreAction[] = [];
      let suppressions: CodeAction[] = [];
      if (kindIncluded(only, CodeActionKind.QuickFix)) {
        const range = fromRange(lines, params.range);
        actions.push(...quickFixes(a.result, range), ...moveStatementActions(a.result, range, a.config));
        const path = pathOf(params.textDocument.uri);
        if (path && !a.entry.config.error) {
          suppressions = suppressionActions(findingsAt(a.result, range), {
            uri: params.textDocument.uri,
            path,
            lines,
            configFiles: a.entry.config.files,
            folders,
            // By path: clients spell file URIs their own way (VS Code percent-encodes "(", "[", "@" and a
            // Windows drive's colon), so a URI made here would miss the open document.
            openText: (file) => {
              const d = documents.all().find((x) => pathOf(x.uri) === file);
              return d ? { uri: d.uri, text: d.getText(), version: d.version } : undefined;
            },
            documentChanges: caps.documentChanges,
            canCreate: caps.createFiles,
            statementText: statementTexts(a.result.model),
          });
        }
      }
      if (kindIncluded(only, FIX_ALL_KIND)) {
        const fixed = fixAll(a.result, (text) => analyse(text, { config: a.config }));
        if (fixed.edits.length > 0) {
          actions.push({
            title: `Fix all safe competency-lint problems (${fixed.applied})`,
            kind: 'source.fixAll',
            edits: fixed.edits,
            findings: [],
            preferred: false,
          });
        }
      }
      // The fixes first: a suppression is the last resort, after what would mend the finding.
      return [...actions.map((x) => toCodeAction(params.textDocument.uri, lines, x, a.doc.version, caps.documentChanges)), ...suppressions];
    }),
  );

  registerLevelMatrix(connection, analysedFor, guard);

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
      return { documents: documents.all().length, analysed: entries.size, pending: timers.size, heapUsed: process.memoryUsage().heapUsed, analyses, lastDiagnosticsMs, lastCollectMs, lastIncremental };
    }),
  );

  connection.onExecuteCommand((params, token) =>
    guard('command', null, async () => {
      if (params.command !== LINT_WORKSPACE_COMMAND) return null;
      return lintWorkspace(token);
    }),
  );

  /** What the configs and the `files` setting say about a file on disk, for Lint Workspace and republishFromDisk alike. */
  function diskSelection(settings: Settings): FileSelection {
    return (file) => {
      const c = configs.forFile(file, settings, folders);
      return { ignored: c.ignored, selected: c.selected };
    };
  }

  /**
   * Lints a file as it is on disk and publishes its findings, as Lint Workspace does for files that
   * are not open; the number of findings, or undefined when the config ignores the file.
   */
  function publishFromDisk(path: string, text: string, settings: Settings): number | undefined {
    const c = configs.forFile(path, settings, folders);
    if (c.ignored) return undefined;
    const uri = pathToFileURL(path).toString();
    const diagnostics = c.error ? [configErrorDiagnostic(c.error)] : diagnosticsOf(uri, analyse(text, { config: c.config }));
    published.set(uri, { version: -1, stamp: -1, empty: diagnostics.length === 0 });
    fromDisk.add(uri);
    void connection.sendDiagnostics({ uri, diagnostics });
    return diagnostics.length;
  }

  /**
   * A file that Lint Workspace put in Problems and that is then opened and closed goes back to its
   * findings on disk, as its unopened neighbours show theirs, instead of leaving Problems.
   */
  async function republishFromDisk(uri: string): Promise<boolean> {
    const path = pathOf(uri);
    if (!path || !fromDisk.has(uri)) return false;
    const settings = await getSettings(uri);
    // Decided as Lint Workspace decides (folderCandidate, diskSelection): a file a config's `files`
    // glob selects is ours whatever its content, and sniffing it instead took its findings away.
    const candidate = settings.enable ? folderCandidate(path, diskSelection(settings)) : undefined;
    if (candidate) {
      for (const file of readFrameworkFiles([candidate])) {
        if ('problem' in file) break;
        if (publishFromDisk(path, file.text.text, settings) !== undefined) return true;
      }
    }
    // Gone, no longer a framework or selected, ignored or disabled: its findings from disk leave Problems.
    fromDisk.delete(uri);
    void connection.sendDiagnostics({ uri, diagnostics: [] });
    return true;
  }

  /**
   * Lints every framework under the workspace folders into Problems, with the CLI's file discovery.
   * Open documents are skipped: their live diagnostics are already shown and are newer than disk.
   */
  async function lintWorkspace(token: CancellationToken): Promise<{ files: number; findings: number; problems: string[] }> {
    const summary = { files: 0, findings: 0, problems: [] as string[] };
    // Open documents keep their live findings; closed later, they go back to their findings on
    // disk like the rest of the workspace (republishFromDisk), so they are noted as covered.
    const open = new Map(documents.all().map((d) => [pathOf(d.uri), d.uri]));
    for (const folder of folders) {
      const settings = await getSettings(pathToFileURL(folder).toString());
      if (!settings.enable) continue;
      const { candidates, problems } = findCandidates([folder], { cwd: folder, selection: diskSelection(settings) });
      summary.problems.push(...problems.map((p) => `${p.input}: ${p.message}`));
      for (const file of readFrameworkFiles(candidates)) {
        if (token.isCancellationRequested) return summary;
        if ('problem' in file) {
          summary.problems.push(`${file.problem.input}: ${file.problem.message}`);
          continue;
        }
        const openUri = open.get(file.path);
        if (openUri !== undefined) {
          fromDisk.add(openUri);
          continue;
        }
        const count = publishFromDisk(file.path, file.text.text, settings);
        if (count === undefined) continue;
        summary.files++;
        summary.findings += count;
        // Yield between files so that edits and requests are still answered during a long run.
        await new Promise((r) => setImmediate(r));
      }
    }
    return summary;
  }

  documents.listen(connection);
  connection.listen();
}
