import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, open } from './context';
import { test } from './harness';

test('the extension activates on a JSON file and registers its commands', async () => {
  await open('example.framework.json');
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is installed`);
  const api = (await ext.activate()) as { client?: { isRunning(): boolean } } | undefined;
  assert.ok(api?.client?.isRunning(), 'the language client is running');
  const commands = await vscode.commands.getCommands(true);
  for (const c of ['competencyLint.restartServer', 'competencyLint.lintWorkspace', 'competencyLint.openRuleDocumentation']) {
    assert.ok(commands.includes(c), `${c} is registered`);
  }
});
