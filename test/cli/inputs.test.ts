/**
 * Broken and unusual inputs through the built CLI: each gives a clear, positioned finding (exit 1)
 * or a message on standard error (exit 2) while the other inputs are still linted; none crashes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, tempDir, EXAMPLE_PRETTY, type CliRun } from './helpers';

interface JsonResult {
  filePath: string;
  errorCount: number;
  warningCount: number;
  messages: { ruleId: string; severity: string; message: string; line: number; column: number; endLine: number; endColumn: number; pointer: string }[];
}

function json(run: CliRun): JsonResult[] {
  return JSON.parse(run.stdout);
}

/** No stack trace, no internal error: whatever the input, the CLI answers in words. */
function assertNoCrash(run: CliRun): void {
  assert.doesNotMatch(run.stderr, /internal error|\n\s+at .+:\d+:\d+\)?/i, run.stderr);
  assert.ok(run.status === 0 || run.status === 1 || run.status === 2, `exit ${run.status}`);
}

test('truncated JSON: the string left open and the unclosed objects are errors at the end', () => {
  const run = cli(['--format', 'json', 'broken/truncated.json']);
  assertNoCrash(run);
  assert.equal(run.status, 1);
  const [r] = json(run);
  const first = r.messages[0];
  assert.equal(first.ruleId, 'json-syntax');
  assert.equal(first.message, 'The string is not closed');
  assert.deepEqual([first.line, first.column], [33, 18]);
});

test('trailing comma: one json-syntax error on the comma', () => {
  const run = cli(['--format', 'json', 'broken/trailing-comma.json']);
  assertNoCrash(run);
  assert.equal(run.status, 1);
  const [r] = json(run);
  assert.deepEqual(
    r.messages.map((m) => [m.ruleId, m.line, m.column]),
    [['json-syntax', 10, 29]],
  );
});

test('wrong types everywhere: one plain-words schema error per wrong value, each at its value', () => {
  const run = cli(['--format', 'json', 'broken/wrong-types.json']);
  assertNoCrash(run);
  assert.equal(run.status, 1);
  const [r] = json(run);
  const pointers = r.messages.filter((m) => m.ruleId === 'schema').map((m) => m.pointer);
  for (const p of ['/schemaVersion', '/exportedAt', '/occupation/soc', '/occupation/jobZone', '/framework/levels/emerging/statements']) {
    assert.ok(pointers.includes(p), `no schema error at ${p}: ${pointers.join(', ')}`);
  }
  const jobZone = r.messages.find((m) => m.pointer === '/occupation/jobZone')!;
  assert.match(jobZone.message, /found "5"/);
  assert.deepEqual([jobZone.line, jobZone.column], [11, 16]);
});

test('an empty file: "the file is empty" at 1:1', () => {
  const run = cli(['broken/empty.json']);
  assertNoCrash(run);
  assert.equal(run.status, 1);
  assert.match(run.stdout, /1:1 {2}error {2}The file is empty: a JSON object is expected {2}json-syntax/);
});

test('10,000-deep nesting: refused with a positioned error, not a stack overflow', () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'deep.json'), '['.repeat(10_000) + ']'.repeat(10_000));
  const run = cli(['--format', 'json', 'deep.json'], { cwd: dir });
  assertNoCrash(run);
  assert.equal(run.status, 1);
  const [r] = json(run);
  assert.equal(r.messages[0].ruleId, 'json-syntax');
  assert.match(r.messages[0].message, /nests deeper than 512 levels/);
  assert.deepEqual([r.messages[0].line, r.messages[0].column], [1, 513]);
});

test('a binary file named explicitly: exit 2 with a message; in a folder it is skipped quietly', () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'image.json'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]));
  writeFileSync(join(dir, 'librarians.json'), EXAMPLE_PRETTY);
  const named = cli(['image.json', 'librarians.json'], { cwd: dir });
  assertNoCrash(named);
  assert.equal(named.status, 2);
  assert.equal(named.stderr, 'competency-lint: image.json: this is a binary file, not JSON text\n');
  assert.match(named.stdout, /1 file checked/);

  const walked = cli(['.'], { cwd: dir });
  assert.equal(walked.status, 0, walked.stderr);
  assert.equal(walked.stderr, '');
});

