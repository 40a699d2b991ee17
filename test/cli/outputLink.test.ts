/**
 * --output-file at a place where the repository put a symbolic link. CI runs the command from the
 * README (`--output-file competency-lint.sarif`) in a checkout of someone else's pull request, and a
 * link committed under that name (to ~/.bashrc, say) must not have the report, which quotes the
 * repository's statements line for line in html, written over the file it points to. The link is
 * replaced by the report; a device or a pipe (/dev/stdout) is still written as it is named.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { lstatSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, tempDir, EXAMPLE_PRETTY } from './helpers';

test('--output-file replaces a symlink it meets and leaves the file the link points to alone', () => {
  const dir = tempDir();
  mkdirSync(join(dir, 'home'));
  mkdirSync(join(dir, 'repo'));
  const bashrc = join(dir, 'home', '.bashrc');
  writeFileSync(bashrc, '# the user\'s own\n');
  writeFileSync(join(dir, 'repo', 'fw.json'), EXAMPLE_PRETTY.replace(' — ', ' — x\\ntouch /tmp/pwned\\n'));
  symlinkSync('../home/.bashrc', join(dir, 'repo', 'report.html'));
  const run = cli(['--format', 'html', '--output-file', 'report.html', 'fw.json'], { cwd: join(dir, 'repo') });
  assert.ok(run.status === 0 || run.status === 1, run.stderr);
  assert.equal(readFileSync(bashrc, 'utf8'), '# the user\'s own\n', 'the report was written through the link');
  assert.ok(lstatSync(join(dir, 'repo', 'report.html')).isFile());
  assert.match(readFileSync(join(dir, 'repo', 'report.html'), 'utf8'), /^<!DOCTYPE html>/i);
});

test('--output-file through a dangling symlink creates no file where the link points', () => {
  const dir = tempDir();
  symlinkSync(join(dir, 'elsewhere.json'), join(dir, 'report.json'));
  writeFileSync(join(dir, 'fw.json'), EXAMPLE_PRETTY);
  const run = cli(['--format', 'json', '--output-file', 'report.json', 'fw.json'], { cwd: dir });
  assert.ok(run.status === 0 || run.status === 1, run.stderr);
  assert.throws(() => lstatSync(join(dir, 'elsewhere.json')), /ENOENT/);
  assert.ok(lstatSync(join(dir, 'report.json')).isFile());
});

test('--output-file at a link to a block device says that is why nothing was written', () => {
  const dir = tempDir();
  // Making a device node needs root, as the atomic write's own test does.
  const made = spawnSync('mknod', [join(dir, 'disk'), 'b', '7', '251']);
  assert.equal(made.status, 0, `mknod could not make a block device to test with: ${String(made.stderr)}`);
  symlinkSync('disk', join(dir, 'report.sarif'));
  writeFileSync(join(dir, 'fw.json'), EXAMPLE_PRETTY);
  const run = cli(['--format', 'sarif', '--output-file', 'report.sarif', 'fw.json'], { cwd: dir });
  assert.equal(run.status, 2);
  // Not "permission denied": the run may well be root's, and the reason is the kind of file.
  assert.equal(run.stderr, 'competency-lint: cannot write the report to report.sarif: it is a block device (a disk), which is never written to\n');
  assert.ok(lstatSync(join(dir, 'disk')).isBlockDevice());
});
