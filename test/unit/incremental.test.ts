/**
 * The editor's incremental path (core/incremental.ts) must give exactly what a fresh analysis of the
 * new text gives. Chains of random edits inside statements (typing, deleting, pasting another
 * statement's text to make a duplicate, blanking one) are applied to real documents analysed as
 * large ones (maxFileSize tiny, so only the cheap rules run, as for a document above 1 MB), and after
 * every edit the updated result is compared with `analyse` of the same text: findings, positions
 * and the model. Edits it cannot take (a quote typed, an edit outside a statement) must still give
 * the right result, by a full analysis.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { analyse, type AnalysisResult } from '../../server/src/core/service';
import { analyseEdit } from '../../server/src/core/incremental';
import type { TextEdit } from '../../server/src/core/types';
import type { Rule } from '../../server/src/core/rules/types';
import { RULES } from '../../server/src/core/rules/index';
import { EXAMPLE_TEXT, ROOT, config } from '../helpers';

const LARGE = config({ maxFileSize: 100 });

/** The example with one statement repeated (so duplicate-exact has findings to keep and drop) and a few flaws. */
const FLAWED = EXAMPLE_TEXT.replace('"statements":[', '"statements":[\n        "Circulation procedures — execute check-in and check-out transactions.",\n        "circulation procedures: execute check-in and check-out transactions",\n        "   ",');

const CORPUS = join(ROOT, 'test/corpus/ddat-dev-planted');
const DOCUMENTS = [EXAMPLE_TEXT, FLAWED, ...readdirSync(CORPUS).filter((f) => f.endsWith('.exact-dup.json')).slice(0, 4).map((f) => readFileSync(join(CORPUS, f), 'utf8'))];

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** What a user sees of a result: every finding with lines and columns, and the model's statements. */
function visible(r: AnalysisResult): unknown {
  const at = (o: number) => r.doc.lines.positionAt(o);
  return {
    findings: r.findings.map((f) => ({ ...f, from: at(f.range.start), to: at(f.range.end) })),
    statements: r.model.statements.map((s) => [s.ordinal, s.levelKey, s.levelIndex, s.index, s.text, s.pointer, s.range, s.verbatim, s.topic, s.separator, s.separatorSpan, s.body, s.bodyStart]),
    levels: r.model.levels.map((l) => ({ ...l, statements: l.statements.length, label: l.label?.range, statementsField: l.statementsField?.range })),
    lines: r.doc.lines.lineCount,
  };
}

/** A random edit of `text`: mostly inside a statement, sometimes one the fast path must refuse. */
function randomEdit(result: AnalysisResult, random: () => number): TextEdit {
  const { statements } = result.model;
  const text = result.doc.text;
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
  if (statements.length === 0) return { start: 0, end: 0, newText: ' ' };
  const s = pick(statements);
  const inner = { start: s.range.start + 1, end: s.range.end - 1 };
  const at = inner.start + Math.floor(random() * (inner.end - inner.start + 1));
  const r = random();
  if (r < 0.35) return { start: at, end: at, newText: pick(['e', ' ', 'ing', '.', '—', 'É', 'independently ', ' — ', '\uFFFD']) };
  if (r < 0.55) return { start: at, end: Math.min(inner.end, at + 1 + Math.floor(random() * 6)), newText: '' };
  if (r < 0.7) {
    // Paste another statement's text over this one: an exact duplicate appears (or one goes away).
    const other = pick(statements);
    return { start: inner.start, end: inner.end, newText: JSON.stringify(other.text).slice(1, -1) };
  }
  if (r < 0.75) return { start: inner.start, end: inner.end, newText: pick(['', '  ', s.text.toUpperCase(), s.text + '.']) };
  if (r < 0.8) return { start: at, end: at, newText: pick(['"', '\\', 'a\nb']) };
  if (r < 0.9) {
    // Anywhere in the document, usually outside every statement.
    const p = Math.floor(random() * text.length);
    return { start: p, end: Math.min(text.length, p + Math.floor(random() * 3)), newText: pick(['', 'x', '1', ' ']) };
  }
  return { start: at, end: at, newText: '' };
}

function apply(text: string, e: TextEdit): string {
  return text.slice(0, e.start) + e.newText + text.slice(e.end);
}

test('after every edit of a random chain, the updated result equals a fresh analysis of the new text', () => {
  const random = rng(20261128);
  let incremental = 0;
  let edits = 0;
  for (const original of DOCUMENTS) {
    let result = analyse(original, { config: LARGE });
    for (let i = 0; i < 60; i++) {
      const edit = randomEdit(result, random);
      const oldText = result.doc.text;
      const text = apply(oldText, edit);
      const next = analyseEdit(result, edit, text, { config: LARGE });
      const fresh = analyse(text, { config: LARGE });
      assert.deepEqual(visible(next), visible(fresh), `edit ${i} ${JSON.stringify(edit)}`);
      if (next.incremental) incremental++;
      edits++;
      // A broken literal stays broken for the rest of a chain; the chain goes on from the text before it.
      result = fresh.doc.problems.length > 0 ? analyse(oldText, { config: LARGE }) : next;
    }
  }
  // Most edits of the chain are inside statements: the fast path must have taken them.
  assert.ok(incremental > edits / 2, `${incremental} of ${edits} edits were incremental`);
});

