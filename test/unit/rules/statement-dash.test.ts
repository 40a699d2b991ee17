import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exampleWith, ruleFindings, EXAMPLE_TEXT } from '../../helpers';
import { applyFix, ddatFiles, ddatWith } from './fixtures/format';

const ID = 'statement-dash';
const TOPIC = 'Circulation procedures';
const BODY = 'execute check-in and check-out transactions accurately under the guidance of senior librarians in a public or academic library setting.';
const GOOD = `${TOPIC} — ${BODY}`;

function withFirst(statement: string): string {
  return exampleWith((d) => {
    d.framework.levels.emerging.statements[0] = statement;
  });
}

// The literal opens at line 20, column 11; the text starts at column 12, the topic is 22 characters
// long, so a separator character right after " " sits at column 35.
for (const [sep, name, width] of [['-', 'a hyphen', 1], ['\u2013', 'an en dash', 1], ['--', 'a double hyphen', 2]] as const) {
  test(`${name} between topic and statement is reported on exactly its characters and fixed`, () => {
    const text = withFirst(`${TOPIC} ${sep} ${BODY}`);
    const found = ruleFindings(text, ID);
    assert.equal(found.length, 1);
    const f = found[0];
    assert.equal(f.pointer, '/framework/levels/emerging/statements/0');
    assert.deepEqual([f.line, f.column, f.endLine, f.endColumn], [20, 35, 20, 35 + width]);
    assert.equal(f.severity, 'warning');
    assert.match(f.message, new RegExp(`topic "${TOPIC}" is separated by ${name}`));
    assert.equal(f.fix?.safe, true);
    const fixed = applyFix(text, f.fix);
    assert.equal(JSON.parse(fixed).framework.levels.emerging.statements[0], GOOD);
    assert.equal(fixed, exampleWith(), 'the fix gives back the example exactly');
  });
}

test('an em dash without spaces is reported on the dash and says which space is missing', () => {
  const cases: [string, number, RegExp][] = [
    [`${TOPIC}\u2014${BODY}`, 34, /needs a space on each side/],
    [`${TOPIC} \u2014${BODY}`, 35, /needs a space after it/],
    [`${TOPIC}\u2014 ${BODY}`, 34, /needs a space before it/],
  ];
  for (const [statement, column, message] of cases) {
    const text = withFirst(statement);
    const found = ruleFindings(text, ID);
    assert.equal(found.length, 1, statement);
    assert.deepEqual([found[0].line, found[0].column, found[0].endColumn], [20, column, column + 1]);
    assert.match(found[0].message, message);
    assert.equal(JSON.parse(applyFix(text, found[0].fix)).framework.levels.emerging.statements[0], GOOD);
  }
});

test('a non-breaking space next to the em dash is left to statement-spacing', () => {
  assert.deepEqual(ruleFindings(withFirst(`${TOPIC}\u00a0\u2014 ${BODY}`), ID), []);
});

test('an escaped separator is reported on the whole literal and the fix keeps valid JSON', () => {
  const literal = `"${TOPIC} \\u2013 ${BODY}"`;
  const text = exampleWith().replace(JSON.stringify(GOOD), literal);
  const [f] = ruleFindings(text, ID);
  assert.deepEqual([f.line, f.column, f.endLine, f.endColumn], [20, 11, 20, 11 + literal.length]);
  assert.equal(JSON.parse(applyFix(text, f.fix)).framework.levels.emerging.statements[0], GOOD);
});

test('the example, with spaced em dashes, is quiet', () => {
  assert.deepEqual(ruleFindings(EXAMPLE_TEXT, ID), []);
});

test('hyphenated words and date ranges are not separators', () => {
  const text = withFirst('Circulation procedures — execute check-in and check-out transactions during 2019\u20132020 terms.');
  assert.deepEqual(ruleFindings(text, ID), []);
});

test('every DDaT export is quiet, and a dash inside a sentence of a framework without topics is left alone', () => {
  for (const { name, text } of ddatFiles()) assert.deepEqual(ruleFindings(text, ID), [], name);
  const text = ddatWith('accessibility.json', (d) => {
    d.framework.levels.emerging.statements[0] = 'understand accessibility - and that users have different needs';
  });
  assert.deepEqual(ruleFindings(text, ID), []);
});
