/**
 * Code actions as the core makes them: fix-all gives what `--fix` gives, and the light bulb lists
 * each fix once, however many findings of the selection it mends.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyse } from '../../server/src/core/service';
import { fixAll } from '../../server/src/core/features/codeActions';
import { exampleWith } from '../helpers';

const EN_DASH = (d: any) => {
  d.framework.levels.emerging.statements[0] = d.framework.levels.emerging.statements[0].replace(' — ', ' – ');
};

test('fix-all mends a strict JSON document', () => {
  const text = exampleWith(EN_DASH);
  const fixed = fixAll(analyse(text), (t) => analyse(t));
  assert.equal(fixed.text, exampleWith());
});

test('fix-all leaves a document that is not strict JSON as it is, as --fix does', () => {
  const clean = exampleWith(EN_DASH);
  const broken = [
    clean.replace('"occupation": {', '"occupation": { // the job'),
    clean.replace('"jobZoneInferred": false', '"jobZoneInferred": false,'),
    clean.replace('"label": "Emerging",', '"label": "Emerging"'),
  ];
  for (const text of broken) {
    const first = analyse(text);
    assert.ok(first.findings.some((f) => f.ruleId === 'statement-dash' && f.fix?.safe), 'the safe fix is there to take');
    const fixed = fixAll(first, (t) => analyse(t));
    assert.deepEqual(fixed.edits, []);
    assert.equal(fixed.text, text);
    assert.equal(fixed.applied, 0);
  }
});
