import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findingsText, findingsTooltip } from '../../../client/src/statusText';

test('the status bar tooltip counts each severity in the singular or plural, as the CLI summary does', () => {
  assert.equal(
    findingsTooltip({ errors: 1, warnings: 1, infos: 1 }),
    'Competency Lint: 1 error, 1 warning, 1 info in this framework. Click to open Problems.',
  );
  assert.equal(
    findingsTooltip({ errors: 0, warnings: 2, infos: 8 }),
    'Competency Lint: 0 errors, 2 warnings, 8 info in this framework. Click to open Problems.',
  );
});

test('the status bar text counts the findings', () => {
  assert.equal(findingsText({ errors: 0, warnings: 0, infos: 0 }), '$(checklist) 0 findings');
  assert.equal(findingsText({ errors: 0, warnings: 0, infos: 1 }), '$(checklist) 1 finding');
  assert.equal(findingsText({ errors: 3, warnings: 2, infos: 5 }), '$(checklist) 10 findings');
});
