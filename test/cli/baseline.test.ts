/**
 * --baseline and --update-baseline: a catalogue that already has findings goes green once they are
 * recorded, and then fails on a new finding only; the record follows statements that move, and
 * lets go of a statement whose wording changed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, tempDir } from './helpers';
import { EXAMPLE_TEXT } from '../helpers';

type Doc = { framework: { levels: Record<string, { statements: string[] }> } };

function write(dir: string, name: string, change: (d: Doc) => void): void {
  const d = JSON.parse(EXAMPLE_TEXT) as Doc;
  change(d);
  writeFileSync(join(dir, name), JSON.stringify(d, null, 2) + '\n');
}

const levels = (d: Doc) => d.framework.levels;
/** A copy of Developing #2 at the end of its level: one duplicate-exact warning. */
const withCopy = (d: Doc) => levels(d).developing.statements.push(levels(d).developing.statements[1]);

/** Two frameworks with a warning each, under a config that turns the heuristic rules off (tempDir). */
function catalogue(): string {
  const dir = tempDir();
  mkdirSync(join(dir, 'exports'));
  write(join(dir, 'exports'), 'a.json', withCopy);
  write(join(dir, 'exports'), 'b.json', withCopy);
  return dir;
}

const json = (stdout: string) => JSON.parse(stdout) as { filePath: string; messages: { ruleId: string; line: number }[] }[];
const ruleIds = (stdout: string) => json(stdout).flatMap((r) => r.messages.map((m) => m.ruleId));

test('--update-baseline records the findings; a run with the baseline then reports none and passes', () => {
  const dir = catalogue();
  const before = cli(['--max-warnings', '0', '-f', 'json', 'exports'], { cwd: dir });
  assert.equal(before.status, 1, 'the catalogue fails as it is');
  assert.deepEqual(ruleIds(before.stdout), ['duplicate-exact', 'duplicate-exact']);

  const update = cli(['--baseline', 'lint-baseline.json', '--update-baseline', 'exports'], { cwd: dir });
  assert.equal(update.status, 0, update.stderr);
  assert.match(update.stderr, /recorded 2 problems of 2 files in the baseline lint-baseline\.json/);
  const recorded = JSON.parse(readFileSync(join(dir, 'lint-baseline.json'), 'utf8'));
  assert.deepEqual(Object.keys(recorded.files), ['exports/a.json', 'exports/b.json'], 'paths from the baseline’s folder, with "/"');
  assert.deepEqual(Object.keys(recorded.files['exports/a.json']), ['duplicate-exact']);

  const after = cli(['--max-warnings', '0', '-f', 'json', '--baseline', 'lint-baseline.json', 'exports'], { cwd: dir });
  assert.equal(after.status, 0, after.stderr);
  assert.deepEqual(ruleIds(after.stdout), []);
  assert.match(after.stderr, /2 problems recorded in the baseline lint-baseline\.json were not reported/);
});

test('a new finding is reported and fails the run; a recorded one that moved is still known', () => {
  const dir = catalogue();
  assert.equal(cli(['--baseline', 'base.json', '--update-baseline', 'exports'], { cwd: dir }).status, 0);
  // a.json: a statement inserted before the copy (the copy's pointer changes) and a new exact copy at Advanced.
  write(join(dir, 'exports'), 'a.json', (d) => {
    withCopy(d);
    levels(d).developing.statements.unshift('Records management — file routine correspondence following the records schedule.');
    levels(d).advanced.statements.push(levels(d).proficient.statements[0]);
  });
  const r = cli(['--max-warnings', '0', '-f', 'json', '--baseline', 'base.json', 'exports'], { cwd: dir });
  assert.equal(r.status, 1, 'the new warning fails the run');
  const a = json(r.stdout).find((f) => f.filePath.endsWith('a.json'))!;
  assert.deepEqual(a.messages.map((m) => m.ruleId), ['duplicate-exact']);
  const text = readFileSync(join(dir, 'exports', 'a.json'), 'utf8').split('\n');
  assert.match(text[a.messages[0].line - 1], new RegExp(JSON.parse(EXAMPLE_TEXT).framework.levels.proficient.statements[0].slice(0, 30)), 'the new copy at Advanced');
});

