/**
 * `--fix` through the built CLI: the safe fixes are applied (over several passes when two fixes
 * touch the same statement), nothing else in the file changes (line endings, indentation, byte
 * order mark, encoding, permissions), the write is atomic, and a file that does not parse is
 * never touched.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, lstatSync, readdirSync, readFileSync, statSync, symlinkSync, watch, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { cli, tempDir, CLI, EXAMPLE_PRETTY } from './helpers';

const S0 = 'Circulation procedures — execute check-in and check-out transactions accurately';
const S1 = 'Reference materials and online databases — search standard sources';
const S2 = 'identify and flag cataloging errors for correction following established protocols in an integrated library system.';

/** The example with three statement-format defects, each with a safe fix. */
function withDefects(text: string): string {
  return text
    .replace(S0, S0.replace(' — ', ' - '))
    .replace(S1, S1.replace('search standard', 'search  standard'))
    .replace(S2, S2.slice(0, -1));
}

/** The example as someone else's editor might have saved it: CRLF, four-space indentation, a BOM. */
const CRLF_4 = '\ufeff' + JSON.stringify(JSON.parse(EXAMPLE_PRETTY), null, 4).replace(/\n/g, '\r\n') + '\r\n';

test('--fix applies the safe fixes and changes nothing else: CRLF, indentation and BOM are kept', () => {
  const dir = tempDir();
  const file = join(dir, 'librarians.json');
  writeFileSync(file, withDefects(CRLF_4));
  const before = readdirSync(dir).sort();

  const check = cli(['--format', 'json', 'librarians.json'], { cwd: dir });
  assert.equal(check.status, 0, check.stderr);
  assert.equal(JSON.parse(check.stdout)[0].warningCount, 3);

  const run = cli(['--fix', 'librarians.json'], { cwd: dir });
  assert.equal(run.status, 0, run.stdout + run.stderr);
  assert.match(run.stdout, /✔ 1 file checked: no problems\n3 problems fixed\n$/);
  // The fixed file is exactly the clean text: every byte outside the three statements is unchanged.
  assert.equal(readFileSync(file, 'utf8'), CRLF_4);
  // No temporary file is left behind.
  assert.deepEqual(readdirSync(dir).sort(), before);

  // A second run has nothing to fix and leaves the file alone.
  const again = cli(['--fix', 'librarians.json'], { cwd: dir });
  assert.equal(again.status, 0);
  assert.doesNotMatch(again.stdout, /fixed/);
  assert.equal(readFileSync(file, 'utf8'), CRLF_4);
});

test('--fix runs more than one pass when two fixes replace the same statement', () => {
  const dir = tempDir();
  const file = join(dir, 'librarians.json');
  // A hyphen for the dash and a doubled space in the same statement: both fixes rewrite that literal.
  writeFileSync(file, EXAMPLE_PRETTY.replace(S0, S0.replace(' — ', ' - ').replace('check-in and', 'check-in  and')));
  const run = cli(['--fix', '--format', 'json', 'librarians.json'], { cwd: dir });
  assert.equal(run.status, 0, run.stdout + run.stderr);
  assert.equal(JSON.parse(run.stdout)[0].warningCount, 0);
  assert.equal(readFileSync(file, 'utf8'), EXAMPLE_PRETTY);
});

test('--fix counts the problems it mended, not the fixes it applied, as the editor\'s fix-all does', () => {
  const dir = tempDir();
  const file = join(dir, 'librarians.json');
  // Five findings in one statement, mended by three fixes: the dash, the spacing (two doubled
  // spaces and a space before a comma) and the period.
  const first: string = JSON.parse(EXAMPLE_PRETTY).framework.levels.emerging.statements[0];
  const messy = first.replace(' — ', ' - ').replace('check-in and check-out', 'check-in  and  check-out').replace('accurately under', 'accurately , under').slice(0, -1);
  writeFileSync(file, EXAMPLE_PRETTY.replace(JSON.stringify(first), JSON.stringify(messy)));
  const check = cli(['--format', 'json', 'librarians.json'], { cwd: dir });
  assert.equal(JSON.parse(check.stdout)[0].warningCount, 5, check.stdout);
  const run = cli(['--fix', 'librarians.json'], { cwd: dir });
  assert.equal(run.status, 0, run.stdout + run.stderr);
  assert.match(run.stdout, /✔ 1 file checked: no problems\n5 problems fixed\n$/);
});

test('--fix never touches a file that does not parse, and still reports it', () => {
  const dir = tempDir();
  const file = join(dir, 'broken.json');
  const text = withDefects(EXAMPLE_PRETTY).replace('"jobZoneInferred": false', '"jobZoneInferred": false,');
  writeFileSync(file, text);
  const run = cli(['--fix', '--format', 'json', 'broken.json'], { cwd: dir });
  assert.equal(run.status, 1);
  const [r] = JSON.parse(run.stdout);
  assert.ok(r.messages.some((m: { ruleId: string }) => m.ruleId === 'json-syntax'));
  assert.equal(r.warningCount, 3);
  assert.equal(readFileSync(file, 'utf8'), text);
  // Standard error says why the fixes were left and what to do; the exit code is json-syntax's.
  const line = text.slice(0, text.indexOf('"jobZoneInferred": false,')).split('\n').length;
  assert.equal(
    run.stderr,
    `competency-lint: broken.json: not fixed: 3 safe fixes wait because the file is not strict JSON (${line}:29: Trailing comma: JSON does not allow a comma before a closing bracket or brace), and --fix rewrites only strict JSON; correct what json-syntax reports, then run --fix again\n`,
  );
});

