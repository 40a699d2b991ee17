import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EXAMPLE_TEXT, exampleWith, positionOf, ruleFindings } from '../../helpers';
import { plainDoc, scopeDoc } from './fixtures/scope';

const ID = 'topic-gap';

test('a topic missing at the highest level is reported once, on its first statement, with its other statements related', () => {
  const text = scopeDoc((l) => {
    l.advanced.pop();
  });
  const findings = ruleFindings(text, ID);
  assert.equal(findings.length, 1);
  const [f] = findings;
  assert.equal(f.pointer, '/framework/levels/emerging/statements/2');
  const at = positionOf(text, '"Instruction — assist');
  assert.deepEqual([f.line, f.column], [at.line, at.column]);
  assert.equal(f.severity, 'info');
  assert.equal(f.category, 'coverage');
  assert.match(f.message, /^The topic "Instruction" appears at Emerging, Developing, Proficient but not at Advanced\./);
  assert.deepEqual(f.related?.map((r) => r.pointer), ['/framework/levels/developing/statements/2', '/framework/levels/proficient/statements/2']);
});

test('a topic that skips a middle level says so; topics are matched by their distinctive words', () => {
  const text = scopeDoc((l) => {
    l.emerging[2] = 'Instruction basics — assist senior staff with basic workshops for small groups.';
    l.developing.splice(2, 1);
  });
  const [f, ...rest] = ruleFindings(text, ID);
  assert.equal(rest.length, 0);
  assert.match(f.message, /^The topic "Instruction basics" appears at Emerging, Proficient, Advanced but not at Developing\. A level in the middle/);
});

test('quiet when every topic runs through every level, and when statements have no topics', () => {
  assert.deepEqual(ruleFindings(scopeDoc(), ID), []);
  assert.deepEqual(ruleFindings(plainDoc({ emerging: ['record metadata'], developing: ['document standards'], proficient: ['improve standards'] }), ID), []);
});

test('in the example, "Budget tracking" and "Organizational budget governance" are one topic that skips proficient', () => {
  const findings = ruleFindings(EXAMPLE_TEXT, ID);
  const budget = findings.find((f) => f.message.startsWith('The topic "Budget tracking"'));
  assert.ok(budget);
  assert.equal(budget.pointer, '/framework/levels/developing/statements/8');
  assert.match(budget.message, /appears at Developing, Advanced but not at Emerging, Proficient\. A level in the middle/);
  assert.deepEqual(budget.related?.map((r) => r.pointer), ['/framework/levels/advanced/statements/3']);
  // "Information literacy" runs through all four levels, so it is no gap.
  assert.ok(!findings.some((f) => f.message.includes('Information literacy')));
  assert.ok(findings.every((f) => f.severity === 'info'));
});

test('two levels with the same label are told apart by their keys', () => {
  // The proficient level mislabelled "Advanced": the gap must not read "not at Advanced, Advanced".
  const text = exampleWith((d) => {
    d.framework.levels.proficient.label = 'Advanced';
  });
  const messages = ruleFindings(text, ID).map((f) => f.message);
  assert.ok(messages.some((m) => m.includes('Advanced (proficient)')), messages.join('\n'));
  for (const m of messages) assert.doesNotMatch(m, /Advanced, Advanced\b(?! \()/);
});

test('a placeholder carries its topic to no level: "Instruction — to be confirmed." leaves the gap reported', () => {
  const placeholder = scopeDoc((l) => {
    l.advanced[2] = 'Instruction — to be confirmed.';
  });
  const [f, ...rest] = ruleFindings(placeholder, ID);
  assert.equal(rest.length, 0);
  assert.match(f.message, /^The topic "Instruction" appears at Emerging, Developing, Proficient but not at Advanced\./);
  // Written, the statement fills it.
  assert.deepEqual(ruleFindings(scopeDoc(), ID), []);
});

test('a placeholder that says the topic does not apply answers the gap; a level of placeholders alone skips no topic', () => {
  assert.deepEqual(ruleFindings(scopeDoc((l) => {
    l.advanced[2] = 'Instruction — not applicable at this level.';
  }), ID), []);
  assert.deepEqual(ruleFindings(scopeDoc((l) => {
    l.expert = ['This skill level is currently not defined.'];
  }), ID), []);
});
