/**
 * The CLI and node/ sources declare nothing they do not use: an import left behind when code moved, or
 * a parameter no caller needs, makes a reader look for a use that is not there. The project's tsconfig cannot turn noUnusedLocals on for every folder
 * yet, so these two folders are checked here with it on.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';
import { ROOT } from '../../helpers';

test('server/src/cli and server/src/node have no unused imports, locals or parameters', () => {
  const parsed = ts.getParsedCommandLineOfConfigFile(join(ROOT, 'tsconfig.json'), { noUnusedLocals: true, noUnusedParameters: true }, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => assert.fail(ts.flattenDiagnosticMessageText(d.messageText, '\n')),
  });
  assert.ok(parsed);
  const folders = ['server/src/cli', 'server/src/node'].map((f) => join(ROOT, f) + sep);
  const checked = parsed.fileNames.filter((f) => folders.some((folder) => join(f).startsWith(folder)));
  const program = ts.createProgram(checked, parsed.options);
  const unused: string[] = [];
  for (const file of program.getSourceFiles()) {
    if (!folders.some((folder) => join(file.fileName).startsWith(folder))) continue;
    for (const d of program.getSemanticDiagnostics(file)) {
      // 6133: declared but never read; 6192: every import of a declaration unused; 6196: a type never
      // used; 6198: every element of a destructuring unused.
      if (![6133, 6192, 6196, 6198].includes(d.code)) continue;
      const { line } = file.getLineAndCharacterOfPosition(d.start ?? 0);
      unused.push(`${relative(ROOT, file.fileName)}:${line + 1}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
    }
  }
  assert.ok(checked.length > 10, 'the folders were found');
  assert.deepEqual(unused, []);
});
