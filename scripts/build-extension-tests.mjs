// Bundles the extension-host test modules to out/test/: the suite (out/test/suite/index.js) and
// the screenshot driver (out/test/driver/index.js). The extension host loads them with require(),
// so they are CommonJS with `vscode` left to the host.
import { build } from 'esbuild';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', external: ['vscode'], sourcemap: 'inline', absWorkingDir: root, logLevel: 'warning', mainFields: ['module', 'main'] };
await Promise.all([
  build({ ...common, entryPoints: ['test/extension/suite/index.ts'], outfile: 'out/test/suite/index.js' }),
  build({ ...common, entryPoints: ['test/extension/driver/screenshot.ts'], outfile: 'out/test/driver/index.js' }),
]);
