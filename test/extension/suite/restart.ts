import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { LanguageClient, StateChangeEvent } from 'vscode-languageclient/node';
import { EXTENSION_ID, open, workspaceUri } from './context';
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

/**
 * Lint Workspace's findings of files no editor has open live in the server that linted them, and
 * the client clears the old server's diagnostics at a restart: without a run on the new server, a
 * reviewer saw a Problems panel that looked clean and was not. The command ends once that run has.
 */
test('Restart Server: the findings Lint Workspace put in Problems come back from the new server, but a file deleted meanwhile', async () => {
  const closed = workspaceUri('unopened', 'closed.framework.json');
  const deleted = workspaceUri('unopened', 'deleted-later.framework.json');
  await vscode.workspace.fs.writeFile(deleted, await vscode.workspace.fs.readFile(closed));
  try {
    await vscode.commands.executeCommand('competencyLint.lintWorkspace');
    await waitForRule(closed, 'topic-gap');
    await waitForRule(deleted, 'topic-gap');
    await vscode.workspace.fs.delete(deleted);
    await vscode.commands.executeCommand('competencyLint.restartServer');
    await waitForRule(closed, 'topic-gap', 20_000);
    assert.deepEqual(ours(deleted), [], 'a file deleted before the restart is not in Problems');
  } finally {
    await vscode.workspace.fs.delete(deleted).then(undefined, () => undefined);
  }
});

test('the status bar follows a server that exits on its own: it shows the restart, then the findings again, Lint Workspace\'s too', async () => {
  const { document: doc } = await open('planted.framework.json');
  await waitForRule(doc.uri, 'duplicate-exact');
  // The client's own restart after a crash also brings back what Lint Workspace found.
  const closed = workspaceUri('unopened', 'closed.framework.json');
  await vscode.commands.executeCommand('competencyLint.lintWorkspace');
  await waitForRule(closed, 'topic-gap');
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
    await waitForRule(closed, 'topic-gap', 20_000);
  } finally {
    sub.dispose();
  }
});
