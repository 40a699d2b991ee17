/**
 * Runs extension-host tests in code-server 4.100.3 (VS Code 1.100.3's workbench and extension host)
 * driven by Debian's Chromium through playwright-core, the recipe of docs/REAL-CLIENTS.md in the
 * team notes: every state folder in a temp dir, loopback only, code-server in its own process group
 * (its file watchers outlive a plain SIGTERM), and the workbench's `codeAutomationExit` hook telling
 * us when the test module's run() settled.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const root = join(__dirname, '..', '..');
export const CODE_SERVER_HOME = process.env.CODE_SERVER_HOME ?? join(root, '.cache', 'code-server');
const ENTRY = join(CODE_SERVER_HOME, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
export const ARTIFACTS = join(root, 'test-artifacts');

export function chromiumPath(): string {
  for (const p of [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser']) if (p && existsSync(p)) return p;
  throw new Error("Debian's chromium is missing: bash scripts/install-real-clients.sh apt");
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

export interface CodeServer {
  port: number;
  base: string;
  state: string;
  stop(): Promise<void>;
}

/** Folders code-server and its extension host write to, all under one temp dir. */
function stateEnv(state: string, extra: Record<string, string>): NodeJS.ProcessEnv {
  return {
    ...process.env,
    XDG_CONFIG_HOME: join(state, 'xdg-config'),
    XDG_DATA_HOME: join(state, 'xdg-data'),
    XDG_CACHE_HOME: join(state, 'xdg-cache'),
    TMPDIR: join(state, 'tmp'),
    ...extra,
  };
}

function commonArgs(state: string): string[] {
  return [
    '--config', join(state, 'config.yaml'),
    '--user-data-dir', join(state, 'user-data'),
    '--extensions-dir', join(state, 'extensions'),
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
  ];
}

export function newState(prefix: string): string {
  const state = mkdtempSync(join(tmpdir(), `cl-${prefix}-`));
  mkdirSync(join(state, 'tmp'), { recursive: true });
  return state;
}

/** `code-server --install-extension file.vsix` into the state's extensions dir. */
export function installVsix(state: string, vsix: string): void {
  const r = spawnSync(process.execPath, [ENTRY, ...commonArgs(state), '--install-extension', vsix], {
    env: stateEnv(state, {}), encoding: 'utf8', timeout: 120_000,
  });
  if (r.status !== 0) throw new Error(`installing ${vsix} failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
}

export async function startCodeServer(state: string, env: Record<string, string>, log: string): Promise<CodeServer> {
  if (!existsSync(ENTRY)) throw new Error(`code-server is not installed in ${CODE_SERVER_HOME}: bash scripts/install-real-clients.sh code-server`);
  const port = await freePort();
  const out = createWriteStream(log);
  const child: ChildProcess = spawn(process.execPath, [ENTRY, ...commonArgs(state), '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none'], {
    env: stateEnv(state, env),
    detached: true, // its own process group, so stop() can end the watchers it forks too
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(out);
  child.stderr?.pipe(out);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const base = `http://127.0.0.1:${port}`;
  // Ready in about a second: wait for the line saying it listens (an event, not the clock), then
  // confirm with /healthz.
  await new Promise<void>((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`code-server did not start within 30 s; see ${log}`)), 30_000);
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`code-server exited with ${code}; see ${log}`)); });
    child.stdout?.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      if (seen.includes('HTTP server listening on')) { clearTimeout(timer); resolve(); }
    });
  });
  const health = await fetch(`${base}/healthz`);
  if (!health.ok) throw new Error(`code-server's /healthz answered ${health.status}`);
  return {
    port,
    base,
    state,
    stop: async () => {
      if (child.exitCode === null && child.pid) {
        try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
        const killer = setTimeout(() => { try { process.kill(-child.pid!, 'SIGKILL'); } catch { /* gone */ } }, 5000);
        await exited;
        clearTimeout(killer);
      }
      out.end();
    },
  };
}

export async function launchBrowser(state: string): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    env: { ...process.env, TMPDIR: join(state, 'tmp'), HOME: state },
  });
}

/**
 * Opens the workbench on `folder` with the extension under development and the test module, and
 * resolves with the exit code the workbench reports (0 when run() resolved, 1 when it rejected).
 * `beforeExit` runs while the page is still showing the final state (for screenshots).
 */
export async function runTestsInWorkbench(opts: {
  server: CodeServer;
  page: Page;
  folder: string;
  extensionDevelopmentPath: string;
  extensionTestsPath: string;
  timeoutMs: number;
  beforeExit?: (page: Page, code: number) => Promise<void>;
}): Promise<number> {
  const { server, page } = opts;
  await recordNotifications(page);
  const remote = (p: string) => `vscode-remote://127.0.0.1:${server.port}${p}`;
  const payload = [
    ['extensionDevelopmentPath', remote(opts.extensionDevelopmentPath)],
    ['extensionTestsPath', remote(opts.extensionTestsPath)],
  ];
  let settle: (code: number) => void = () => undefined;
  const exitCode = new Promise<number>((resolve) => { settle = resolve; });
  let failure: unknown;
  await page.exposeFunction('codeAutomationExit', async (code: number) => {
    if (opts.beforeExit) {
      try { await opts.beforeExit(page, code); } catch (e) { failure = e; }
    }
    settle(code);
  });
  const url = `${server.base}/?folder=${encodeURIComponent(opts.folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  // Only wait for the navigation to commit: the workbench keeps loading for a while, and the exit
  // code below is the real end of the run (bounded by timeoutMs).
  await page.goto(url, { waitUntil: 'commit', timeout: opts.timeoutMs });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<number>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the workbench did not report the end of the tests within ${opts.timeoutMs} ms`)), opts.timeoutMs);
  });
  try {
    const code = await Promise.race([exitCode, timeout]);
    if (failure) throw failure;
    return code;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Records the text of every notification the workbench shows, as the user reads it, from the page
 * itself: toasts hide after a while, so the page keeps what it has seen for `notificationsSeen`.
 */
async function recordNotifications(page: Page): Promise<void> {
  // A string, since this file is compiled without the DOM's types; it runs in the page.
  await page.addInitScript({
    content: `(() => {
      const seen = new Set();
      window.competencyLintNotices = seen;
      let scheduled = false;
      const scan = () => {
        scheduled = false;
        for (const e of document.querySelectorAll('.notification-list-item-message')) {
          const text = (e.textContent || '').trim();
          if (text) seen.add(text);
        }
      };
      new MutationObserver(() => {
        if (scheduled) return;
        scheduled = true;
        setTimeout(scan, 50);
      }).observe(document, { childList: true, subtree: true, characterData: true });
    })();`,
  });
}

/** The notifications the page has shown so far (recorded by runTestsInWorkbench). */
export async function notificationsSeen(page: Page): Promise<string[]> {
  return page.evaluate<string[]>('[...(window.competencyLintNotices || [])]');
}

/** A fresh copy of the fixture workspace, so tests may edit files and settings. */
export function copyWorkspace(state: string): string {
  const ws = join(state, 'workspace');
  cpSync(join(root, 'test', 'extension', 'workspace'), ws, { recursive: true });
  return ws;
}

export function cleanup(state: string): void {
  rmSync(state, { recursive: true, force: true });
}
