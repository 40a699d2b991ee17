/**
 * A statement's references: its thread at the other levels, in proficiency order, and its copies,
 * whichever copy the cursor is on.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyse } from '../../server/src/core/service';
import { statementReferences } from '../../server/src/core/features/references';
import { EMPTY_CONFIG } from '../../server/src/core/config/types';
import { scopeDoc } from './rules/fixtures/scope';

const texts = (list: { text: string }[]) => list.map((s) => s.text);

test('a statement refers to its thread at the other levels, lowest level first', () => {
  const text = scopeDoc();
  const at = text.indexOf('Circulation — manage daily');
  const refs = statementReferences(analyse(text), at + 3)!;
  assert.equal(refs.statement.text, 'Circulation — manage daily circulation for a branch library with limited supervision.');
  assert.deepEqual(texts(refs.thread), [
    'Circulation — process check-outs following established procedures.',
    'Circulation — oversee circulation across multiple service units without supervision.',
    'Circulation — establish library-wide circulation policy and lead a team of supervisors.',
  ]);
  assert.deepEqual(refs.copies, []);
});

test('the thread follows proficiency order, not the order the levels are written in', () => {
  // The same levels written top level first: the thread still runs from the lowest level up.
  const text = scopeDoc((l) => {
    const order = ['advanced', 'proficient', 'developing', 'emerging'];
    const copy = { ...l };
    for (const k of Object.keys(l)) delete l[k];
    for (const k of order) l[k] = copy[k];
  });
  const refs = statementReferences(analyse(text), text.indexOf('Instruction — set institution-wide') + 3)!;
  assert.deepEqual(
    refs.thread.map((s) => s.text.split(' ')[2]),
    ['assist', 'plan', 'design'],
  );
});

test('each copy of a duplicate refers to the other, whichever the cursor is on', () => {
  const original = 'Circulation — process check-outs following established procedures.';
  const text = scopeDoc((l) => {
    l.proficient.push(original);
  });
  const result = analyse(text);
  const first = statementReferences(result, text.indexOf(original) + 3)!;
  const second = statementReferences(result, text.lastIndexOf(original) + 3)!;
  assert.deepEqual(first.copies.map((s) => s.pointer), [second.statement.pointer]);
  assert.deepEqual(second.copies.map((s) => s.pointer), [first.statement.pointer]);
});

test('above maxFileSize a copy is still found, though no thread is read', () => {
  const original = 'Circulation — process check-outs following established procedures.';
  const text = scopeDoc((l) => {
    l.advanced.push(original);
  });
  const config = { ...EMPTY_CONFIG, maxFileSize: 1000 };
  const result = analyse(text, { config });
  assert.ok(result.limited, 'the document is above the limit');
  const refs = statementReferences(result, text.indexOf(original) + 3, { config })!;
  assert.deepEqual(refs.thread, []);
  assert.equal(refs.copies.length, 1);
});

test('outside a statement there is nothing to refer to', () => {
  const text = scopeDoc();
  assert.equal(statementReferences(analyse(text), text.indexOf('"occupation"') + 2), undefined);
});

test('a copy is a copy whether or not duplicate-exact reports it: the rule turned off, or its finding suppressed', () => {
  const original = 'Circulation — process check-outs following established procedures.';
  const text = scopeDoc((l) => {
    l.advanced.push(original);
  });
  const off = { ...EMPTY_CONFIG, rules: { 'duplicate-exact': { severity: 'off' as const, options: {} } } };
  const suppressed = { ...EMPTY_CONFIG, suppressions: [{ rule: 'duplicate-exact' }] };
  for (const config of [off, suppressed]) {
    const result = analyse(text, { config });
    assert.ok(!result.findings.some((f) => f.ruleId === 'duplicate-exact'), 'no finding names the copy');
    const first = statementReferences(result, text.indexOf(original) + 3, { config })!;
    const second = statementReferences(result, text.lastIndexOf(original) + 3, { config })!;
    assert.deepEqual(first.copies.map((s) => s.pointer), [second.statement.pointer]);
    assert.deepEqual(second.copies.map((s) => s.pointer), [first.statement.pointer]);
  }
});

test('a placeholder on a topic refers to the thread it stands in for, which its author is about to write', () => {
  // "Circulation — to be written." (what topic-gap's action adds) is in no thread, since it fills no
  // gap; the author writing it over still wants to see how the other levels word the topic.
  const text = scopeDoc((l) => {
    l.developing[1] = 'Circulation — to be written.';
  });
  const refs = statementReferences(analyse(text), text.indexOf('Circulation — to be written.') + 3)!;
  assert.deepEqual(texts(refs.thread), [
    'Circulation — process check-outs following established procedures.',
    'Circulation — oversee circulation across multiple service units without supervision.',
    'Circulation — establish library-wide circulation policy and lead a team of supervisors.',
  ]);
  // A placeholder with no topic stands in for no thread.
  const bare = scopeDoc((l) => {
    l.developing[1] = 'To be written.';
  });
  assert.deepEqual(statementReferences(analyse(bare), bare.indexOf('To be written.') + 3)!.thread, []);
});
