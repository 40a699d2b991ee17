import * as vscode from 'vscode';
import { open } from './context';
import { test } from './harness';
import { ours, waitForRule } from './wait';

test('Restart Server: diagnostics are cleared with the old server and published again by the new one', async () => {
  const { document: doc } = await open('planted.framework.json');
  await waitForRule(doc.uri, 'duplicate-exact');
  let cleared = false;
  const sub = vscode.languages.onDidChangeDiagnostics((e) => {
    if (e.uris.some((u) => u.toString() === doc.uri.toString()) && ours(doc.uri).length === 0) cleared = true;
  });
  try {
    await vscode.commands.executeCommand('competencyLint.restartServer');
    await waitForRule(doc.uri, 'duplicate-exact');
    if (!cleared) throw new Error('the restart did not clear the old diagnostics');
  } finally {
    sub.dispose();
  }
});