test('a document limited by its size in bytes, not its length, keeps its size exact through edits, counted from the edit alone', () => {
  // Accented letters make the UTF-8 size exceed the length; the limit lies between the two, where
  // only the size decides. Edits split and join surrogate pairs, add and remove multi-byte text.
  const doc = JSON.parse(EXAMPLE_TEXT);
  for (const level of Object.values<{ statements: string[] }>(doc.framework.levels)) level.statements = level.statements.map((t) => t.replace(/e/g, 'é'));
  const original = JSON.stringify(doc, null, 2);
  const limit = config({ maxFileSize: original.length + 50 });
  assert.ok(Buffer.byteLength(original) > original.length + 50);
  const random = rng(20261129);
  let result = analyse(original, { config: limit });
  assert.equal(result.bytes, Buffer.byteLength(original));
  // First the edits that join and split a surrogate pair, whose halves count 3 bytes each alone
  // and 4 together; then random ones.
  const p = result.model.statements[0].range.start + 5;
  const planned = [
    { start: p, end: p, newText: '\ud83d' },
    { start: p + 1, end: p + 1, newText: '\ude00' },
    { start: p + 1, end: p + 2, newText: '' },
    { start: p, end: p, newText: 'x\ude00' },
    { start: p + 2, end: p + 3, newText: '😀' },
    { start: p, end: p + 4, newText: '' },
  ];
  let incremental = 0;
  for (let i = 0; i < 200; i++) {
    const { statements } = result.model;
    const s = statements[Math.floor(random() * statements.length)];
    const at = s.range.start + 1 + Math.floor(random() * (s.range.end - s.range.start - 1));
    const text0 = result.doc.text;
    const pieces = ['😀', '\ud83d', '\ude00', 'é', '—', 'a', ''];
    const edit = planned[i] ?? { start: at, end: Math.min(s.range.end - 1, at + Math.floor(random() * 3)), newText: pieces[Math.floor(random() * pieces.length)] };
    const text = apply(text0, edit);
    const next = analyseEdit(result, edit, text, { config: limit });
    const fresh = analyse(text, { config: limit });
    assert.equal(next.limited, fresh.limited, `edit ${i}`);
    assert.equal(next.bytes, fresh.bytes, `edit ${i} ${JSON.stringify(edit)}`);
    assert.equal(fresh.bytes, Buffer.byteLength(text), `edit ${i}`);
    if (next.incremental) incremental++;
    result = fresh.doc.problems.length > 0 ? analyse(text0, { config: limit }) : next;
  }
  assert.ok(incremental > 100, `${incremental} of 200 edits were incremental`);
});

test('typing inside a statement is incremental; a quote, an edit between statements, or a full analysis is not', () => {
  const base = analyse(EXAMPLE_TEXT, { config: LARGE });
  const s = base.model.statements[3];
  const at = s.range.start + 5;
  const typed = analyseEdit(base, { start: at, end: at, newText: 'x' }, apply(EXAMPLE_TEXT, { start: at, end: at, newText: 'x' }), { config: LARGE });
  assert.equal(typed.incremental, true);
  assert.equal(typed.model.statements[3].text, s.text.slice(0, 4) + 'x' + s.text.slice(4));

  const again = analyse(EXAMPLE_TEXT, { config: LARGE });
  const quote = { start: at, end: at, newText: '"' };
  assert.notEqual(analyseEdit(again, quote, apply(EXAMPLE_TEXT, quote), { config: LARGE }).incremental, true);

  const between = analyse(EXAMPLE_TEXT, { config: LARGE });
  const comma = { start: s.range.end, end: s.range.end, newText: ' ' };
  assert.notEqual(analyseEdit(between, comma, apply(EXAMPLE_TEXT, comma), { config: LARGE }).incremental, true);

  // Below maxFileSize every rule runs, and the scope and near-duplicate rules read every statement.
  const full = analyse(EXAMPLE_TEXT);
  const edit = { start: at, end: at, newText: 'x' };
  assert.notEqual(analyseEdit(full, edit, apply(EXAMPLE_TEXT, edit)).incremental, true);
});

