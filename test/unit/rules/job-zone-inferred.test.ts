import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exampleWith, ruleFindings, EXAMPLE_TEXT } from '../../helpers';
import { applied, ddatDoc, ddatTexts, onlyFinding, place } from './fixtures/metadata';

const ID = 'job-zone-inferred';

test('true while O*NET has a zone is reported on the value', () => {
  const text = exampleWith((d) => {
    d.occupation.jobZoneInferred = true;
  });
  const f = onlyFinding(text, ID);
  assert.equal(f.pointer, '/occupation/jobZoneInferred');
  assert.deepEqual(place(f), [10, 24, 10, 28]);
  assert.equal(f.severity, 'warning');
  assert.equal(f.message, '`jobZoneInferred` is true but O*NET has job zone 5 for 25-4022.00; set it to false and use O*NET\'s zone.');
  assert.equal(f.fix?.safe, true);
  const fixed = applied(text, f.fix);
  assert.equal(JSON.parse(fixed).occupation.jobZoneInferred, false);
  assert.deepEqual(ruleFindings(fixed, ID), []);
});

test('false while O*NET has no zone is reported, and the fix sets it true', () => {
  const text = ddatDoc('accessibility.json', (d) => {
    d.occupation.jobZoneInferred = false;
  });
  const f = onlyFinding(text, ID);
  assert.equal(f.pointer, '/occupation/jobZoneInferred');
  assert.deepEqual(place(f), [10, 24, 10, 29]);
  assert.match(f.message, /is false but O\*NET has no job zone for 15-1299\.00/);
  assert.equal(JSON.parse(applied(text, f.fix)).occupation.jobZoneInferred, true);
});

test('quiet when the code is unknown or the value is not a boolean', () => {
  assert.deepEqual(ruleFindings(exampleWith((d) => { d.occupation.soc = '25-4022.01'; d.occupation.jobZoneInferred = true; }), ID), []);
  assert.deepEqual(ruleFindings(exampleWith((d) => { d.occupation.jobZoneInferred = 'yes'; }), ID), []);
});

test('the example and every DDaT export are quiet', () => {
  assert.deepEqual(ruleFindings(EXAMPLE_TEXT, ID), []);
  for (const { name, text } of ddatTexts()) assert.deepEqual(ruleFindings(text, ID), [], name);
});
