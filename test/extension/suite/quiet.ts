import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { open, restore } from './context';
import { test } from './harness';
import { ours, SOURCE, waitForDiagnostics, waitForRule } from './wait';

test('a JSON file that is not a framework gets nothing from us', async () => {
  const { document: notes } = await open('notes', 'not-a-framework.json');
  // VS Code's own JSON service reports the trailing comma: diagnostics do flow for this file.
  await waitForDiagnostics(notes.uri, (a) => a.some((d) => d.source !== SOURCE && /trailing comma/i.test(d.message)), "VS Code's JSON diagnostics");
  // Then a framework opened after it is answered; the server handles documents in order, so by now
  // it has had its chance to report on the first file.
  const { document: planted } = await open('planted.framework.json');
  await waitForRule(planted.uri, 'duplicate-exact');
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', notes.uri, notes.positionAt(notes.getText().indexOf('Circulation') + 2));
  assert.deepEqual(ours(notes.uri).map((d) => d.message), [], 'no competency-lint diagnostics on other JSON');
  assert.ok(!hovers.some((h) => JSON.stringify(h.contents).match(/Emerging|level|scope/i)), 'and no statement hover from us');
});

test('jsonValidation: VS Code checks *.framework.json and .competency-lint.json against our schemas', async () => {
  const { document: config } = await open('config-check', '.competency-lint.json');
  assert.equal(config.languageId, 'jsonc', '.competency-lint.json is JSON with comments');
  const [bad] = (await waitForDiagnostics(config.uri, (a) => a.some((d) => d.source !== SOURCE && /loud|allowed|value/i.test(d.message)),
    'a schema error on the invalid severity')).filter((d) => d.source !== SOURCE);
  assert.ok(config.getText(bad.range).includes('loud'), `the schema error is on "loud": ${bad.message}`);

  const editor = await open('example.framework.json');
  const doc = editor.document;
  const original = doc.getText();
  const at = original.indexOf('"jobZone": 5') + '"jobZone": '.length;
  assert.ok(await editor.edit((e) => e.replace(new vscode.Range(doc.positionAt(at), doc.positionAt(at + 1)), '"five"')));
  try {
    // VS Code's JSON service leaves `source` unset; ours is always set.
    await waitForDiagnostics(doc.uri, (a) => a.some((d) => d.source !== SOURCE && d.range.contains(doc.positionAt(at + 2)) && /integer/i.test(d.message)),
      "VS Code's JSON service flagging jobZone through our framework schema");
  } finally {
    await restore(doc, original);
  }
});

test('in .competency-lint.json, a schema problem shows once (VS Code\'s) and competency-lint adds what only it can see', async () => {
  const { document: config } = await open('config-typo', '.competency-lint.json');
  const typo = config.getText().indexOf('"scope-outlire"');
  const loud = config.getText().indexOf('"loud"');
  const all = await waitForDiagnostics(
    config.uri,
    (a) => a.some((d) => d.source === SOURCE && /unknown rule "scope-outlire"/.test(d.message)) && a.some((d) => d.source !== SOURCE && d.range.contains(config.positionAt(loud + 1))),
    'our unknown rule id and VS Code\'s schema error on "loud"',
  );
  const mine = all.filter((d) => d.source === SOURCE);
  assert.deepEqual(mine.map((d) => d.message), ['unknown rule "scope-outlire"; did you mean "scope-outlier"?'], 'the severity is left to VS Code, the schema\'s checker');
  assert.ok(mine[0].range.contains(config.positionAt(typo + 1)), 'on the unknown id');
  assert.equal(all.filter((d) => d.range.contains(config.positionAt(loud + 1))).length, 1, 'the invalid severity is reported once');
});