test('--fix says why it leaves a file with a comment, and the exit code stays what the findings make it', () => {
  const dir = tempDir();
  const file = join(dir, 'commented.json');
  const text = withDefects(EXAMPLE_PRETTY).replace('{', '{\n  // exported by hand');
  writeFileSync(file, text);
  // With json-syntax off, the comment is no finding: only the three warnings remain, exit 0.
  const run = cli(['--fix', '--rule', 'json-syntax:off', 'commented.json'], { cwd: dir });
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stderr, /^competency-lint: commented\.json: not fixed: 3 safe fixes wait because the file is not strict JSON \(2:3: Comments are not allowed in JSON\), and --fix rewrites only strict JSON; correct what json-syntax reports, then run --fix again\n$/);
  assert.equal(readFileSync(file, 'utf8'), text);
});

test('--fix keeps the permissions of the file and writes through a symlink', () => {
  const dir = tempDir();
  const real = join(dir, 'real.json');
  writeFileSync(real, withDefects(EXAMPLE_PRETTY));
  chmodSync(real, 0o640);
  symlinkSync('real.json', join(dir, 'link.json'));
  const run = cli(['--fix', 'link.json'], { cwd: dir });
  assert.equal(run.status, 0, run.stdout + run.stderr);
  assert.ok(lstatSync(join(dir, 'link.json')).isSymbolicLink(), 'the link was replaced by a file');
  assert.equal(readFileSync(real, 'utf8'), EXAMPLE_PRETTY);
  assert.equal(statSync(real).mode & 0o777, 0o640);
});

test('--fix writes a UTF-16 file back in UTF-16', () => {
  const dir = tempDir();
  const file = join(dir, 'utf16.json');
  const encode = (s: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]);
  writeFileSync(file, encode(withDefects(EXAMPLE_PRETTY)));
  const run = cli(['--fix', 'utf16.json'], { cwd: dir });
  assert.equal(run.status, 0, run.stdout + run.stderr);
  assert.deepEqual(readFileSync(file), encode(EXAMPLE_PRETTY));
});

test('--fix refuses to rewrite a file that is not valid UTF-8, since its bytes would change', () => {
  const dir = tempDir();
  const file = join(dir, 'latin1.json');
  // "bibliothèque" with its è in Latin-1 (one byte 0xE8) inside an otherwise UTF-8 file: readable, not valid UTF-8.
  const [before, after] = withDefects(EXAMPLE_PRETTY).split('"description": ""');
  const bytes = Buffer.concat([Buffer.from(before + '"description": "biblioth'), Buffer.from([0xe8]), Buffer.from('que"' + after)]);
  writeFileSync(file, bytes);
  const run = cli(['--fix', 'latin1.json'], { cwd: dir });
  assert.equal(run.status, 2);
  assert.match(run.stderr, /latin1\.json: not fixed: the file is not valid UTF-8/);
  assert.deepEqual(readFileSync(file), bytes);
});

test('--fix with standard input is a usage error', () => {
  const run = cli(['--fix', '-'], { input: EXAMPLE_PRETTY });
  assert.equal(run.status, 2);
  assert.match(run.stderr, /--fix writes files, so it cannot be used with standard input/);
});

test('a --fix run killed midway leaves every file either as it was or fully fixed, never half written', async () => {
  const dir = tempDir();
  const broken = withDefects(EXAMPLE_PRETTY);
  const names = Array.from({ length: 60 }, (_, i) => `librarians-${String(i).padStart(2, '0')}.json`);
  for (const n of names) writeFileSync(join(dir, n), broken);

  const child = spawn(process.execPath, [CLI, '--fix', '.'], { cwd: dir, stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  // Kill it the moment the first fixed file is renamed into place.
  await new Promise<void>((resolve) => {
    const watcher = watch(dir, (_event, name) => {
      if (name && /^librarians-\d+\.json$/.test(String(name))) {
        child.kill('SIGKILL');
        watcher.close();
        resolve();
      }
    });
    child.on('exit', () => {
      watcher.close();
      resolve();
    });
  });
  await exited;

  let fixed = 0;
  for (const n of names) {
    const text = readFileSync(join(dir, n), 'utf8');
    assert.ok(text === broken || text === EXAMPLE_PRETTY, `${n} is neither the original nor the fixed text`);
    if (text === EXAMPLE_PRETTY) fixed++;
  }
  assert.ok(fixed >= 1, 'no file had been fixed when the run was killed');
});
