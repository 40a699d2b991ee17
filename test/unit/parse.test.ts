import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseDocument, plainlyStrict, scanStrictness, MAX_NESTING_DEPTH, MAX_SYNTAX_PROBLEMS } from '../../server/src/core/parse/parse';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_CASES } from './../fuzz/cases';
import { EXAMPLE_TEXT, ROOT, ruleFindings, positionOf } from '../helpers';

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

test('the quick strictness check passes only texts in which the scanner finds nothing to report', () => {
  // Whenever it says "plainly strict", the full scan must agree: no comment, trailing comma or deep nesting.
  fc.assert(
    fc.property(ALL_CASES, (text) => {
      if (!plainlyStrict(text)) return;
      const problems: { message: string }[] = [];
      assert.equal(scanStrictness(text, problems as never), undefined);
      assert.deepEqual(problems, []);
    }),
    { numRuns: 3000, seed: 1128 },
  );
  // It is what real exports take (otherwise it saves nothing), and it refuses what the scan reports.
  assert.equal(plainlyStrict(EXAMPLE_TEXT), true);
  for (const text of ['{"a": [1,]}', '{"a": 1,\n\t}', '{"a": 1 // note\n}', '['.repeat(600) + ']'.repeat(600), '{"a": "x\\\\", "b": [1,]}', '{"a": "x\nb"}', '{"a": "open'])
    assert.equal(plainlyStrict(text), false, text);
  // What looks like structure inside a string is not: URLs, commas before brackets, escaped quotes.
  for (const text of ['{"a": "https://example.org"}', '{"a": "x,]"}', '{"a": "x\\",]", "b": "{[{["}']) assert.equal(plainlyStrict(text), true, text);
});

test('a cascade of syntax errors is cut to the first 100 and one that says how many more', () => {
  // One quote too many in a one-line export: every later string reads as code.
  const example = readFileSync(join(ROOT, 'examples', '25-4022.00.json'), 'utf8');
  const at = example.indexOf('"Circulation procedures');
  const text = example.slice(0, at) + '"' + example.slice(at);
  const all = parseDocument(text).problems;
  // What the strictness scan reports (a "//" now outside a string reads as a comment) is not capped.
  const problems = all.filter((p) => !/^Comments are not allowed|trailing comma/i.test(p.message));
  assert.equal(problems.length, MAX_SYNTAX_PROBLEMS + 1);
  const last = problems[MAX_SYNTAX_PROBLEMS];
  const more = Number(/^([\d,]+) more syntax errors from here on are not shown/.exec(last.message)?.[1].replace(/,/g, ''));
  assert.ok(more > 500, last.message);
  assert.ok(problems[0].range.start >= at && problems[0].range.start < at + 40, 'the first error is at the stray quote');
  for (let i = 1; i < problems.length; i++) assert.ok(problems[i - 1].range.start <= problems[i].range.start, 'in order');
  // Comments and trailing commas are each their own problem: all are kept, and none is counted away.
  const commented = '{\n' + Array.from({ length: 150 }, (_, i) => `// note ${i}\n`).join('') + '"a": 1\n}\n';
  const c = parseDocument(commented).problems;
  assert.equal(c.length, 150);
  assert.ok(c.every((p) => !/more syntax errors/.test(p.message)));
});
