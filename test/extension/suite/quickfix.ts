import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { open, restore, workspaceUri } from './context';
import { test } from './harness';
import { codeOf, SOURCE, waitForDiagnostics, waitForRule } from './wait';

test('the statement-dash quick fix puts the em dash back and the finding goes away', async () => {
  const editor = await open('planted.framework.json');
  const doc = editor.document;
  const original = doc.getText();
  const [dash] = await waitForRule(doc.uri, 'statement-dash');
  assert.match(doc.lineAt(dash.range.start.line).text, /"Collection development workflow - review/, 'on the planted statement');
  // Resolve the actions too: a server may compute an action's edit only on codeAction/resolve.
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
    'vscode.executeCodeActionProvider', doc.uri, dash.range, vscode.CodeActionKind.QuickFix.value, 20);
  const describe = actions.map((a) => `${a.title} [${a.kind?.value}; ${a.edit ? 'edit' : a.command ? 'command' : 'nothing'}]`);
  // The API command does not carry an action's diagnostics across, so the fix is recognised by what
  // it edits: the planted statement, where the finding is.
  const fix = actions.find((a) => a.edit?.get(doc.uri).some((e) => e.range.contains(dash.range)));
  assert.ok(fix, `a quick fix for statement-dash among: ${describe.join(' | ')}`);
  assert.ok(fix.kind && vscode.CodeActionKind.QuickFix.contains(fix.kind), 'it is a quick fix');
  assert.ok(fix.edit || fix.command, `it does something: ${describe.join(' | ')}`);
  if (fix.edit) assert.ok(await vscode.workspace.applyEdit(fix.edit));
  if (fix.command) await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));
  assert.match(doc.getText(), /"Collection development workflow — review faculty/);
  await waitForDiagnostics(doc.uri, (all) => all.some((d) => d.source === SOURCE) && !all.some((d) => d.source === SOURCE && codeOf(d) === 'statement-dash'),
    'the statement-dash finding to go while the others stay');
  await restore(doc, original);
  await waitForRule(doc.uri, 'statement-dash');
});

test('Suppress … in a new .competency-lint.json: applied as VS Code applies it, the finding goes and the config is on disk', async () => {
  const { document: doc } = await open('example.framework.json');
  const [outlier] = await waitForRule(doc.uri, 'scope-outlier');
  const config = workspaceUri('.competency-lint.json');
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
    'vscode.executeCodeActionProvider', doc.uri, outlier.range, vscode.CodeActionKind.QuickFix.value, 20);
  const suppress = actions.find((a) => a.title === 'Suppress scope-outlier for this statement in a new .competency-lint.json');
  assert.ok(suppress?.edit, `the suppression among: ${actions.map((a) => a.title).join(' | ')}`);
  try {
    // As VS Code runs a code action: its edit, then its command (which saves the config, so that
    // the server and the CLI, which read configs from disk, see it).
    assert.ok(await vscode.workspace.applyEdit(suppress.edit));
    assert.ok(suppress.command, 'the action saves the config it edits');
    await vscode.commands.executeCommand(suppress.command.command, ...(suppress.command.arguments ?? []));
    // The others stay (a config the server could not read would replace them all with one error).
    await waitForDiagnostics(doc.uri, (all) => all.some((d) => d.source === SOURCE && codeOf(d) === 'topic-gap') && !all.some((d) => d.source === SOURCE && codeOf(d) === 'scope-outlier'),
      'the scope-outlier finding to go while the others stay');
    const written = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(config)));
    const statement = JSON.parse(doc.getText()).framework.levels.developing.statements[2];
    assert.deepEqual(written, { suppressions: [{ file: './example.framework.json', pointer: '/framework/levels/developing', statement, rule: 'scope-outlier' }] });
  } finally {
    // The workspace is shared by the suite: the next tests expect no config at its root.
    await vscode.workspace.fs.delete(config).then(undefined, () => undefined);
  }
  await waitForRule(doc.uri, 'scope-outlier');
});

test('a config with unsaved changes gets the suppression but is not saved for the user', async () => {
  const { document: doc } = await open('example.framework.json');
  const [outlier] = await waitForRule(doc.uri, 'scope-outlier');
  const config = workspaceUri('.competency-lint.json');
  // A config the server must have read before the actions are asked for: it makes topic-gap a warning.
  await vscode.workspace.fs.writeFile(config, new TextEncoder().encode('{ "rules": { "topic-gap": "warning" } }\n'));
  try {
    await waitForDiagnostics(doc.uri, (all) => all.some((d) => d.source === SOURCE && codeOf(d) === 'topic-gap' && d.severity === vscode.DiagnosticSeverity.Warning),
      'topic-gap as a warning, from the new config');
    const configDoc = await vscode.workspace.openTextDocument(config);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(config, new vscode.Position(0, 1), ' "root": true,');
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.ok(configDoc.isDirty, 'the user is editing the config');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider', doc.uri, outlier.range, vscode.CodeActionKind.QuickFix.value, 20);
    const suppress = actions.find((a) => a.title === 'Suppress scope-outlier for this statement in .competency-lint.json');
    assert.ok(suppress?.edit, `the suppression among: ${actions.map((a) => a.title).join(' | ')}`);
    assert.equal(suppress.command, undefined, 'no save of the user\'s unsaved work');
  } finally {
    // Back to no config at the root for the tests that follow: the unsaved text is dropped, then the file.
    for (const d of vscode.workspace.textDocuments) {
      if (d.uri.toString() === config.toString() && d.isDirty) {
        const undo = new vscode.WorkspaceEdit();
        undo.replace(config, new vscode.Range(d.positionAt(0), d.positionAt(d.getText().length)), '{ "rules": { "topic-gap": "warning" } }\n');
        await vscode.workspace.applyEdit(undo);
        await d.save();
      }
    }
    await vscode.workspace.fs.delete(config).then(undefined, () => undefined);
  }
  await waitForDiagnostics(doc.uri, (all) => all.some((d) => d.source === SOURCE && codeOf(d) === 'topic-gap' && d.severity === vscode.DiagnosticSeverity.Information),
    'topic-gap back to a note once the config is gone');
});

test('on a topic-gap finding, "Add a statement on …" applied as VS Code applies it puts the placeholder at the level', async () => {
  const editor = await open('example.framework.json');
  const doc = editor.document;
  const original = doc.getText();
  const gaps = await waitForRule(doc.uri, 'topic-gap');
  const gap = gaps.find((d) => /"Circulation procedures"/.test(d.message));
  assert.ok(gap, `the example's Circulation procedures gap among: ${gaps.map((d) => d.message).join(' | ')}`);
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
    'vscode.executeCodeActionProvider', doc.uri, gap.range, vscode.CodeActionKind.QuickFix.value, 20);
  const add = actions.find((a) => a.title === 'Add a statement on "Circulation procedures" to Advanced');
  assert.ok(add?.edit, `the action among: ${actions.map((a) => a.title).join(' | ')}`);
  try {
    assert.ok(await vscode.workspace.applyEdit(add.edit));
    // The LSP tier checks that the gap stays reported once the server has the new text.
    assert.equal(JSON.parse(doc.getText()).framework.levels.advanced.statements.at(-1), 'Circulation procedures — to be written.');
  } finally {
    await restore(doc, original);
  }
});
