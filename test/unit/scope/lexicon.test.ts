import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scopeEvidence } from '../../../server/src/core/analysis/scope/lexicon';

const read = (text: string) => scopeEvidence(text).map((e) => `${e.phrase}=${e.reading}`);

test('multi-word phrases win over their parts: "without supervision" is independence, "under the mentorship of" is being guided', () => {
  assert.deepEqual(read('resolve queries without supervision'), ['resolve=analyses and decides', 'without supervision=independent']);
  assert.deepEqual(read('introduce topics under the mentorship of a lead librarian'), ['under the mentorship of=guided']);
});

test('prefixes and negations: "non-routine" is not "routine", "not under supervision" is no supervision', () => {
  assert.deepEqual(read('handle non-routine requests'), ['non-routine=non-routine']);
  assert.deepEqual(read('handle routine requests'), ['routine=routine']);
  assert.deepEqual(read('work not under supervision'), []);
  assert.deepEqual(read('works without any close supervision'), []);
});

test('hyphenated compounds ending in "-wide" read as organisation-wide', () => {
  assert.deepEqual(read('establish library-wide standards'), ['establish=sets direction', 'library-wide=organisation-wide']);
});

test('a hyphenated compound is one word: no phrase starts or ends inside it', () => {
  // "check" of "check-out" after "and" is the head of a noun, not a verb coordinated with "execute".
  assert.deepEqual(read('execute check-in and check-out transactions accurately under the guidance of senior librarians'), [
    'under the guidance of=guided',
  ]);
  // The head of a compound is not read as a leading verb either, whatever the compound is.
  assert.deepEqual(read('follow-up on requests and set-aside budgets'), []);
  assert.deepEqual(read('record hands-on sessions, and check follow-up actions'), ['record=assists', 'check=uses']);
  // A first part that names a scope reads only as the compound does: "industry-recognised patterns" are
  // standard patterns, not work beyond the organisation.
  assert.deepEqual(read('understand industry-recognised data modelling patterns'), ['understand=understands']);
  // A compound the lexicon spells out is read whole, and an ending such as "-wide" once, not also by its head.
  assert.deepEqual(read('share decision-making with teams'), ['decision-making=decides']);
  assert.deepEqual(read('establish enterprise-wide standards'), ['establish=sets direction', 'enterprise-wide=organisation-wide']);
  assert.deepEqual(read('establish enterprise-scale procedures'), ['establish=sets direction', 'enterprise-scale=organisation-wide']);
  // The same words apart are read as before.
  assert.deepEqual(read('execute check-in and check the records'), ['check=uses']);
});

test('evidence carries the phrase as written and its offsets in the text', () => {
  const text = 'Help fix accessibility issues under the direction of others';
  const ev = scopeEvidence(text);
  assert.deepEqual(
    ev.map((e) => [e.axis, text.slice(e.start, e.end), e.leading === true]),
    [
      ['verb', 'Help', true],
      ['autonomy', 'under the direction of others', false],
    ],
  );
  assert.ok(ev[1].weight > ev[0].weight, 'an explicit autonomy phrase outweighs a verb');
});

test('only leading verbs count as verbs; a verb later in a clause is not read', () => {
  assert.deepEqual(read('design, teach, and assess courses'), ['design=analyses and decides', 'teach=conducts', 'assess=analyses and decides']);
  assert.deepEqual(read('a review of sources'), []);
});

test('helping or supporting a group of people enables them: it is not assisting', () => {
  assert.deepEqual(read('help teams align their work to the goals of their organisation').slice(0, 1), ['help teams=guides others']);
  assert.deepEqual(read('help the team to decide the best approach').slice(0, 1), ['help the team=guides others']);
  assert.deepEqual(read('help your team use design hypotheses effectively').slice(0, 1), ['help your team=guides others']);
  assert.deepEqual(read('support others in applying governance processes').slice(0, 1), ['support others=shares knowledge']);
  assert.deepEqual(read('support teams in establishing a process').slice(0, 1), ['support teams=shares knowledge']);
  // Helping with the work itself is still assisting.
  assert.deepEqual(read('help improve web performance under supervision'), ['help=assists', 'under supervision=supervised']);
});

test('"their" after the people the work helps or leads is theirs, not the holder\'s own', () => {
  assert.deepEqual(read('help teams align their work to the goals'), ['help teams=guides others']);
  assert.deepEqual(read('lead teams in planning their own work'), ['lead teams=leads teams']);
  // Without such a group before it, "their work" is the holder's own tasks, as before.
  assert.deepEqual(read('plan their work under supervision'), ['plan=conducts', 'their work=own tasks', 'under supervision=supervised']);
});

test('a plural noun after "and" is not a verb coordinated with a leading verb in its base form', () => {
  // "checks" agrees with no base-form verb: it is a noun beside "processes".
  assert.deepEqual(read('understand the need for quality and put reusable processes and checks in place'), ['understand=understands']);
  // Verbs that agree with the leading verb are still read, in either form.
  assert.deepEqual(read('design courses and check the results'), ['design=analyses and decides', 'check=uses']);
  assert.deepEqual(read('designs courses and checks the results'), ['designs=analyses and decides', 'checks=uses']);
});

test('config phrases extend the lexicon', () => {
  const extra = { phrases: [{ phrase: 'circulation czar', axis: 'role', level: 0.9 }] };
  assert.deepEqual(
    scopeEvidence('act as circulation czar', extra).map((e) => [e.phrase, e.axis, e.position]),
    [['circulation czar', 'role', 0.9]],
  );
  assert.deepEqual(scopeEvidence('act as circulation czar'), []);
});
