import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EXAMPLE_TEXT, config, positionOf, ruleFindings } from '../../helpers';
import { plainDoc, scopeDoc } from './fixtures/scope';
import { analyse } from '../../../server/src/core/service';
import { explainAt } from '../../../server/src/core/explain';
import { hover } from '../../../server/src/core/features/hover';

const ID = 'scope-outlier';

test('the example\'s developing statement that recommends acquisitions "independently" is reported, one level above the rest', () => {
  const findings = ruleFindings(EXAMPLE_TEXT, ID);
  const f = findings.find((x) => x.pointer === '/framework/levels/developing/statements/2');
  assert.ok(f, 'the "independently" statement is reported');
  const at = positionOf(EXAMPLE_TEXT, '"Collection development workflow');
  assert.deepEqual([f.line, f.column], [at.line, at.column]);
  assert.equal(f.severity, 'info');
  assert.match(f.message, /^This statement reads as Proficient, one level above the rest of Developing: 'independently' \(independent\)\./);
  assert.equal(f.related?.[0].pointer, '/framework/levels/proficient');
  assert.ok(findings.length <= 2, `at most one other outlier in the example, found ${findings.length}`);
});

test('a statement with the autonomy of the next level among supervised ones is reported', () => {
  const text = scopeDoc((l) => {
    l.emerging.push('Reference desk — answer patron questions across multiple subject areas with minimal oversight.');
  });
  const findings = ruleFindings(text, ID);
  assert.equal(findings.length, 1);
  assert.equal(findings[0].pointer, '/framework/levels/emerging/statements/3');
  assert.match(findings[0].message, /reads as Developing, one level above the rest of Emerging: 'with minimal oversight' \(minimal oversight\)/);
});

test('a verb or a complexity word alone does not make an outlier', () => {
  const text = scopeDoc((l) => {
    l.emerging.push('Reference desk — evaluate complex sources for patrons.');
  });
  assert.deepEqual(ruleFindings(text, ID), []);
});

test('quiet on a framework that progresses, and leaves two-level cases to scope-misplaced unless that rule is off', () => {
  assert.deepEqual(ruleFindings(scopeDoc(), ID), []);
  const twoOff = scopeDoc((l) => {
    l.emerging.push('Reference desk — independently resolve escalated questions across multiple service units.');
  });
  const misplaced = ruleFindings(twoOff, 'scope-misplaced');
  if (misplaced.length > 0) {
    assert.deepEqual(ruleFindings(twoOff, ID), []);
    const alone = ruleFindings(twoOff, ID, config({ ruleSettings: { 'scope-misplaced': 'off' } }));
    assert.equal(alone.length, 1);
  }
});

test('minDistance: a larger distance silences the finding', () => {
  const text = scopeDoc((l) => {
    l.emerging.push('Reference desk — answer patron questions across multiple subject areas with minimal oversight.');
  });
  assert.deepEqual(ruleFindings(text, ID, config({ ruleSettings: { [ID]: ['info', { minDistance: 1.3 }] } })), []);
});

/** A small DDaT-style framework (no topics) whose levels progress, for the checks below. */
function records(change: (l: Record<string, string[]>) => void = () => {}): string {
  const levels: Record<string, string[]> = {
    emerging: ['explain why records are kept', 'describe the filing procedures of your team'],
    developing: ['keep records in order with some support', 'file documents following established procedures', 'check the accuracy of entries'],
    proficient: ['maintain the records system independently', 'resolve complex filing problems', 'coach colleagues on record keeping'],
    advanced: ['set the records strategy for the organisation', 'lead a team of records officers', 'establish organisation-wide retention policy'],
  };
  change(levels);
  return plainDoc(levels);
}