test('a directory named explicitly: its frameworks are linted; other JSON, node_modules and ignored paths are not', () => {
  const run = cli(['--format', 'json', 'project']);
  assertNoCrash(run);
  assert.equal(run.status, 0, run.stderr);
  // project/ holds package.json, tsconfig.json (with a "levels" key, but not framework.levels), a
  // framework under node_modules, one under ignored/ (its config ignores it), one to lint, and a
  // .jsonc export that its config's "files" selects.
  assert.deepEqual(
    json(run).map((r) => r.filePath.replace(/^.*\/fixtures\//, '')),
    ['project/exports/librarians.jsonc', 'project/team-a/librarians.json'],
  );
});

test('a run that lints no file says why: the config ignores them all, the shard holds none, none is a framework', () => {
  const dir = tempDir();
  writeFileSync(join(dir, '.competency-lint.json'), JSON.stringify({ root: true, ignore: ['drafts/**'] }));
  mkdirSync(join(dir, 'drafts'));
  writeFileSync(join(dir, 'drafts', 'a.json'), EXAMPLE_PRETTY);
  writeFileSync(join(dir, 'drafts', 'b.json'), EXAMPLE_PRETTY);
  const ignored = cli(['drafts'], { cwd: dir });
  assert.equal(ignored.status, 0, ignored.stderr);
  assert.equal(ignored.stdout, 'No framework files found to lint: 2 files matched "ignore" in .competency-lint.json.\n');
  const page = cli(['--format', 'html', 'drafts'], { cwd: dir });
  assert.match(page.stdout, /No framework files found to lint: 2 files matched &quot;ignore&quot; in \.competency-lint\.json\./);

  writeFileSync(join(dir, 'one.json'), EXAMPLE_PRETTY);
  // One file, so two of the three shards hold none of it.
  const shards = ['1/3', '2/3', '3/3'].map((shard) => cli(['--shard', shard, 'one.json'], { cwd: dir }));
  assert.deepEqual(shards.map((r) => r.status), [0, 0, 0]);
  const empty = shards.filter((r) => r.stdout.startsWith('No framework'));
  assert.equal(empty.length, 2);
  for (const r of empty) assert.match(r.stdout, /^No framework files found to lint: shard [123]\/3 holds none of the 1 file found\.\n$/);

  mkdirSync(join(dir, 'other'));
  writeFileSync(join(dir, 'other', 'package.json'), '{"name": "x"}');
  const none = cli(['other'], { cwd: dir });
  assert.equal(none.status, 0, none.stderr);
  assert.match(none.stdout, /^No framework files found to lint: the 1 file found is not a framework \(an object at framework\.levels, or the framework \$schema\); name a file, or match it with a config's "files" glob, to lint it whatever it holds\.\n$/);
});

test('in the formats CI reads, a run that lints no file says why on standard error, and still exits 0', () => {
  const dir = tempDir();
  writeFileSync(join(dir, '.competency-lint.json'), JSON.stringify({ root: true, ignore: ['drafts/**'] }));
  mkdirSync(join(dir, 'drafts'));
  // An error the ignore glob hides: the job must not pass without a word about it.
  writeFileSync(join(dir, 'drafts', 'a.json'), EXAMPLE_PRETTY.replace('"25-4022.00"', '"99-9999.00"'));
  for (const format of ['github', 'sarif', 'gitlab', 'junit', 'json']) {
    const run = cli(['--format', format, 'drafts'], { cwd: dir });
    assert.equal(run.status, 0, `${format}: ${run.stderr}`);
    assert.equal(run.stderr, 'competency-lint: no framework files found to lint: 1 file matched "ignore" in .competency-lint.json.\n', format);
  }
  writeFileSync(join(dir, 'one.json'), EXAMPLE_PRETTY);
  const shards = ['1/2', '2/2'].map((shard) => cli(['--format', 'github', '--shard', shard, 'one.json'], { cwd: dir }));
  assert.deepEqual(shards.map((r) => r.status), [0, 0]);
  // One file, so one shard lints it and the other says it holds none.
  const said = shards.filter((r) => r.stderr !== '');
  assert.equal(said.length, 1);
  assert.match(said[0].stderr, /^competency-lint: no framework files found to lint: shard [12]\/2 holds none of the 1 file found\.\n$/);
  // The reports for people say it themselves, and once is enough.
  assert.equal(cli(['drafts'], { cwd: dir }).stderr, '');
  assert.equal(cli(['--format', 'html', 'drafts'], { cwd: dir }).stderr, '');
  // A run whose inputs failed already says why on standard error.
  const missing = cli(['--format', 'github', 'missing.json'], { cwd: dir });
  assert.equal(missing.status, 2);
  assert.equal(missing.stderr, 'competency-lint: missing.json: no such file or directory\n');
});

test('a file named explicitly is linted even when it is not a framework', () => {
  const run = cli(['--format', 'json', 'project/package.json']);
  assertNoCrash(run);
  assert.equal(run.status, 1);
  assert.equal(json(run)[0].messages[0].ruleId, 'schema');
});

test('a missing file: exit 2 with a message, and the other files are still linted and reported', () => {
  const run = cli(['--format', 'json', 'nope.json', 'frameworks/schema.json', 'also-missing/x.json']);
  assertNoCrash(run);
  assert.equal(run.status, 2);
  assert.equal(
    run.stderr,
    'competency-lint: nope.json: no such file or directory\ncompetency-lint: also-missing/x.json: no such file or directory\n',
  );
  const results = json(run);
  assert.equal(results.length, 1);
  assert.equal(results[0].errorCount, 1);
});

test('a symlink loop: exit 2 with a message, named or met in a folder, and the rest is linted', () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'librarians.json'), EXAMPLE_PRETTY);
  symlinkSync('b.json', join(dir, 'a.json'));
  symlinkSync('a.json', join(dir, 'b.json'));
  // A folder linked to its parent must not be walked for ever.
  mkdirSync(join(dir, 'sub'));
  symlinkSync('..', join(dir, 'sub', 'up'));

  const named = cli(['a.json', 'librarians.json'], { cwd: dir });
  assertNoCrash(named);
  assert.equal(named.status, 2);
  assert.equal(named.stderr, 'competency-lint: a.json: too many levels of symbolic links (a symlink loop)\n');
  assert.match(named.stdout, /1 file checked/);

  const walked = cli(['--format', 'json', '.'], { cwd: dir });
  assertNoCrash(walked);
  assert.equal(walked.status, 2);
  assert.match(walked.stderr, /a\.json: too many levels of symbolic links/);
  assert.match(walked.stderr, /b\.json: too many levels of symbolic links/);
  // Each loop is reported once, however many paths lead to it, and the framework is linted once.
  assert.equal(walked.stderr.trim().split('\n').length, 2, walked.stderr);
  assert.equal(json(walked).length, 1);
});

