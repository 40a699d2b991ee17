import { test } from 'node:test';
import assert from 'node:assert/strict';
import { config, exampleWith, lintText, ruleFindings, EXAMPLE_TEXT } from '../../helpers';
import { applied, ddatTexts, onlyFinding, place } from './fixtures/metadata';

const ID = 'naics-sector';

test('a code that is no NAICS 2022 sector is an error on the value, listing the sectors', () => {
  const text = exampleWith((d) => {
    d.occupation.sector = '99';
  });
  const f = onlyFinding(text, ID);
  assert.equal(f.pointer, '/occupation/sector');
  assert.deepEqual(place(f), [8, 15, 8, 19]);
  assert.equal(f.severity, 'error');
  assert.match(f.message, /^`sector` "99" is not a NAICS 2022 sector code\. NAICS 2022 sectors are 11, 21, 22, 23, 31-33, 42, 44-45, 48-49, 51, /);
  assert.equal(f.fix, undefined);
});

test('a more detailed NAICS code is pointed at its sector, with a fix for review', () => {
  const text = exampleWith((d) => {
    d.occupation.sector = '611';
  });
  const f = onlyFinding(text, ID);
  assert.match(f.message, /in sector 61 \(Educational Services\); use the sector code "61"/);
  assert.equal(f.fix?.safe, false);
  const fixed = applied(text, f.fix);
  assert.equal(JSON.parse(fixed).occupation.sector, '61');
  assert.deepEqual(ruleFindings(fixed, ID), []);
  const manufacturing = onlyFinding(exampleWith((d) => { d.occupation.sector = '3118'; }), ID);
  assert.match(manufacturing.message, /sector 31-33 \(Manufacturing\)/);
});

test('range sectors are accepted as the range and as each code inside it, and nothing outside', () => {
  for (const sector of ['31-33', '31', '32', '33', '44-45', '44', '45', '48-49', '48', '49', '92']) {
    assert.deepEqual(ruleFindings(exampleWith((d) => { d.occupation.sector = sector; }), ID), [], sector);
  }
  for (const sector of ['34', '43', '47', '31-32', '']) {
    assert.equal(ruleFindings(exampleWith((d) => { d.occupation.sector = sector; }), ID).length, 1, sector);
  }
});

test('a sector that is not a string is left to the schema rule', () => {
  assert.deepEqual(ruleFindings(exampleWith((d) => { d.occupation.sector = 61; }), ID), []);
});

test('the example and every DDaT export are quiet', () => {
  assert.deepEqual(ruleFindings(EXAMPLE_TEXT, ID), []);
  for (const { name, text } of ddatTexts()) assert.deepEqual(ruleFindings(text, ID), [], name);
});

test('a code of the wrong form gets one finding, this rule\'s, not the schema\'s as well; with the rule off, the schema\'s', () => {
  const text = exampleWith((d) => {
    d.occupation.sector = '611';
  });
  const all = lintText(text).filter((f) => f.pointer === '/occupation/sector');
  assert.deepEqual(all.map((f) => f.ruleId), [ID]);
  const off = lintText(text, config({ ruleSettings: { [ID]: 'off' } })).filter((f) => f.pointer === '/occupation/sector');
  assert.deepEqual(off.map((f) => f.ruleId), ['schema']);
});

test('a range NAICS does not write is pointed at the sector it starts in, not called a detailed code', () => {
  const f = onlyFinding(exampleWith((d) => { d.occupation.sector = '31-32'; }), ID);
  assert.match(f.message, /NAICS writes only three sectors as ranges \(31-33, 44-45, 48-49\); "31" is in 31-33 \(Manufacturing\), so use "31-33"\.$/);
  assert.doesNotMatch(f.message, /more detailed/);
});
