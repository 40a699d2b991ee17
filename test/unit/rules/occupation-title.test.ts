import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exampleWith, ruleFindings, EXAMPLE_TEXT } from '../../helpers';
import { applied, ddatDoc, ddatTexts, onlyFinding, place } from './fixtures/metadata';

const ID = 'occupation-title';
const ONET = 'Librarians and Media Collections Specialists';

test('a different title is reported on the value with O*NET\'s title, and the fix is for review', () => {
  const text = exampleWith((d) => {
    d.occupation.title = 'Librarians';
  });
  const f = onlyFinding(text, ID);
  assert.equal(f.pointer, '/occupation/title');
  assert.deepEqual(place(f), [6, 14, 6, 26]);
  assert.equal(f.severity, 'warning');
  assert.equal(f.message, '`title` "Librarians" is not O*NET\'s title for 25-4022.00, which is "Librarians and Media Collections Specialists". Use that title, or check that the SOC code is the intended one.');
  // A different title may mean the code is wrong, so --fix must not rewrite it.
  assert.equal(f.fix?.safe, false);
  const fixed = applied(text, f.fix);
  assert.equal(JSON.parse(fixed).occupation.title, ONET);
  assert.deepEqual(ruleFindings(fixed, ID), []);
});

test('a respelling of O*NET\'s title gets a safe fix', () => {
  const text = exampleWith((d) => {
    d.occupation.title = 'Librarians & media collections specialists';
  });
  const f = onlyFinding(text, ID);
  assert.match(f.message, /spelled differently from O\*NET's title for 25-4022\.00: "Librarians and Media Collections Specialists"/);
  assert.equal(f.fix?.safe, true);
  assert.equal(JSON.parse(applied(text, f.fix)).occupation.title, ONET);
});

test('a title with a quote is replaced by a valid JSON literal', () => {
  const text = ddatDoc('accessibility.json', (d) => {
    d.occupation.title = 'Computer "Other"';
  });
  const f = onlyFinding(text, ID);
  assert.equal(JSON.parse(applied(text, f.fix)).occupation.title, 'Computer Occupations, All Other');
});

test('quiet when the code is unknown or malformed, or the title is not a string', () => {
  assert.deepEqual(ruleFindings(exampleWith((d) => { d.occupation.soc = '25-4022.01'; d.occupation.title = 'x'; }), ID), []);
  assert.deepEqual(ruleFindings(exampleWith((d) => { d.occupation.soc = '25-4022'; d.occupation.title = 'x'; }), ID), []);
  assert.deepEqual(ruleFindings(exampleWith((d) => { d.occupation.title = 42; }), ID), []);
});

test('the example and every DDaT export are quiet', () => {
  assert.deepEqual(ruleFindings(EXAMPLE_TEXT, ID), []);
  for (const { name, text } of ddatTexts()) assert.deepEqual(ruleFindings(text, ID), [], name);
});
