import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exampleWith, ruleFindings, EXAMPLE_TEXT } from '../../helpers';
import { applied, ddatDoc, ddatTexts, onlyFinding, place } from './fixtures/metadata';

const ID = 'level-label';

function labelled(labels: Record<string, string>): string {
  return exampleWith((d) => {
    for (const [key, label] of Object.entries(labels)) d.framework.levels[key].label = label;
  });
}

test('a label naming another rank of the keys\' vocabulary is reported on the label', () => {
  const text = labelled({ emerging: 'Advanced' });
  const f = onlyFinding(text, ID);
  assert.equal(f.pointer, '/framework/levels/emerging/label');
  assert.deepEqual(place(f), [18, 18, 18, 28]);
  assert.equal(f.severity, 'warning');
  assert.equal(f.message, 'Level "emerging" is labelled "Advanced", which names the 4th level "advanced"; the label should name the same rank as the key, such as "Emerging".');
  assert.equal(f.fix?.safe, false);
  const fixed = applied(text, f.fix);
  assert.equal(JSON.parse(fixed).framework.levels.emerging.label, 'Emerging');
  assert.deepEqual(ruleFindings(fixed, ID), []);
});

test('labels of a whole vocabulary in another order than the keys are each reported', () => {
  const text = ddatDoc('accessibility.json', (d) => {
    d.framework.levels.emerging.label = 'Expert';
    d.framework.levels.advanced.label = 'Awareness';
  });
  const found = ruleFindings(text, ID);
  assert.deepEqual(found.map((f) => f.pointer), ['/framework/levels/emerging/label', '/framework/levels/advanced/label']);
  assert.equal(found[0].message, 'Level "emerging" is labelled "Expert", which names the 4th of the 4 levels; the label should name the same rank as the key, such as "Awareness".');
  assert.match(found[1].message, /labelled "Awareness", which names the 1st of the 4 levels; .* such as "Expert"\.$/);
});

test('a label of only whitespace is reported; padding around a label has a safe fix', () => {
  const blank = onlyFinding(labelled({ developing: '   ' }), ID);
  assert.equal(blank.pointer, '/framework/levels/developing/label');
  assert.deepEqual(place(blank), [33, 18, 33, 23]);
  assert.match(blank.message, /has a label of only whitespace; give it a name such as "Developing"/);
  const padded = labelled({ developing: ' Developing ' });
  const f = onlyFinding(padded, ID);
  assert.equal(f.message, 'Level "developing" has the label " Developing " with spaces around it; expected "Developing".');
  assert.equal(f.fix?.safe, true);
  assert.equal(JSON.parse(applied(padded, f.fix)).framework.levels.developing.label, 'Developing');
});

test('labels from another vocabulary whose ranks agree with the keys stay quiet', () => {
  // Dreyfus labels skip "advanced beginner", yet each still names its key's rank.
  assert.deepEqual(ruleFindings(labelled({ emerging: 'Novice', developing: 'Competent', proficient: 'Proficient', advanced: 'Expert' }), ID), []);
  assert.deepEqual(ruleFindings(labelled({ emerging: 'Starting out', developing: 'Growing' }), ID), []);
});

test('an empty label is the schema rule\'s finding, not this one', () => {
  assert.deepEqual(ruleFindings(labelled({ emerging: '' }), ID), []);
});

test('the example and every DDaT export are quiet', () => {
  assert.deepEqual(ruleFindings(EXAMPLE_TEXT, ID), []);
  for (const { name, text } of ddatTexts()) assert.deepEqual(ruleFindings(text, ID), [], name);
});
