/**
 * Configs over a run of many files: the CLI looks upward and merges once per folder, so these
 * check that what a file gets still depends on the file where it should (a suppression that names
 * files) and on its own folder's configs, whatever was linted before it and on however many threads.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, tempDir, FIXTURES } from './helpers';

const HEURISTICS_OFF = {
  'scope-misplaced': 'off',
  'scope-outlier': 'off',
  'level-progression': 'off',
  'thread-regression': 'off',
  'topic-gap': 'off',
  'duplicate-near': 'off',
};

/** style.json has one statement-dash finding; every file here is a copy of it. */
function folders(rootConfig: object): string {
  const dir = tempDir();
  writeFileSync(join(dir, '.competency-lint.json'), JSON.stringify({ root: true, rules: HEURISTICS_OFF, ...rootConfig }));
  mkdirSync(join(dir, 'nested'));
  writeFileSync(join(dir, 'nested', '.competency-lint.json'), JSON.stringify({ rules: { 'statement-dash': 'off' } }));
  for (const file of ['a.json', 'b.json', 'c.json', 'nested/a.json', 'nested/b.json']) cpSync(join(FIXTURES, 'frameworks', 'style.json'), join(dir, file));
  return dir;
}

function dashesByFile(stdout: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of JSON.parse(stdout) as { filePath: string; messages: { ruleId: string }[] }[]) {
    out[r.filePath] = r.messages.filter((m) => m.ruleId === 'statement-dash').length;
  }
  return out;
}

test('a suppression that names a file applies to that file only, not to the other files of its folder', () => {
  const dir = folders({ suppressions: [{ file: 'b.json', rule: 'statement-dash' }] });
  for (const concurrency of ['1', '2']) {
    const run = cli(['--concurrency', concurrency, '--format', 'json', '.'], { cwd: dir });
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(dashesByFile(run.stdout), {
      [join(dir, 'a.json')]: 1,
      [join(dir, 'b.json')]: 0,
      [join(dir, 'c.json')]: 1,
      [join(dir, 'nested', 'a.json')]: 0,
      [join(dir, 'nested', 'b.json')]: 0,
    });
  }
});

test('each folder gets its own configs, whichever folder was linted first', () => {
  const dir = folders({});
  const expected = {
    [join(dir, 'a.json')]: 1,
    [join(dir, 'b.json')]: 1,
    [join(dir, 'c.json')]: 1,
    [join(dir, 'nested', 'a.json')]: 0,
    [join(dir, 'nested', 'b.json')]: 0,
  };
  // Nested files first, then the folder above, then both interleaved.
  for (const order of [['nested/a.json', 'nested/b.json', 'a.json', 'b.json', 'c.json'], ['a.json', 'nested/a.json', 'b.json', 'nested/b.json', 'c.json']]) {
    const run = cli(['--concurrency', '1', '--format', 'json', ...order], { cwd: dir });
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(dashesByFile(run.stdout), expected);
  }
});

test('a config saved with a byte order mark is read, and its errors are placed after the mark', () => {
  const dir = folders({});
  writeFileSync(join(dir, 'nested', '.competency-lint.json'), '\ufeff' + JSON.stringify({ rules: { 'statement-dash': 'off' } }));
  const run = cli(['--format', 'json', '.'], { cwd: dir });
  assert.equal(run.status, 0, run.stderr);
  const dashes = dashesByFile(run.stdout);
  assert.deepEqual([dashes[join(dir, 'a.json')], dashes[join(dir, 'nested', 'a.json')]], [1, 0]);

  writeFileSync(join(dir, 'nested', '.competency-lint.json'), '\ufeff{"rules": {"statement-dash": "loud"}}');
  const broken = cli(['--format', 'json', 'nested'], { cwd: dir });
  assert.equal(broken.status, 2);
  assert.match(broken.stderr, /nested\/\.competency-lint\.json:1:12: rule "statement-dash": severity must be one of/);
});

