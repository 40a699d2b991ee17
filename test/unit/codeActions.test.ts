/**
 * Code actions as the core makes them: fix-all gives what `--fix` gives, and the light bulb lists
 * each fix once, however many findings of the selection it mends.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyse } from '../../server/src/core/service';
import { fixAll, quickFixes } from '../../server/src/core/features/codeActions';
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

test('a selection over several findings that share one fix lists that fix once, naming every finding', () => {
  const text = exampleWith((d) => {
    const s = d.framework.levels.emerging.statements;
    s[2] = ' ' + s[2].replace('identify and', 'identify  and') + '  ';
  });
  const result = analyse(text);
  const start = text.indexOf(' Library catalog records');
  const statement = { start, end: text.indexOf('"', start) };
  const spacing = result.findings.filter((f) => f.ruleId === 'statement-spacing' && f.range.start >= statement.start && f.range.end <= statement.end + 1);
  assert.equal(spacing.length, 3, 'a leading, a doubled and a trailing space');
  const actions = quickFixes(result, statement);
  const titles = actions.map((a) => a.title);
  assert.deepEqual(titles, ['Fix the spacing in this statement']);
  assert.deepEqual(actions[0].findings, spacing);
  // The cursor on one of them still gets the fix, for that finding.
  const one = quickFixes(result, { start: spacing[1].range.start, end: spacing[1].range.start });
  assert.deepEqual(one.map((a) => a.findings), [[spacing[1]]]);
});