test('a lowest-level statement whose own full evidence reads two levels up is reported, though the combined estimate stays under scope-misplaced', () => {
  const moved = 'work across multiple departments';
  const text = records((l) => l.emerging.push(moved));
  assert.deepEqual(ruleFindings(text, 'scope-misplaced'), []);
  const findings = ruleFindings(text, ID);
  assert.equal(findings.length, 1);
  const [f] = findings;
  assert.equal(f.pointer, '/framework/levels/emerging/statements/2');
  const at = positionOf(text, JSON.stringify(moved));
  assert.deepEqual([f.line, f.column], [at.line, at.column]);
  assert.equal(f.severity, 'info');
  assert.match(f.message, /^This emerging statement's own wording reads as proficient, 2 levels above: 'across multiple' \(several units\)\./);
  assert.equal(f.related?.[0].pointer, '/framework/levels/proficient');
});

test('own evidence that is thin (a verb alone) does not make an outlier', () => {
  assert.deepEqual(ruleFindings(records(), ID), []);
  // Among statements of understanding only, the level's register speaks (see below), not the verb's own reading.
  const amongKnowing = ruleFindings(records((l) => l.emerging.push('design new filing schemes')), ID);
  assert.ok(amongKnowing.every((f) => !/own wording reads as/.test(f.message)), amongKnowing.map((f) => f.message).join('\n'));
  // In a level that already mixes knowing with doing, a verb alone is quiet.
  const mixed = records((l) => {
    l.emerging.push('help colleagues file documents');
    l.emerging.push('design new filing schemes');
  });
  assert.deepEqual(ruleFindings(mixed, ID), []);
});

test('a lowest-level statement that says what is done, among statements that only say what is understood, reads a level above', () => {
  const moved = 'communicate record-keeping findings to the team';
  const text = records((l) => l.emerging.push(moved));
  assert.deepEqual(ruleFindings(text, 'scope-misplaced'), []);
  const findings = ruleFindings(text, ID);
  assert.equal(findings.length, 1);
  const [f] = findings;
  assert.equal(f.pointer, '/framework/levels/emerging/statements/2');
  const at = positionOf(text, JSON.stringify(moved));
  assert.deepEqual([f.line, f.column], [at.line, at.column]);
  assert.equal(f.severity, 'info');
  assert.match(
    f.message,
    /^This emerging statement says what is done \('communicate'\), where the level's 2 other statements only say what is understood \('explain', 'describe'\): it reads as developing, one level above\./,
  );
  assert.equal(f.related?.[0].pointer, '/framework/levels/developing');
});

test('understanding followed by what its holder can do ("understand X and can Y") reads above a level of understanding', () => {
  const text = records((l) => l.emerging.push('understand how records are kept and can file documents in order'));
  const findings = ruleFindings(text, ID);
  assert.equal(findings.length, 1);
  assert.equal(findings[0].pointer, '/framework/levels/emerging/statements/2');
  assert.match(findings[0].message, /says what is done \('can file'\)/);
  // A verb that does, coordinated with the verb of understanding, and one statement of understanding beside it.
  const coordinated = records((l) => {
    l.emerging = ['show an awareness of the filing procedures of your team', 'understand and communicate the value of records to the team'];
  });
  const both = ruleFindings(coordinated, ID);
  assert.deepEqual(both.map((f) => f.pointer), ['/framework/levels/emerging/statements/1']);
  assert.match(both[0].message, /says what is done \('understand and communicate'\), where the level's other statement only says what is understood \('an awareness'\)/);
  // Understanding alone, also when a verb governs it ("show an awareness of"), stays in the level's register.
  assert.deepEqual(ruleFindings(records((l) => l.emerging.push('understand how records are kept and why')), ID), []);
  assert.deepEqual(ruleFindings(records((l) => l.emerging.push('show an awareness of retention schedules')), ID), []);
});

test("the level's register is read only at the lowest level, from two statements or more, and assisting verbs belong to it", () => {
  // Assisting and following are what the lowest levels do.
  assert.deepEqual(ruleFindings(records((l) => l.emerging.push('help colleagues file documents')), ID), []);
  // A statement with nothing but a placeholder beside it has no register to break.
  const alone = records((l) => {
    l.emerging = ['communicate record-keeping findings to the team', 'This skill level is currently not defined.'];
  });
  assert.deepEqual(ruleFindings(alone, ID), []);
  // Above the lowest level, knowing and doing sit side by side.
  const higher = records((l) => {
    l.developing = ['explain the retention rules', 'describe the records system', 'communicate record-keeping findings to the team'];
  });
  assert.deepEqual(ruleFindings(higher, ID).filter((f) => f.pointer.startsWith('/framework/levels/developing')), []);
});

test('a lowest-level statement whose distinctive words recur only at the highest level is reported, with the top statements related', () => {
  const moved = 'understand the direction of quantum archiving';
  const text = records((l) => {
    l.emerging.push(moved);
    l.advanced.push('build a roadmap for quantum archiving in the records system');
  });
  const findings = ruleFindings(text, ID);
  assert.equal(findings.length, 1);
  const [f] = findings;
  assert.equal(f.pointer, '/framework/levels/emerging/statements/2');
  const at = positionOf(text, JSON.stringify(moved));
  assert.deepEqual([f.line, f.column], [at.line, at.column]);
  assert.equal(f.severity, 'info');
  assert.match(f.message, /shares its distinctive words \('quantum', 'archiving'\) only with advanced statements \("build a roadmap for quantum archiving/);
  assert.match(f.message, /none with emerging, developing or proficient/);
  assert.deepEqual(f.related?.map((r) => r.pointer), ['/framework/levels/advanced/statements/3']);
});

test('shared words are quiet when a level in between, or its own level, also uses them, or when there is too little to compare with', () => {
  const between = records((l) => {
    l.emerging.push('understand the direction of quantum archiving');
    l.proficient.push('apply quantum archiving methods');
    l.advanced.push('build a roadmap for quantum archiving in the records system');
  });
  assert.deepEqual(ruleFindings(between, ID), []);
  const oneWord = records((l) => {
    l.emerging.push('understand the direction of archiving');
    l.advanced.push('build a roadmap for archiving in the records system');
  });
  assert.deepEqual(ruleFindings(oneWord, ID), []);
  // With nothing at the lowest level and in between but placeholders, silence there says nothing.
  const empty = plainDoc({
    emerging: ['understand the direction of quantum archiving', 'This skill level is currently not defined.'],
    developing: ['This skill level is currently not defined.'],
    proficient: ['This skill level is currently not defined.'],
    advanced: ['build a roadmap for quantum archiving', 'lead a team of records officers'],
  });
  assert.deepEqual(ruleFindings(empty, ID), []);
});

test('explain shows the register break behind the finding: what is done, and what the rest of the level understands', () => {
  const text = records((l) => l.emerging.push('communicate record-keeping findings to the team'));
  const result = analyse(text);
  const s = explainAt(result, '/framework/levels/emerging/statements/2');
  assert.deepEqual(s?.register, { doing: 'communicate', understood: ['explain', 'describe'] });
  assert.equal(explainAt(result, '/framework/levels/emerging/statements/0')?.register, undefined);
  // The statement's hover says the same.
  const h = hover(result, text.indexOf('communicate record-keeping') + 2);
  assert.match(h?.markdown ?? '', /It says what is done \('communicate'\) where the rest of its level only says what is understood \('explain', 'describe'\)/);
});
