import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EXAMPLE_TEXT, exampleWith, positionOf, ruleFindings } from '../../helpers';
import { ddatTexts, onlyFinding, place } from './fixtures/metadata';

const ID = 'duplicate-key';

/** The example with the text of its `developing` level key renamed, so that two levels share a key. */
function twoEmerging(): string {
  const text = exampleWith();
  return text.replace('"developing": {', '"emerging": {');
}

test('a level key written twice is reported on the later key, with the earlier one related and what it held', () => {
  const text = twoEmerging();
  const f = onlyFinding(text, ID);
  const later = positionOf(text, '"emerging": {', 1);
  assert.deepEqual(place(f), [later.line, later.column, later.line, later.column + '"emerging"'.length]);
  assert.equal(f.pointer, '/framework/levels/emerging');
  assert.equal(f.severity, 'error');
  assert.match(f.message, /^The key "emerging" appears twice in this object\. JSON readers keep only the last one, so the earlier "emerging" \(with 10 statements\) is silently dropped/);
  assert.equal(f.related?.length, 1);
  const earlier = text.indexOf('"emerging": {');
  assert.deepEqual(f.related?.[0].range, { start: earlier, end: earlier + '"emerging"'.length });
});

test('a second statements list in one level is reported, and the schema counts the level keys as JSON readers do', () => {
  const text = exampleWith().replace('"statements": [', '"statements": ["Extra — one."],\n      "statements": [');
  const f = onlyFinding(text, ID);
  assert.equal(f.pointer, '/framework/levels/emerging/statements');
  assert.match(f.message, /the earlier "statements" \(a list of 1 item\) is silently dropped/);
  // Two levels under one key are one level for JSON readers, and the schema's count says so.
  const one = exampleWith((d) => {
    d.framework.levels = { emerging: d.framework.levels.emerging, developing: d.framework.levels.developing };
  }).replace('"developing": {', '"emerging": {');
  const levels = ruleFindings(one, 'schema').filter((x) => x.pointer === '/framework/levels');
  assert.deepEqual(levels.map((x) => x.message), ['`levels` must have at least two levels, found 1']);
});

test('keys repeated in different objects, the example and every DDaT export stay quiet', () => {
  assert.deepEqual(ruleFindings(EXAMPLE_TEXT, ID), []);
  for (const { name, text } of ddatTexts()) assert.deepEqual(ruleFindings(text, ID), [], name);
  // "label" and "statements" repeat across levels, which is how the format is meant to be.
  assert.ok((EXAMPLE_TEXT.match(/"label"/g) ?? []).length >= 4);
});

test('a deeply nested document with a duplicate at the bottom is reported without a crash', () => {
  const depth = 400;
  const text = '['.repeat(depth) + '{"a": 1, "a": 2}' + ']'.repeat(depth);
  const found = ruleFindings(text, ID);
  assert.equal(found.length, 1);
  assert.equal(found[0].pointer, '/0'.repeat(depth) + '/a');
});
