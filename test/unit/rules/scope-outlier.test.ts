import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EXAMPLE_TEXT, config, positionOf, ruleFindings } from '../../helpers';
import { scopeDoc } from './fixtures/scope';

const ID = 'scope-outlier';

test('the example\'s developing statement that recommends acquisitions "independently" is reported, one level above the rest', () => {
  const findings = ruleFindings(EXAMPLE_TEXT, ID);
  const f = findings.find((x) => x.pointer === '/framework/levels/developing/statements/2');
  assert.ok(f, 'the "independently" statement is reported');
  const at = positionOf(EXAMPLE_TEXT, '"Collection development workflow');
  assert.deepEqual([f.line, f.column], [at.line, at.column]);
  assert.equal(f.severity, 'info');
  assert.match(f.message, /^This statement reads as Proficient, one level above the rest of Developing: 'independently' \(independent\)\./);
  assert.equal(f.related?.[0].pointer, '/framework/levels/proficient');
  assert.ok(findings.length <= 2, `at most one other outlier in the example, found ${findings.length}`);
});

test('a statement with the autonomy of the next level among supervised ones is reported', () => {
  const text = scopeDoc((l) => {
    l.emerging.push('Reference desk — answer patron questions across multiple subject areas with minimal oversight.');
  });
  const findings = ruleFindings(text, ID);
  assert.equal(findings.length, 1);
  assert.equal(findings[0].pointer, '/framework/levels/emerging/statements/3');
  assert.match(findings[0].message, /reads as Developing, one level above the rest of Emerging: 'with minimal oversight' \(minimal oversight\)/);
});

test('a verb or a complexity word alone does not make an outlier', () => {
  const text = scopeDoc((l) => {
    l.emerging.push('Reference desk — evaluate complex sources for patrons.');
  });
  assert.deepEqual(ruleFindings(text, ID), []);
});

test('quiet on a framework that progresses, and leaves two-level cases to scope-misplaced unless that rule is off', () => {
  assert.deepEqual(ruleFindings(scopeDoc(), ID), []);
  const twoOff = scopeDoc((l) => {
    l.emerging.push('Reference desk — independently resolve escalated questions across multiple service units.');
  });
  const misplaced = ruleFindings(twoOff, 'scope-misplaced');
  if (misplaced.length > 0) {
    assert.deepEqual(ruleFindings(twoOff, ID), []);
    const alone = ruleFindings(twoOff, ID, config({ ruleSettings: { 'scope-misplaced': 'off' } }));
    assert.equal(alone.length, 1);
  }
});

test('minDistance: a larger distance silences the finding', () => {
  const text = scopeDoc((l) => {
    l.emerging.push('Reference desk — answer patron questions across multiple subject areas with minimal oversight.');
  });
  assert.deepEqual(ruleFindings(text, ID, config({ ruleSettings: { [ID]: ['info', { minDistance: 1.3 }] } })), []);
});
