import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { open, restore } from './context';
import { test } from './harness';
import { codeOf, SOURCE, waitForDiagnostics, waitForRule } from './wait';

test('the statement-dash quick fix puts the em dash back and the finding goes away', async () => {
  const editor = await open('planted.framework.json');
  const doc = editor.document;
  const original = doc.getText();
  const [dash] = await waitForRule(doc.uri, 'statement-dash');
  assert.match(doc.lineAt(dash.range.start.line).text, /"Collection development workflow - review/, 'on the planted statement');
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
    'vscode.executeCodeActionProvider', doc.uri, dash.range, vscode.CodeActionKind.QuickFix.value);
  const fix = actions.find((a) => a.diagnostics?.some((d) => d.source === SOURCE && codeOf(d) === 'statement-dash') && a.edit);
  assert.ok(fix, `a quick fix for statement-dash among: ${actions.map((a) => a.title).join(' | ')}`);
  assert.ok(fix.kind && vscode.CodeActionKind.QuickFix.contains(fix.kind), 'it is a quick fix');
  assert.ok(await vscode.workspace.applyEdit(fix.edit!));
  assert.match(doc.getText(), /"Collection development workflow — review faculty/);
  await waitForDiagnostics(doc.uri, (all) => all.some((d) => d.source === SOURCE) && !all.some((d) => d.source === SOURCE && codeOf(d) === 'statement-dash'),
    'the statement-dash finding to go while the others stay');
  await restore(doc, original);
  await waitForRule(doc.uri, 'statement-dash');
});
