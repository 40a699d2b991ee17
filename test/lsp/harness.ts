/**
 * A real LSP client for protocol tests: spawns the built server (`node dist/cli.js --stdio`, the way
 * an editor other than VS Code starts it) and speaks JSON-RPC to it over its standard streams. Tests
 * wait on the server's own messages (a publish for a version, a response), never on the clock.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from 'vscode-jsonrpc/node';
import type { ClientCapabilities, Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

export const ROOT = join(__dirname, '..', '..');
export const SERVER = join(ROOT, 'dist', 'cli.js');
export const EXAMPLE_TEXT = readFileSync(join(ROOT, 'examples', '25-4022.00.json'), 'utf8');

export interface StartOptions {
  /** Advertise pull diagnostics (textDocument/diagnostic); push otherwise. */
  pull?: boolean;
  /** What workspace/configuration answers for `competencyLint`. */
  settings?: Record<string, unknown>;
  /** The workspace folder (a fresh temporary folder when omitted). */
  folder?: string;
  /** Node options for the server process, such as --expose-gc. */
  nodeArgs?: string[];
  /** What the client sends as initializationOptions (the VS Code client names its commands there). */
  initializationOptions?: unknown;
  /** Whether the client lets the server register file watchers (true when omitted; older Neovim cannot). */
  watchFiles?: boolean;
  /** Whether workspace edits may create files (resourceOperations: ['create'], as VS Code's may). */
  createFiles?: boolean;
  /** Whether completion items may be snippets (true when omitted; Neovim's and eglot's clients cannot expand them by default). */
  snippets?: boolean;
  /** Whether hovers and completion documentation may be markdown (true when omitted; eglot without markdown-mode asks for plain text). */
  markdown?: boolean;
  /** Whether the client asks prepareRename before a rename (true when omitted, as VS Code, Neovim and eglot do). */
  prepareRename?: boolean;
}

type Waiter = { test: () => boolean; resolve: () => void };

export class Lsp {
  readonly published: PublishDiagnosticsParams[] = [];
  readonly registrations: unknown[] = [];
  /** The window/showMessage notifications, which an editor shows the user as notifications. */
  readonly shownMessages: { type: number; message: string }[] = [];
  /** The window/logMessage notifications, which an editor writes to the server's output log. */
  readonly logged: { type: number; message: string }[] = [];
  /** The notifications of our own protocol extensions (competencyLint/...), in order. */
  readonly ownNotifications: { method: string; params: any }[] = [];
  refreshes = 0;
  settings: Record<string, unknown>;
  private waiters: Waiter[] = [];
  private versions = new Map<string, number>();
  private stderr = '';

  private constructor(
    readonly proc: ChildProcess,
    readonly conn: MessageConnection,
    readonly folder: string,
    settings: Record<string, unknown>,
    /** Only a folder the harness made is removed at the end. */
    private readonly ownsFolder: boolean,
  ) {
    this.settings = settings;
  }

