import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, open, restore, workspaceUri } from './context';
import { test } from './harness';
import { ours, waitForRule } from './wait';

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
  // "analysing" until its (empty) diagnostics come, then the count.
  await waitForStatus(api, '$(checklist) 0 findings');
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

/**
 * The server tells the client it lints a document just before the diagnostics of that analysis (a
 * large document's come seconds later). Until they come the item must not count them as none:
 * "0 findings" over a framework that has findings is a wrong answer, where "analysing" is not.
 */
test('a document that becomes a framework shows "analysing", never "0 findings", until its diagnostics come', async () => {
  const api = (await vscode.extensions.getExtension(EXTENSION_ID)?.activate()) as { statusText(): string; statusShownSince(): string[] };
  const framework = new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceUri('example.framework.json')));
  // An untitled document, so that no file of the workspace changes: first JSON that is no framework,
  // which the server decides on before the framework's text arrives.
  const doc = await vscode.workspace.openTextDocument({ language: 'json', content: '{}\n' });
  const editor = await vscode.window.showTextDocument(doc, { preview: false });
  try {
    await askServer(doc);
    assert.equal(api.statusText(), '', 'JSON that is no framework gets no item');
    api.statusShownSince();
    assert.ok(await editor.edit((e) => e.replace(new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), framework)));
    await waitForRule(doc.uri, 'topic-gap');
    const expected = `$(checklist) ${ours(doc.uri).length} findings`;
    await waitForStatus(api, expected);
    const shown = api.statusShownSince();
    assert.deepEqual(shown.filter((t) => t.startsWith('$(checklist)')), [expected], `the status bar showed ${JSON.stringify(shown)}`);
  } finally {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
});

/**
 * Resolves once the item shows `text`. It changes on the editor's diagnostics events, whose
 * listeners run in an order the test does not control, so the item is read again shortly after.
 */
async function waitForStatus(api: { statusText(): string }, text: string, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (api.statusText() !== text) {
    if (Date.now() > until) throw new Error(`waited ${timeoutMs} ms for the status bar to show "${text}"; it shows "${api.statusText()}"`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
