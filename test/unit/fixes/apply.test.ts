/**
 * The edit applier shared by --fix and the language server's fix-all: literal replacements of
 * ranges of the original text, refused when they overlap, and a choice of safe fixes that never
 * splits a fix or lets two fixes fight over the same text.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, applySafeFixes, selectSafeFixes } from '../../../server/src/core/fixes/apply';
import type { Finding, TextEdit } from '../../../server/src/core/types';

function finding(start: number, end: number, edits: TextEdit[], safe = true, ruleId = 'r'): Finding {
  return { ruleId, category: 'format', severity: 'warning', message: 'm', pointer: '', range: { start, end }, fix: { title: 't', edits, safe } };
}

test('applyEdits replaces ranges of the original text, in any order, keeping the rest byte for byte', () => {
  const text = 'a - b\r\n\tc  d\r\n';
  const out = applyEdits(text, [
    { start: 9, end: 11, newText: ' ' },
    { start: 1, end: 4, newText: ' — ' },
  ]);
  assert.equal(out, 'a — b\r\n\tc d\r\n');
});

test('applyEdits allows edits that touch, and inserts at the ends of the text', () => {
  assert.equal(applyEdits('abc', [{ start: 0, end: 1, newText: 'A' }, { start: 1, end: 2, newText: 'B' }, { start: 3, end: 3, newText: '.' }]), 'ABc.');
  assert.equal(applyEdits('abc', []), 'abc');
});

test('applyEdits refuses overlapping edits, two inserts at one offset, and ranges outside the text', () => {
  assert.throws(() => applyEdits('abcdef', [{ start: 0, end: 3, newText: '' }, { start: 2, end: 4, newText: '' }]), /overlap/);
  assert.throws(() => applyEdits('abc', [{ start: 1, end: 1, newText: 'x' }, { start: 1, end: 1, newText: 'y' }]), /overlap/);
  assert.throws(() => applyEdits('abc', [{ start: 2, end: 4, newText: '' }]), /outside/);
  assert.throws(() => applyEdits('abc', [{ start: 2, end: 1, newText: '' }]), /outside/);
});

test('selectSafeFixes takes whole fixes in document order and defers one that conflicts', () => {
  const text = '0123456789';
  const findings = [
    finding(5, 9, [{ start: 5, end: 9, newText: 'X' }]),
    finding(0, 3, [{ start: 0, end: 3, newText: 'Y' }]),
    // Conflicts with the first by its second edit: the whole fix waits for the next pass.
    finding(7, 8, [{ start: 3, end: 4, newText: 'Z' }, { start: 6, end: 7, newText: 'Z' }]),
    // Not safe: quick fix only.
    finding(9, 10, [{ start: 9, end: 10, newText: 'U' }], false),
  ];
  const sel = selectSafeFixes(findings, text.length);
  assert.equal(sel.fixes.length, 2);
  assert.equal(sel.deferred, 1);
  assert.equal(applyEdits(text, sel.edits), 'Y34X9');
});

test('selectSafeFixes leaves out a fix whose own edits overlap or fall outside the text', () => {
  const sel = selectSafeFixes(
    [finding(0, 2, [{ start: 0, end: 2, newText: 'a' }, { start: 1, end: 3, newText: 'b' }]), finding(0, 1, [{ start: 8, end: 99, newText: '' }])],
    10,
  );
  assert.deepEqual([sel.fixes.length, sel.deferred], [0, 2]);
});

test('applySafeFixes reports how many fixes it applied', () => {
  const r = applySafeFixes('a  b', [finding(1, 3, [{ start: 1, end: 3, newText: ' ' }])]);
  assert.deepEqual(r, { text: 'a b', applied: 1, deferred: 0 });
  assert.deepEqual(applySafeFixes('ab', []), { text: 'ab', applied: 0, deferred: 0 });
});
