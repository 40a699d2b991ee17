/**
 * Helpers for the report tier: the built CLI writes the page, Debian's Chromium (driven by
 * playwright-core) opens it from a file:// URL the way a reviewer would, offline.
 */
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ROOT } from '../helpers';
import { cli, type CliRun } from '../cli/helpers';

export const REPORT_FIXTURES = join(__dirname, 'fixtures');
export const ARTIFACTS = join(ROOT, 'test-artifacts');

function chromiumPath(): string {
  for (const p of [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser']) if (p && existsSync(p)) return p;
  throw new Error("Debian's chromium is missing: bash scripts/install-real-clients.sh apt");
}

export async function launch(): Promise<Browser> {
  const state = mkdtempSync(join(tmpdir(), 'competency-lint-report-'));
  return chromium.launch({
    executablePath: chromiumPath(),
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    env: { ...process.env, TMPDIR: state, HOME: state },
  });
}

/** Runs `competency-lint --format html -o <tmp>/report.html ...inputs` from the project root, with no config lookup. */
export function writeReport(inputs: string[], extra: string[] = []): { file: string; run: CliRun } {
  const dir = mkdtempSync(join(tmpdir(), 'competency-lint-html-'));
  const file = join(dir, 'report.html');
  const run = cli(['--no-config-lookup', '--format', 'html', '-o', file, ...extra, ...inputs], { cwd: ROOT });
  if (!existsSync(file)) throw new Error(`no report written:\n${run.stderr}`);
  return { file, run };
}

export interface OpenedPage {
  page: Page;
  dialogs: string[];
  requests: string[];
  errors: string[];
}

/** Opens a report, recording every dialog, request and page error; dialogs are dismissed so nothing blocks. */
export async function open(browser: Browser, file: string, colorScheme: 'light' | 'dark' = 'light'): Promise<OpenedPage> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, colorScheme });
  const opened: OpenedPage = { page, dialogs: [], requests: [], errors: [] };
  page.on('dialog', (d) => {
    opened.dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  page.on('request', (r) => {
    if (!r.url().startsWith('file:')) opened.requests.push(r.url());
  });
  page.on('pageerror', (e) => opened.errors.push(String(e)));
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  return opened;
}

export function artifact(name: string): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  return join(ARTIFACTS, name);
}
