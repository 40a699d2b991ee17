/**
 * The suppression quick fix writes into the user's config: the result must be a config the linter
 * accepts, that suppresses exactly the finding for exactly the file, and the user's own text
 * (comments, layout, line ends, indentation) must be left as it was around the new entry.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import fc from 'fast-check';
import { addSuppressionEdits, literalGlob, newConfigWithSuppression } from '../../../server/src/core/config/suppressionEdit';
import { matchesGlob, parseConfigText, resolveConfigForFile } from '../../../server/src/node/config';
import { isSuppressed } from '../../../server/src/core/service';
import type { Finding } from '../../../server/src/core/types';
import type { TextEdit } from '../../../server/src/core/types';

const DIR = '/work/project';
// Applied as LSP applies edits at distinct offsets: each against the original text.
const apply = (text: string, edits: TextEdit[]) => [...edits].sort((a, b) => b.start - a.start).reduce((t, e) => t.slice(0, e.start) + e.newText + t.slice(e.end), text);
const finding = (ruleId: string, pointer: string) => ({ ruleId, pointer }) as Finding;

const CONFIGS = [
  '{\n  "suppressions": [\n    { "rule": "level-balance" }, // the team agreed\n  ]\n}\n',
  '{\n  "root": true // nearest wins\n}\n',
  '{\n  // nothing yet\n}\n',
  '{ "rules": { "topic-gap": "off" } }',
  '',
  '\n',
  '{}',
  '{}\n',
  '{\n    // Our house rules.\n    "rules": { "level-balance": "off" }\n}\n',
  '{\r\n\t"root": true,\r\n\t"suppressions": [\r\n\t\t{ "rule": "level-balance" }\r\n\t]\r\n}\r\n',
  '{ "rules": { "statement-dash": "error" }, }',
  '{\n  "suppressions": [ // none yet\n  ],\n  /* a block */ "maxFileSize": 2048\n}',
  '{"suppressions":[]}',
];

test('the entry is added after what is there, which is kept character for character, in the file’s layout', () => {
  const s = { file: './exports/a.json', pointer: '/framework/levels/developing/statements/2', rule: 'scope-outlier' };
  for (const before of CONFIGS) {
    const edits = addSuppressionEdits(before, s);
    assert.ok(edits && edits.length > 0, before);
    const after = apply(before, edits);
    // Only inserted (an empty file is replaced): taking the insertions out gives the original back.
    if (before.trim() !== '') {
      assert.ok(edits.every((e) => e.start === e.end), 'insertions only');
      const sorted = [...edits].sort((a, b) => a.start - b.start);
      assert.equal(new Set(sorted.map((e) => e.start)).size, sorted.length, 'at distinct offsets, whose order no client can get wrong');
      assert.equal(removeInsertions(after, sorted), before);
    }
    if (before.includes('\r\n')) assert.ok(!/[^\r]\n/.test(after), 'CRLF kept');
    if (before.includes('\t')) assert.ok(!/\n {2}/.test(after), 'tabs kept');
    // A comment that ends the last entry's line stays on that line.
    for (const comment of before.match(/\/\/[^\n]*/g) ?? []) {
      const line = (t: string) => t.split('\n').find((l) => l.includes(comment))?.replace(/,/g, '').trim();
      assert.equal(line(after), line(before), `the line of ${comment}`);
    }
    const loaded = parseConfigText(join(DIR, '.competency-lint.json'), after);
    const resolved = resolveConfigForFile(join(DIR, 'exports/a.json'), [loaded]);
    assert.ok(isSuppressed(finding('scope-outlier', s.pointer), resolved), `suppressed after editing ${JSON.stringify(before)}`);
    assert.ok(!isSuppressed(finding('scope-outlier', '/framework/levels/developing/statements/3'), resolved), 'another statement is not');
    assert.ok(!isSuppressed(finding('topic-gap', s.pointer), resolved), 'another rule is not');
    assert.ok(!isSuppressed(finding('scope-outlier', s.pointer), resolveConfigForFile(join(DIR, 'exports/b.json'), [loaded])), 'another file is not');
  }
});

/** The text before a set of insertions (sorted by offset, offsets in the original text). */
function removeInsertions(after: string, sorted: TextEdit[]): string {
  let out = '';
  let at = 0;
  let shift = 0;
  for (const e of sorted) {
    out += after.slice(at, e.start + shift);
    at = e.start + shift + e.newText.length;
    shift += e.newText.length;
  }
  return out + after.slice(at);
}

test('with "suppressions" written twice (a broken config, but one being edited), the entry goes where JSON reads it: the last', () => {
  const before = '{\n  "suppressions": [],\n  "suppressions": [{ "rule": "level-balance" }]\n}\n';
  const after = apply(before, addSuppressionEdits(before, { rule: 'topic-gap' })!);
  assert.deepEqual(JSON.parse(after).suppressions, [{ rule: 'level-balance' }, { rule: 'topic-gap' }]);
});

test('a config the linter would refuse is left alone', () => {
  const s = { rule: 'x' };
  for (const bad of ['[]', '"x"', '{ "suppressions": {} }', '{ "rules": ', '// only a comment']) assert.equal(addSuppressionEdits(bad, s), undefined, bad);
  assert.deepEqual(JSON.parse(newConfigWithSuppression(s)), { suppressions: [s] });
});

test('a file name becomes a glob that matches that file and no other, whatever characters it holds, nor one of its name deeper down', () => {
  const name = fc.string({ unit: fc.constantFrom('a', 'b', ' ', '*', '?', '[', ']', '{', '}', '(', ')', '!', '+', '@', ',', '.', '-', 'é'), minLength: 1, maxLength: 8 });
  fc.assert(
    fc.property(name, name, (a, b) => {
      const file = `exports/${a}.json`;
      const glob = literalGlob(file)!;
      assert.ok(matchesGlob(join(DIR, file), DIR, glob), `${glob} matches ${file}`);
      if (a !== b) assert.ok(!matchesGlob(join(DIR, `exports/${b}.json`), DIR, glob), `${glob} does not match exports/${b}.json`);
      // A config's globs also match at any depth; this one must not.
      assert.ok(!matchesGlob(join(DIR, `old/exports/${a}.json`), DIR, glob), `${glob} does not match old/exports/${a}.json`);
      assert.ok(!matchesGlob(join(DIR, `exports/sub/${a}.json`), DIR, glob), `${glob} does not match exports/sub/${a}.json`);
    }),
    { numRuns: 2000 },
  );
  assert.equal(literalGlob('exports/back\\slash.json'), undefined, 'a backslash cannot be matched literally, so no glob is made');
});