test('a glob: matching files are linted (frameworks only); a glob that matches nothing is exit 2', () => {
  const run = cli(['--format', 'json', 'frameworks/s*.json']);
  assertNoCrash(run);
  assert.deepEqual(
    json(run).map((r) => r.filePath.replace(/^.*\/fixtures\//, '')),
    ['frameworks/schema.json', 'frameworks/style.json', 'frameworks/syntax.json'],
  );
  const none = cli(['frameworks/*.yaml']);
  assert.equal(none.status, 2);
  assert.equal(none.stderr, 'competency-lint: frameworks/*.yaml: no files match this pattern\n');
});

test('no inputs: the current folder is linted', () => {
  const run = cli(['--format', 'json'], { cwd: join(__dirname, 'fixtures/project') });
  assert.equal(run.status, 0, run.stderr);
  assert.deepEqual(
    json(run).map((r) => r.filePath.replace(/^.*\/fixtures\//, '')),
    ['project/exports/librarians.jsonc', 'project/team-a/librarians.json'],
  );
});

test('UTF-16 and UTF-8 with a byte order mark are read as the text they are', () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'utf16le.json'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(EXAMPLE_PRETTY, 'utf16le')]));
  writeFileSync(join(dir, 'utf16be.json'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(EXAMPLE_PRETTY, 'utf16le')]).swap16());
  writeFileSync(join(dir, 'bom.json'), '\ufeff' + EXAMPLE_PRETTY);
  const run = cli(['--format', 'json', 'utf16le.json', 'utf16be.json', 'bom.json'], { cwd: dir });
  assertNoCrash(run);
  assert.equal(run.status, 0, run.stdout + run.stderr);
  for (const r of json(run)) assert.equal(r.errorCount, 0, r.filePath);
});

test('a byte order mark is not a column: findings on a one-line export are where an editor shows them', () => {
  const dir = tempDir();
  // One line, as real exports are, with a finding well into it.
  const oneLine = JSON.stringify(JSON.parse(EXAMPLE_PRETTY)).replace(' — ', ' - ');
  writeFileSync(join(dir, 'plain.json'), oneLine);
  writeFileSync(join(dir, 'bom.json'), '\ufeff' + oneLine);
  writeFileSync(join(dir, 'utf16.json'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(oneLine, 'utf16le')]));
  const run = cli(['--format', 'json', 'plain.json', 'bom.json', 'utf16.json'], { cwd: dir });
  const places = json(run).map((r) => r.messages.map((m) => [m.ruleId, m.line, m.column, m.endLine, m.endColumn]));
  assert.ok(places[0].some(([rule, , column]) => rule === 'statement-dash' && (column as number) > 100), JSON.stringify(places[0]));
  assert.deepEqual(places[1], places[0]);
  assert.deepEqual(places[2], places[0]);
});

