import { test } from 'node:test';
import assert from 'node:assert/strict';
import { config, exampleWith, ruleFindings, EXAMPLE_TEXT } from '../../helpers';
import { applied, ddatDoc, ddatTexts, onlyFinding, place } from './fixtures/metadata';

const ID = 'level-order';

/** The example with its levels rewritten in the given key order. */
function reordered(keys: string[]): string {
  return exampleWith((d) => {
    const levels = d.framework.levels;
    d.framework.levels = Object.fromEntries(keys.map((k) => [k, levels[k]]));
  });
}

test('a level written before a lower one is reported on the first key out of order', () => {
  const text = reordered(['developing', 'emerging', 'proficient', 'advanced']);
  const f = onlyFinding(text, ID);
  assert.equal(f.pointer, '/framework/levels/emerging');
  // "developing" takes lines 17-31, so "emerging" is the key on line 32.
  assert.deepEqual(place(f), [32, 7, 32, 17]);
  assert.equal(f.severity, 'warning');
  assert.equal(f.category, 'format');
  assert.equal(
    f.message,
    'Level "emerging" is out of order: it should come before "developing". Levels run from least to most proficient; in the competency-lint export vocabulary that is: emerging, developing, proficient, advanced.',
  );
  assert.equal(f.related?.[0].pointer, '/framework/levels/developing');
  assert.equal(f.fix?.safe, false);
  const fixed = applied(text, f.fix);
  assert.deepEqual(Object.keys(JSON.parse(fixed).framework.levels), ['emerging', 'developing', 'proficient', 'advanced']);
  assert.deepEqual(JSON.parse(fixed), JSON.parse(EXAMPLE_TEXT));
  assert.deepEqual(ruleFindings(fixed, ID), []);
});

test('a higher level out of place is related to the level it should follow', () => {
  const text = reordered(['emerging', 'proficient', 'developing', 'advanced']);
  const f = onlyFinding(text, ID);
  assert.equal(f.pointer, '/framework/levels/developing');
  assert.match(f.message, /^Level "developing" is out of order: it should come after "emerging"\./);
  assert.equal(f.related?.[0].pointer, '/framework/levels/emerging');
  assert.deepEqual(Object.keys(JSON.parse(applied(text, f.fix)).framework.levels), ['emerging', 'developing', 'proficient', 'advanced']);
});

test('levels matched by their labels are reported on the label', () => {
  const text = ddatDoc('accessibility.json', (d) => {
    const l = d.framework.levels;
    d.framework.levels = { a: l.emerging, b: l.proficient, c: l.developing, d: l.advanced };
  });
  const f = onlyFinding(text, ID);
  assert.equal(f.pointer, '/framework/levels/c/label');
  // "b" holds the four Practitioner statements, so c's label is on line 34.
  assert.deepEqual(place(f), [34, 18, 34, 27]);
  assert.match(f.message, /^Level "Working" is out of order: it should come after "Awareness"\. .*in the UK DDaT \/ DIRECT vocabulary that is: Awareness, Working, Practitioner, Expert\.$/);
});

test('a configured level order is checked, and names where it comes from', () => {
  const text = exampleWith((d) => {
    const l = d.framework.levels;
    d.framework.levels = { silver: l.developing, bronze: l.emerging, gold: l.advanced };
    d.framework.levels.silver.label = 'Silver';
    d.framework.levels.bronze.label = 'Bronze';
    d.framework.levels.gold.label = 'Gold';
  });
  assert.deepEqual(ruleFindings(text, ID), []);
  const f = onlyFinding(text, ID, config({ levelOrders: [['Bronze', 'Silver', 'Gold']] }));
  assert.equal(f.pointer, '/framework/levels/bronze');
  assert.match(f.message, /in the "levelOrder" of \.competency-lint\.json that is: bronze, silver, gold\.$/);
});

test('quiet on levels in order, levels of no known vocabulary, and a single level', () => {
  assert.deepEqual(ruleFindings(reordered(['emerging', 'developing']), ID), []);
  assert.deepEqual(ruleFindings(reordered(['advanced']), ID), []);
  assert.deepEqual(ruleFindings(exampleWith((d) => {
    const l = d.framework.levels;
    d.framework.levels = { beta: l.emerging, alpha: l.developing };
  }), ID), []);
});

test('the example and every DDaT export are quiet', () => {
  assert.deepEqual(ruleFindings(EXAMPLE_TEXT, ID), []);
  for (const { name, text } of ddatTexts()) assert.deepEqual(ruleFindings(text, ID), [], name);
});
