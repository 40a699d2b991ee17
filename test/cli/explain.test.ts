import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXAMPLE_PATH } from '../helpers';
import { cli, ensureBuilt } from './helpers';

ensureBuilt();

test('explain prints each level with its summary and each statement with its evidence', () => {
  const run = cli(['explain', EXAMPLE_PATH]);
  assert.equal(run.status, 0, run.stderr);
  const out = run.stdout;
  const headers = ['Emerging (emerging)', 'Developing (developing)', 'Proficient (proficient)', 'Advanced (advanced)'].map((h) => out.indexOf(h));
  assert.ok(headers.every((at, i) => at >= 0 && (i === 0 || at > headers[i - 1])), 'the four levels in order');
  // Numbered from 1, as findings name statements: the second statement of its level is #2.
  assert.match(out, /#2 {2}Reference materials and online databases — search standard sources/);
  assert.match(out, /evidence: leading verb 'search' \(assists\); 'under close supervisory review' \(closely supervised\)/);
  assert.match(out, /'independently' \(independent\)/);
  assert.match(out, /as a whole it reads as Advanced, [0-9.]+ levels broader than the level below \(Proficient\)/);
  assert.match(out, /Threads \(one topic across levels\):\n(.*\n)*\s+"Information literacy concepts" \(topic\): Emerging -> Developing -> Proficient -> Advanced/);
});

test('explain --format json prints the core explanation', () => {
  const run = cli(['explain', '--format', 'json', EXAMPLE_PATH]);
  assert.equal(run.status, 0, run.stderr);
  const x = JSON.parse(run.stdout);
  assert.deepEqual(x.levels.map((l: { key: string }) => l.key), ['emerging', 'developing', 'proficient', 'advanced']);
  const s = x.levels[1].statements[2];
  assert.equal(s.pointer, '/framework/levels/developing/statements/2');
  assert.ok(s.evidence.some((e: { phrase: string; axis: string }) => e.phrase === 'independently' && e.axis === 'autonomy'));
});

test('explain takes the config options as the linter spells them, and its own first spellings', () => {
  // unknown-rule/ has a config that names a rule that does not exist: read, it stops the file.
  const file = 'unknown-rule/librarians.json';
  const broken = cli(['explain', file]);
  assert.equal(broken.status, 2);
  assert.match(broken.stderr, /unknown rule "no-such-rule"/);
  for (const flag of ['--no-config-lookup', '--no-config']) {
    const run = cli(['explain', flag, file]);
    assert.equal(run.status, 0, `${flag}: ${run.stderr}`);
    assert.match(run.stdout, /^unknown-rule\/librarians\.json: scope, level by level/);
  }
  for (const args of [['-c', 'unknown-rule/.competency-lint.json'], ['--config', 'unknown-rule/.competency-lint.json'], ['--config=unknown-rule/.competency-lint.json']]) {
    const run = cli(['explain', ...args, 'frameworks/clean.json']);
    assert.equal(run.status, 2, args.join(' '));
    assert.match(run.stderr, /\.competency-lint\.json:5:5: unknown rule "no-such-rule"/, args.join(' '));
  }
  const json = cli(['explain', '-f', 'json', '-c', '.competency-lint.json', 'frameworks/clean.json']);
  assert.equal(json.status, 0, json.stderr);
  assert.equal(JSON.parse(json.stdout).levels.length, 4);
  const both = cli(['explain', '-c', '.competency-lint.json', '--no-config-lookup', 'frameworks/clean.json']);
  assert.equal(both.status, 2);
  assert.match(both.stderr, /--config and --no-config-lookup cannot be used together/);
});

test('explain reads a file as the linter does: UTF-16 by its byte order mark, as UTF-8 with one', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cl-explain-'));
  const text = readFileSync(EXAMPLE_PATH, 'utf8');
  writeFileSync(join(dir, 'utf16.json'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
  writeFileSync(join(dir, 'bom.json'), '\ufeff' + text);
  const utf16 = cli(['explain', '--format', 'json', join(dir, 'utf16.json')]);
  const bom = cli(['explain', '--format', 'json', join(dir, 'bom.json')]);
  assert.equal(utf16.status, 0, utf16.stderr);
  // The same text (its offsets count the mark, as the linter's do), so the same explanation.
  assert.equal(utf16.stdout, bom.stdout);
  const plain = JSON.parse(cli(['explain', '--format', 'json', EXAMPLE_PATH]).stdout);
  const statements = (x: { levels: { statements: { text: string }[] }[] }) => x.levels.flatMap((l) => l.statements.map((st) => st.text));
  assert.deepEqual(statements(JSON.parse(utf16.stdout)), statements(plain));
});

test('document text cannot steer the terminal: explain and the stylish report show its controls as code points', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cl-explain-'));
  const doc = JSON.parse(readFileSync(EXAMPLE_PATH, 'utf8'));
  doc.framework.levels.emerging.label = 'Emerging\u001b[2J';
  doc.framework.levels.emerging.statements[0] = '\u001b]8;;http://evil.example/\u0007link ' + doc.framework.levels.emerging.statements[0] + ' \u202Eevil';
  const file = join(dir, 'controls.json');
  writeFileSync(file, JSON.stringify(doc));
  for (const run of [cli(['explain', file]), cli(['--no-config-lookup', file])]) {
    assert.doesNotMatch(run.stdout, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/, run.args.join(' '));
    assert.match(run.stdout, /Emerging<U\+001B>\[2J/, run.args.join(' '));
  }
  // Statements are numbered from 1, as the findings name them ("Emerging #1").
  assert.match(cli(['explain', file]).stdout, /\n  #1  <U\+001B>\]8;;http:\/\/evil\.example\/<U\+0007>link Circulation procedures/);
});

test('explain: usage errors and unreadable or non-framework files exit 2 with a message', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cl-explain-'));
  const notFramework = join(dir, 'x.json');
  writeFileSync(notFramework, '{"a": 1}');
  // Cut short, the example still parses far enough to have levels: its explanation would be of a
  // different document than the author's.
  const cut = join(dir, 'cut.json');
  writeFileSync(cut, readFileSync(EXAMPLE_PATH, 'utf8').slice(0, 5000));
  // With a byte order mark, the problem is placed where lint places it: the mark is no column.
  const markedCut = join(dir, 'marked-cut.json');
  writeFileSync(markedCut, '\ufeff' + readFileSync(EXAMPLE_PATH, 'utf8').slice(0, 5000));
  const lintPlace = (file: string) => {
    const m = (JSON.parse(cli(['--no-config-lookup', '--format', 'json', file]).stdout)[0].messages as { ruleId: string; line: number; column: number }[]).find((x) => x.ruleId === 'json-syntax')!;
    return `${m.line}:${m.column}`;
  };
  for (const file of [cut, markedCut]) assert.match(cli(['explain', file]).stderr, new RegExp(`is not valid JSON \\(${lintPlace(file)}: `), file);
  const noLevels = join(dir, 'no-levels.json');
  writeFileSync(noLevels, '{"framework": {"levels": {}}}');
  const noStatements = join(dir, 'no-statements.json');
  writeFileSync(noStatements, '{"framework": {"levels": {"a": [], "b": "x"}}}');
  for (const [args, pattern] of [
    [['explain'], /give exactly one file/],
    [['explain', '--format', 'xml', EXAMPLE_PATH], /--format must be "text" or "json", found "xml"/],
    [['explain', join(dir, 'missing.json')], /cannot read/],
    [['explain', notFramework], /has no framework\.levels to explain/],
    [['explain', cut], /cut\.json is not valid JSON \(1:\d+: .+\); `competency-lint .*cut\.json` lists every problem/],
    [['explain', '--format', 'json', noLevels], /has no levels, so there is nothing to explain/],
    [['explain', noStatements], /has no statements in its levels, so there is nothing to explain/],
  ] as const) {
    const run = cli([...args]);
    assert.equal(run.status, 2, args.join(' '));
    assert.match(run.stderr, pattern);
  }
});
