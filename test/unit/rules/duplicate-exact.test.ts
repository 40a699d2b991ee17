import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EXAMPLE_TEXT, config, exampleWith, ruleFindings } from '../../helpers';
import { applyFix, EXAMPLE_FIRST_LINE as LINE } from './fixtures/duplicates';

const ID = 'duplicate-exact';

test('a statement copied into another level is reported once, on the later copy, with the other as related', () => {
  let copied = '';
  const text = exampleWith((d) => {
    copied = d.framework.levels.emerging.statements[3];
    d.framework.levels.developing.statements[4] = copied;
  });
  const found = ruleFindings(text, ID);
  assert.equal(found.length, 1);
  const f = found[0];
  assert.equal(f.pointer, '/framework/levels/developing/statements/4');
  assert.deepEqual([f.line, f.column, f.endLine, f.endColumn], [LINE.developing + 4, 11, LINE.developing + 4, 13 + copied.length]);
  assert.equal(f.severity, 'warning');
  assert.equal(f.category, 'duplicate');
  assert.match(f.message, /^Same statement as Emerging #4: the statement is repeated in another level\. Remove this copy, or reword it if the levels expect different things\.$/);
  assert.equal(f.related?.length, 1);
  assert.equal(f.related![0].pointer, '/framework/levels/emerging/statements/3');
  assert.equal(text.slice(f.related![0].range.start, f.related![0].range.end), JSON.stringify(copied));
});

test('case, spacing, dash style, Unicode form and a final period do not make a statement different', () => {
  const variants = [
    (s: string) => s.toUpperCase(),
    (s: string) => s.replace(/ /g, '  ') + ' ',
    (s: string) => s.replace(' — ', ' - '),
    (s: string) => s.replace(/\.$/, ''),
    (s: string) => s.replace('a', '\uFF41'), // fullwidth "a", which NFKC folds to "a"
    (s: string) => s.replace('check-in', 'check\u2011in'), // non-breaking hyphen
  ];
  for (const variant of variants) {
    const text = exampleWith((d) => {
      d.framework.levels.advanced.statements[2] = variant(d.framework.levels.emerging.statements[0]);
    });
    const found = ruleFindings(text, ID);
    assert.equal(found.length, 1, variant.toString());
    assert.equal(found[0].pointer, '/framework/levels/advanced/statements/2');
    assert.match(found[0].message, /^Same statement as Emerging #1 \(apart from case, spacing or punctuation\)/);
  }
});

test('a copy within the same level says so', () => {
  const text = exampleWith((d) => {
    const s = d.framework.levels.proficient.statements;
    s[7] = s[2];
  });
  const [f, ...rest] = ruleFindings(text, ID);
  assert.equal(rest.length, 0);
  assert.equal(f.pointer, '/framework/levels/proficient/statements/7');
  assert.deepEqual([f.line, f.column], [LINE.proficient + 7, 11]);
  // Within one level there are no two levels to expect different things.
  assert.match(f.message, /^Same statement as Proficient #3: the statement is repeated in the same level\. Remove this copy, or reword it to say what it was meant to add\.$/);
});

test('three copies: the second and third are reported, each relating to both others', () => {
  const text = exampleWith((d) => {
    const s = d.framework.levels.emerging.statements[5];
    d.framework.levels.developing.statements[0] = s;
    d.framework.levels.advanced.statements[9] = s;
  });
  const found = ruleFindings(text, ID);
  assert.deepEqual(
    found.map((f) => [f.pointer, f.related!.map((r) => r.pointer)]),
    [
      ['/framework/levels/developing/statements/0', ['/framework/levels/emerging/statements/5', '/framework/levels/advanced/statements/9']],
      ['/framework/levels/advanced/statements/9', ['/framework/levels/emerging/statements/5', '/framework/levels/developing/statements/0']],
    ],
  );
  assert.match(found[0].message, /^Same statement as Emerging #6 and Advanced #10/);
  assert.match(found[1].message, /^Same statement as Emerging #6 and Developing #1/);
});

test('the fix removes the copy and its comma, and the document still parses', () => {
  for (const index of [0, 4, 9]) {
    const text = exampleWith((d) => {
      d.framework.levels.proficient.statements[index] = d.framework.levels.emerging.statements[1];
    });
    const [f] = ruleFindings(text, ID);
    assert.equal(f.fix?.safe, false);
    assert.match(f.fix!.title, /^Remove this copy of Emerging #2/);
    const after = applyFix(text, f.fix);
    const doc = JSON.parse(after);
    const before = JSON.parse(text).framework.levels.proficient.statements as string[];
    assert.deepEqual(doc.framework.levels.proficient.statements, before.filter((_, i) => i !== index), `index ${index}`);
    assert.deepEqual(ruleFindings(after, ID), []);
  }
});

test('removing the only statement of a level leaves an empty array', () => {
  const text = exampleWith((d) => {
    d.framework.levels.advanced.statements = [d.framework.levels.emerging.statements[0]];
  });
  const [f] = ruleFindings(text, ID);
  const after = applyFix(text, f.fix);
  assert.deepEqual(JSON.parse(after).framework.levels.advanced.statements, []);
  assert.match(after, /"statements": \[\]/);
});

test('a statement with escapes is still found and points at the whole literal', () => {
  const text = exampleWith().replace('"Budget tracking — monitor', '"Budget tracking \\u2014 monitor');
  const withCopy = text.replace(
    '"Staff coordination — assist in scheduling and onboarding new library employees according to established human resources procedures."',
    '"Budget tracking — monitor departmental expenditure reports and flag variances against approved allocations for supervisor review."',
  );
  const found = ruleFindings(withCopy, ID);
  assert.equal(found.length, 1);
  assert.equal(found[0].pointer, '/framework/levels/developing/statements/9');
  assert.deepEqual(found[0].related!.map((r) => r.pointer), ['/framework/levels/developing/statements/8']);
});

test('quiet: the example export, statements that share words, and empty or punctuation-only statements', () => {
  assert.deepEqual(ruleFindings(EXAMPLE_TEXT, ID), []);
  const text = exampleWith((d) => {
    d.framework.levels.emerging.statements[0] = '';
    d.framework.levels.developing.statements[0] = '';
    d.framework.levels.proficient.statements[0] = '...';
    d.framework.levels.advanced.statements[0] = '—';
  });
  assert.deepEqual(ruleFindings(text, ID), []);
});

test('the severity can be configured and the rule turned off', () => {
  const text = exampleWith((d) => {
    d.framework.levels.advanced.statements[1] = d.framework.levels.emerging.statements[1];
  });
  assert.equal(ruleFindings(text, ID, config({ ruleSettings: { [ID]: 'error' } }))[0].severity, 'error');
  assert.deepEqual(ruleFindings(text, ID, config({ ruleSettings: { [ID]: 'off' } })), []);
});

test('with the near-duplicate rule turned off, the same copies are reported, found by hash alone', () => {
  const text = exampleWith((d) => {
    const levels = d.framework.levels;
    levels.developing.statements[4] = levels.emerging.statements[3];
    levels.advanced.statements[1] = levels.emerging.statements[3].toUpperCase();
    levels.proficient.statements[2] = levels.developing.statements[0] + ' ';
  });
  const withNear = ruleFindings(text, ID);
  const withoutNear = ruleFindings(text, ID, config({ ruleSettings: { 'duplicate-near': 'off' } }));
  assert.equal(withNear.length, 3);
  assert.deepEqual(withoutNear, withNear);
});

test('copies are named by their levels as the other rules name them: the label, told apart by the key when two levels share it', () => {
  const text = exampleWith((d) => {
    d.framework.levels.proficient.label = 'Advanced';
    d.framework.levels.proficient.statements.push(d.framework.levels.emerging.statements[0]);
    d.framework.levels.advanced.statements.push(d.framework.levels.emerging.statements[0]);
  });
  const found = ruleFindings(text, ID);
  assert.deepEqual(found.map((f) => /^Same statement as ([^:]+):/.exec(f.message)?.[1]), ['Emerging #1 and Advanced (advanced) #11', 'Emerging #1 and Advanced (proficient) #11']);
  assert.match(found[1].related![1].message, /this is Advanced \(advanced\) #11/);
});

test('statements that differ only by a leading list marker are the same statement', () => {
  const text = exampleWith((d) => {
    const copied = d.framework.levels.emerging.statements[3];
    d.framework.levels.emerging.statements[3] = `1. ${copied}`;
    d.framework.levels.developing.statements[4] = `E2) ${copied}`;
  });
  const found = ruleFindings(text, ID);
  assert.deepEqual(found.map((f) => f.pointer), ['/framework/levels/developing/statements/4']);
  assert.match(found[0].message, /^Same statement as Emerging #4 \(apart from case, spacing or punctuation\)/);
  // A statement that starts with its own number is no marker: "3D printing" is not "printing".
  const numbered = exampleWith((d) => {
    d.framework.levels.emerging.statements[3] = '3D printing — prepare models for the library printer.';
    d.framework.levels.developing.statements[4] = 'printing — prepare models for the library printer.';
  });
  assert.deepEqual(ruleFindings(numbered, ID), []);
});

test('placeholders repeated across levels are not duplicates: "not defined" at two levels, or two "to be written" on one topic', async () => {
  const { plainDoc, scopeDoc } = await import('./fixtures/scope');
  const undefinedTwice = plainDoc({
    emerging: ['record metadata for new items'],
    developing: ['This skill level is currently not defined.'],
    proficient: ['This skill level is currently not defined.'],
  });
  assert.deepEqual(ruleFindings(undefinedTwice, 'duplicate-exact'), []);
  // Pasted among a level's real statements, the placeholder is reported, whichever comes first.
  const pasted = plainDoc({
    emerging: ['record metadata for new items', 'This skill level is currently not defined.'],
    developing: ['document cataloguing standards'],
    proficient: ['This skill level is currently not defined.'],
  });
  assert.deepEqual(ruleFindings(pasted, 'duplicate-exact').map((f) => f.pointer), ['/framework/levels/emerging/statements/1']);
  const pendingTwice = scopeDoc((l) => {
    l.developing.push('Circulation — to be written.');
    l.proficient.push('Circulation — to be written.');
  });
  assert.deepEqual(ruleFindings(pendingTwice, 'duplicate-exact'), []);
  // A real statement repeated beside them is still reported.
  const real = scopeDoc((l) => {
    l.developing.push('Circulation — to be written.');
    l.proficient.push('Circulation — to be written.', l.emerging[0]);
  });
  assert.equal(ruleFindings(real, 'duplicate-exact').length, 1);
});

test("a topic's 'not applicable' at each level the topic skips is not a duplicate: removing one would reopen the gap", async () => {
  const { scopeDoc } = await import('./fixtures/scope');
  // Circulation runs at Emerging and Advanced; the author says at both levels between that it does not apply there.
  const answered = scopeDoc((l) => {
    l.developing = l.developing.filter((s) => !s.startsWith('Circulation'));
    l.proficient = l.proficient.filter((s) => !s.startsWith('Circulation'));
    l.developing.push('Circulation — not applicable at this level.');
    l.proficient.push('Circulation — not applicable at this level.');
  });
  assert.deepEqual(ruleFindings(answered, 'topic-gap'), []);
  assert.deepEqual(ruleFindings(answered, ID), []);
  // What the duplicate's fix used to leave: the gap at Proficient, reported again.
  const removed = JSON.parse(answered);
  removed.framework.levels.proficient.statements.pop();
  assert.equal(ruleFindings(JSON.stringify(removed, null, 2), 'topic-gap').length, 1);
});

test("a placeholder on a topic written twice in one level is a copy, though the topic's placeholders at other levels are not", async () => {
  const { scopeDoc } = await import('./fixtures/scope');
  for (const placeholder of ['Circulation — to be written.', 'Circulation — not applicable at this level.']) {
    const text = scopeDoc((l) => {
      l.developing = l.developing.filter((s) => !s.startsWith('Circulation'));
      l.proficient = l.proficient.filter((s) => !s.startsWith('Circulation'));
      l.developing.push(placeholder, placeholder);
      l.proficient.push(placeholder);
    });
    const found = ruleFindings(text, ID);
    assert.deepEqual(found.map((f) => f.pointer), ['/framework/levels/developing/statements/3'], placeholder);
    assert.equal(found[0].fix?.title, 'Remove this copy of Developing #3');
  }
  // After the same words without a topic in its level, the placeholder is that statement's later copy.
  const untopical = scopeDoc((l) => {
    l.developing.push('Circulation: to be written', 'Circulation — to be written.');
  });
  assert.deepEqual(
    ruleFindings(untopical, ID).map((f) => [f.pointer, f.message.slice(0, 34)]),
    [['/framework/levels/developing/statements/4', 'Same statement as Developing #4 (a']],
  );
});
