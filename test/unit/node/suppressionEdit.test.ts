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
const apply = (text: string, edits: TextEdit[]) => [...edits].sort((a, b) => b.start - a.start).reduce((t, e) => t.slice(0, e.start) + e.newText + t.slice(e.end), text);
const finding = (ruleId: string, pointer: string) => ({ ruleId, pointer }) as Finding;

const CONFIGS = [
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
  const s = { file: 'exports/a.json', pointer: '/framework/levels/developing/statements/2', rule: 'scope-outlier' };
  for (const before of CONFIGS) {
    const edits = addSuppressionEdits(before, s);
    assert.ok(edits, before);
    assert.equal(edits.length, 1);
    const after = apply(before, edits);
    // Only inserted (an empty file is replaced): the original text is the result with the insertion taken out.
    if (before.trim() !== '') {
      assert.equal(edits[0].start, edits[0].end);
      assert.equal(after.slice(0, edits[0].start) + after.slice(edits[0].start + edits[0].newText.length), before);
    }
    if (before.includes('\r\n')) assert.ok(!/[^\r]\n/.test(after), 'CRLF kept');
    if (before.includes('\t')) assert.ok(!/\n {2}/.test(after), 'tabs kept');
    const loaded = parseConfigText(join(DIR, '.competency-lint.json'), after);
    const resolved = resolveConfigForFile(join(DIR, 'exports/a.json'), [loaded]);
    assert.ok(isSuppressed(finding('scope-outlier', s.pointer), resolved), `suppressed after editing ${JSON.stringify(before)}`);
    assert.ok(!isSuppressed(finding('scope-outlier', '/framework/levels/developing/statements/3'), resolved), 'another statement is not');
    assert.ok(!isSuppressed(finding('topic-gap', s.pointer), resolved), 'another rule is not');
    assert.ok(!isSuppressed(finding('scope-outlier', s.pointer), resolveConfigForFile(join(DIR, 'exports/b.json'), [loaded])), 'another file is not');
  }
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
