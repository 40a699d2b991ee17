import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument, MAX_NESTING_DEPTH } from '../../server/src/core/parse/parse';
import { ruleFindings, positionOf } from '../helpers';

test('a comment and a trailing comma are reported at their exact place, and the tree still builds', () => {
  const text = '{\n  // note\n  "a": [1, 2,],\n}\n';
  const found = ruleFindings(text, 'json-syntax');
  assert.deepEqual(
    found.map((f) => [f.line, f.column, f.message.split(':')[0]]),
    [
      [2, 3, 'Comments are not allowed in JSON'],
      [3, 13, 'Trailing comma'],
      [3, 15, 'Trailing comma'],
    ],
  );
  assert.equal(parseDocument(text).root?.type, 'object');
});

test('truncated JSON gives a positioned error, not an exception', () => {
  const text = '{"framework": {"levels": {"emerging": {"label": "E"';
  const found = ruleFindings(text, 'json-syntax');
  // Four objects are left open; the reader is told once, at the end of the text.
  assert.equal(found.filter((f) => /closing brace/.test(f.message)).length, 1);
  assert.match(found[0].message, /closing brace/);
  assert.equal(found[0].line, 1);
});

test('an empty file is reported as such', () => {
  const found = ruleFindings('   \n', 'json-syntax');
  assert.equal(found.length, 1);
  assert.match(found[0].message, /empty/);
});

test('nesting far deeper than a framework is refused at the place it goes too deep', () => {
  const text = '['.repeat(10000) + ']'.repeat(10000);
  const found = ruleFindings(text, 'json-syntax');
  assert.equal(found.length, 1);
  assert.match(found[0].message, /nests deeper/);
  assert.equal(found[0].column, MAX_NESTING_DEPTH + 1);
});

test('a byte order mark is accepted and positions stay those of the original text', () => {
  const text = '\uFEFF{"a": 1,}';
  const found = ruleFindings(text, 'json-syntax');
  assert.equal(found.length, 1);
  assert.deepEqual(positionOf(text, ','), { line: 1, column: found[0].column });
});