test('pasting one statement over another reports the new duplicate, and undoing it clears the finding', () => {
  const base = analyse(EXAMPLE_TEXT, { config: LARGE });
  assert.equal(base.findings.filter((f) => f.ruleId === 'duplicate-exact').length, 0);
  const [a, b] = [base.model.statements[0], base.model.statements[5]];
  const originalB = EXAMPLE_TEXT.slice(b.range.start + 1, b.range.end - 1);
  const paste = { start: b.range.start + 1, end: b.range.end - 1, newText: EXAMPLE_TEXT.slice(a.range.start + 1, a.range.end - 1) };
  const pastedText = apply(EXAMPLE_TEXT, paste);
  const pasted = analyseEdit(base, paste, pastedText, { config: LARGE });
  assert.equal(pasted.incremental, true);
  const dup = pasted.findings.filter((f) => f.ruleId === 'duplicate-exact');
  assert.equal(dup.length, 1);
  assert.equal(dup[0].pointer, b.pointer);
  assert.equal(pastedText.slice(dup[0].range.start, dup[0].range.end), JSON.stringify(a.text));

  const nb = pasted.model.statements[5];
  const undo = { start: nb.range.start + 1, end: nb.range.end - 1, newText: originalB };
  const undone = analyseEdit(pasted, undo, apply(pastedText, undo), { config: LARGE });
  assert.equal(undone.incremental, true);
  assert.equal(undone.findings.filter((f) => f.ruleId === 'duplicate-exact').length, 0);
});

test('with a suppression that names a statement by its text, an edit of its duplicate gives what a fresh analysis gives', () => {
  // FLAWED repeats a statement, so duplicate-exact reports the repeat; the suppression names it by its text.
  const first = 'Circulation procedures — execute check-in and check-out transactions.';
  const repeat = 'circulation procedures: execute check-in and check-out transactions';
  const withSuppression = config({ maxFileSize: 100, suppressions: [{ statement: repeat, rule: 'duplicate-exact' }] });
  const base = analyse(FLAWED, { config: withSuppression });
  const dup = (r: AnalysisResult) => r.findings.filter((f) => f.ruleId === 'duplicate-exact').length;
  assert.ok(dup(analyse(FLAWED, { config: LARGE })) > dup(base), 'the suppression hides a duplicate finding');
  // A change of case in the first copy keeps the two duplicates, and the rule looks at both again.
  const at = FLAWED.indexOf(first) + first.indexOf('execute');
  const edit = { start: at, end: at + 1, newText: 'E' };
  const text = apply(FLAWED, edit);
  const next = analyseEdit(base, edit, text, { config: withSuppression });
  assert.deepEqual(visible(next), visible(analyse(text, { config: withSuppression })));
});

test('a suppression that names another statement by its text keeps keystrokes incremental, and exact', () => {
  const named = config({ maxFileSize: 100, suppressions: [{ statement: 'circulation procedures: execute check-in and check-out transactions', rule: 'duplicate-exact' }] });
  const base = analyse(FLAWED, { config: named });
  // A keystroke in a statement whose text no suppression names.
  const target = JSON.parse(FLAWED).framework.levels.advanced.statements[0] as string;
  const at = FLAWED.indexOf(target) + 3;
  const edit = { start: at, end: at, newText: 'x' };
  const text = apply(FLAWED, edit);
  const next = analyseEdit(base, edit, text, { config: named });
  assert.equal(next.incremental, true, 'updated, not analysed again');
  assert.deepEqual(visible(next), visible(analyse(text, { config: named })));
});

test('an edit of a statement a suppression names by its text is analysed whole, so a finding that only moves comes back', () => {
  // A cheap rule whose statement findings only move with the text, as a future rule's might: the
  // update keeps them as they were, so only the full analysis can show the one the edit unsuppresses.
  const everyStatement: Rule = {
    id: 'statement-seen',
    category: 'format',
    defaultSeverity: 'info',
    description: 'Test rule: one finding per statement.',
    cheap: true,
    afterStatementEdit: 'moves',
    check(ctx) {
      for (const s of ctx.model.statements) ctx.report({ message: 'seen', pointer: s.pointer, range: s.range });
    },
  };
  const rules = [...RULES, everyStatement];
  const target = JSON.parse(FLAWED).framework.levels.advanced.statements[0] as string;
  const named = config({ maxFileSize: 100, suppressions: [{ statement: target, rule: 'statement-seen' }] });
  const base = analyse(FLAWED, { config: named, rules });
  const seen = (r: AnalysisResult) => r.findings.filter((f) => f.ruleId === 'statement-seen').length;
  const at = FLAWED.indexOf(target) + target.indexOf(' ') + 1;
  const edit = { start: at, end: at, newText: 'newly ' };
  const text = apply(FLAWED, edit);
  const next = analyseEdit(base, edit, text, { config: named, rules });
  const fresh = analyse(text, { config: named, rules });
  assert.equal(seen(fresh), seen(base) + 1, 'the reworded statement is no longer suppressed');
  assert.notEqual(next.incremental, true);
  assert.deepEqual(visible(next), visible(fresh));
});
