import assert from 'node:assert/strict';
import { test } from 'node:test';
import { asWorkspaceLintResult, workspaceSummary } from '../../../client/src/workspaceSummary';

test('the Lint Workspace summary counts frameworks and findings in words a user reads', () => {
  assert.equal(workspaceSummary({ files: 1, findings: 1, problems: [] }), 'Lint Workspace linted 1 framework not open in an editor: 1 finding, listed in Problems.');
  assert.equal(workspaceSummary({ files: 1200, findings: 0, problems: [] }), 'Lint Workspace linted 1,200 frameworks not open in an editor: 0 findings.');
});

test('files that could not be read are counted and pointed to the output', () => {
  const text = workspaceSummary({ files: 3, findings: 7, problems: ['a.json: permission denied', 'b.json: not UTF-8'] });
  assert.match(text, /3 frameworks .*7 findings, listed in Problems\. 2 files could not be read \(see the Competency Lint output\)\.$/);
});

test('a cancelled run says so, with what it had linted by then', () => {
  assert.match(workspaceSummary({ files: 2, findings: 5, problems: [] }, true), /^Lint Workspace was cancelled after 2 frameworks/);
});

test('an answer of another shape is not taken for a summary', () => {
  assert.equal(asWorkspaceLintResult(null), undefined);
  assert.equal(asWorkspaceLintResult({ files: '3', findings: 1, problems: [] }), undefined);
  assert.deepEqual(asWorkspaceLintResult({ files: 3, findings: 1, problems: [4] }), { files: 3, findings: 1, problems: ['4'] });
});
