import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EXAMPLE_TEXT, config, positionOf, ruleFindings } from '../../helpers';
import { plainDoc, scopeDoc } from './fixtures/scope';

const ID = 'level-progression';

test('levels swapped whole: the levels that no longer read broader are reported once each, on their keys', () => {
  const text = scopeDoc((l) => {
    [l.emerging, l.advanced] = [l.advanced, l.emerging];
  });
  const findings = ruleFindings(text, ID);
  assert.deepEqual(findings.map((f) => f.pointer), ['/framework/levels/developing', '/framework/levels/advanced']);
  const dev = findings[0];
  const at = positionOf(text, '"developing"');
  assert.deepEqual([dev.line, dev.column, dev.endLine, dev.endColumn], [at.line, at.column, at.line, at.column + '"developing"'.length]);
  assert.equal(dev.severity, 'warning');
  assert.match(dev.message, /^Level "Developing" does not read broader than "Emerging" below it: /);
  assert.equal(dev.related?.[0].pointer, '/framework/levels/emerging');
  assert.equal(findings[1].related?.[0].pointer, '/framework/levels/proficient');
});

test('a lowest level that reads above every other is reported even when no neighbour differs by the margin', () => {
  const text = plainDoc({
    emerging: ['set the strategic direction for data across the organisation', 'lead a team of analysts'],
    developing: ['independently resolve complex data questions', 'coach colleagues in analysis'],
    proficient: ['independently resolve complex data questions across teams', 'mentor analysts across teams'],
    advanced: ['analyse complex data questions for the organisation independently', 'coach teams across the organisation'],
  });
  const findings = ruleFindings(text, ID, config({ ruleSettings: { [ID]: ['warning', { margin: 5 }] } }));
  assert.equal(findings.length, 1);
  assert.equal(findings[0].pointer, '/framework/levels/developing');
  assert.match(findings[0].message, /^Level "developing" does not read broader than "emerging" below it: "emerging", the lowest level, reads broader than every level above it\./);
  assert.equal(findings[0].related?.[0].pointer, '/framework/levels/emerging');
});

test('quiet on a framework that progresses and on the example (its four levels read in increasing order)', () => {
  assert.deepEqual(ruleFindings(scopeDoc(), ID), []);
  assert.deepEqual(ruleFindings(EXAMPLE_TEXT, ID), []);
});

test('quiet when a level has nothing that can be read', () => {
  const text = scopeDoc((l) => {
    l.developing = ['Reference service — answer patron questions.'];
  });
  assert.deepEqual(ruleFindings(text, ID), []);
});

test('the finding points at the statements that pull the two levels together', () => {
  const text = scopeDoc((l) => {
    [l.emerging, l.advanced] = [l.advanced, l.emerging];
  });
  const [dev] = ruleFindings(text, ID);
  const statements = (dev.related ?? []).slice(1);
  // Developing sits above Emerging, which now holds the Advanced statements: those read highest.
  assert.ok(statements.length >= 1, JSON.stringify(dev.related));
  for (const r of statements) {
    assert.match(r.pointer, /^\/framework\/levels\/(developing|emerging)\/statements\/\d+$/);
    assert.match(r.message, /^a statement of (Developing|Emerging) that reads as \w+$/);
  }
  assert.ok(statements.some((r) => r.pointer.startsWith('/framework/levels/emerging/') && /reads as (Proficient|Advanced)$/.test(r.message)));
  // A framework that progresses has nothing to point at.
  assert.deepEqual(ruleFindings(scopeDoc(), ID), []);
});
