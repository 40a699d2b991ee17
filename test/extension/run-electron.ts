/**
 * The second launcher of the same extension-host suite, for machines that can download VS Code:
 * @vscode/test-electron fetches VS Code 1.100.3 (the version code-server 4.100.3 is built from),
 * opens a fresh copy of the fixture workspace and loads out/test/suite/index.js. On machines without
 * that download (like CI here) the `extension` tier runs the suite in code-server instead.
 *
 *   npm run test:electron
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';

const root = join(__dirname, '..', '..');

async function main(): Promise<void> {
  const state = mkdtempSync(join(tmpdir(), 'cl-electron-'));
  const workspace = join(state, 'workspace');
  cpSync(join(root, 'test', 'extension', 'workspace'), workspace, { recursive: true });
  try {
    await runTests({
      version: process.env.VSCODE_VERSION ?? '1.100.3',
      extensionDevelopmentPath: root,
      extensionTestsPath: join(root, 'out', 'test', 'suite', 'index.js'),
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes',
        '--user-data-dir', join(state, 'user-data')],
      extensionTestsEnv: { COMPETENCY_LINT_TEST_REPORT: join(root, 'test-artifacts', 'electron-report.json') },
    });
  } finally {
    rmSync(state, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
