import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { LanguageClient, StateChangeEvent } from 'vscode-languageclient/node';
import { EXTENSION_ID, open } from './context';
import { test } from './harness';
import { ours, waitForEvent, waitForRule } from './wait';

/** vscode-languageclient's State, by value: importing the enum would bundle the library into the suite. */
const State: Record<number, string> & { Running: number } = { 1: 'Stopped', 2: 'Running', 3: 'Starting', Running: 2 };

test('Restart Server: diagnostics are cleared with the old server and published again by the new one', async () => {
  const { document: doc } = await open('planted.framework.json');
  await waitForRule(doc.uri, 'duplicate-exact');
  let cleared = false;
  const sub = vscode.languages.onDidChangeDiagnostics((e) => {
    if (e.uris.some((u) => u.toString() === doc.uri.toString()) && ours(doc.uri).length === 0) cleared = true;
  });
  // The status bar through the restart: "starting", never the error item of a server that stopped.
  const api = (await vscode.extensions.getExtension(EXTENSION_ID)?.activate()) as { client: LanguageClient; statusText(): string };
  const shown: string[] = [];
  const states = api.client.onDidChangeState((e) => shown.push(`${State[e.newState]}: ${api.statusText()}`));
  try {
    await vscode.commands.executeCommand('competencyLint.restartServer');
    await waitForRule(doc.uri, 'duplicate-exact');
    if (!cleared) throw new Error('the restart did not clear the old diagnostics');
    assert.ok(shown.some((s) => s.startsWith('Stopped: ')), `the restart stopped the server: ${shown.join(' | ')}`);
    assert.ok(!shown.some((s) => s.includes('$(error)')), `the status bar showed an error during the restart: ${shown.join(' | ')}`);
  } finally {
    sub.dispose();
    states.dispose();
  }
});

test('the status bar follows a server that exits on its own: it shows the restart, then the findings again', async () => {
  const { document: doc } = await open('planted.framework.json');
  await waitForRule(doc.uri, 'duplicate-exact');
  const api = (await vscode.extensions.getExtension(EXTENSION_ID)?.activate()) as { client: LanguageClient; statusText(): string };
  assert.match(api.statusText(), /\d+ findings?/, 'the status bar counts the findings before');
  // Our listener was added after the extension's own, so it sees the status bar as the extension left it.
  const seen: string[] = [];
  const sub = api.client.onDidChangeState((e) => seen.push(`${State[e.newState]}: ${api.statusText()}`));
  try {
    const running = waitForEvent<StateChangeEvent>(api.client.onDidChangeState, (e) => e.newState === State.Running, 'the server running again');
    // An exit without shutdown is what a crash looks like to the client, which restarts the server.
    await api.client.sendNotification('exit');
    await running;
    assert.ok(seen.some((s) => s === 'Starting: $(sync~spin) Competency Lint'), `the status bar showed the restart; it showed:\n${seen.join('\n')}`);
    await waitForRule(doc.uri, 'duplicate-exact');
    assert.match(api.statusText(), /\d+ findings?/, 'the status bar counts the findings after');
  } finally {
    sub.dispose();
  }
});
