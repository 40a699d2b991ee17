/**
 * Symbolic links in a walked folder. A repository is often linted as someone else wrote it (a pull
 * request in CI), so a link it holds must not take the linter out of the folder it was asked to
 * walk: the frameworks there would be quoted in the report and, with --fix, rewritten. A link that
 * stays inside the folder is followed as before, and so is one the user names.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, tempDir, EXAMPLE_PRETTY } from './helpers';

/** The example with a hyphen for its first em dash: one safe statement-dash fix. */
const FIXABLE = EXAMPLE_PRETTY.replace(' — ', ' - ');

function files(stdout: string): string[] {
  return (JSON.parse(stdout) as { filePath: string }[]).map((r) => r.filePath);
}

/** A repository with exports/ and, beside it, a folder outside that holds a fixable framework. */
function layout(): { dir: string; outside: string } {
  const dir = tempDir();
  const outside = join(dir, 'outside');
  mkdirSync(outside);
  writeFileSync(join(outside, 'private.json'), FIXABLE);
  mkdirSync(join(dir, 'repo', 'exports', 'nested'), { recursive: true });
  writeFileSync(join(dir, 'repo', 'exports', 'own.json'), EXAMPLE_PRETTY);
  return { dir, outside };
}

test('a link out of the walked folder is not followed: neither linted nor fixed', () => {
  const { dir, outside } = layout();
  const exports = join(dir, 'repo', 'exports');
  symlinkSync('../../outside', join(exports, 'linked'));
  symlinkSync('../../outside/private.json', join(exports, 'file.json'));
  // A link to an ancestor leads out too (to this test's folder, never higher: run before the fix,
  // this test lets --fix rewrite every framework the link leads to).
  symlinkSync('../../..', join(exports, 'nested', 'up'));
  const run = cli(['--format', 'json', '--fix', 'exports'], { cwd: join(dir, 'repo') });
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stderr, '');
  assert.deepEqual(files(run.stdout), [join(exports, 'own.json')]);
  assert.equal(readFileSync(join(outside, 'private.json'), 'utf8'), FIXABLE, 'a file outside the folder was rewritten');
});

test('a link that stays inside the walked folder, or one named by the user, is followed', () => {
  const { dir, outside } = layout();
  const exports = join(dir, 'repo', 'exports');
  writeFileSync(join(exports, 'nested', 'deep.json'), EXAMPLE_PRETTY);
  symlinkSync('nested', join(exports, 'alias'));
  const inside = cli(['--format', 'json', 'exports'], { cwd: join(dir, 'repo') });
  assert.equal(inside.status, 0, inside.stderr);
  // A folder's files come before its subfolders, and the same framework met through two paths is
  // linted once, by the first path met.
  assert.deepEqual(files(inside.stdout), [join(exports, 'own.json'), join(exports, 'alias', 'deep.json')]);

  symlinkSync('../../outside', join(exports, 'linked'));
  const named = cli(['--format', 'json', 'exports/linked'], { cwd: join(dir, 'repo') });
  assert.equal(named.status, 0, named.stderr);
  assert.deepEqual(files(named.stdout), [join(exports, 'linked', 'private.json')]);
  assert.equal(readFileSync(join(outside, 'private.json'), 'utf8'), FIXABLE);
});