test('standard input: "-" and --stdin, with --stdin-filename for the name and the config', () => {
  const dashed = cli(['--format', 'json', '-'], { input: '{"a": 1,}' });
  assert.equal(dashed.status, 1);
  const [r] = json(dashed);
  assert.equal(r.filePath, '<stdin>');
  assert.ok(r.messages.some((m) => m.ruleId === 'json-syntax' && m.line === 1 && m.column === 8));

  const style = cli(['--format', 'json', '--stdin', '--stdin-filename', 'frameworks/style.json'], { input: EXAMPLE_PRETTY.replace(' — ', ' - ') });
  assert.equal(style.status, 0);
  assert.match(json(style)[0].filePath, /fixtures\/frameworks\/style\.json$/);
  assert.equal(json(style)[0].warningCount, 1);

  // The config is looked up from the given name: unknown-rule/ has a config naming an unknown rule.
  const lookedUp = cli(['--stdin', '--stdin-filename', 'unknown-rule/x.json'], { input: EXAMPLE_PRETTY });
  assert.equal(lookedUp.status, 2);
  assert.match(lookedUp.stderr, /unknown-rule\/\.competency-lint\.json:5:5: unknown rule "no-such-rule"/);
  const noLookup = cli(['--stdin', '--stdin-filename', 'unknown-rule/x.json', '--no-config-lookup'], { input: EXAMPLE_PRETTY });
  assert.equal(noLookup.status, 0, noLookup.stderr);

  const binary = cli(['-'], { input: Buffer.from([1, 0, 2, 0, 3]) });
  assert.equal(binary.status, 2);
  assert.equal(binary.stderr, 'competency-lint: standard input: this is a binary file, not JSON text\n');
});

test('a file above maxFileSize gets the cheap analysis and one info saying so', () => {
  const dir = tempDir();
  writeFileSync(join(dir, '.competency-lint.json'), '{ "root": true, "maxFileSize": 1000 }\n');
  writeFileSync(join(dir, 'librarians.json'), EXAMPLE_PRETTY.replace('"jobZone": 5', '"jobZone": "five"'));
  const run = cli(['--format', 'json', 'librarians.json'], { cwd: dir });
  assertNoCrash(run);
  assert.equal(run.status, 1);
  const [r] = json(run);
  // The schema still runs (it is cheap); the heuristic rules do not, and the info says why.
  assert.ok(r.messages.some((m) => m.ruleId === 'schema' && m.pointer === '/occupation/jobZone'));
  const notices = r.messages.filter((m) => m.ruleId === 'large-file');
  assert.equal(notices.length, 1);
  assert.equal(notices[0].severity, 'info');
  assert.ok(!r.messages.some((m) => ['topic-gap', 'scope-outlier', 'duplicate-near'].includes(m.ruleId)));
});

test('a device named as input is refused instead of read for ever', () => {
  const run = cli(['/dev/zero', 'frameworks/clean.json']);
  assertNoCrash(run);
  assert.equal(run.status, 2);
  assert.equal(run.stderr, 'competency-lint: /dev/zero: not a regular file (a device, pipe or socket); use "-" to read standard input\n');
  assert.match(run.stdout, /1 file checked/);
});

test('bytes that are not UTF-8 (an export saved as Windows-1252): an error at each damaged string, exit 1', () => {
  const dir = tempDir();
  // Windows-1252 writes the em dash as the single byte 0x97, which UTF-8 cannot read.
  const text = EXAMPLE_PRETTY.replace('Circulation procedures —', 'Circulation procedures \u0097');
  const bytes = Buffer.from(text, 'utf8');
  const at = bytes.indexOf(Buffer.from('\u0097', 'utf8'));
  writeFileSync(join(dir, 'cp1252.json'), Buffer.concat([bytes.subarray(0, at), Buffer.from([0x97]), bytes.subarray(at + 2)]));
  const run = cli(['--no-config-lookup', '--format', 'json', join(dir, 'cp1252.json')]);
  assertNoCrash(run);
  assert.equal(run.status, 1);
  const found = json(run)[0].messages.filter((m) => m.ruleId === 'replacement-character');
  assert.equal(found.length, 1);
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.includes('\u0097'));
  assert.deepEqual([found[0].line, found[0].column, found[0].severity], [line + 1, lines[line].indexOf('\u0097') + 1, 'error']);
  assert.equal(found[0].pointer, '/framework/levels/emerging/statements/0');
});
