import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { workspaceUri } from './context';
import { test } from './harness';
import { ours, waitForRule } from './wait';

test('Lint Workspace reports on frameworks no editor has open, and on nothing else', async () => {
  const closed = workspaceUri('unopened', 'closed.framework.json');
  assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === closed.toString()), 'the file is not open');
  assert.deepEqual(ours(closed), []);
  await vscode.commands.executeCommand('competencyLint.lintWorkspace');
  await waitForRule(closed, 'topic-gap');
  assert.deepEqual(ours(workspaceUri('notes', 'not-a-framework.json')), [], 'other JSON stays clean');
  assert.deepEqual(ours(workspaceUri('config-check', '.competency-lint.json')), [], 'so does a config file');
});
