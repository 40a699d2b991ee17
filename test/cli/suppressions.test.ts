/**
 * Suppressions in .competency-lint.json, as the CLI applies them: an entry that names a statement by
 * its text follows the statement when others are inserted above it (one that names its pointer
 * stays with the place), and stops applying when the statement's text is changed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, tempDir } from './helpers';

const EXAMPLE = JSON.parse(readFileSync(join(__dirname, '..', '..', 'examples', '25-4022.00.json'), 'utf8'));
const OUTLIER: string = EXAMPLE.framework.levels.developing.statements[2];

function outliers(dir: string): string[] {
  const run = cli(['--format', 'json', 'f.json'], { cwd: dir });
  assert.ok(run.status === 0 || run.status === 1, run.stderr);
  return (JSON.parse(run.stdout)[0].messages as { ruleId: string; pointer: string }[]).filter((m) => m.ruleId === 'scope-outlier').map((m) => m.pointer);
}

function framework(change: (statements: string[]) => void): string {
  const doc = structuredClone(EXAMPLE);
  change(doc.framework.levels.developing.statements);
  return JSON.stringify(doc, null, 2);
}

test('a statement named by its text stays suppressed when a statement is inserted above it; one named by pointer does not', () => {
  const byText = tempDir();
  writeFileSync(join(byText, '.competency-lint.json'), JSON.stringify({ suppressions: [{ file: './f.json', statement: OUTLIER, rule: 'scope-outlier' }] }));
  const byPointer = tempDir();
  writeFileSync(join(byPointer, '.competency-lint.json'), JSON.stringify({ suppressions: [{ file: './f.json', pointer: '/framework/levels/developing/statements/2', rule: 'scope-outlier' }] }));
  for (const dir of [byText, byPointer]) {
    writeFileSync(join(dir, 'f.json'), framework(() => undefined));
    assert.deepEqual(outliers(dir), [], 'suppressed where it was written');
  }
  const inserted = framework((st) => st.unshift('Orientation — complete the induction programme with guidance.'));
  writeFileSync(join(byText, 'f.json'), inserted);
  writeFileSync(join(byPointer, 'f.json'), inserted);
  assert.deepEqual(outliers(byText), [], 'the entry followed the statement to statements/3');
  assert.deepEqual(outliers(byPointer), ['/framework/levels/developing/statements/3'], 'the entry stayed at statements/2');
});

test('a statement named by its text gets a fresh look once its text is changed', () => {
  const dir = tempDir();
  writeFileSync(join(dir, '.competency-lint.json'), JSON.stringify({ suppressions: [{ statement: OUTLIER, rule: 'scope-outlier' }] }));
  writeFileSync(join(dir, 'f.json'), framework((st) => (st[2] = st[2].replace('review faculty', 'review the faculty'))));
  assert.deepEqual(outliers(dir), ['/framework/levels/developing/statements/2']);
});

test('a statement named by its text keeps its suppression when only its dash, spacing, case or final period change', () => {
  const dir = tempDir();
  writeFileSync(join(dir, '.competency-lint.json'), JSON.stringify({ suppressions: [{ statement: OUTLIER, rule: 'scope-outlier' }] }));
  // What --fix mends (and what statement-dash and statement-period report): the same statement to duplicate-exact.
  writeFileSync(join(dir, 'f.json'), framework((st) => (st[2] = st[2].replace(' — ', ' - ').replace(/\.$/, '').replace('Collection', 'collection'))));
  const run = cli(['--format', 'json', 'f.json'], { cwd: dir });
  const rules = (JSON.parse(run.stdout)[0].messages as { ruleId: string; pointer: string }[]).filter((m) => m.pointer === '/framework/levels/developing/statements/2').map((m) => m.ruleId);
  assert.ok(rules.includes('statement-dash'), `the changed statement has its own findings: ${rules.join(', ')}`);
  assert.ok(!rules.includes('scope-outlier'), 'and its suppression still holds');
});

test('an entry that names a level and a text does not follow the text to another level', () => {
  const dir = tempDir();
  writeFileSync(join(dir, '.competency-lint.json'), JSON.stringify({ suppressions: [{ pointer: '/framework/levels/developing', statement: OUTLIER, rule: 'scope-outlier' }] }));
  const doc = structuredClone(EXAMPLE);
  writeFileSync(join(dir, 'f.json'), JSON.stringify(doc, null, 2));
  assert.deepEqual(outliers(dir), []);
  // Moved down to emerging, where it reads two levels off: a new verdict, not the accepted one.
  doc.framework.levels.emerging.statements.push(doc.framework.levels.developing.statements.splice(2, 1)[0]);
  writeFileSync(join(dir, 'f.json'), JSON.stringify(doc, null, 2));
  const run = cli(['--format', 'json', 'f.json'], { cwd: dir });
  const moved = (JSON.parse(run.stdout)[0].messages as { ruleId: string; pointer: string }[]).filter((m) => m.pointer.startsWith('/framework/levels/emerging/') && /^scope-/.test(m.ruleId));
  assert.ok(moved.length > 0, 'the statement has a scope finding in its new level, which the entry does not hide');
});
