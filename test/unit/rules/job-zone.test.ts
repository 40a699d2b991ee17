import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exampleWith, ruleFindings, EXAMPLE_TEXT } from '../../helpers';
import { applied, ddatDoc, ddatTexts, onlyFinding, place } from './fixtures/metadata';

const ID = 'job-zone';

test('a zone other than O*NET\'s is reported on the number, naming O*NET\'s zone', () => {
  const text = exampleWith((d) => {
    d.occupation.jobZone = 3;
  });
  const f = onlyFinding(text, ID);
  assert.equal(f.pointer, '/occupation/jobZone');
  assert.deepEqual(place(f), [9, 16, 9, 17]);
  assert.equal(f.severity, 'warning');
  assert.match(f.message, /^`jobZone` is 3 but O\*NET gives 25-4022\.00 job zone 5 \(/);
  assert.equal(f.fix?.safe, true);
  const fixed = applied(text, f.fix);
  assert.equal(JSON.parse(fixed).occupation.jobZone, 5);
  assert.deepEqual(ruleFindings(fixed, ID), []);
});

test('the fix waits for review when the title does not confirm the code', () => {
  const f = onlyFinding(exampleWith((d) => { d.occupation.jobZone = 3; d.occupation.title = 'Archivists'; }), ID);
  assert.equal(f.fix?.safe, false);
});

test('an inferred zone is the author\'s own and stays quiet', () => {
  assert.deepEqual(ruleFindings(exampleWith((d) => { d.occupation.jobZone = 3; d.occupation.jobZoneInferred = true; }), ID), []);
});

test('quiet where O*NET has no zone, the code is unknown, or the zone is not a number', () => {
  for (const zone of [1, 2, 3, 5]) {
    assert.deepEqual(ruleFindings(ddatDoc('accessibility.json', (d) => { d.occupation.jobZone = zone; d.occupation.jobZoneInferred = false; }), ID), []);
  }
  assert.deepEqual(ruleFindings(exampleWith((d) => { d.occupation.soc = '25-4022.01'; d.occupation.jobZone = 1; }), ID), []);
  assert.deepEqual(ruleFindings(exampleWith((d) => { d.occupation.jobZone = 'five'; }), ID), []);
});

test('the example and every DDaT export are quiet', () => {
  assert.deepEqual(ruleFindings(EXAMPLE_TEXT, ID), []);
  for (const { name, text } of ddatTexts()) assert.deepEqual(ruleFindings(text, ID), [], name);
});
