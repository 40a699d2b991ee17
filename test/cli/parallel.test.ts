/**
 * --concurrency (worker threads) and --shard (a CI matrix's part of the files), on the built CLI.
 * A parallel run must say exactly what a one-thread run says, in the same order, and the shards of
 * a run must cover its files exactly once, the same way on every machine.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, tempDir, FIXTURES } from './helpers';
import { FILES_PER_WORKER } from '../../server/src/cli/workers';

/**
 * A catalogue of 40 frameworks in nested folders (every kind of finding the fixtures have), two
 * under a broken config (reported once, before the first file it stops), and a binary file named
 * on the command line (a problem coming from a worker's read).
 */
function catalogue(): string {
  const dir = tempDir();
  const sources = readdirSync(join(FIXTURES, 'frameworks')).filter((n) => n.endsWith('.json') && n !== 'syntax.json');
  for (let i = 0; i < 38; i++) {
    const folder = join(dir, `team-${i % 5}`, i % 2 ? 'exports' : '');
    mkdirSync(folder, { recursive: true });
    cpSync(join(FIXTURES, 'frameworks', sources[i % sources.length]), join(folder, `framework-${String(i).padStart(2, '0')}.json`));
  }
  mkdirSync(join(dir, 'team-2', 'legacy'), { recursive: true });
  cpSync(join(FIXTURES, 'bad-config'), join(dir, 'team-2', 'legacy'), { recursive: true });
  cpSync(join(FIXTURES, 'bad-config', 'librarians.json'), join(dir, 'team-2', 'legacy', 'second.json'));
  writeFileSync(join(dir, 'image.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
  return dir;
}

function lintedFiles(stdout: string): string[] {
  return (JSON.parse(stdout) as { filePath: string }[]).map((r) => r.filePath);
}

test('the catalogue is large enough for two workers to start', () => {
  assert.ok(40 >= 2 * FILES_PER_WORKER, 'the fixture would be linted in one thread and the test would prove nothing');
});

test('--concurrency 2 and 3 print what --concurrency 1 prints, byte for byte, in every format, with the same exit code', () => {
  const dir = catalogue();
  for (const format of ['json', 'stylish', 'sarif', 'junit', 'gitlab', 'html']) {
    const one = cli(['--concurrency', '1', '--format', format, '.', 'image.png'], { cwd: dir });
    assert.equal(one.status, 2, one.stderr);
    assert.match(one.stderr, /legacy\/\.competency-lint\.json:5:5: /);
    assert.match(one.stderr, /image\.png: this is a binary file/);
    if (format === 'json') assert.equal(lintedFiles(one.stdout).length, 38);
    for (const n of ['2', '3']) {
      const many = cli(['--concurrency', n, '--format', format, '.', 'image.png'], { cwd: dir });
      assert.equal(many.stdout, one.stdout, `--concurrency ${n} --format ${format}: standard output differs (standard error: ${many.stderr})`);
      assert.equal(many.stderr, one.stderr, `--concurrency ${n} --format ${format}: standard error differs`);
      assert.equal(many.status, one.status);
    }
  }
});

test('the broken config is reported once, before the first file it stops, whichever worker met it first', () => {
  const dir = catalogue();
  const run = cli(['--concurrency', '2', '--format', 'json', '.'], { cwd: dir });
  const lines = run.stderr.trim().split('\n');
  assert.equal(lines.filter((l) => /legacy\/\.competency-lint\.json:5:5/.test(l)).length, 1, run.stderr);
  assert.match(lines[0], /legacy\/\.competency-lint\.json:5:5/);
  assert.match(lines[1], /legacy\/librarians\.json: not linted, because its config/);
  assert.match(lines[2], /legacy\/second\.json: not linted, because its config/);
});

test('--fix with workers writes the same files as --fix in one thread', () => {
  const a = catalogue();
  const b = catalogue();
  const jsonFiles = (dir: string) => (readdirSync(dir, { recursive: true }) as string[]).filter((n) => n.endsWith('.json')).sort();
  const before = new Map(jsonFiles(a).map((f) => [f, readFileSync(join(a, f))]));
  const one = cli(['--concurrency', '1', '--fix', '--format', 'json', '.'], { cwd: a });
  const two = cli(['--concurrency', '2', '--fix', '--format', 'json', '.'], { cwd: b });
  assert.equal(two.stdout, one.stdout.split(a).join(b));
  assert.deepEqual(jsonFiles(b), jsonFiles(a));
  let changed = 0;
  for (const f of jsonFiles(a)) {
    const fixed = readFileSync(join(a, f));
    assert.ok(readFileSync(join(b, f)).equals(fixed), `${f} was fixed differently by the workers`);
    if (!before.get(f)!.equals(fixed)) changed++;
  }
  assert.ok(changed > 0, 'no file was fixed, so the comparison proves nothing');
});

test('--shard i/n: the parts cover every file exactly once, differ in size by at most one, and do not depend on the run or the folder', () => {
  const dir = catalogue();
  const whole = lintedFiles(cli(['--format', 'json', '--concurrency', '1', '.'], { cwd: dir }).stdout);
  // The same catalogue at another absolute path: a CI job's checkout is somewhere else.
  const elsewhere = catalogue();
  for (const n of [2, 3, 7]) {
    const seen: string[] = [];
    const sizes: number[] = [];
    for (let i = 1; i <= n; i++) {
      const run = cli(['--format', 'json', '--shard', `${i}/${n}`, '.'], { cwd: dir });
      const files = lintedFiles(run.stdout);
      // Within a part the files keep the run's order.
      assert.deepEqual(files, whole.filter((f) => files.includes(f)));
      if (n === 3) {
        const again = cli(['--format', 'json', '--concurrency', '1', '--shard', `${i}/${n}`, '.'], { cwd: dir });
        assert.equal(again.stdout, run.stdout, `shard ${i}/${n} differs between two runs`);
        const moved = cli(['--format', 'json', '--shard', `${i}/${n}`, '.'], { cwd: elsewhere });
        assert.deepEqual(lintedFiles(moved.stdout).map((f) => f.slice(elsewhere.length)), files.map((f) => f.slice(dir.length)), `shard ${i}/${n} depends on the folder`);
      }
      seen.push(...files);
      sizes.push(files.length);
    }
    assert.deepEqual([...seen].sort(), [...whole].sort(), `the ${n} shards do not cover the files exactly once`);
    // Two files under the broken config are candidates that lint to nothing, and so does the binary file: hence up to three more than the one by which the parts may differ.
    assert.ok(Math.max(...sizes) - Math.min(...sizes) <= 4, `unbalanced shards: ${sizes.join(', ')}`);
    if (n > 1) assert.ok(Math.min(...sizes) > 0, `a shard of ${n} is empty: ${sizes.join(', ')}`);
  }
});

test('--shard and --concurrency refuse values that are not a part or a thread count', () => {
  const cases: [string[], RegExp][] = [
    [['--shard', '0/3', 'frameworks/clean.json'], /--shard takes i\/n.*found "0\/3"/],
    [['--shard', '4/3', 'frameworks/clean.json'], /--shard takes i\/n.*found "4\/3"/],
    [['--shard', 'half', 'frameworks/clean.json'], /--shard takes i\/n.*found "half"/],
    [['--shard', '1/2', '-'], /--shard splits the files of a run; it cannot be used with standard input/],
    [['--concurrency', '0', 'frameworks/clean.json'], /--concurrency takes a whole number of worker threads, 1 or more, found "0"/],
    [['--concurrency', 'many', 'frameworks/clean.json'], /--concurrency takes a whole number.*found "many"/],
  ];
  for (const [args, message] of cases) {
    const run = cli(args, { input: '{}' });
    assert.equal(run.status, 2, `${args.join(' ')}: ${run.stderr}`);
    assert.match(run.stderr, message);
    assert.equal(run.stdout, '');
  }
});
