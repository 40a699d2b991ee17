import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { hoverText, open, restore } from './context';
import { test } from './harness';
import { positionOf, waitForRule } from './wait';

test('hover on a statement names its level and topic; hover on soc gives the O*NET occupation', async () => {
  const { document: doc } = await open('example.framework.json');
  await waitForRule(doc.uri, 'topic-gap'); // the server has analysed the document
  const onStatement = await vscode.commands.executeCommand<vscode.Hover[]>(
    'vscode.executeHoverProvider', doc.uri, positionOf(doc, '"Circulation procedures — execute', 5));
  const statementText = hoverText(onStatement);
  assert.match(statementText, /Emerging/, `statement hover names the level:\n${statementText}`);
  assert.match(statementText, /Circulation procedures/, 'statement hover names the topic');

  const onSoc = await vscode.commands.executeCommand<vscode.Hover[]>(
    'vscode.executeHoverProvider', doc.uri, positionOf(doc, '"25-4022.00"', 3));
  const socText = hoverText(onSoc);
  assert.match(socText, /Librarians and Media Collections Specialists/, `soc hover gives the O*NET title:\n${socText}`);
  assert.match(socText, /O\*NET/, 'with attribution');
});

test('completion of a SOC code prefix offers the occupation with its title', async () => {
  const editor = await open('example.framework.json');
  const doc = editor.document;
  const original = doc.getText();
  const at = original.indexOf('"25-4022.00"');
  const value = new vscode.Range(doc.positionAt(at + 1), doc.positionAt(at + 11));
  assert.ok(await editor.edit((e) => e.replace(value, '25-402')));
  try {
    // Resolve the items too: a server may send details and documentation only on resolve.
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider', doc.uri, doc.positionAt(at + 1 + '25-402'.length), undefined, 200);
    const describe = (i: vscode.CompletionItem) => JSON.stringify([i.label, i.detail, i.documentation, i.insertText instanceof vscode.SnippetString ? i.insertText.value : i.insertText]);
    const items = list.items.filter((i) => describe(i).includes('25-4022.00'));
    assert.ok(items.length > 0, `an item for 25-4022.00 among: ${list.items.slice(0, 20).map(describe).join(', ')}`);
    assert.ok(items.some((i) => /Librarians and Media Collections Specialists/.test(describe(i))),
      `the item shows the O*NET title: ${items.map(describe).join(', ')}`);
  } finally {
    await restore(doc, original);
  }
});

test('F2 on a topic: VS Code prepares the rename on the topic and gets an edit of it; on the body, the server\'s reason', async () => {
  const { document: doc } = await open('example.framework.json');
  await waitForRule(doc.uri, 'topic-gap'); // the server has analysed the document
  const prepared = await vscode.commands.executeCommand<{ range: vscode.Range; placeholder: string }>(
    'vscode.prepareRename', doc.uri, positionOf(doc, '"Circulation procedures — execute', 5));
  assert.equal(prepared.placeholder, 'Circulation procedures');
  assert.equal(doc.getText(prepared.range), 'Circulation procedures');

  const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>(
    'vscode.executeDocumentRenameProvider', doc.uri, positionOf(doc, '"Circulation procedures — execute', 5), 'Lending services');
  const edits = edit.get(doc.uri);
  assert.ok(edits.length > 0, 'an edit of this document');
  for (const e of edits) {
    assert.equal(doc.getText(e.range), 'Circulation procedures');
    assert.equal(e.newText, 'Lending services');
  }

  await assert.rejects(
    Promise.resolve(vscode.commands.executeCommand('vscode.prepareRename', doc.uri, positionOf(doc, 'execute check-in', 3))),
    (err: Error) => /put the cursor on "Circulation procedures"/.test(String(err?.message ?? err)),
  );
});

test('the SOC code is a link to the occupation on O*NET OnLine (Ctrl+click)', async () => {
  const { document: doc } = await open('example.framework.json');
  await waitForRule(doc.uri, 'topic-gap'); // the server has analysed the document
  const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', doc.uri);
  const onet = links.filter((l) => l.target?.toString(true).startsWith('https://www.onetonline.org/'));
  assert.equal(onet.length, 1, `links: ${links.map((l) => l.target?.toString(true)).join(', ')}`);
  assert.equal(onet[0].target?.toString(true), 'https://www.onetonline.org/link/summary/25-4022.00');
  assert.equal(doc.getText(onet[0].range), '25-4022.00');
});
