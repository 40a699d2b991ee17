/**
 * Atomic writes (--fix, --output-file): the new content replaces the old in one rename, keeping the
 * file's permissions and any symlink; a write that fails leaves the target as it was and no
 * temporary file behind.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AtomicFile, writeFileAtomic } from '../../../server/src/node/atomicWrite';

const fresh = () => mkdtempSync(join(tmpdir(), 'competency-lint-atomic-'));

test('replaces the content, keeps the mode, leaves no temporary file', () => {
  const dir = fresh();
  const file = join(dir, 'a.json');
  writeFileSync(file, 'old');
  chmodSync(file, 0o600);
  writeFileAtomic(file, 'new\r\n');
  assert.equal(readFileSync(file, 'utf8'), 'new\r\n');
  assert.equal(statSync(file).mode & 0o777, 0o600);
  assert.deepEqual(readdirSync(dir), ['a.json']);
});

test('creates a new file, and writes bytes as given', () => {
  const dir = fresh();
  writeFileAtomic(join(dir, 'b.json'), Buffer.from([0xff, 0xfe, 0x7b, 0x00]));
  assert.deepEqual([...readFileSync(join(dir, 'b.json'))], [0xff, 0xfe, 0x7b, 0x00]);
});

test('writes through a symlink to the file it points to', () => {
  const dir = fresh();
  writeFileSync(join(dir, 'real.json'), 'old');
  symlinkSync('real.json', join(dir, 'link.json'));
  writeFileAtomic(join(dir, 'link.json'), 'new');
  assert.ok(lstatSync(join(dir, 'link.json')).isSymbolicLink());
  assert.equal(readFileSync(join(dir, 'real.json'), 'utf8'), 'new');
});

test('a failed write throws, leaves the target untouched and cleans up', () => {
  const dir = fresh();
  // The rename cannot replace a non-empty directory.
  mkdirSync(join(dir, 'target.json'));
  writeFileSync(join(dir, 'target.json', 'inside'), 'kept');
  assert.throws(() => writeFileAtomic(join(dir, 'target.json'), 'new'));
  assert.equal(readFileSync(join(dir, 'target.json', 'inside'), 'utf8'), 'kept');
  assert.deepEqual(readdirSync(dir), ['target.json']);
  // A folder that does not exist: the temporary file cannot even be created.
  assert.throws(() => writeFileAtomic(join(dir, 'missing', 'x.json'), 'new'), /ENOENT/);
});

test('written in steps, the target keeps its old content until commit, and abort leaves it as it was', () => {
  const dir = fresh();
  const file = join(dir, 'report.json');
  writeFileSync(file, 'old');
  const out = AtomicFile.open(file);
  out.write('[\n');
  out.write(Buffer.from('1\n]\n'));
  assert.equal(readFileSync(file, 'utf8'), 'old');
  out.commit();
  assert.equal(readFileSync(file, 'utf8'), '[\n1\n]\n');
  assert.deepEqual(readdirSync(dir), ['report.json']);

  const dropped = AtomicFile.open(file);
  dropped.write('half');
  dropped.abort();
  dropped.abort();
  assert.equal(readFileSync(file, 'utf8'), '[\n1\n]\n');
  assert.deepEqual(readdirSync(dir), ['report.json']);
  assert.throws(() => dropped.write('more'), /closed/);
});
