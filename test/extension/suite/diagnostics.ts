import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { open, textAt } from './context';
import { test } from './harness';
import { codeOf, ours, SOURCE, waitForRule } from './wait';

const FIRST_EMERGING = 'Circulation procedures — execute check-in and check-out transactions accurately';

test('a planted duplicate is reported with its code, rule link and the other copy as related information', async () => {
  const { document: doc } = await open('planted.framework.json');
  const [dup] = await waitForRule(doc.uri, 'duplicate-exact');
  assert.equal(dup.source, SOURCE);
  // The finding is on a copy of the statement: its range covers the statement text.
  assert.ok(textAt(doc, dup.range).includes(FIRST_EMERGING), `range covers the statement, got "${textAt(doc, dup.range)}"`);
  const code = dup.code;
  assert.ok(typeof code === 'object' && code.target, 'the code links to the rule page');
  assert.match(code.target.toString(), /docs\/rules\/duplicate-exact\.md$/);
  const related = dup.relatedInformation ?? [];
  assert.ok(related.length >= 1, 'the other copy is given as related information');
  const other = related[0].location;
  assert.equal(other.uri.toString(), doc.uri.toString());
  assert.ok(!other.range.isEqual(dup.range), 'related points at the other copy, not at itself');
  assert.ok(textAt(doc, other.range).includes(FIRST_EMERGING), `related range covers the other copy, got "${textAt(doc, other.range)}"`);
});

test('every diagnostic of ours carries a rule code; the unplanted example has no duplicate', async () => {
  const { document: planted } = await open('planted.framework.json');
  await waitForRule(planted.uri, 'statement-dash');
  for (const d of ours(planted.uri)) assert.ok(codeOf(d), `"${d.message}" has a code`);
  const { document: example } = await open('example.framework.json');
  // The example itself draws notes (topic gaps); wait for those, then check nothing is a duplicate.
  await waitForRule(example.uri, 'topic-gap');
  assert.deepEqual(ours(example.uri).filter((d) => codeOf(d)?.startsWith('duplicate')).map((d) => d.message), []);
  assert.ok(ours(example.uri).every((d) => d.severity !== vscode.DiagnosticSeverity.Error), 'the real example has no errors');
});
