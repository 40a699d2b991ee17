/**
 * Atomic writes (--fix, --output-file): the new content replaces the old in one rename, keeping the
 * file's permissions and any symlink; a write that fails leaves the target as it was and no
 * temporary file behind.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { chmodSync, chownSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
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

// A bound, so that a regression which never opens the pipe fails the test instead of hanging it.
test('a target that is not a regular file (a named pipe here, /dev/null for a user) is written to, not replaced', { timeout: 20_000 }, async () => {
  const dir = fresh();
  const fifo = join(dir, 'report.pipe');
  assert.equal(spawnSync('mkfifo', [fifo]).status, 0, 'mkfifo is needed for this test');
  // The reader opens the pipe and keeps what comes through it.
  const reader = spawn('cat', [fifo]);
  let received = '';
  reader.stdout.on('data', (chunk: Buffer) => (received += chunk.toString('utf8')));
  const exited = once(reader, 'exit');
  writeFileAtomic(fifo, 'through the pipe\n');
  const stillPipe = lstatSync(fifo).isFIFO();
  // Had the pipe been replaced by a file, the reader would wait for a writer for ever.
  if (!stillPipe) reader.kill();
  await exited;
  assert.ok(stillPipe, 'the named pipe was replaced by a regular file');
  assert.equal(received, 'through the pipe\n');
  assert.deepEqual(readdirSync(dir), ['report.pipe']);
});

const asRoot = process.getuid?.() === 0;
test('the replaced file keeps its owner and group, as well as its mode, when root writes it', { skip: asRoot ? false : 'only root can give a file to another user' }, () => {
  const dir = fresh();
  const file = join(dir, 'theirs.json');
  writeFileSync(file, 'old');
  chownSync(file, 65534, 65534);
  chmodSync(file, 0o640);
  writeFileAtomic(file, 'fixed');
  const after = statSync(file);
  assert.deepEqual({ uid: after.uid, gid: after.gid, mode: after.mode & 0o777 }, { uid: 65534, gid: 65534, mode: 0o640 });
  assert.equal(readFileSync(file, 'utf8'), 'fixed');
});

test('refuses a block device, also through a link, and writes nothing to it', () => {
  const dir = fresh();
  const device = join(dir, 'disk');
  // Making a device node needs root, which CI and this project's machines have; a machine without
  // it fails here, saying why, rather than passing without the check.
  const made = spawnSync('mknod', [device, 'b', '7', '250']);
  assert.equal(made.status, 0, `mknod could not make a block device to test with: ${String(made.stderr)}`);
  const link = join(dir, 'report.sarif');
  symlinkSync(device, link);
  assert.throws(() => AtomicFile.open(device), /block device/);
  for (const throughLink of [true, false]) assert.throws(() => AtomicFile.open(link, throughLink), /block device/);
  assert.ok(lstatSync(device).isBlockDevice(), 'the device is left as it was');
  assert.ok(lstatSync(link).isSymbolicLink(), 'and so is the link');
});
