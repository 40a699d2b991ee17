import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { open } from './context';
import { test } from './harness';
import { codeOf, ours, waitForEvent, waitForRule } from './wait';

/** Resolves when a tab whose label names `file` is open (now, or once the tabs change). */
async function tabOpens(file: string): Promise<vscode.Tab> {
  const find = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.label.includes(file));
  const now = find();
  if (now) return now;
  await waitForEvent(vscode.window.tabGroups.onDidChangeTabs, () => find() !== undefined, `a tab showing ${file}`);
  return find()!;
}

async function closeTab(tab: vscode.Tab): Promise<void> {
  await vscode.window.tabGroups.close(tab);
}

test('Open Rule Documentation shows the page shipped with the extension: for a rule id, and for the finding under the cursor', async () => {
  await vscode.commands.executeCommand('competencyLint.openRuleDocumentation', 'statement-dash');
  const byId = await tabOpens('statement-dash.md');
  assert.ok(byId.input instanceof vscode.TabInputWebview || byId.input instanceof vscode.TabInputText, 'a Markdown preview (or the page itself)');
  await closeTab(byId);

  // With no argument: the rule of the only finding at the cursor.
  const editor = await open('planted.framework.json');
  const doc = editor.document;
  await waitForRule(doc.uri, 'duplicate-exact');
  const all = ours(doc.uri);
  const alone = all.find((d) => all.filter((o) => o.range.contains(d.range.start)).length === 1);
  assert.ok(alone, 'some finding is alone at its start position');
  editor.selection = new vscode.Selection(alone.range.start, alone.range.start);
  await vscode.commands.executeCommand('competencyLint.openRuleDocumentation');
  await closeTab(await tabOpens(`${codeOf(alone)}.md`));
});
