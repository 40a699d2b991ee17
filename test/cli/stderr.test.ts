/**
 * Standard error carries text that comes with a repository: file names found in a folder and what a
 * config holds (an unknown rule id is quoted back). A CI runner reads every line of the step's
 * output for workflow commands (`::error::`, `::add-mask::`, `::set-output`), and a terminal obeys
 * escape sequences, so a name with a line break or an escape must not reach either as it is: such
 * characters are shown as code points, and line breaks become spaces, as in the stylish report.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, tempDir, FIXTURES } from './helpers';

const INJECTED = 'x\n::error title=pwn::injected\u001b]0;title\u0007\r::add-mask::y';

/** No line of standard error starts a workflow command, and no control character is left in it. */
function assertInert(stderr: string): void {
  for (const line of stderr.split('\n')) assert.doesNotMatch(line.trimStart(), /^::/, `a workflow command on standard error: ${JSON.stringify(line)}`);
  // eslint-disable-next-line no-control-regex
  assert.doesNotMatch(stderr.replace(/\n/g, ''), /[\u0000-\u001f\u007f-\u009f]/, `a control character on standard error: ${JSON.stringify(stderr)}`);
}

test('a config that quotes back a crafted rule id says so on one line, without escape sequences', () => {
  const dir = tempDir();
  cpSync(join(FIXTURES, 'frameworks', 'style.json'), join(dir, 'fw.json'));
  writeFileSync(join(dir, '.competency-lint.json'), JSON.stringify({ rules: { [INJECTED]: 'off' } }));
  const run = cli(['fw.json'], { cwd: dir });
  assert.equal(run.status, 2);
  assert.match(run.stderr, /unknown rule "x ::error title=pwn::injected<U\+001B>\]0;title<U\+0007> ::add-mask::y"/);
  assertInert(run.stderr);
  const explained = cli(['explain', 'fw.json'], { cwd: dir });
  assert.equal(explained.status, 2);
  assert.match(explained.stderr, /unknown rule/);
  assertInert(explained.stderr);
});

test('a file name with a line break and an escape, met in a folder, is reported on one line', () => {
  const dir = tempDir();
  mkdirSync(join(dir, 'exports'));
  symlinkSync('missing.json', join(dir, 'exports', `${INJECTED}.json`));
  const run = cli(['exports'], { cwd: dir });
  assert.equal(run.status, 2);
  assert.match(run.stderr, /no such file or directory/);
  assert.equal(run.stderr.trimEnd().split('\n').length, 1, run.stderr);
  assertInert(run.stderr);
});
