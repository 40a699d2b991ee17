import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EXAMPLE_TEXT, exampleWith, positionOf, ruleFindings } from '../../helpers';
import { unplantedFiles } from './fixtures/duplicates';

const ID = 'replacement-character';
const MARK = '\uFFFD';

test('a statement whose dash was lost in decoding is reported at the mark, as an error', () => {
  const lost = `Circulation procedures ${MARK}${MARK}${MARK} execute check-in and check-out transactions.`;
  const text = exampleWith((d) => {
    d.framework.levels.emerging.statements[0] = lost;
  });
  const [f, ...rest] = ruleFindings(text, ID);
  assert.equal(rest.length, 0, 'one finding for one string, however many marks');
  assert.equal(f.pointer, '/framework/levels/emerging/statements/0');
  assert.equal(f.severity, 'error');
  const at = positionOf(text, MARK);
  assert.deepEqual([f.line, f.column, f.endLine, f.endColumn], [at.line, at.column, at.line, at.column + 3]);
  assert.match(f.message, /^This text holds U\+FFFD, the replacement character: the file had bytes that are not UTF-8/);
});

test('keys and other values are reported too, each string once, a key as a key', () => {
  const text = exampleWith((d) => {
    d.occupation.title = `Library Technicians ${MARK} Assistants`;
    d.framework.levels.developing.statements[1] = `Budget ${MARK}tracking ${MARK}`;
    d.framework[`notes${MARK}`] = 'x';
  });
  const found = ruleFindings(text, ID);
  assert.deepEqual(found.map((f) => f.pointer).sort(), ['/framework/levels/developing/statements/1', `/framework/notes${MARK}`, '/occupation/title']);
  assert.match(found.find((f) => f.pointer.startsWith('/framework/notes'))!.message, /^This key holds U\+FFFD/);
});

test('a mark outside any string is left to json-syntax', () => {
  const text = EXAMPLE_TEXT.replace('{', `{${MARK}`);
  assert.deepEqual(ruleFindings(text, ID), []);
  assert.ok(ruleFindings(text, 'json-syntax').length > 0);
});

test('a file read wholly with the wrong encoding gives at most 100 findings', () => {
  const text = exampleWith((d) => {
    d.framework.levels.emerging.statements = Array.from({ length: 150 }, (_, i) => `Topic ${i} ${MARK} do the work number ${i}.`);
  });
  assert.equal(ruleFindings(text, ID).length, 100);
});

test('quiet on the example and on every real framework of the corpus', () => {
  assert.deepEqual(ruleFindings(EXAMPLE_TEXT, ID), []);
  for (const { name, text } of unplantedFiles()) assert.deepEqual(ruleFindings(text, ID), [], name);
});
