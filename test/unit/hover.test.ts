/**
 * The hover's scope verdict, said in words a reader acts on: "where it sits" only when the
 * statement (or level) reads as its own level, "but sits at" otherwise, with level names as every
 * other view writes them (a label's surrounding spaces do not make a second level).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyse } from '../../server/src/core/service';
import { hover } from '../../server/src/core/features/hover';
import { scopeDoc } from './rules/fixtures/scope';
import { moveStatementActions } from '../../server/src/core/features/moveStatement';
import { EMPTY_CONFIG } from '../../server/src/core/config/types';
import { exampleWith } from '../helpers';

function hoverOn(text: string, needle: string): string {
  const h = hover(analyse(text), text.indexOf(needle) + 2);
  assert.ok(h, `a hover on ${needle}`);
  return h.markdown;
}

const STRATEGIC = 'Reference service — set the long-range strategic direction of reference services organization-wide and lead a team of librarians.';

test('a statement that reads as its own level is said to sit where it reads', () => {
  const md = hoverOn(scopeDoc(), 'Circulation — process check-outs');
  assert.match(md, /Scope: reads as \*\*Emerging\*\*, where it sits/);
});

test('a statement that reads two levels up is said to sit below its reading', () => {
  const text = scopeDoc((l) => {
    l.emerging[0] = STRATEGIC;
  });
  const md = hoverOn(text, 'Reference service — set the long-range');
  assert.match(md, /Scope: reads as \*\*(Proficient|Advanced)\*\*, but sits at Emerging/);
  assert.doesNotMatch(md, /where it sits/);
});

test('labels with spaces around them name their levels once, as the rules name them', () => {
  const text = scopeDoc().replace(/"label": "(\w+)"/g, '"label": "$1 "');
  assert.notEqual(text, scopeDoc(), 'the fixture has labels to pad');
  const statement = hoverOn(text, 'Circulation — process check-outs');
  assert.match(statement, /Scope: reads as \*\*Emerging\*\*, where it sits/);
  const level = hoverOn(text, '"emerging"');
  assert.match(level, /Reads as \*\*Emerging\*\*, as it should\./);
  // Only level-label's finding quotes the label as written.
  assert.doesNotMatch((statement + level).replace(/^- warning `level-label`.*$/gm, ''), /Emerging /);
});

test('the first copy of a duplicate says where it is repeated, though the finding is on the copy', () => {
  const original = 'Circulation — process check-outs following established procedures.';
  const text = scopeDoc((l) => {
    l.developing.push(original);
  });
  const first = hover(analyse(text), text.indexOf(original) + 2)!.markdown;
  assert.match(first, /Repeated elsewhere:\n- warning `duplicate-exact` at Developing #4: Same statement as Emerging #2/);
  // The copy itself shows the finding once, as its own, and is not "repeated elsewhere" by itself.
  const copy = hover(analyse(text), text.lastIndexOf(original) + 2)!.markdown;
  assert.match(copy, /Findings:\n(- .*\n)*- warning `duplicate-exact`: Same statement as Emerging #2/);
  assert.doesNotMatch(copy, /Repeated elsewhere/);
});

test('two levels with one label are told apart by the key, in the hover and the move fix as in the findings', () => {
  const text = exampleWith((d) => {
    d.framework.levels.developing.label = 'Emerging';
    d.framework.levels.developing.statements.push(d.framework.levels.emerging.statements[3].replace('fundamental', 'basic'));
  });
  const result = analyse(text);
  const md = hover(result, text.indexOf('Collection development workflow') + 2)!.markdown;
  assert.match(md, /^\*\*Emerging \(developing\)\*\* statement 3 of 11/);
  assert.match(md, /but sits at Emerging \(developing\) /);
  assert.match(md, /The thread has no statement at Emerging \(emerging\)\./);
  // The copy pushed into developing reads as the level below, labelled the same.
  const outlier = result.findings.find((f) => f.ruleId === 'scope-outlier' && f.pointer === '/framework/levels/developing/statements/10');
  assert.ok(outlier, 'the copy reads as the level below');
  const titles = moveStatementActions(result, outlier.range, EMPTY_CONFIG).map((a) => a.title);
  assert.deepEqual(titles, ['Move this statement to Emerging (emerging), the level it reads as']);
});

test("a placeholder on a topic shows the thread it stands in for, and that the thread has no statement at its level", () => {
  const text = scopeDoc((l) => {
    l.developing[1] = 'Circulation — to be written.';
  });
  const md = hoverOn(text, 'Circulation — to be written.');
  assert.match(md, /Thread \*\*Circulation\*\* at the other levels:\n- \*Emerging\*: Circulation — process check-outs/);
  assert.match(md, /The thread has no statement at Developing\./);
});
