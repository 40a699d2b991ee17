/**
 * "Competency Framework: Show Level Matrix": a webview beside the editor showing the level matrix
 * of the active framework, rendered by the server with the same code as `--format html`. The client
 * only owns the page around the server's markup: a strict Content-Security-Policy (nothing remote,
 * style and script only with this page's nonce), a small script that turns a click on a cell into a
 * message, and the editor side of that message (revealing the statement).
 *
 * The matrix follows the document: edits are debounced, then the new body replaces the old one in
 * place, so the reader keeps their scroll position.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { escapeText, webviewPage as page } from './levelMatrixPage';

export const SHOW_LEVEL_MATRIX = 'competencyLint.showLevelMatrix';
const REQUEST = 'competencyLint/levelMatrix';
const VIEW_TYPE = 'competencyLint.levelMatrix';
/** Waits after the last edit before asking for a new matrix; the server debounces its own analysis too. */
const UPDATE_DELAY_MS = 300;

interface LevelMatrixResult {
  uri: string;
  version: number;
  title: string;
  body: string;
  css: string;
}

/** What the command returns: enough for an extension-host test to drive the page as a user would. */
export interface LevelMatrixHandle {
  uri: string;
  /** The version of the document the page shows, once the webview has rendered it. */
  version: number;
  /** The number of statement cells the webview rendered. */
  cells: number;
  /** Clicks the cell of this statement pointer in the webview's page (a real DOM click). */
  click(pointer: string): Promise<void>;
  /** Resolves when the page has rendered this version of the document or a later one. */
  whenRendered(version: number): Promise<{ version: number; cells: number }>;
}

type FromPage =
  | { type: 'rendered'; version: number; cells: number }
  | { type: 'reveal'; pointer: string; start: number; end: number };

function notFrameworkBody(uri: vscode.Uri): string {
  return `<main class="clm"><p class="clm-note">${escapeText(vscode.workspace.asRelativePath(uri))} is not a competency framework export (it has no <code>framework.levels</code>), or competency-lint is disabled for it.</p></main>`;
}

/** One open matrix: its panel, the document it follows and the pending update. */
class MatrixPanel {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private loaded = false;
  private disposed = false;
  private version = -1;
  private readonly waiters: { version: number; resolve: (m: { version: number; cells: number }) => void }[] = [];
  private lastRendered: { version: number; cells: number } | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  /** Whether the panel was visible at its last view-state change: only a return from hidden reloads it. */
  private wasVisible = true;

