import { test } from 'node:test';
import assert from 'node:assert/strict';
import { config, exampleWith, ruleFindings, EXAMPLE_TEXT } from '../../helpers';
import { ddatFiles, ddatWith } from './fixtures/format';

const ID = 'statement-topic';

test('a statement without a topic among topical statements is reported on its literal', () => {
  const body = 'assist patrons with fundamental database searching and internet navigation under the direction of experienced staff.';
  const text = exampleWith((d) => {
    d.framework.levels.emerging.statements[3] = body;
  });
  const found = ruleFindings(text, ID);
  assert.equal(found.length, 1);
  const f = found[0];
  assert.equal(f.pointer, '/framework/levels/emerging/statements/3');
  assert.deepEqual([f.line, f.column, f.endLine, f.endColumn], [23, 11, 23, 11 + JSON.stringify(body).length]);
  assert.equal(f.severity, 'warning');
  assert.equal(f.category, 'format');
  assert.match(f.message, /no "Topic — " prefix, while 39 of the 40 statements/);
  assert.equal(f.fix, undefined, 'a topic cannot be invented, so there is no fix');
});

test('every statement without a topic is reported, in document order', () => {
  const text = exampleWith((d) => {
    d.framework.levels.developing.statements[0] = 'manage daily circulation.';
    d.framework.levels.advanced.statements[9] = 'set the long-range vision.';
  });
  const found = ruleFindings(text, ID);
  assert.deepEqual(
    found.map((f) => [f.pointer, f.line, f.column]),
    [
      ['/framework/levels/developing/statements/0', 35, 11],
      ['/framework/levels/advanced/statements/9', 74, 11],
    ],
  );
});

test('the example, where every statement has a topic, is quiet', () => {
  assert.deepEqual(ruleFindings(EXAMPLE_TEXT, ID), []);
});

test('every DDaT export (written without topics) is quiet', () => {
  for (const { name, text } of ddatFiles()) assert.deepEqual(ruleFindings(text, ID), [], name);
});

test('a framework without topics stays quiet when one statement happens to have one', () => {
  const text = ddatWith('accessibility.json', (d) => {
    d.framework.levels.emerging.statements[0] = 'Accessibility needs — understand that users have different accessibility needs';
  });
  assert.deepEqual(ruleFindings(text, ID), []);
});

test('no style is assumed when topics are fewer than 60% of the statements', () => {
  const text = exampleWith((d) => {
    const levels = d.framework.levels;
    // 20 of 40 statements lose their topic: half is not "most".
    for (const key of ['emerging', 'developing']) levels[key].statements = levels[key].statements.map((s: string) => s.split(' — ')[1]);
  });
  assert.deepEqual(ruleFindings(text, ID), []);
});

test('two topical statements are too few to make a house style', () => {
  const text = exampleWith((d) => {
    const levels = d.framework.levels;
    levels.emerging.statements = ['Circulation procedures — execute check-in.', 'Reference work — search standard sources.'];
    levels.developing.statements = ['manage daily check-in.'];
    levels.proficient.statements = ['oversee circulation.'];
    levels.advanced.statements = ['Strategy — set the vision.'];
  });
  // 3 of 5 have a topic (60%, 3 statements): the two others are reported...
  assert.equal(ruleFindings(text, ID).length, 2);
  // ...but with one topic fewer there is no style to hold them to.
  const fewer = exampleWith((d) => {
    const levels = d.framework.levels;
    levels.emerging.statements = ['Circulation procedures — execute check-in.', 'Reference work — search standard sources.'];
    levels.developing.statements = ['manage daily check-in.'];
    levels.proficient.statements = ['oversee circulation.'];
    levels.advanced.statements = ['set the vision.'];
  });
  assert.deepEqual(ruleFindings(fewer, ID), []);
});

test('the thresholds are options, and the rule can be turned off', () => {
  const text = exampleWith((d) => {
    const levels = d.framework.levels;
    for (const key of ['emerging', 'developing']) levels[key].statements = levels[key].statements.map((s: string) => s.split(' — ')[1]);
  });
  const strict = config({ ruleSettings: { [ID]: ['error', { minShare: 0.5 }] } });
  const found = ruleFindings(text, ID, strict);
  assert.equal(found.length, 20);
  assert.ok(found.every((f) => f.severity === 'error'));
  assert.deepEqual(ruleFindings(exampleWith((d) => { d.framework.levels.emerging.statements[0] = 'no topic.'; }), ID, config({ ruleSettings: { [ID]: 'off' } })), []);
});
