/**
 * The extension-host test module: the `run()` contract that @vscode/test-electron and code-server's
 * workbench load (extensionTestsPath). It runs in a real extension host against the real `vscode`
 * API, with the extension under development loaded and the fixture workspace open.
 */
import { runAll } from './harness';
import './activation';
import './diagnostics';
import './features';
import './quickfix';
import './settings';
import './quiet';
import './status';
import './workspace';
import './ruleDocs';
import './restart';
import './levelMatrix';

export async function run(): Promise<void> {
  const results = await runAll();
  const failed = results.filter((r) => !r.ok);
  if (failed.length) throw new Error(`${failed.length} extension test(s) failed: ${failed.map((f) => f.name).join('; ')}`);
}