  static async start(options: StartOptions = {}): Promise<Lsp> {
    const folder = options.folder ?? realpathSync(mkdtempSync(join(tmpdir(), 'cl-lsp-')));
    const proc = spawn(process.execPath, [...(options.nodeArgs ?? []), SERVER, '--stdio'], { cwd: folder, stdio: ['pipe', 'pipe', 'pipe'] });
    const conn = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
    const lsp = new Lsp(proc, conn, folder, { debounceMs: 0, ...(options.settings ?? {}) }, options.folder === undefined);
    proc.stderr!.on('data', (d) => (lsp.stderr += String(d)));
    conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      lsp.published.push(p);
      lsp.wake();
    });
    conn.onNotification('window/logMessage', (p: { type: number; message: string }) => {
      lsp.logged.push(p);
      lsp.wake();
    });
    conn.onNotification('window/showMessage', (p: { type: number; message: string }) => {
      lsp.shownMessages.push(p);
      lsp.wake();
    });
    // Every notification without a handler of its own.
    conn.onNotification((method: string, params: unknown) => {
      if (method.startsWith('competencyLint/')) lsp.ownNotifications.push({ method, params });
      lsp.wake();
    });
    conn.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) => p.items.map(() => lsp.settings));
    conn.onRequest('client/registerCapability', (p: { registrations: unknown[] }) => {
      lsp.registrations.push(...p.registrations);
      lsp.wake();
      return null;
    });
    conn.onRequest('workspace/diagnostic/refresh', () => {
      lsp.refreshes++;
      lsp.wake();
      return null;
    });
    conn.listen();
    const capabilities: ClientCapabilities = {
      workspace: {
        configuration: true,
        didChangeWatchedFiles: { dynamicRegistration: options.watchFiles ?? true },
        workspaceEdit: { documentChanges: true, ...(options.createFiles ? { resourceOperations: ['create'] } : {}) },
        diagnostics: { refreshSupport: true },
        workspaceFolders: true,
      },
      textDocument: {
        publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true },
        completion: { completionItem: { snippetSupport: options.snippets ?? true, documentationFormat: [options.markdown === false ? 'plaintext' : 'markdown'] } },
        hover: { contentFormat: [options.markdown === false ? 'plaintext' : 'markdown'] },
        documentSymbol: { hierarchicalDocumentSymbolSupport: true },
        rename: { prepareSupport: options.prepareRename ?? true },
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } },
        ...(options.pull ? { diagnostic: { dynamicRegistration: false } } : {}),
      },
    };
    const uri = pathToFileURL(folder).toString();
    lsp.initializeResult = await conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri: uri,
      workspaceFolders: [{ uri, name: 'test' }],
      capabilities,
      initializationOptions: options.initializationOptions,
    });
    await conn.sendNotification('initialized', {});
    return lsp;
  }

  initializeResult: any;

  uri(name: string): string {
    return pathToFileURL(join(this.folder, name)).toString();
  }

  private wake(): void {
    for (const w of [...this.waiters]) {
      if (w.test()) {
        this.waiters.splice(this.waiters.indexOf(w), 1);
        w.resolve();
      }
    }
  }

  /** Resolves as soon as `test` holds, re-checked on every message from the server. */
  until(test: () => boolean, what: string): Promise<void> {
    if (test()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const exited = (code: number | null) => reject(new Error(`server exited (${code}) while waiting for ${what}\n${this.stderr}`));
      // The exit listener goes with the wait, so that a long test does not pile them up on the process.
      const w: Waiter = {
        test,
        resolve: () => {
          this.proc.off('exit', exited);
          resolve();
        },
      };
      this.waiters.push(w);
      this.proc.once('exit', exited);
    });
  }

  /** The first publish for `uri` (after `from` publishes) that satisfies `test`. */
  async diagnostics(uri: string, test: (p: PublishDiagnosticsParams) => boolean = () => true, from = 0): Promise<PublishDiagnosticsParams> {
    let found: PublishDiagnosticsParams | undefined;
    await this.until(() => {
      found = this.published.slice(from).find((p) => p.uri === uri && test(p));
      return !!found;
    }, `diagnostics for ${uri}`);
    return found!;
  }

  /** Diagnostics for a specific version of a document. */
  diagnosticsFor(uri: string, version: number): Promise<Diagnostic[]> {
    return this.diagnostics(uri, (p) => p.version === version).then((p) => p.diagnostics);
  }

  publishesFor(uri: string): PublishDiagnosticsParams[] {
    return this.published.filter((p) => p.uri === uri);
  }

  open(uri: string, text: string, languageId = 'json'): number {
    this.versions.set(uri, 1);
    void this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    return 1;
  }

  /** Replaces the whole text; returns the new version. */
  change(uri: string, text: string): number {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    void this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    return version;
  }

  /** An incremental edit of a range; returns the new version. */
  edit(uri: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }, text: string): number {
    return this.editAll(uri, [{ range, text }]);
  }

  /** Several incremental edits in one didChange, each range read against the text the ones before left; returns the new version. */
  editAll(uri: string, contentChanges: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string }[]): number {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    void this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
    return version;
  }

  close(uri: string): void {
    void this.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  request<T = any>(method: string, params: unknown): Promise<T> {
    return this.conn.sendRequest(method, params) as Promise<T>;
  }

  notify(method: string, params: unknown): void {
    void this.conn.sendNotification(method, params);
  }

  async stop(): Promise<void> {
    try {
      await this.conn.sendRequest('shutdown');
      await this.conn.sendNotification('exit');
    } catch {
      // The server may already be gone; the process is killed below either way.
    }
    await new Promise<void>((resolve) => {
      if (this.proc.exitCode !== null) return resolve();
      const t = setTimeout(() => this.proc.kill(), 5000);
      this.proc.once('exit', () => {
        clearTimeout(t);
        resolve();
      });
    });
    this.conn.dispose();
    if (this.ownsFolder) rmSync(this.folder, { recursive: true, force: true });
  }
}

/**
 * The example with its first level grown to about `mb` megabytes of statements (numbered copies of
 * its own), pretty-printed: a real-looking document above the default maxFileSize of 1 MB.
 */
export function largeExample(mb: number): string {
  const doc = JSON.parse(EXAMPLE_TEXT);
  const statements: string[] = doc.framework.levels.emerging.statements;
  const base = [...statements];
  for (let i = 0; statements.length * 160 < mb * 1024 * 1024; i++) statements.push(`${base[i % base.length]} (${i})`);
  return JSON.stringify(doc, null, 2);
}

/** Offset of the nth occurrence of `needle` in `text` (throws when missing, so a test cannot pass vacuously). */
export function offsetOf(text: string, needle: string, nth = 0): number {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" not found`);
  }
  return at;
}

/** LSP position (line, UTF-16 column) of an offset. */
export function positionAt(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset);
  const lines = before.split(/\r\n|\r|\n/);
  return { line: lines.length - 1, character: lines[lines.length - 1].length };
}

/** Applies LSP text edits (non-overlapping) to a text. */
export function applyLspEdits(text: string, edits: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[]): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\r' && text[i + 1] === '\n') continue;
    if (text[i] === '\n' || text[i] === '\r') starts.push(i + 1);
  }
  const off = (p: { line: number; character: number }) => (starts[p.line] ?? text.length) + p.character;
  const sorted = edits.map((e) => ({ s: off(e.range.start), e: off(e.range.end), t: e.newText })).sort((a, b) => b.s - a.s);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.s) + e.t + out.slice(e.e);
  return out;
}
