import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exampleWith, positionOf, ruleFindings, EXAMPLE_TEXT } from '../../helpers';
import { applied, ddatDoc, ddatTexts, onlyFinding, place } from './fixtures/metadata';

const ID = 'context-covered';
const OTHER = 'This framework covers Software Developers (SOC 15-1252.00) in product teams.';

test('a text citing another SOC code is reported on that code', () => {
  const text = exampleWith((d) => {
    d.framework.contextCovered = OTHER;
  });
  const f = onlyFinding(text, ID);
  assert.equal(f.pointer, '/framework/contextCovered');
  // The literal opens at column 23 of line 15; the code starts 47 characters into the text.
  assert.deepEqual(positionOf(text, '"This framework covers Software'), { line: 15, column: 23 });
  assert.deepEqual(place(f), [15, 24 + 47, 15, 24 + 57]);
  assert.equal(f.severity, 'warning');
  assert.equal(f.message, '`contextCovered` names SOC 15-1252.00 (Software Developers), but the occupation is 25-4022.00 (Librarians and Media Collections Specialists); the text may describe another occupation.');
  assert.equal(f.fix?.safe, false);
  const fixed = applied(text, f.fix);
  assert.equal(JSON.parse(fixed).framework.contextCovered, OTHER.replace('15-1252.00', '25-4022.00'));
  assert.deepEqual(ruleFindings(fixed, ID), []);
});

test('a text with escapes is reported on its whole literal, and the fix rewrites it whole', () => {
  const context = 'Covers "software developers" (SOC 15-1252).';
  const text = exampleWith((d) => {
    d.framework.contextCovered = context;
  });
  const f = onlyFinding(text, ID);
  assert.deepEqual(place(f), [15, 23, 15, 23 + JSON.stringify(context).length]);
  // A six-digit code is named by the occupation it designates, as a full O*NET-SOC code is.
  assert.match(f.message, /^`contextCovered` names SOC 15-1252 \(Software Developers\), but the occupation is 25-4022\.00/);
  assert.equal(JSON.parse(applied(text, f.fix)).framework.contextCovered, 'Covers "software developers" (SOC 25-4022.00).');
});

test('several foreign codes are all named', () => {
  const f = onlyFinding(exampleWith((d) => { d.framework.contextCovered = 'Covers 15-1252.00 and 15-1253.00.'; }), ID);
  assert.match(f.message, /It cites 15-1252\.00, 15-1253\.00 and none of them is 25-4022\.00\./);
});

test('quiet when the text cites its own code (in either form), or cites none', () => {
  for (const context of [
    'Covers librarians (SOC 25-4022) and archivists.',
    'Covers 25-4022.00, with a comparison to 25-4011.00.',
    'Covers library work in public and academic settings, 2026-05-15.',
    '',
  ]) {
    assert.deepEqual(ruleFindings(exampleWith((d) => { d.framework.contextCovered = context; }), ID), [], context);
  }
  // The DDaT conversions describe their context without any code.
  assert.deepEqual(ruleFindings(ddatDoc('accessibility.json'), ID), []);
});

test('quiet when the occupation has no well-formed code to compare with', () => {
  assert.deepEqual(ruleFindings(exampleWith((d) => { d.occupation.soc = 'x'; d.framework.contextCovered = OTHER; }), ID), []);
});

test('the example and every DDaT export are quiet', () => {
  assert.deepEqual(ruleFindings(EXAMPLE_TEXT, ID), []);
  for (const { name, text } of ddatTexts()) assert.deepEqual(ruleFindings(text, ID), [], name);
});
