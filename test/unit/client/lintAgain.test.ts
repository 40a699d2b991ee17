/**
 * When the client lints the workspace again after the server restarts (client/src/lintAgain.ts):
 * after any restart once Lint Workspace was run in this window, but not after a crash that came
 * while it ran, which a run again would repeat on each new server until the client gave up.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LintAgain } from '../../../client/src/lintAgain';

const COMMAND = 'competencyLint.lintWorkspace';

test('a restarted server lints the workspace again once Lint Workspace was run in this window, and not before', () => {
  const again = new LintAgain();
  assert.equal(again.serverReady(), undefined, 'the first start');
  again.restartRequested();
  assert.equal(again.serverReady(), undefined, 'a restart before any run');
  again.ended(again.started(COMMAND), true);
  again.restartRequested();
  assert.equal(again.serverReady(), COMMAND, 'Restart Server');
  assert.equal(again.serverReady(), COMMAND, 'the client restarting a server that exited on its own');
});

test('a crash while Lint Workspace runs is not followed by a run again, unless the user asked for the restart', () => {
  const again = new LintAgain();
  again.ended(again.started(COMMAND), true);
  // The server goes down during a run; its request fails before or after the new server is ready.
  again.ended(again.started(COMMAND), false);
  assert.equal(again.serverReady(), undefined, 'the failure came first');
  const late = again.started(COMMAND);
  assert.equal(again.serverReady(), undefined, 'the new server came first');
  again.ended(late, false);
  assert.equal(again.serverReady(), COMMAND, 'a late failure from an older server is no news of this one');
  // Restart Server during a run: the user wants the findings back.
  again.started(COMMAND);
  again.restartRequested();
  assert.equal(again.serverReady(), COMMAND);
});

test('an answered run after a failed one clears the failure', () => {
  const again = new LintAgain();
  again.ended(again.started(COMMAND), false);
  again.ended(again.started(COMMAND), true);
  assert.equal(again.serverReady(), COMMAND);
});