test('a config nested thousands deep is a broken config, at the level too deep, not an internal error', () => {
  const dir = folders({});
  // The parser reads a nested value by recursion: 100,000 arrays overflowed the stack.
  writeFileSync(join(dir, 'nested', '.competency-lint.json'), `{\n  "levelOrder": ${'['.repeat(100_000)}${']'.repeat(100_000)}\n}`);
  const run = cli(['--format', 'json', 'nested'], { cwd: dir });
  assert.equal(run.status, 2);
  assert.doesNotMatch(run.stderr, /internal error/);
  assert.match(run.stderr, /nested\/\.competency-lint\.json:2:528: the config nests deeper than 512 levels; a config is only a few levels deep/);
});

test('ignore and suppression globs apply in a folder whose name starts with two dots', () => {
  const dir = folders({ ignore: ['drafts/**'], suppressions: [{ file: 'kept.json', rule: 'statement-dash' }] });
  mkdirSync(join(dir, '..old', 'drafts'), { recursive: true });
  cpSync(join(FIXTURES, 'frameworks', 'style.json'), join(dir, '..old', 'drafts', 'draft.json'));
  cpSync(join(FIXTURES, 'frameworks', 'style.json'), join(dir, '..old', 'kept.json'));
  const run = cli(['--format', 'json', '..old'], { cwd: dir });
  assert.equal(run.status, 0, run.stderr);
  assert.deepEqual(dashesByFile(run.stdout), { [join(dir, '..old', 'kept.json')]: 0 });
});

/** clean.json with a developing statement that repeats an emerging one with one word changed. */
function nearDuplicate(dir: string): void {
  const catalog = 'Library catalog records — identify and flag cataloging errors for correction following established protocols in an integrated library system.';
  const text = readFileSync(join(FIXTURES, 'frameworks', 'clean.json'), 'utf8');
  const doc = JSON.parse(text);
  doc.framework.levels.developing.statements[4] = catalog.replace('errors', 'mistakes');
  writeFileSync(join(dir, 'near.json'), JSON.stringify(doc, null, 2));
}

const nearFindings = (stdout: string): number => (JSON.parse(stdout)[0].messages as { ruleId: string }[]).filter((m) => m.ruleId === 'duplicate-near').length;

test('a severity alone, from --rule or a nearer config, keeps the options a config set earlier', () => {
  const dir = tempDir();
  nearDuplicate(dir);
  const tuned = { root: true, rules: { 'duplicate-near': ['warning', { threshold: 0.99 }] } };
  writeFileSync(join(dir, '.competency-lint.json'), JSON.stringify(tuned));
  // The pair is one word apart (similarity about 0.9): the default threshold, 0.8, reports it.
  assert.equal(nearFindings(cli(['--format', 'json', '--no-config-lookup', 'near.json'], { cwd: dir }).stdout), 1);
  assert.equal(nearFindings(cli(['--format', 'json', 'near.json'], { cwd: dir }).stdout), 0);
  const promoted = cli(['--format', 'json', '--rule', 'duplicate-near:error', 'near.json'], { cwd: dir });
  assert.equal(promoted.status, 0, promoted.stderr);
  assert.equal(nearFindings(promoted.stdout), 0);
  assert.deepEqual(JSON.parse(cli(['--print-config', 'near.json', '--rule', 'duplicate-near:error'], { cwd: dir }).stdout).rules['duplicate-near'], ['error', { threshold: 0.99 }]);

  mkdirSync(join(dir, 'nested'));
  cpSync(join(dir, 'near.json'), join(dir, 'nested', 'near.json'));
  writeFileSync(join(dir, 'nested', '.competency-lint.json'), JSON.stringify({ rules: { 'duplicate-near': 'error' } }));
  const nested = cli(['--format', 'json', 'nested/near.json'], { cwd: dir });
  assert.equal(nested.status, 0, nested.stderr);
  assert.equal(nearFindings(nested.stdout), 0);
  // Options given again replace the earlier ones whole.
  writeFileSync(join(dir, 'nested', '.competency-lint.json'), JSON.stringify({ rules: { 'duplicate-near': ['error', {}] } }));
  assert.equal(nearFindings(cli(['--format', 'json', 'nested/near.json'], { cwd: dir }).stdout), 1);
});