test('a recorded statement whose wording changed is checked again, and the stale record is pointed out', () => {
  const dir = catalogue();
  assert.equal(cli(['--baseline', 'base.json', '--update-baseline', 'exports'], { cwd: dir }).status, 0);
  write(join(dir, 'exports'), 'b.json', (d) => {
    // Both copies reworded alike: still a duplicate, but not the one recorded.
    const s = levels(d).developing.statements[1].replace('conduct', 'lead');
    levels(d).developing.statements[1] = s;
    levels(d).developing.statements.push(s);
  });
  const r = cli(['-f', 'json', '--baseline', 'base.json', 'exports'], { cwd: dir });
  assert.deepEqual(ruleIds(r.stdout), ['duplicate-exact']);
  assert.match(r.stderr, /1 problem recorded in the baseline base\.json no longer occurs; run with --update-baseline to drop it from the file/);
});

test('updating keeps the entries of files the run did not lint, and drops files gone from the disk', () => {
  const dir = catalogue();
  write(dir, 'c.json', withCopy);
  assert.equal(cli(['--baseline', 'base.json', '--update-baseline', 'exports', 'c.json'], { cwd: dir }).status, 0);
  // a.json fixed and linted alone: its entry goes, b.json's stays; c.json is deleted: its entry goes.
  write(join(dir, 'exports'), 'a.json', () => {});
  writeFileSync(join(dir, 'c.json'), '');
  assert.equal(cli(['--baseline', 'base.json', '--update-baseline', 'exports/a.json'], { cwd: dir }).status, 0);
  const kept = Object.keys(JSON.parse(readFileSync(join(dir, 'base.json'), 'utf8')).files);
  assert.deepEqual(kept, ['c.json', 'exports/b.json']);
  // rm, not an empty file: an empty c.json still exists on disk.
  rmSync(join(dir, 'c.json'));
  assert.equal(cli(['--baseline', 'base.json', '--update-baseline', 'exports/a.json'], { cwd: dir }).status, 0);
  assert.deepEqual(Object.keys(JSON.parse(readFileSync(join(dir, 'base.json'), 'utf8')).files), ['exports/b.json']);
});

test('the same report on one thread and on several', () => {
  const dir = tempDir();
  for (let i = 0; i < 24; i++) write(dir, `f${String(i).padStart(2, '0')}.json`, i % 3 ? withCopy : () => {});
  assert.equal(cli(['--baseline', 'base.json', '--update-baseline', '--concurrency', '3', '.'], { cwd: dir }).status, 0);
  const one = readFileSync(join(dir, 'base.json'), 'utf8');
  assert.equal(cli(['--baseline', 'base.json', '--update-baseline', '--concurrency', '1', '.'], { cwd: dir }).status, 0);
  assert.equal(readFileSync(join(dir, 'base.json'), 'utf8'), one, 'the baseline is the same, byte for byte');
  write(dir, 'f00.json', withCopy);
  const runs = ['1', '3'].map((n) => cli(['-f', 'json', '--baseline', 'base.json', '--concurrency', n, '.'], { cwd: dir }));
  assert.equal(runs[0].stdout, runs[1].stdout);
  assert.deepEqual(ruleIds(runs[0].stdout), ['duplicate-exact']);
});

test('a baseline that is missing, broken or not a baseline stops the run with exit 2 and says where', () => {
  const dir = catalogue();
  const missing = cli(['--baseline', 'nope.json', 'exports'], { cwd: dir });
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /nope\.json: the baseline does not exist; write it with --update-baseline/);

  writeFileSync(join(dir, 'broken.json'), '{\n  "competency-lint-baseline": 1,\n  "files": {\n    "a.json": { "schema": { "/x": 0 } }\n  }\n}\n');
  const broken = cli(['--baseline', 'broken.json', 'exports'], { cwd: dir });
  assert.equal(broken.status, 2);
  assert.match(broken.stderr, /broken\.json:4:35: a count must be a whole number, 1 or more/);

  writeFileSync(join(dir, 'config.json'), '{ "rules": {} }');
  const other = cli(['--baseline', 'config.json', 'exports'], { cwd: dir });
  assert.equal(other.status, 2);
  assert.match(other.stderr, /config\.json:1:1: not a competency-lint baseline/);

  const alone = cli(['--update-baseline', 'exports'], { cwd: dir });
  assert.equal(alone.status, 2);
  assert.match(alone.stderr, /--update-baseline writes the file --baseline names/);
  assert.ok(!existsSync(join(dir, 'nope.json')));
});

test('--quiet hides warnings from the report, not from the record', () => {
  const dir = catalogue();
  assert.equal(cli(['-q', '--baseline', 'base.json', '--update-baseline', 'exports'], { cwd: dir }).status, 0);
  assert.deepEqual(Object.keys(JSON.parse(readFileSync(join(dir, 'base.json'), 'utf8')).files), ['exports/a.json', 'exports/b.json']);
});
