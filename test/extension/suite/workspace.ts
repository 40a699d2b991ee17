import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { workspaceUri } from './context';
import { test } from './harness';
import { ours, waitForRule } from './wait';

/**
 * The summary notification itself is read from the workbench's page by the code-server tier
 * (test/extension/code-server.test.ts), which sees what the user sees.
 */
test('Lint Workspace reports on frameworks no editor has open, and on nothing else', async () => {
  const closed = workspaceUri('unopened', 'closed.framework.json');
  assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === closed.toString()), 'the file is not open');
  assert.deepEqual(ours(closed), []);
  const summary = (await vscode.commands.executeCommand('competencyLint.lintWorkspace')) as { files: number; findings: number; problems: string[] } | undefined;
  await waitForRule(closed, 'topic-gap');
  assert.ok(summary && summary.files >= 1 && summary.findings >= ours(closed).length, `the command answers with its counts: ${JSON.stringify(summary)}`);
  assert.deepEqual(ours(workspaceUri('notes', 'not-a-framework.json')), [], 'other JSON stays clean');
  assert.deepEqual(ours(workspaceUri('config-check', '.competency-lint.json')), [], 'so does a config file');
});