  constructor(
    readonly uri: vscode.Uri,
    readonly panel: vscode.WebviewPanel,
    private readonly client: () => LanguageClient | undefined,
    private readonly onDispose: () => void,
  ) {
    this.disposables.push(
      panel.webview.onDidReceiveMessage((m: FromPage) => this.onMessage(m)),
      panel.onDidDispose(() => this.dispose()),
      // A hidden webview is torn down and comes back with the first page it was given, and messages
      // sent while hidden are lost: a panel shown again gets the current matrix as a fresh page.
      // The event also fires when a visible panel only gains or loses focus (a click on a cell
      // moves focus to the editor); reloading then would throw the reader back to the top.
      panel.onDidChangeViewState((e) => {
        const shownAgain = e.webviewPanel.visible && !this.wasVisible;
        this.wasVisible = e.webviewPanel.visible;
        if (!shownAgain) return;
        this.loaded = false;
        void this.update();
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document.uri.toString() === uri.toString() && e.contentChanges.length > 0) this.schedule();
      }),
      vscode.workspace.onDidCloseTextDocument((d) => {
        if (d.uri.toString() === uri.toString()) panel.dispose();
      }),
    );
  }

  schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.update();
    }, UPDATE_DELAY_MS);
  }

  async update(): Promise<void> {
    const c = this.client();
    if (!c) return;
    let result: LevelMatrixResult | null;
    try {
      result = await c.sendRequest<LevelMatrixResult | null>(REQUEST, { uri: this.uri.toString() });
    } catch (err) {
      // A restarting server answers nothing; the next edit or command asks again.
      c.outputChannel.appendLine(`Level matrix: the server did not answer: ${String(err)}`);
      return;
    }
    if (this.disposed) return;
    const body = result ? result.body : notFrameworkBody(this.uri);
    const version = result ? result.version : -1;
    if (result) this.panel.title = `Level Matrix: ${result.title}`;
    // A slow answer for an older version must not replace a newer page.
    if (this.loaded && result && version < this.version) return;
    this.version = version;
    if (!this.loaded) {
      this.loaded = true;
      this.panel.webview.html = page(body, result?.css ?? '', version);
    } else {
      await this.panel.webview.postMessage({ type: 'update', body, version });
    }
  }

  /** Resolves once the page has rendered `version` or a later one (it says so after every render). */
  rendered(version = this.version): Promise<{ version: number; cells: number }> {
    if (this.lastRendered && this.lastRendered.version >= version) return Promise.resolve(this.lastRendered);
    return new Promise((resolve) => this.waiters.push({ version, resolve }));
  }

  async click(pointer: string): Promise<void> {
    await this.panel.webview.postMessage({ type: 'click', pointer });
  }

  private onMessage(m: FromPage): void {
    if (!m || typeof m !== 'object') return;
    if (m.type === 'rendered') {
      const shown = { version: Number(m.version), cells: Number(m.cells) };
      this.lastRendered = shown;
      const ready = this.waiters.filter((w) => shown.version >= w.version);
      this.waiters.splice(0, this.waiters.length, ...this.waiters.filter((w) => shown.version < w.version));
      for (const w of ready) w.resolve(shown);
    } else if (m.type === 'reveal') {
      void this.reveal(m);
    }
  }

  /** Shows the statement in the editor beside the matrix; the offsets are checked against the document. */
  private async reveal(m: { start: number; end: number }): Promise<void> {
    if (!Number.isInteger(m.start) || !Number.isInteger(m.end) || m.start < 0 || m.end < m.start) return;
    const doc = await vscode.workspace.openTextDocument(this.uri);
    const max = doc.getText().length;
    const range = new vscode.Range(doc.positionAt(Math.min(m.start, max)), doc.positionAt(Math.min(m.end, max)));
    const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === this.uri.toString());
    const editor = await vscode.window.showTextDocument(doc, { viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One, preserveFocus: false });
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables.splice(0)) d.dispose();
    this.onDispose();
  }
}

export function registerLevelMatrix(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): void {
  const panels = new Map<string, MatrixPanel>();
  context.subscriptions.push(
    vscode.commands.registerCommand(SHOW_LEVEL_MATRIX, async (arg?: unknown): Promise<LevelMatrixHandle | undefined> => {
      // From the palette: the active editor's document; from a level's code lens: the URI the server sent.
      const uri = arg instanceof vscode.Uri ? arg : typeof arg === 'string' ? vscode.Uri.parse(arg) : vscode.window.activeTextEditor?.document.uri;
      if (!uri) {
        void vscode.window.showInformationMessage('Open a competency framework (JSON) to show its level matrix.');
        return undefined;
      }
      const key = uri.toString();
      let entry = panels.get(key);
      if (entry) {
        entry.panel.reveal(vscode.ViewColumn.Beside, true);
      } else {
        const panel = vscode.window.createWebviewPanel(
          VIEW_TYPE,
          `Level Matrix: ${uri.path.slice(uri.path.lastIndexOf('/') + 1)}`,
          { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
          // No local resources at all: the page is self-contained.
          { enableScripts: true, enableFindWidget: true, localResourceRoots: [] },
        );
        entry = new MatrixPanel(uri, panel, client, () => panels.delete(key));
        panels.set(key, entry);
      }
      await entry.update();
      const shown = await entry.rendered();
      const panel = entry;
      return {
        uri: key,
        version: shown.version,
        cells: shown.cells,
        click: (pointer: string) => panel.click(pointer),
        whenRendered: (version: number) => panel.rendered(version),
      };
    }),
    { dispose: () => [...panels.values()].forEach((p) => p.panel.dispose()) },
  );
}
