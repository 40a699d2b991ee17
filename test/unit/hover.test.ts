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
