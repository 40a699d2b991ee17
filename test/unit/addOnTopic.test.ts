/**
 * The topic-gap quick fix: a statement on the topic added to each level it skips, laid out as the
 * level is, with a placeholder body that keeps the gap reported until it is written.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyse } from '../../server/src/core/service';
import { addOnTopicActions } from '../../server/src/core/features/addOnTopic';
import { applyEdits } from '../../server/src/core/fixes/apply';
import { EMPTY_CONFIG } from '../../server/src/core/config/types';
import { scopeDoc } from './rules/fixtures/scope';

// Circulation at Emerging and Advanced only: it skips Developing and Proficient.
const change = (l: Record<string, string[]>) => {
  l.developing = l.developing.filter((s) => !s.startsWith('Circulation'));
  l.proficient = l.proficient.filter((s) => !s.startsWith('Circulation'));
};
const at = (text: string, needle: string) => ({ start: text.indexOf(needle) + 2, end: text.indexOf(needle) + 2 });

test('one action per level the topic skips; each adds "Topic — to be written." at the end of that level', () => {
  const text = scopeDoc(change);
  const result = analyse(text);
  const actions = addOnTopicActions(result, at(text, 'Circulation — process'), EMPTY_CONFIG);
  assert.deepEqual(actions.map((a) => a.title), ['Add a statement on "Circulation" to Developing', 'Add a statement on "Circulation" to Proficient']);
  // Not preferred, and not claiming to resolve the finding, which the placeholder leaves reported.
  assert.ok(actions.every((a) => a.kind === 'quickfix' && !a.preferred && a.findings.length === 0));
  const added = JSON.parse(applyEdits(text, actions[1].edits)).framework.levels.proficient.statements;
  assert.equal(added.at(-1), 'Circulation — to be written.');
  // The pretty export's layout is kept: the new statement sits on its own line, indented as the others.
  const edited = applyEdits(text, actions[1].edits);
  const line = edited.split('\n').find((l) => l.includes('Circulation — to be written.'))!;
  const sibling = edited.split('\n').find((l) => l.includes('Reference service — independently'))!;
  assert.equal(line.match(/^ */)![0], sibling.match(/^ */)![0]);
});

test('the placeholder keeps the gap reported until its body is written', () => {
  const text = scopeDoc(change);
  const [action] = addOnTopicActions(analyse(text), at(text, 'Circulation — process'), EMPTY_CONFIG);
  const added = applyEdits(text, action.edits);
  const gaps = (t: string) => analyse(t).findings.filter((f) => f.ruleId === 'topic-gap').map((f) => f.message);
  assert.match(gaps(added)[0], /not at Developing, Proficient/);
  const written = added.replace('Circulation — to be written.', 'Circulation — manage daily circulation for a branch library with limited supervision.');
  assert.match(gaps(written)[0], /not at Proficient\./);
});

test('a one-line export stays one line; the separator is written as the thread writes it', () => {
  const pretty = scopeDoc((l) => {
    change(l);
    for (const k of Object.keys(l)) l[k] = l[k].map((s) => s.replace('Circulation — ', 'Circulation - '));
  });
  const text = JSON.stringify(JSON.parse(pretty));
  const actions = addOnTopicActions(analyse(text), at(text, 'Circulation - process'), EMPTY_CONFIG);
  assert.equal(actions.length, 2);
  const edited = applyEdits(text, actions[0].edits);
  assert.ok(edited.includes('.","Circulation - to be written."]'), edited.slice(edited.indexOf('developing'), edited.indexOf('developing') + 400));
  assert.ok(!edited.includes('\n'));
});

test('none elsewhere: not on other findings, not without a gap', () => {
  const text = scopeDoc();
  assert.deepEqual(addOnTopicActions(analyse(text), at(text, 'Circulation — process'), EMPTY_CONFIG), []);
  const gap = scopeDoc(change);
  assert.deepEqual(addOnTopicActions(analyse(gap), at(gap, '"occupation"'), EMPTY_CONFIG), []);
});

test('a level that already holds a placeholder on the topic is not offered another', () => {
  // Applied once, the action leaves the gap reported (the placeholder fills none), so the lightbulb
  // stays: it must not offer the same placeholder again, which would be an exact duplicate.
  const text = scopeDoc(change);
  const [developing] = addOnTopicActions(analyse(text), at(text, 'Circulation — process'), EMPTY_CONFIG);
  const added = applyEdits(text, developing.edits);
  assert.deepEqual(
    addOnTopicActions(analyse(added), at(added, 'Circulation — process'), EMPTY_CONFIG).map((a) => a.title),
    ['Add a statement on "Circulation" to Proficient'],
  );
  // Nor where the author wrote a placeholder of their own on the topic, in another case.
  const own = scopeDoc((l) => {
    change(l);
    l.proficient.push('circulation — to be confirmed.');
  });
  assert.deepEqual(
    addOnTopicActions(analyse(own), at(own, 'Circulation — process'), EMPTY_CONFIG).map((a) => a.title),
    ['Add a statement on "Circulation" to Developing'],
  );
});

test('a pretty level with one statement gets the new one on a line of its own, indented as that one', () => {
  const text = scopeDoc((l) => {
    change(l);
    l.proficient = [l.proficient[0]];
  });
  const actions = addOnTopicActions(analyse(text), at(text, 'Circulation — process'), EMPTY_CONFIG);
  const edited = applyEdits(text, actions.find((a) => a.title.endsWith('Proficient'))!.edits);
  const lines = edited.split('\n');
  const added = lines.findIndex((l) => l.includes('"Circulation — to be written."'));
  assert.equal(lines[added].match(/^ */)![0], lines[added - 1].match(/^ */)![0]);
  assert.match(lines[added - 1], /"Reference service — independently .*",$/);
});
