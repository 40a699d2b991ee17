/**
 * Document text shown in a terminal (the stylish report, explain) cannot steer the terminal: its
 * controls and bidirectional overrides are shown as code points, everything else as it is.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { terminalSafe } from '../../../server/src/cli/formatters/terminal';

test('escape sequences, bells, C1 controls and bidirectional overrides become visible code points', () => {
  assert.equal(terminalSafe('Emerging\u001b[2J'), 'Emerging<U+001B>[2J');
  assert.equal(terminalSafe('\u001b]8;;http://evil.example/\u0007link'), '<U+001B>]8;;http://evil.example/<U+0007>link');
  assert.equal(terminalSafe('a\u009bb\u007fc'), 'a<U+009B>b<U+007F>c');
  assert.equal(terminalSafe('Budget \u202Etracking\u2066x\u2069'), 'Budget <U+202E>tracking<U+2066>x<U+2069>');
});

test('line breaks become spaces; ordinary text, dashes, emoji and right-to-left letters are kept', () => {
  assert.equal(terminalSafe('one\r\ntwo\nthree\rfour'), 'one two three four');
  const plain = 'Circulation procedures — execute check-in “accurately” 😀 مكتبة ספרייה\ttab';
  assert.equal(terminalSafe(plain), plain.replace('\t', '<U+0009>'));
});
