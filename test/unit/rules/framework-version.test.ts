import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exampleWith, ruleFindings, EXAMPLE_TEXT } from '../../helpers';
import { applied, ddatTexts, onlyFinding, place } from './fixtures/metadata';

const ID = 'framework-version';

test('a version other than v.YY.MM of the export date is information on the version', () => {
  const text = exampleWith((d) => {
    d.framework.version = 'v.26.04';
  });
  const f = onlyFinding(text, ID);
  assert.equal(f.pointer, '/framework/version');
  assert.deepEqual(place(f), [13, 16, 13, 25]);
  assert.equal(f.severity, 'info');
  assert.equal(f.message, '`version` is "v.26.04" but the framework was exported on 2026-05-15, which gives "v.26.05" (v.YY.MM of `exportedAt`).');
  assert.equal(f.related?.[0].pointer, '/exportedAt');
  assert.equal(f.fix?.safe, false);
  const fixed = applied(text, f.fix);
  assert.equal(JSON.parse(fixed).framework.version, 'v.26.05');
  assert.deepEqual(ruleFindings(fixed, ID), []);
});

test('the month is the UTC month, as exportedAt is written', () => {
  const text = exampleWith((d) => {
    d.exportedAt = '2025-12-31T23:30:00-02:00';
    d.framework.version = 'v.25.12';
  });
  // The day the message names is the one that gives the version, with the local day beside it.
  assert.equal(
    onlyFinding(text, ID).message,
    '`version` is "v.25.12" but the framework was exported on 2026-01-01 (UTC; 2025-12-31 where it was exported), which gives "v.26.01" (v.YY.MM of `exportedAt`).',
  );
});

test('quiet when the export date is not a date or the version is not a string', () => {
  assert.deepEqual(ruleFindings(exampleWith((d) => { d.exportedAt = 'yesterday'; d.framework.version = 'v.1'; }), ID), []);
  assert.deepEqual(ruleFindings(exampleWith((d) => { d.framework.version = 3; }), ID), []);
  assert.deepEqual(ruleFindings(exampleWith((d) => { delete d.exportedAt; d.framework.version = 'v.1'; }), ID), []);
});

test('the example and every DDaT export are quiet', () => {
  assert.deepEqual(ruleFindings(EXAMPLE_TEXT, ID), []);
  for (const { name, text } of ddatTexts()) assert.deepEqual(ruleFindings(text, ID), [], name);
});
