import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EXAMPLE_TEXT, config, positionOf, ruleFindings } from '../../helpers';
import { plainDoc, scopeDoc } from './fixtures/scope';

const ID = 'thread-regression';

test('a topic whose higher statement works under supervision after the lower one worked with minimal oversight is reported on the higher one', () => {
  const higher = 'Circulation — process check-outs under supervision, following established procedures.';
  const text = scopeDoc((l) => {
    l.developing[1] = 'Circulation — manage circulation for several branches with minimal oversight.';
    l.proficient[1] = higher;
  });
  const findings = ruleFindings(text, ID);
  assert.equal(findings.length, 1);
  const [f] = findings;
  assert.equal(f.pointer, '/framework/levels/proficient/statements/1');
  const at = positionOf(text, JSON.stringify(higher));
  assert.deepEqual([f.line, f.column], [at.line, at.column]);
  assert.equal(f.severity, 'warning');
  assert.match(f.message, /^On the topic "Circulation", this Proficient statement reads narrower than the Developing one "manage circulation for several branches with minimal over\.\.\." \('under supervision' \(supervised\)/);
  assert.deepEqual(f.related?.map((r) => r.pointer), ['/framework/levels/developing/statements/1']);
});

test('without topics, threads are found by shared content words', () => {
  const text = plainDoc({
    emerging: ['check data quality of survey returns under close supervision', 'record survey metadata'],
    developing: ['check data quality of survey returns independently', 'document survey metadata standards'],
    proficient: ['check data quality of survey returns under supervision', 'improve metadata standards across teams'],
    advanced: ['set data quality strategy for survey returns organisation-wide', 'govern metadata standards across government'],
  });
  const findings = ruleFindings(text, ID);
  assert.equal(findings.length, 1);
  assert.equal(findings[0].pointer, '/framework/levels/proficient/statements/0');
  assert.deepEqual(findings[0].related?.map((r) => r.pointer), ['/framework/levels/developing/statements/0']);
  // A thread without a topic has no name a reader would use: the lower statement, quoted, says
  // what it is about.
  assert.match(findings[0].message, /^This proficient statement reads narrower than the developing statement on the same subject, "check data quality of survey returns independently" \(leading verb 'check' \(uses\), 'under supervision' \(supervised\)/);
  assert.doesNotMatch(findings[0].message, /On the topic/);
});

test('quiet on a framework that progresses and on the example', () => {
  assert.deepEqual(ruleFindings(scopeDoc(), ID), []);
  assert.deepEqual(ruleFindings(EXAMPLE_TEXT, ID), []);
});

test('minConfidence: statements with little evidence are not compared', () => {
  const text = scopeDoc((l) => {
    l.developing[1] = 'Circulation — manage circulation for several branches with minimal oversight.';
    l.proficient[1] = 'Circulation — process check-outs under supervision, following established procedures.';
  });
  assert.deepEqual(ruleFindings(text, ID, config({ ruleSettings: { [ID]: ['warning', { minConfidence: 20 }] } })), []);
});
