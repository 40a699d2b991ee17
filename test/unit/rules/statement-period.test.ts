import { test } from 'node:test';
import assert from 'node:assert/strict';
import { config, exampleWith, ruleFindings, EXAMPLE_TEXT } from '../../helpers';
import { applyFix, ddatFiles, ddatWith } from './fixtures/format';

const ID = 'statement-period';
const FIRST = 'Circulation procedures — execute check-in and check-out transactions accurately under the guidance of senior librarians in a public or academic library setting';

test('a statement without the final period the others have is reported on its last character', () => {
  const text = exampleWith((d) => {
    d.framework.levels.emerging.statements[0] = FIRST;
  });
  const found = ruleFindings(text, ID);
  assert.equal(found.length, 1);
  const f = found[0];
  assert.equal(f.pointer, '/framework/levels/emerging/statements/0');
  // The literal opens at column 11, so its last character ("g") is at 12 + length - 1.
  assert.deepEqual([f.line, f.column, f.endLine, f.endColumn], [20, 11 + FIRST.length, 20, 12 + FIRST.length]);
  assert.equal(f.severity, 'warning');
  assert.match(f.message, /does not end with a period, while 39 of the 40 statements/);
  assert.equal(f.fix?.safe, true);
  const fixed = JSON.parse(applyFix(text, f.fix));
  assert.equal(fixed.framework.levels.emerging.statements[0], FIRST + '.');
  assert.deepEqual(ruleFindings(applyFix(text, f.fix), ID), []);
});

test('the period goes before trailing spaces, which the spacing rule reports', () => {
  const text = exampleWith((d) => {
    d.framework.levels.emerging.statements[0] = FIRST + '  ';
  });
  const [f] = ruleFindings(text, ID);
  assert.deepEqual([f.line, f.column], [20, 11 + FIRST.length]);
  assert.equal(JSON.parse(applyFix(text, f.fix)).framework.levels.emerging.statements[0], FIRST + '.  ');
});

test('a final period where the others have none is reported on the period', () => {
  const text = ddatWith('accessibility.json', (d) => {
    d.framework.levels.developing.statements[1] += '.';
  });
  const found = ruleFindings(text, ID);
  assert.equal(found.length, 1);
  const f = found[0];
  const statement = 'build user interfaces that meet accessibility standards and fix accessibility issues under the direction of others.';
  assert.equal(f.pointer, '/framework/levels/developing/statements/1');
  assert.deepEqual([f.line, f.column, f.endLine, f.endColumn], [28, 11 + statement.length, 28, 12 + statement.length]);
  assert.match(f.message, /ends with a period, while 12 of the 13 statements in this document do not/);
  assert.equal(JSON.parse(applyFix(text, f.fix)).framework.levels.developing.statements[1], statement.slice(0, -1));
});

test('the example, where every statement ends with a period, is quiet', () => {
  assert.deepEqual(ruleFindings(EXAMPLE_TEXT, ID), []);
});

test('the DDaT exports are never told to add a period', () => {
  for (const { name, text } of ddatFiles()) {
    for (const f of ruleFindings(text, ID)) assert.match(f.message, /ends with a period, while/, `${name} ${f.pointer}`);
  }
});

test('a capitalised placeholder sentence keeps its period among lower-case list items', () => {
  // coding-and-scripting.json has two "This skill level is currently not defined." placeholders.
  const text = ddatWith('coding-and-scripting.json', (d) => {
    const more = ['write simple scripts', 'read code written by others', 'test scripts', 'use version control', 'review scripts', 'debug scripts', 'document scripts'];
    d.framework.levels.developing.statements.push(...more, 'explain what a script does.');
  });
  const found = ruleFindings(text, ID);
  assert.deepEqual(found.map((f) => f.pointer), ['/framework/levels/developing/statements/9']);
});

