import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exampleWith, ruleFindings, EXAMPLE_TEXT } from '../../helpers';
import { applied, ddatTexts, onlyFinding, place } from './fixtures/metadata';

const ID = 'occupation-group';

test('another major group is reported on the value, with the abbreviated group of the code', () => {
  const text = exampleWith((d) => {
    d.occupation.group = 'Computer & Mathematical';
  });
  const f = onlyFinding(text, ID);
  assert.equal(f.pointer, '/occupation/group');
  assert.deepEqual(place(f), [7, 14, 7, 39]);
  assert.equal(f.severity, 'warning');
  assert.equal(f.message, '`group` "Computer & Mathematical" is not the SOC major group of 25-4022.00 (25-0000), which is "Educational Instruction & Library".');
  // The title confirms the code, so the group derived from it can be applied unasked.
  assert.equal(f.fix?.safe, true);
  const fixed = applied(text, f.fix);
  assert.equal(JSON.parse(fixed).occupation.group, 'Educational Instruction & Library');
  assert.deepEqual(ruleFindings(fixed, ID), []);
});

test('when the title does not confirm the code either, the fix is for review', () => {
  const f = onlyFinding(exampleWith((d) => {
    d.occupation.group = 'Computer & Mathematical';
    d.occupation.title = 'Software Developers';
  }), ID);
  assert.equal(f.fix?.safe, false);
});

test('the full SOC title is reported as the long form, with a safe fix', () => {
  const text = exampleWith((d) => {
    d.occupation.group = 'Educational Instruction and Library Occupations';
    d.occupation.title = 'Someone else';
  });
  const f = onlyFinding(text, ID);
  assert.match(f.message, /is the full SOC title; exports use the abbreviated form "Educational Instruction & Library"/);
  assert.equal(f.fix?.safe, true);
});

test('the group follows from the first two digits even when O*NET lacks the code', () => {
  assert.deepEqual(ruleFindings(exampleWith((d) => { d.occupation.soc = '25-4022.99'; }), ID), []);
  const f = onlyFinding(exampleWith((d) => { d.occupation.soc = '15-4022.99'; }), ID);
  assert.match(f.message, /which is "Computer & Mathematical"/);
});

test('quiet for malformed codes, unknown major groups and non-string groups', () => {
  assert.deepEqual(ruleFindings(exampleWith((d) => { d.occupation.soc = '25'; d.occupation.group = 'x'; }), ID), []);
  assert.deepEqual(ruleFindings(exampleWith((d) => { d.occupation.soc = '98-1234.00'; d.occupation.group = 'x'; }), ID), []);
  assert.deepEqual(ruleFindings(exampleWith((d) => { d.occupation.group = 7; }), ID), []);
});

test('the example and every DDaT export are quiet', () => {
  assert.deepEqual(ruleFindings(EXAMPLE_TEXT, ID), []);
  for (const { name, text } of ddatTexts()) assert.deepEqual(ruleFindings(text, ID), [], name);
});
