/**
 * The extension in a real VS Code: code-server 4.100.3's workbench and extension host, driven by
 * Debian's Chromium. First the extension-host suite (test/extension/suite) runs against the
 * extension loaded from this tree; each of its tests is reported here as a subtest. Then the
 * packaged .vsix is installed into a fresh code-server and the workbench is photographed with our
 * diagnostics in the editor and the Problems panel (test-artifacts/workbench.png).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import {
  ARTIFACTS, cleanup, copyWorkspace, installVsix, launchBrowser, newState, notificationsSeen, root, runTestsInWorkbench, startCodeServer,
  type CodeServer,
} from './codeServer';
import { signal, waitForSignal } from './handshake';

interface Result { name: string; ok: boolean; ms: number; error?: string }

/** Workbench settings that keep the picture and the run free of welcome pages and prompts. */
function writeUserSettings(state: string): void {
  const dir = join(state, 'user-data', 'User');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'settings.json'), JSON.stringify({
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'extensions.ignoreRecommendations': true,
    'extensions.autoCheckUpdates': false,
    'telemetry.telemetryLevel': 'off',
    'security.workspace.trust.enabled': false,
    'update.mode': 'none',
    'workbench.colorTheme': 'Default Dark Modern',
    'editor.minimap.enabled': false,
    'editor.wordWrap': 'on',
    'chat.commandCenter.enabled': false,
  }, null, 2));
}

function node(args: string[]): void {
  const r = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
  assert.equal(r.status, 0, `node ${args.join(' ')} failed:\n${r.stdout}\n${r.stderr}`);
}

describe('the extension in code-server (VS Code 1.100.3)', () => {
  let browser: Browser | undefined;
  const states: string[] = [];
  const servers: CodeServer[] = [];

  before(() => {
    mkdirSync(ARTIFACTS, { recursive: true });
    // `npm run package` builds dist/ (which the suite loads from this tree) and the .vsix (which the
    // screenshot run installs), so both runs test the same build.
    const r = spawnSync('npm', ['run', 'package', '--silent'], { cwd: root, encoding: 'utf8' });
    assert.equal(r.status, 0, `npm run package failed:\n${r.stdout}\n${r.stderr}`);
    node(['scripts/build-extension-tests.mjs']);
  });

  after(async () => {
    await browser?.close();
    for (const s of servers) await s.stop();
    for (const s of states) cleanup(s);
  });

  test('extension-host tests', async (t) => {
    const state = newState('ext');
    states.push(state);
    writeUserSettings(state);
    const report = join(state, 'report.json');
    const server = await startCodeServer(state, { COMPETENCY_LINT_TEST_REPORT: report }, join(ARTIFACTS, 'code-server-tests.log'));
    servers.push(server);
    browser ??= await launchBrowser(state);
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const consoleLines: string[] = [];
    page.on('console', (m) => consoleLines.push(`[${m.type()}] ${m.text()}`));
    const started = Date.now();
    let code: number;
    let notices: string[] = [];
    try {
      code = await runTestsInWorkbench({
        server, page,
        folder: copyWorkspace(state),
        extensionDevelopmentPath: root,
        extensionTestsPath: join(root, 'out', 'test', 'suite', 'index.js'),
        timeoutMs: 300_000,
        beforeExit: async (p, c) => {
          notices = await notificationsSeen(p);
          if (c !== 0) await p.screenshot({ path: join(ARTIFACTS, 'extension-tests-failed.png') });
        },
      });
    } finally {
      writeFileSync(join(ARTIFACTS, 'extension-tests-console.log'), consoleLines.join('\n'));
      await page.close();
    }
    console.log(`# extension-host run: ${((Date.now() - started) / 1000).toFixed(1)} s, exit ${code}`);
    assert.ok(existsSync(report), `the suite wrote no report (exit ${code}); see test-artifacts/extension-tests-console.log`);
    const results = JSON.parse(readFileSync(report, 'utf8')) as Result[];
    assert.ok(results.length >= 8, `the suite ran its tests (${results.length})`);
    for (const r of results) {
      await t.test(r.name, () => {
        if (!r.ok) throw new Error(r.error);
      });
    }
    // The suite ran Lint Workspace (suite/workspace.ts); its summary must have reached the user.
    await t.test('Lint Workspace ends with a notification that says what it linted and found', () => {
      const summary = notices.find((n) => n.startsWith('Lint Workspace linted'));
      assert.ok(summary, `no Lint Workspace summary among the notifications shown:\n${notices.join('\n')}`);
      assert.match(summary, /^Lint Workspace linted [1-9]\d* frameworks? not open in an editor: [1-9][\d,]* findings?, listed in Problems\.$/);
    });
    assert.equal(code, 0, 'the workbench reports the suite failed');
  });

  test('the packaged .vsix installs, lints in the workbench, and is photographed with the Problems panel', async () => {
    const vsix = join(root, 'competency-lint.vsix');
    const state = newState('shot');
    states.push(state);
    writeUserSettings(state);
    installVsix(state, vsix);
    const shotDir = join(state, 'handshake');
    mkdirSync(shotDir);
    const server = await startCodeServer(state, { COMPETENCY_LINT_SHOT_DIR: shotDir }, join(ARTIFACTS, 'code-server-screenshot.log'));
    servers.push(server);
    browser ??= await launchBrowser(state);
    const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
    const shot = join(ARTIFACTS, 'workbench.png');
    let drawn = { squiggles: 0, problems: 0 };
    const running = runTestsInWorkbench({
      server, page,
      folder: copyWorkspace(state),
      extensionDevelopmentPath: join(root, 'test', 'extension', 'driver'),
      extensionTestsPath: join(root, 'out', 'test', 'driver', 'index.js'),
      timeoutMs: 240_000,
    });
    running.catch(() => undefined); // awaited below; this only keeps an early failure from going unhandled
    // The driver signals once our diagnostics exist; then wait for the workbench to draw them
    // (squiggles in the editor, our rows in Problems), take the picture, and let the driver finish.
    await Promise.race([waitForSignal(shotDir, 'ready', 180_000), running.then((c) => { throw new Error(`the driver ended (exit ${c}) before it was ready`); })]);
    try {
      await page.waitForSelector('.monaco-editor .squiggly-error, .monaco-editor .squiggly-warning, .monaco-editor .squiggly-info', { timeout: 30_000 });
      await page.locator('.markers-panel .monaco-list-row', { hasText: 'competency-lint' }).first().waitFor({ timeout: 30_000 });
      drawn = {
        squiggles: await page.locator('.monaco-editor [class*="squiggly-"]').count(),
        problems: await page.locator('.markers-panel .monaco-list-row', { hasText: 'competency-lint' }).count(),
      };
      await page.screenshot({ path: shot });
    } catch (e) {
      await page.screenshot({ path: join(ARTIFACTS, 'workbench-failed.png') });
      throw e;
    } finally {
      signal(shotDir, 'done');
    }
    const code = await running;
    await page.close();
    assert.equal(code, 0, 'the screenshot driver failed; see test-artifacts/code-server-screenshot.log');
    assert.ok(drawn.squiggles > 0, 'squiggles are drawn in the editor');
    assert.ok(drawn.problems > 0, 'the Problems panel lists competency-lint findings');
    assert.ok(statSync(shot).size > 20_000, 'a real picture was written');
  });
});