test('an abbreviation\'s period is not a final period', () => {
  const text = ddatWith('accessibility.json', (d) => {
    d.framework.levels.developing.statements[1] = 'use assistive tools such as screen readers, magnifiers, etc.';
  });
  assert.deepEqual(ruleFindings(text, ID), []);
});

test('a period inside closing quotes or brackets counts as an ending, and is left alone', () => {
  const text = exampleWith((d) => {
    d.framework.levels.emerging.statements[0] = 'Circulation procedures — execute transactions as the manual says ("Check-in and check-out.")';
  });
  assert.deepEqual(ruleFindings(text, ID), []);
});

test('no style is assumed when fewer than 75% of the statements end the same way', () => {
  const text = exampleWith((d) => {
    const levels = d.framework.levels;
    for (const key of ['emerging', 'developing']) levels[key].statements = levels[key].statements.map((s: string) => s.slice(0, -1));
  });
  assert.deepEqual(ruleFindings(text, ID), []);
  const lenient = config({ ruleSettings: { [ID]: ['warning', { minShare: 0.5 }] } });
  assert.equal(ruleFindings(text, ID, lenient).length, 20);
});

test('a literal with escapes is reported and fixed as a whole', () => {
  const escaped = FIRST.replace(' — ', ' \\u2014 ');
  const text = exampleWith().replace(JSON.stringify(FIRST + '.'), '"' + escaped + '"');
  const [f] = ruleFindings(text, ID);
  assert.equal(f.pointer, '/framework/levels/emerging/statements/0');
  assert.deepEqual([f.line, f.column, f.endLine, f.endColumn], [20, 11, 20, 13 + escaped.length]);
  assert.equal(JSON.parse(applyFix(text, f.fix)).framework.levels.emerging.statements[0], FIRST + '.');
});

test('a doubled final period is reported on the two periods, with a safe fix to one', () => {
  const text = exampleWith((d) => {
    d.framework.levels.emerging.statements[0] = FIRST + '..';
  });
  const found = ruleFindings(text, ID);
  assert.equal(found.length, 1);
  const [f] = found;
  assert.equal(f.pointer, '/framework/levels/emerging/statements/0');
  assert.deepEqual([f.line, f.column, f.endLine, f.endColumn], [20, 12 + FIRST.length, 20, 14 + FIRST.length]);
  assert.equal(f.message, 'This statement ends with a doubled period; keep one.');
  assert.deepEqual(f.fix && { title: f.fix.title, safe: f.fix.safe }, { title: 'Keep one final period', safe: true });
  assert.equal(JSON.parse(applyFix(text, f.fix)).framework.levels.emerging.statements[0], FIRST + '.');
  assert.deepEqual(ruleFindings(applyFix(text, f.fix), ID), []);
});

test('a doubled period is a slip in any house style, while an ellipsis is left alone', () => {
  // The DDaT exports end without periods, and a statement of too few to make a style is judged too.
  const text = ddatWith('accessibility.json', (d) => {
    d.framework.levels.developing.statements[1] += '..';
    d.framework.levels.developing.statements[2] += '...';
  });
  assert.deepEqual(ruleFindings(text, ID).map((f) => [f.pointer, f.message]), [
    ['/framework/levels/developing/statements/1', 'This statement ends with a doubled period; keep one.'],
  ]);
  const few = exampleWith((d) => {
    d.framework.levels.emerging.statements = ['Circulation — check items in..', 'Reference — answer questions'];
    for (const key of ['developing', 'proficient', 'advanced']) d.framework.levels[key].statements = ['Topic — do the work'];
  });
  assert.deepEqual(ruleFindings(few, ID).map((f) => f.pointer), ['/framework/levels/emerging/statements/0']);
  const ellipsis = exampleWith((d) => {
    d.framework.levels.emerging.statements[0] = FIRST + '...';
    d.framework.levels.emerging.statements[1] = FIRST + ' and so on \u2026';
  });
  assert.deepEqual(ruleFindings(ellipsis, ID), []);
});
