import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EXAMPLE_TEXT, config, exampleWith, ruleFindings } from '../../helpers';
import { applyFix, EXAMPLE_FIRST_LINE as LINE } from './fixtures/duplicates';
import { analyse } from '../../../server/src/core/service';
import { duplicateExact } from '../../../server/src/core/rules/duplicate-exact';
import { duplicateNear } from '../../../server/src/core/rules/duplicate-near';

const ID = 'duplicate-near';

function withStatements(levels: Partial<Record<'emerging' | 'developing' | 'proficient' | 'advanced', Record<number, string>>>): string {
  return exampleWith((d) => {
    for (const [key, byIndex] of Object.entries(levels)) {
      for (const [i, s] of Object.entries(byIndex!)) d.framework.levels[key].statements[Number(i)] = s;
    }
  });
}

const CATALOG = 'Library catalog records — identify and flag cataloging errors for correction following established protocols in an integrated library system.';

test('a statement with one word inserted is reported on the later copy, naming the word and the other level', () => {
  const inserted = CATALOG.replace('identify and flag', 'identify and clearly flag');
  const text = withStatements({ developing: { 4: inserted } });
  const found = ruleFindings(text, ID);
  assert.equal(found.length, 1);
  const f = found[0];
  assert.equal(f.pointer, '/framework/levels/developing/statements/4');
  assert.deepEqual([f.line, f.column, f.endLine, f.endColumn], [LINE.developing + 4, 11, LINE.developing + 4, 13 + inserted.length]);
  assert.equal(f.category, 'duplicate');
  assert.equal(f.severity, 'warning');
  assert.match(f.message, /^Nearly the same as Emerging #3 \(differs: 'clearly' added\)\./);
  assert.deepEqual(f.related!.map((r) => r.pointer), ['/framework/levels/emerging/statements/2']);
  assert.match(f.related![0].message, /^Nearly the same statement at Emerging #3 \(differs: 'clearly' left out\)/);
});

test('a word changed, a word left out and a reordering are each found', () => {
  const cases: [string, RegExp][] = [
    [CATALOG.replace('flag cataloging errors', 'flag cataloging mistakes'), /differs: 'mistakes' here, 'errors' there/],
    [CATALOG.replace(' integrated', ''), /differs: 'integrated' left out/],
    [CATALOG.replace('identify and flag', 'flag and identify'), /differs: word order/],
  ];
  for (const [changed, message] of cases) {
    const found = ruleFindings(withStatements({ advanced: { 6: changed } }), ID);
    assert.equal(found.length, 1, changed);
    assert.equal(found[0].pointer, '/framework/levels/advanced/statements/6');
    assert.match(found[0].message, message);
  }
});

test('when the near copy comes first in the document, the finding moves to the later original', () => {
  const text = withStatements({ emerging: { 0: CATALOG.replace('errors', 'faults'), 2: 'Shelving — return materials to the shelves in call-number order.' }, developing: { 0: CATALOG } });
  const found = ruleFindings(text, ID);
  assert.deepEqual(found.map((f) => f.pointer), ['/framework/levels/developing/statements/0']);
});

test('three near copies: the second and third are reported, each relating to all others', () => {
  const text = withStatements({
    emerging: { 2: CATALOG },
    developing: { 1: CATALOG.replace('errors', 'faults') },
    advanced: { 3: CATALOG.replace(' integrated', '') },
  });
  const found = ruleFindings(text, ID);
  assert.deepEqual(
    found.map((f) => [f.pointer, f.related!.map((r) => r.pointer)]),
    [
      ['/framework/levels/developing/statements/1', ['/framework/levels/emerging/statements/2', '/framework/levels/advanced/statements/3']],
      ['/framework/levels/advanced/statements/3', ['/framework/levels/emerging/statements/2', '/framework/levels/developing/statements/1']],
    ],
  );
  assert.match(found[1].message, /^Nearly the same as Emerging #3 \(differs: 'integrated' left out\); also close to Developing #2\./);
});

test('statements of one thread that differ in autonomy or breadth are progression, not duplicates', () => {
  const pairs: [string, string][] = [
    ['Stakeholder outreach — champion accessibility to internal stakeholders.', 'Stakeholder outreach — champion accessibility to internal and external stakeholders.'],
    ['Budget reports — prepare monthly budget reports under supervision.', 'Budget reports — prepare monthly budget reports independently.'],
    ['Service standards — apply service quality standards within the team.', 'Service standards — apply service quality standards across the organisation.'],
    // A leading verb replaced, after a topic as well as without one (the page's example).
    ['Service design — consider new ways of working to improve the delivery of library services to patrons.', 'Service design — set new ways of working to improve the delivery of library services to patrons.'],
    ['Consider new ways of working to improve the delivery of library services to patrons.', 'Set new ways of working to improve the delivery of library services to patrons.'],
    ['Governance — follow governance processes for the library collection and its digital services.', 'Governance — develop governance processes for the library collection and its digital services.'],
  ];
  for (const [lower, higher] of pairs) {
    assert.deepEqual(ruleFindings(withStatements({ developing: { 0: lower }, proficient: { 0: higher } }), ID), [], higher);
  }
});

test('a copy that reads lower at the higher level is not progression, and is reported', () => {
  const lower = 'Stakeholder outreach — champion accessibility to internal and external stakeholders.';
  const higher = 'Stakeholder outreach — champion accessibility to internal stakeholders.';
  const found = ruleFindings(withStatements({ developing: { 0: lower }, proficient: { 0: higher } }), ID);
  assert.deepEqual(found.map((f) => f.pointer), ['/framework/levels/proficient/statements/0']);
  const swapped = ruleFindings(
    withStatements({ developing: { 0: 'Budget reports — prepare monthly budget reports independently.' }, proficient: { 0: 'Budget reports — prepare monthly budget reports under supervision.' } }),
    ID,
  );
  assert.equal(swapped.length, 1);
  assert.match(swapped[0].message, /differs: 'supervision' here, 'independently' there/);
});

test('the same pair within one level is reported: one statement there subsumes the other', () => {
  const text = withStatements({
    proficient: { 0: 'Stakeholder outreach — champion accessibility to internal stakeholders.', 5: 'Stakeholder outreach — champion accessibility to internal and external stakeholders.' },
  });
  const found = ruleFindings(text, ID);
  assert.equal(found.length, 1);
  assert.equal(found[0].pointer, '/framework/levels/proficient/statements/5');
  assert.match(found[0].message, /differs: 'external' added/);
});

test('an exact copy is left to duplicate-exact, and the near rule does not repeat it', () => {
  const text = withStatements({ developing: { 3: CATALOG } });
  assert.deepEqual(ruleFindings(text, ID), []);
  assert.equal(ruleFindings(text, 'duplicate-exact').length, 1);
});

test('a near copy that is itself copied: the first copy gets the near finding, the second the exact one', () => {
  const near = CATALOG.replace('errors', 'faults');
  const text = withStatements({ developing: { 2: near }, advanced: { 4: near } });
  assert.deepEqual(ruleFindings(text, ID).map((f) => [f.pointer, f.related!.map((r) => r.pointer)]), [
    ['/framework/levels/developing/statements/2', ['/framework/levels/emerging/statements/2']],
  ]);
  assert.deepEqual(ruleFindings(text, 'duplicate-exact').map((f) => f.pointer), ['/framework/levels/advanced/statements/4']);
});

test('thousands of copies stay one finding per copy, each with a bounded list of related copies', () => {
  const text = exampleWith((d) => {
    d.framework.levels.advanced.statements = Array.from({ length: 3000 }, (_, i) => (i % 2 === 0 ? CATALOG : CATALOG.replace('errors', 'faults')));
  });
  // Only the duplicate rules: this is about their output on a pathological file, not the others'.
  const findings = analyse(text, { rules: [duplicateExact, duplicateNear] }).findings;
  const exact = findings.filter((f) => f.ruleId === 'duplicate-exact');
  // 1,500 copies of the emerging statement and 1,499 later copies of the near variant.
  assert.equal(exact.length, 2999);
  assert.ok(exact.every((f) => f.related!.length === 20));
  assert.match(exact[0].message, /^Same statement as Emerging #3, Advanced #3, Advanced #5 and 1497 more/);
  const near = findings.filter((f) => f.ruleId === ID);
  assert.deepEqual(near.map((f) => f.pointer), ['/framework/levels/advanced/statements/1']);
  assert.equal(near[0].related!.length, 20);
});

test('the threshold option decides how many words may differ', () => {
  // Two of six content words changed: Dice similarity 4/6 = 0.67.
  const a = 'Vendor contracts — negotiate vendor contracts for library databases and journals.';
  const b = 'Vendor contracts — negotiate vendor agreements for library software and journals.';
  const text = withStatements({ emerging: { 0: a }, developing: { 0: b } });
  assert.deepEqual(ruleFindings(text, ID), []);
  const loose = ruleFindings(text, ID, config({ ruleSettings: { [ID]: ['warning', { threshold: 0.6 }] } }));
  assert.deepEqual(loose.map((f) => f.pointer), ['/framework/levels/developing/statements/0']);
  const strict = withStatements({ emerging: { 0: CATALOG }, developing: { 0: CATALOG.replace(' integrated', '') } });
  assert.deepEqual(ruleFindings(strict, ID, config({ ruleSettings: { [ID]: ['warning', { threshold: 1 }] } })), []);
});

test('the fix removes the later statement and the document still parses', () => {
  const text = withStatements({ advanced: { 9: CATALOG.replace('errors', 'faults') } });
  const [f] = ruleFindings(text, ID);
  assert.equal(f.fix?.safe, false);
  assert.match(f.fix!.title, /nearly the same as Emerging #3/);
  const after = applyFix(text, f.fix);
  const statements = JSON.parse(after).framework.levels.advanced.statements as string[];
  assert.equal(statements.length, 9);
  assert.ok(!statements.some((s) => s.includes('faults')));
  assert.deepEqual(ruleFindings(after, ID), []);
});

test('quiet: the example export, whose threads progress in scope', () => {
  assert.deepEqual(ruleFindings(EXAMPLE_TEXT, ID), []);
});

test("placeholders that nearly repeat each other, each its level's only word, are not near duplicates; one among real statements is", async () => {
  const { plainDoc } = await import('./fixtures/scope');
  const text = plainDoc({
    emerging: ['record metadata for new items'],
    developing: ['This level is not yet defined.'],
    proficient: ['This skill level is not yet defined.'],
  });
  assert.deepEqual(ruleFindings(text, 'duplicate-near'), []);
  const pasted = plainDoc({
    emerging: ['record metadata for new items', 'This level is not yet defined.'],
    developing: ['document cataloguing standards'],
    proficient: ['This skill level is not yet defined.'],
  });
  assert.deepEqual(ruleFindings(pasted, 'duplicate-near').map((f) => f.pointer), ['/framework/levels/emerging/statements/1']);
});

test('a statement duplicate-exact reports as the copy of a placeholder that stands alone gets no near finding besides', async () => {
  const { plainDoc } = await import('./fixtures/scope');
  const text = plainDoc({
    emerging: ['record metadata for new items', 'This level is not yet defined.'],
    developing: ['document cataloguing standards', 'This skill level is not yet defined.'],
    proficient: ['This skill level is not yet defined.'],
  });
  // Developing #2 is the exact copy of Proficient #1, which stands alone and so is the original.
  assert.deepEqual(ruleFindings(text, 'duplicate-exact').map((f) => f.pointer), ['/framework/levels/developing/statements/1']);
  // The near pair is still reported once, on Emerging #2, and not a second time on Developing #2.
  const near = ruleFindings(text, ID);
  assert.deepEqual(near.map((f) => f.pointer), ['/framework/levels/emerging/statements/1']);
  assert.match(near[0].message, /^Nearly the same as proficient #1 \(differs: 'skill' left out\); also close to developing #2\./);
});
