import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { LevelMatrixHandle } from '../../../client/src/levelMatrix';
import { open, restore } from './context';
import { test } from './harness';
import { waitForEvent, waitForRule } from './wait';

function statementCount(text: string): number {
  const levels = JSON.parse(text).framework.levels as Record<string, { statements: string[] }>;
  return Object.values(levels).reduce((n, l) => n + l.statements.length, 0);
}

test('Show Level Matrix opens a webview beside the editor, follows edits, and a click on a cell selects its statement', async () => {
  const editor = await open('planted.framework.json');
  const doc = editor.document;
  const original = doc.getText();
  await waitForRule(doc.uri, 'duplicate-exact');
  try {
    const handle = await vscode.commands.executeCommand<LevelMatrixHandle>('competencyLint.showLevelMatrix');
    assert.ok(handle, 'the command answers with the page it opened');
    assert.equal(handle.cells, statementCount(original), 'one cell per statement, rendered in the webview');
    const tab = vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview && t.label.startsWith('Level Matrix'));
    assert.ok(tab, 'a Level Matrix tab');
    assert.notEqual(tab.group.viewColumn, editor.viewColumn, 'beside the editor, not over it');

    // A click on a cell in the page (a DOM click in the webview) selects the statement's literal.
    const parsed = JSON.parse(original);
    const selected = waitForEvent(
      vscode.window.onDidChangeTextEditorSelection,
      (e) => e.textEditor.document.uri.toString() === doc.uri.toString() && !e.selections[0].isEmpty,
      'the statement to be selected',
    );
    await handle.click('/framework/levels/advanced/statements/3');
    const e = await selected;
    assert.equal(JSON.parse(doc.getText(e.selections[0])), parsed.framework.levels.advanced.statements[3]);

    // An edit reaches the page after the debounce: one more statement, one more cell.
    const at = doc.getText().indexOf(JSON.stringify(parsed.framework.levels.advanced.statements[0]));
    const edit = new vscode.WorkspaceEdit();
    edit.insert(doc.uri, doc.positionAt(at), '"Added statement — lead the added work across the organization.",\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const shown = await handle.whenRendered(doc.version);
    assert.equal(shown.cells, statementCount(original) + 1);
  } finally {
    await restore(doc, original);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  }
});

test('a level’s code lens opens the level matrix of its document', async () => {
  const editor = await open('example.framework.json');
  const doc = editor.document;
  await waitForRule(doc.uri, 'topic-gap');
  try {
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri);
    const ours = lenses.filter((l) => l.command?.title.includes('statements'));
    assert.equal(ours.length, 4, 'a lens on each level');
    const lens = ours[0];
    assert.equal(lens.command?.command, 'competencyLint.showLevelMatrix', 'the lens runs the level matrix command');
    const handle = await vscode.commands.executeCommand<LevelMatrixHandle>(lens.command!.command, ...(lens.command!.arguments ?? []));
    assert.ok(handle, 'the lens’s command opened a page');
    assert.equal(handle.uri, doc.uri.toString(), 'for the document the lens is in');
    assert.equal(handle.cells, statementCount(doc.getText()));
  } finally {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  }
});
