/**
 * The status bar item: the number of our findings in the active document when the server lints it,
 * "analysing" between an edit and the diagnostics that answer it, and the server's state when it
 * is not running. Clicking it opens the Problems panel, where the findings are listed.
 *
 * Which documents the server lints, only the server knows (a config's `ignore` and `files` globs,
 * the settings, the sniff); it says so with competencyLint/linted (server/src/lsp/linted.ts), and
 * the item follows that rather than guessing.
 */
import * as vscode from 'vscode';
import { State, type LanguageClient, type Middleware } from 'vscode-languageclient/node';
import { LINTED_NOTIFICATION, SOURCE } from './constants';
import { findingsText, findingsTooltip } from './statusText';

/** How long "analysing" may show without an answer; an unchanged pull result publishes nothing. */
const PENDING_LIMIT_MS = 3000;
const HISTORY_LIMIT = 100;

export class StatusItem implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('competencyLint.status', vscode.StatusBarAlignment.Right, 100);
  private readonly disposables: vscode.Disposable[] = [];
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();
  /** Documents whose pulled diagnostics have come and are being put into the editor's collection. */
  private readonly arriving = new Set<string>();
  private state: 'starting' | 'running' | 'failed' = 'starting';
  private visible = false;
  /** Set by the Restart Server command until the server runs again or fails. */
  private restarting = false;
  /**
   * The open documents the server said it lints. Kept through a restart, so that "starting" shows
   * over them; the new server tells its own decisions as it analyses them.
   */
  private readonly linted = new Set<string>();
  /** What the item showed since the tests last asked (shownSince); bounded. */
  private readonly history: string[] = [];

  constructor() {
    this.item.name = 'Competency Lint';
    this.item.command = 'workbench.actions.view.problems';
    this.disposables.push(
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => this.refresh()),
      vscode.workspace.onDidCloseTextDocument((doc) => {
        this.linted.delete(doc.uri.toString());
        this.arriving.delete(doc.uri.toString());
        this.settle(doc.uri.toString());
      }),
      vscode.languages.onDidChangeDiagnostics((e) => {
        // Only our own diagnostics end "analysing": the event does not say whose changed, and VS
        // Code's JSON diagnostics of the same document, arriving first, showed the count of none
        // ("0 findings") before ours came. provideDiagnostics marks ours as on their way.
        for (const uri of e.uris) {
          const key = uri.toString();
          if (this.arriving.delete(key)) this.settle(key);
        }
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        if (active && e.uris.some((u) => u.toString() === active)) this.refresh();
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length === 0 || !this.isOurs(e.document)) return;
        const key = e.document.uri.toString();
        this.expect(key);
        if (key === vscode.window.activeTextEditor?.document.uri.toString()) this.refresh();
      }),
    );
  }

  starting(): void {
    this.state = 'starting';
    this.refresh();
  }

  /** The user asked for a restart: the stop that comes first is part of it, not a failure. */
  restartRequested(): void {
    this.restarting = true;
    this.starting();
  }

  /** The server has started (or restarted): the item shows findings again, after a failure too. */
  started(): void {
    this.restarting = false;
    this.state = 'running';
    this.refresh();
  }

  /**
   * Follows the client's own state changes too: when the server exits on its own, the library
   * restarts it (Stopped, Starting, Running) or gives up after repeated crashes (Stopped), and
   * neither passes through the commands that call starting(), started() and failed().
   */
  follow(client: LanguageClient): void {
    this.disposables.push(
      client.onNotification(LINTED_NOTIFICATION, (p: { uri?: unknown; linted?: unknown }) => {
        if (typeof p?.uri === 'string') this.serverLints(p.uri, p.linted === true);
      }),
      client.onDidChangeState((e) => {
        if (e.newState === State.Starting) this.starting();
        else if (e.newState === State.Running) this.started();
        // A restart asked for by the user stops the server first; it is shown as starting already.
        else if (!this.restarting) this.failed('it stopped (the Competency Lint output may say why)');
      }),
    );
  }

  /** The server's decision for one document (competencyLint/linted). */
  private serverLints(uri: string, linted: boolean): void {
    if (linted) {
      // The decision comes just before the diagnostics of the analysis that made it (a large
      // document's, seconds before): until they arrive, a count would be of none, "0 findings".
      if (!this.linted.has(uri)) this.expect(uri);
      this.linted.add(uri);
    } else {
      this.linted.delete(uri);
      this.settle(uri);
    }
    if (uri === vscode.window.activeTextEditor?.document.uri.toString()) this.refresh();
  }

  /**
   * Middleware of pulled diagnostics: once the server's answer for a document is in, the library
   * puts a full report into the collection, whose change event then ends "analysing"; an unchanged
   * report changes nothing there, so it ends "analysing" at once, the count being as it was.
   */
  readonly provideDiagnostics: NonNullable<Middleware['provideDiagnostics']> = async (document, previousResultId, token, next) => {
    const report = await next(document, previousResultId, token);
    const key = (document instanceof vscode.Uri ? document : document.uri).toString();
    if (report && (report.kind as string) === 'unChanged') this.arrived(key);
    else if (report) this.arriving.add(key);
    return report;
  };

  /** Middleware of pushed diagnostics: they are in the collection once the library has them. */
  readonly handleDiagnostics: NonNullable<Middleware['handleDiagnostics']> = (uri, diagnostics, next) => {
    next(uri, diagnostics);
    this.arrived(uri.toString());
  };

  private arrived(key: string): void {
    this.arriving.delete(key);
    this.settle(key);
    if (key === vscode.window.activeTextEditor?.document.uri.toString()) this.refresh();
  }

  /** The text the status bar shows now ('' when hidden), for the extension-host tests. */
  get shown(): string {
    return this.visible ? this.item.text : '';
  }

  failed(reason: string): void {
    this.restarting = false;
    this.state = 'failed';
    this.item.text = '$(error) Competency Lint';
    this.item.tooltip = `The competency-lint server is not running: ${reason}. Run "Competency Lint: Restart Server".`;
    this.item.command = 'competencyLint.restartServer';
    this.show();
  }

  refresh(): void {
    // Only started() and failed() change the state: during a restart the old client still runs,
    // and taking that for the new one would skip "starting" altogether.
    if (this.state === 'failed') return;
    this.item.command = 'workbench.actions.view.problems';
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc || !this.isOurs(doc)) {
      this.item.hide();
      this.visible = false;
      return;
    }
    if (this.state === 'starting') {
      this.item.text = '$(sync~spin) Competency Lint';
      this.item.tooltip = 'The competency-lint server is starting.';
    } else if (this.pending.has(doc.uri.toString())) {
      this.item.text = '$(sync~spin) analysing';
      this.item.tooltip = 'competency-lint is analysing this framework.';
    } else {
      const ours = vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === SOURCE);
      const count = (s: vscode.DiagnosticSeverity) => ours.filter((d) => d.severity === s).length;
      const errors = count(vscode.DiagnosticSeverity.Error);
      const warnings = count(vscode.DiagnosticSeverity.Warning);
      const counts = { errors, warnings, infos: ours.length - errors - warnings };
      this.item.text = findingsText(counts);
      this.item.tooltip = findingsTooltip(counts);
    }
    this.show();
  }

  private show(): void {
    this.item.show();
    this.visible = true;
    if (this.history[this.history.length - 1] !== this.item.text) this.history.push(this.item.text);
    if (this.history.length > HISTORY_LIMIT) this.history.splice(0, this.history.length - HISTORY_LIMIT);
  }

  /** The texts the item has shown, each change once, latest last, for the extension-host tests. */
  shownSince(): string[] {
    return this.history.splice(0);
  }

  /** Diagnostics for this document are on their way: "analysing" until they come, or for PENDING_LIMIT_MS. */
  private expect(key: string): void {
    clearTimeout(this.pending.get(key));
    this.pending.set(key, setTimeout(() => { this.settle(key); this.refresh(); }, PENDING_LIMIT_MS));
  }

  private settle(key: string): void {
    const t = this.pending.get(key);
    if (t === undefined) return;
    clearTimeout(t);
    this.pending.delete(key);
  }

  /**
   * A document the server said it lints. Anything else gets no item: "0 findings" over a document
   * the server skips (ignored, switched off, not a framework) would claim a check that did not run.
   */
  private isOurs(doc: vscode.TextDocument): boolean {
    return this.linted.has(doc.uri.toString());
  }

  dispose(): void {
    for (const t of this.pending.values()) clearTimeout(t);
    this.pending.clear();
    for (const d of this.disposables) d.dispose();
  }
}
