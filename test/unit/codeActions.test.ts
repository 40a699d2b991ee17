/**
 * Code actions as the core makes them: fix-all gives what `--fix` gives, and the light bulb lists
 * each fix once, however many findings of the selection it mends.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyse } from '../../server/src/core/service';
import { fixAll, quickFixes } from '../../server/src/core/features/codeActions';
import { moveStatementActions } from '../../server/src/core/features/moveStatement';
import { EMPTY_CONFIG } from '../../server/src/core/config/types';
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

test('the move fix is not offered into a level that already holds the statement\'s exact copy', () => {
  const COPY = '/framework/levels/developing/statements/10';
  const moves = (change: (s: string) => string) => {
    const text = exampleWith((d) => {
      d.framework.levels.developing.statements.push(change(d.framework.levels.emerging.statements[3]));
    });
    const result = analyse(text);
    const outlier = result.findings.find((f) => f.ruleId === 'scope-outlier' && f.pointer === COPY);
    assert.ok(outlier, 'the statement pushed into Developing reads as Emerging');
    return { result, titles: moveStatementActions(result, outlier.range, EMPTY_CONFIG).map((a) => a.title) };
  };
  // A reworded copy has no twin in Emerging: moving it there is what the finding suggests.
  assert.deepEqual(moves((s) => s.replace('fundamental', 'basic')).titles, ['Move this statement to Emerging, the level it reads as']);
  // A copy that differs only in case and its final period, as duplicate-exact compares, would
  // become a repeat within Emerging; removing it is duplicate-exact's fix, still offered.
  const copy = moves((s) => s.toUpperCase().slice(0, -1));
  assert.deepEqual(copy.titles, []);
  const all = quickFixes(copy.result, copy.result.findings.find((f) => f.pointer === COPY)!.range).map((a) => a.title);
  assert.ok(all.some((t) => t.startsWith('Remove this copy of Emerging #4')), all.join(' | '));
});

test('fix-all counts the findings it mends, not the fixes it applies', () => {
  // Five findings in one statement: a hyphen for the dash, two doubled spaces and a space before a
  // comma (one spacing fix mends all three), and no final period. Each fix rewrites the statement,
  // so they go in three passes.
  const text = exampleWith((d) => {
    d.framework.levels.emerging.statements[0] =
      'Circulation procedures - execute  check-in and  check-out transactions accurately , under the guidance of senior librarians in a public or academic library setting';
  });
  const first = analyse(text);
  const mendable = first.findings.filter((f) => f.fix?.safe).map((f) => f.ruleId);
  assert.deepEqual(mendable, ['statement-dash', 'statement-spacing', 'statement-spacing', 'statement-spacing', 'statement-period']);
  const fixed = fixAll(first, (t) => analyse(t));
  assert.equal(fixed.applied, 3);
  assert.equal(fixed.mended, 5);
  // The topic-gap note on the statement is not mended, and is not counted.
  assert.ok(analyse(fixed.text).findings.some((f) => f.ruleId === 'topic-gap' && f.pointer === '/framework/levels/emerging/statements/0'));
  assert.equal(fixAll(analyse(fixed.text), (t) => analyse(t)).mended, 0);
});
