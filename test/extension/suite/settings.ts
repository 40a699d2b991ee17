import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { open } from './context';
import { test } from './harness';
import { codeOf, SOURCE, waitForDiagnostics, waitForRule } from './wait';

const NAMES = { error: vscode.DiagnosticSeverity.Error, warning: vscode.DiagnosticSeverity.Warning, info: vscode.DiagnosticSeverity.Information } as const;

test('changing competencyLint.rules changes the severity of a finding', async () => {
  const { document: doc } = await open('planted.framework.json');
  const [before] = await waitForRule(doc.uri, 'duplicate-exact');
  // Pick a severity other than the one in force, so the change is visible whatever the default.
  const wanted = before.severity === NAMES.info ? 'warning' : 'info';
  const config = vscode.workspace.getConfiguration('competencyLint');
  await config.update('rules', { 'duplicate-exact': wanted }, vscode.ConfigurationTarget.Workspace);
  try {
    const all = await waitForDiagnostics(doc.uri,
      (a) => a.some((d) => d.source === SOURCE && codeOf(d) === 'duplicate-exact' && d.severity === NAMES[wanted]),
      `duplicate-exact at severity ${wanted}`);
    assert.ok(all.filter((d) => d.source === SOURCE && codeOf(d) === 'duplicate-exact').every((d) => d.severity === NAMES[wanted]));
    // "off" removes the finding altogether.
    await config.update('rules', { 'duplicate-exact': 'off' }, vscode.ConfigurationTarget.Workspace);
    await waitForDiagnostics(doc.uri,
      (a) => a.some((d) => d.source === SOURCE) && !a.some((d) => d.source === SOURCE && codeOf(d) === 'duplicate-exact'),
      'duplicate-exact turned off');
  } finally {
    await config.update('rules', undefined, vscode.ConfigurationTarget.Workspace);
  }
  const [restored] = await waitForRule(doc.uri, 'duplicate-exact');
  assert.equal(restored.severity, before.severity, 'the default severity comes back when the setting is removed');
});
