import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exampleWith, ruleFindings, EXAMPLE_TEXT } from '../../helpers';
import { applied, ddatTexts, onlyFinding, place } from './fixtures/metadata';

const ID = 'soc-unknown';

test('a well-formed code O*NET lacks is an error on the code, suggesting the code with the same base', () => {
  const text = exampleWith((d) => {
    d.occupation.soc = '25-4022.01';
  });
  const f = onlyFinding(text, ID);
  assert.equal(f.pointer, '/occupation/soc');
  assert.deepEqual(place(f), [5, 12, 5, 24]);
  assert.equal(f.severity, 'error');
  assert.equal(f.category, 'metadata');
  assert.match(f.message, /"25-4022\.01" is not a code O\*NET has/);
  assert.match(f.message, /25-4022\.00 \(Librarians and Media Collections Specialists\)/);
  assert.equal(f.fix?.safe, false);
  const fixed = applied(text, f.fix);
  assert.equal(JSON.parse(fixed).occupation.soc, '25-4022.00');
  assert.deepEqual(ruleFindings(fixed, ID), []);
});

test('a code in a known minor group suggests its neighbours, without a fix to pick one', () => {
  const text = exampleWith((d) => {
    d.occupation.soc = '25-4099.00';
  });
  const f = onlyFinding(text, ID);
  assert.match(f.message, /Nearest known codes: 25-4011\.00 \(Archivists\), 25-4012\.00 \(Curators\), 25-4013\.00/);
  assert.equal(f.fix, undefined);
});

test('a code in no SOC major group gets no suggestion', () => {
  const f = onlyFinding(exampleWith((d) => { d.occupation.soc = '98-1234.00'; }), ID);
  assert.doesNotMatch(f.message, /Nearest/);
});

test('malformed codes and other types are left to the schema rule', () => {
  for (const soc of ['25-4022', 'librarian', '25-4022.0', 254022, null]) {
    assert.deepEqual(ruleFindings(exampleWith((d) => { d.occupation.soc = soc; }), ID), [], String(soc));
  }
});

test('the example and every DDaT export are quiet', () => {
  assert.deepEqual(ruleFindings(EXAMPLE_TEXT, ID), []);
  for (const { name, text } of ddatTexts()) assert.deepEqual(ruleFindings(text, ID), [], name);
});
