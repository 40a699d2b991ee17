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
  assert.match(out, /#1 {2}Reference materials and online databases — search standard sources/);
  assert.match(out, /evidence: leading verb 'search' \(assists\); 'under close supervisory review' \(closely supervised\)/);
  assert.match(out, /'independently' \(independent\)/);
  assert.match(out, /as a whole it reads as Advanced, broader than Proficient/);
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

test('explain: usage errors and unreadable or non-framework files exit 2 with a message', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cl-explain-'));
  const notFramework = join(dir, 'x.json');
  writeFileSync(notFramework, '{"a": 1}');
  for (const [args, pattern] of [
    [['explain'], /give exactly one file/],
    [['explain', '--format', 'xml', EXAMPLE_PATH], /--format must be "text" or "json", found "xml"/],
    [['explain', join(dir, 'missing.json')], /cannot read/],
    [['explain', notFramework], /has no framework\.levels to explain/],
  ] as const) {
    const run = cli([...args]);
    assert.equal(run.status, 2, args.join(' '));
    assert.match(run.stderr, pattern);
  }
});
