import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, open, restore } from './context';
import { test } from './harness';

/**
 * The status bar follows the server's decision (competencyLint/linted) instead of sniffing the text
 * itself. A document symbol request makes the server analyse the document, and the decision is sent
 * before the answer, so once the answer is back the status bar has heard it.
 */
async function askServer(doc: vscode.TextDocument): Promise<void> {
  await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', doc.uri);
}

test('the status bar counts where the server lints: a file a config selects, not a framework a config ignores', async () => {
  const api = (await vscode.extensions.getExtension(EXTENSION_ID)?.activate()) as { statusText(): string };
  // status/.competency-lint.json selects selected.json (no framework, and clean with the schema rule off).
  const { document: selected } = await open('status', 'selected.json');
  await askServer(selected);
  assert.equal(api.statusText(), '$(checklist) 0 findings', 'a clean file the config selects is counted');
  // It ignores archived.json, a copy of the example that looks like any framework.
  const { document: archived } = await open('status', 'archived.json');
  await askServer(archived);
  assert.equal(api.statusText(), '', 'a framework the config ignores gets no count');
  // An edit there does not claim an analysis that never comes either.
  const original = archived.getText();
  assert.ok(await vscode.window.activeTextEditor!.edit((e) => e.insert(new vscode.Position(0, 0), ' ')));
  try {
    assert.equal(api.statusText(), '', 'no "analysing" after an edit of an ignored framework');
  } finally {
    await restore(archived, original);
  }
});
