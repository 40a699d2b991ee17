import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exampleWith, ruleFindings, EXAMPLE_TEXT } from '../../helpers';
import { applyFix, ddatFiles } from './fixtures/format';
import { spacingProblems } from '../../../server/src/core/rules/statement-spacing';

const ID = 'statement-spacing';
const GOOD = 'Circulation procedures — execute check-in and check-out transactions accurately under the guidance of senior librarians in a public or academic library setting.';

function withFirst(statement: string): string {
  return exampleWith((d) => {
    d.framework.levels.emerging.statements[0] = statement;
  });
}

/** [column, endColumn] of each finding; the literal opens at line 20, column 11, so text offset i is column 12 + i. */
function columns(text: string): number[][] {
  return ruleFindings(text, ID).map((f) => {
    assert.equal(f.line, 20);
    assert.equal(f.endLine, 20);
    assert.equal(f.pointer, '/framework/levels/emerging/statements/0');
    return [f.column, f.endColumn];
  });
}

test('doubled spaces are reported on the spaces and fixed to one', () => {
  const text = withFirst(GOOD.replace('execute check-in', 'execute  check-in'));
  const found = ruleFindings(text, ID);
  assert.equal(found.length, 1);
  // "execute" ends at text offset 32: the two spaces are columns 44 and 45.
  assert.deepEqual([found[0].line, found[0].column, found[0].endLine, found[0].endColumn], [20, 44, 20, 46]);
  assert.match(found[0].message, /has 2 spaces between words/);
  assert.equal(found[0].severity, 'warning');
  assert.equal(found[0].fix?.safe, true);
  assert.equal(applyFix(text, found[0].fix), exampleWith());
});

test('leading and trailing spaces are reported where they are', () => {
  assert.deepEqual(columns(withFirst(' ' + GOOD)), [[12, 13]]);
  assert.deepEqual(columns(withFirst(GOOD + '   ')), [[12 + GOOD.length, 15 + GOOD.length]]);
  assert.match(ruleFindings(withFirst(' ' + GOOD), ID)[0].message, /starts with a space/);
  assert.match(ruleFindings(withFirst(GOOD + '   '), ID)[0].message, /ends with 3 spaces/);
});

test('a space before punctuation is reported, but not before ".NET" or a decimal', () => {
  const text = withFirst(GOOD.replace('accurately', 'accurately ,').replace('setting.', 'setting .'));
  const found = ruleFindings(text, ID);
  assert.equal(found.length, 2);
  assert.match(found[0].message, /has a space before ","/);
  assert.match(found[1].message, /has a space before "."/);
  // "accurately" ends at text offset 79 (column 91); the statement grew by 3 characters, so the
  // space before the final "." is at text offset GOOD.length + 1.
  assert.deepEqual(columns(text), [[91, 92], [13 + GOOD.length, 14 + GOOD.length]]);
  // Both findings carry the same fix, which corrects the whole statement at once.
  assert.deepEqual(found[0].fix, found[1].fix);
  assert.equal(applyFix(text, found[0].fix), withFirst(GOOD.replace('accurately', 'accurately,')));
  assert.deepEqual(ruleFindings(withFirst('Software — use .NET tools and .5 FTE allocations.'), ID), []);
});

test('a mark repeated after a space is dropped by the fix, not joined into a doubled mark; a spaced ellipsis stays one', () => {
  for (const [typed, fixed] of [
    [GOOD.replace('setting.', 'setting. .'), GOOD],
    [GOOD.replace('accurately', 'accurately, ,'), GOOD.replace('accurately', 'accurately,')],
    [GOOD.replace('setting.', 'setting.  . '), GOOD],
    // A spaced ellipsis stays an ellipsis.
    [GOOD.replace('setting.', 'setting and so on . . .'), GOOD.replace('setting.', 'setting and so on...')],
    [GOOD.replace('accurately', 'accurately . . . then'), GOOD.replace('accurately', 'accurately... then')],
  ]) {
    const text = withFirst(typed);
    const found = ruleFindings(text, ID);
    assert.ok(found.length > 0, typed);
    assert.equal(applyFix(text, found[0].fix), withFirst(fixed), typed);
  }
});

test('a non-breaking space, written as the character itself, is reported on that character', () => {
  const text = withFirst(GOOD.replace('Circulation procedures', 'Circulation\u00a0procedures'));
  const found = ruleFindings(text, ID);
  assert.deepEqual(columns(text), [[23, 24]]);
  assert.match(found[0].message, /has a non-breaking space between words/);
  assert.equal(applyFix(text, found[0].fix), exampleWith());
});

test('a tab (always escaped in JSON) is reported on the whole literal and fixed', () => {
  const literal = JSON.stringify(GOOD.replace('check-in and', 'check-in\tand'));
  const text = exampleWith().replace(JSON.stringify(GOOD), literal);
  const found = ruleFindings(text, ID);
  assert.deepEqual(columns(text), [[11, 11 + literal.length]]);
  assert.match(found[0].message, /has a tab between words/);
  assert.equal(applyFix(text, found[0].fix), exampleWith());
});

test('a statement of nothing but spaces is reported without a fix', () => {
  const found = ruleFindings(withFirst('   '), ID);
  assert.equal(found.length, 1);
  assert.match(found[0].message, /holds nothing but 3 spaces/);
  assert.equal(found[0].fix, undefined);
});

test('the example and every DDaT export are quiet', () => {
  assert.deepEqual(ruleFindings(EXAMPLE_TEXT, ID), []);
  for (const { name, text } of ddatFiles()) assert.deepEqual(ruleFindings(text, ID), [], name);
});

test('white space is what JavaScript\'s \\s says it is, for every code unit', () => {
  for (let c = 0; c <= 0xffff; c++) {
    const ch = String.fromCharCode(c);
    // Between two words, any white space but one plain space is a problem; anything else is a word character here.
    const reported = spacingProblems(`a${ch}b`).length > 0;
    assert.equal(reported, /\s/.test(ch) && ch !== ' ', `U+${c.toString(16).padStart(4, '0')}`);
  }
});
