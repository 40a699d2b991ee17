/**
 * When the report has colours (https://no-color.org and the FORCE_COLOR convention): the options
 * win, then NO_COLOR, then FORCE_COLOR (0 and false force them off), then whether standard output
 * is a terminal; a report written to a file never has them unless asked.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useColor, type Io } from '../../../server/src/cli/output';

function io(env: NodeJS.ProcessEnv, tty: boolean): Io {
  return { cwd: '/', env, stdoutIsTTY: tty, writeStdout: () => {}, writeStderr: () => {}, readStdin: async () => new Uint8Array() };
}

test('FORCE_COLOR=0 and FORCE_COLOR=false turn colours off, even on a terminal', () => {
  for (const value of ['0', 'false']) assert.equal(useColor(io({ FORCE_COLOR: value }, true), undefined, false), false, value);
  for (const value of ['1', '2', 'true', '']) assert.equal(useColor(io({ FORCE_COLOR: value }, false), undefined, false), true, value);
});

test('the options win over the environment; NO_COLOR over FORCE_COLOR; a terminal decides otherwise', () => {
  assert.equal(useColor(io({ NO_COLOR: '1' }, true), true, false), true);
  assert.equal(useColor(io({ FORCE_COLOR: '1' }, true), false, false), false);
  assert.equal(useColor(io({ NO_COLOR: '1', FORCE_COLOR: '1' }, true), undefined, false), false);
  assert.equal(useColor(io({}, true), undefined, false), true);
  assert.equal(useColor(io({ TERM: 'dumb' }, true), undefined, false), false);
  assert.equal(useColor(io({}, false), undefined, false), false);
  assert.equal(useColor(io({ FORCE_COLOR: '1' }, true), undefined, true), false, 'never in a file unless asked');
});
