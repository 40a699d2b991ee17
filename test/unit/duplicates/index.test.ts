import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { exactKey } from '../../../server/src/core/analysis/duplicates/normalise';
import { exactKeyHash, keyHash } from '../../../server/src/core/analysis/duplicates/keyHash';
import { contentIdsOfKey, contentStems, keyWords } from '../../../server/src/core/analysis/duplicates/tokens';
import { dice, findNearPairs } from '../../../server/src/core/analysis/duplicates/near';
import { isProgression } from '../../../server/src/core/analysis/duplicates/scopeDifference';
import { describeDifference } from '../../../server/src/core/analysis/duplicates/diff';
import { wordIdsRarestFirst } from '../wordIdsOfText';
import { LocalIds, rarestFirst } from '../../../server/src/core/analysis/wordIds';
import { buildExactIndex, duplicateGroups, keyHashes } from '../../../server/src/core/analysis/duplicates/exact';
import type { Statement } from '../../../server/src/core/model/types';

test('the exact key folds Unicode form, case, dashes, quotes, spacing and a final period', () => {
  assert.equal(exactKey('  Data-Driven\u00A0Decisions — the Organisation\u2019s  way. '), exactKey("data\u2013driven decisions - the organisation's way"));
  assert.equal(exactKey('\uFF21\uFF22\uFF23 tools'), 'abc tools');
  assert.equal(exactKey('Lead teams.'), exactKey('lead teams'));
  assert.notEqual(exactKey('lead teams'), exactKey('lead a team'));
  assert.equal(exactKey('... — ...'), '');
});

test('content words drop function words, keep negations and meet across inflections and spellings', () => {
  assert.deepEqual(contentStems('Identifying the organization’s risks'), contentStems('identify organisation risk'));
  assert.deepEqual(contentStems('This skill level is not defined'), ['skill', 'level', 'not', 'defin']);
});

function bruteForce(sets: string[][], threshold: number): string[] {
  const out: string[] = [];
  const uniq = sets.map((s) => [...new Set(s)]);
  for (let a = 0; a < uniq.length; a++) {
    for (let b = a + 1; b < uniq.length; b++) {
      if (uniq[a].length === 0 || uniq[b].length === 0) continue;
      const overlap = uniq[a].filter((w) => uniq[b].includes(w)).length;
      if (dice(uniq[a].length, uniq[b].length, overlap) >= threshold - 1e-9) out.push(`${a}-${b}`);
    }
  }
  return out;
}

test('the prefix-filtered join finds exactly the pairs an all-pairs comparison finds', () => {
  // Small vocabularies make many overlapping sets, the hard case for the prefix and length filters.
  const word = fc.constantFrom('alpha', 'beta', 'gamma', 'delta', 'omega', 'kappa', 'sigma', 'theta', 'zeta', 'lambda');
  fc.assert(
    fc.property(fc.array(fc.array(word, { maxLength: 8 }), { maxLength: 30 }), fc.double({ min: 0.5, max: 1, noNaN: true }), (sets, threshold) => {
      const sorted = sets.map((s) => [...new Set(s)].sort());
      const found = findNearPairs(wordIdsRarestFirst(sorted), threshold).map((p) => `${p.a}-${p.b}`);
      assert.deepEqual(found, bruteForce(sets, threshold));
    }),
    { numRuns: 300 },
  );
});

test('the join stays exact when large sets are compared directly (the threshold for "large" lowered to 3 words)', () => {
  const word = fc.constantFrom('alpha', 'beta', 'gamma', 'delta', 'omega', 'kappa', 'sigma', 'theta');
  fc.assert(
    fc.property(fc.array(fc.array(word, { maxLength: 8 }), { maxLength: 30 }), fc.double({ min: 0.5, max: 1, noNaN: true }), (sets, threshold) => {
      const sorted = sets.map((s) => [...new Set(s)].sort());
      const found = findNearPairs(wordIdsRarestFirst(sorted), threshold, 3).map((p) => `${p.a}-${p.b}`);
      assert.deepEqual(found, bruteForce(sets, threshold));
    }),
    { numRuns: 300 },
  );
});

test('progression: the higher statement differs in scope phrases that make it read higher', () => {
  assert.ok(isProgression('champion accessibility to internal stakeholders', 'champion accessibility to internal and external stakeholders'));
  assert.ok(isProgression('prepare budget reports under supervision', 'prepare budget reports independently'));
  assert.ok(isProgression('consider new ways of working', 'set new ways of working'));
  // The same pairs the other way round read lower at the higher level: not progression.
  assert.equal(isProgression('champion accessibility to internal and external stakeholders', 'champion accessibility to internal stakeholders'), undefined);
  assert.equal(isProgression('prepare budget reports independently', 'prepare budget reports under supervision'), undefined);
});

test('progression: a range phrase added at the higher level, though the lexicon files it under verbs', () => {
  // "a wide range of" is a verb-axis phrase that counts wherever it stands, not a leading verb, so
  // a copy that only gains it has not merely gained a verb: it asks for a broader repertoire.
  assert.ok(isProgression('use some analytical approaches, including descriptive and inferential analysis', 'use a wide range of analytical approaches, including descriptive and inferential analysis.'));
  // The other way round the higher level lost the breadth: not progression.
  assert.equal(isProgression('use a wide range of analytical approaches', 'use some analytical approaches'), undefined);
});

test('progression: the higher statement does without help what the lower one helps to do', () => {
  // "help" governs the verb after it: without it the same work is done alone, the step from
  // assisted to independent work.
  assert.ok(isProgression('help identify and resolve web performance issues', 'identify and resolve web performance issues'));
  assert.ok(isProgression('help to identify and resolve web performance issues', 'identify and resolve web performance issues'));
  // Help gained at the higher level reads lower; a verb that governs nothing ("collect and
  // analyse") is a verb dropped, as is one whose copy is left with no verb of its own.
  assert.equal(isProgression('identify and resolve web performance issues', 'help identify and resolve web performance issues'), undefined);
  assert.equal(isProgression('collect and analyse survey data', 'analyse survey data'), undefined);
  assert.equal(isProgression('collect survey data', 'survey data'), undefined);
});

test('not progression: a changed content word, a dropped leading verb, a dropped function word', () => {
  assert.equal(isProgression('offer design feedback to reduce risk', 'offer design solutions to reduce risk'), undefined);
  assert.equal(isProgression('explain the importance of data governance policies', 'the importance of data governance policies'), undefined);
  assert.equal(isProgression('contribute to coding standards across the organisation', 'contribute to coding standards the organisation'), undefined);
});

test('the difference is described in the author’s words', () => {
  assert.equal(describeDifference('fix the issues quickly', 'fix the issues'), "'quickly' added");
  assert.equal(describeDifference('fix issues', 'fix the open issues'), "'open' left out");
  assert.equal(describeDifference('repair the issues', 'fix the issues'), "'repair' here, 'fix' there");
  assert.equal(describeDifference('issues fix', 'fix issues'), 'word order');
  assert.equal(describeDifference('fix the issues', 'fix issues'), "'the' added");
  // A word moved or inflected is the same word to the rule (stems, in any order): only the rest differs.
  assert.equal(describeDifference('communicate data maturity improvement plans', 'communicate opportunities to improve data maturity'), "'plans' here, 'opportunities' there");
  assert.equal(describeDifference('flag errors and clearly identify them', 'identify and flag errors'), "'clearly' added");
  assert.equal(describeDifference('improvement of the data', 'improve the data'), "'improvement' here, 'improve' there");
});

test('the key hash computed without the key equals the hash of the key, for any text', () => {
  // Letters, digits, every kind of apostrophe and quote, dashes, spaces, and characters outside the
  // typographic set (which take exactKey's Unicode path): the cases where a one-pass copy of exactKey could drift.
  const chars = ['a', 'B', 'z', '0', '9', "'", '`', '\u2018', '\u2019', '"', '\u201c', '-', '\u2014', '\u2212', ' ', '\u00a0', '.', ',', '\t', 'é', '\uFF21', '\u00b4'];
  const text = fc.array(fc.constantFrom(...chars), { maxLength: 40 }).map((cs) => cs.join(''));
  fc.assert(fc.property(fc.oneof(text, fc.string({ maxLength: 40 })), (t) => exactKeyHash(t) === keyHash(exactKey(t))), { numRuns: 20000, seed: 1128 });
  // Both read past a leading list marker, and only past a real one ("3D", "E. coli" are words).
  const marker = fc.constantFrom('', '1. ', '• ', '•', 'E1) ', '(a) ', '- ', '  2) ', '3D ', 'E. ', 'iv) ', '1.2. ');
  fc.assert(fc.property(marker, text, (m, t) => exactKeyHash(m + t) === keyHash(exactKey(m + t))), { numRuns: 5000, seed: 1129 });
  // The apostrophe rule's non-overlapping matches: "a'b'c" keeps its second apostrophe as a break.
  assert.equal(exactKeyHash("a'b'c"), keyHash('ab c'));
  assert.equal(exactKeyHash("Don\u2019t   stop."), keyHash('dont stop'));
});

/** Statements grouped by their exact key, the plain way: the groups of two or more, each in document order. */
function groupsByKey(statements: Statement[]): number[][] {
  const byKey = new Map<string, number[]>();
  for (const s of statements) {
    const key = exactKey(s.text);
    if (key !== '') byKey.set(key, [...(byKey.get(key) ?? []), s.ordinal]);
  }
  return [...byKey.values()].filter((g) => g.length >= 2);
}

test('grouping by hash finds the same groups as grouping by key, whatever the hashes collide on', () => {
  const text = fc.constantFrom('Lead teams.', 'lead  teams', 'Plan budgets', 'plan budgets.', 'Coach staff', '...', 'Audit records');
  // Real hashes, one hash for every statement, and hashes that differ only above the table's low
  // bits; each a function of the key, as the hash of a key must be.
  const hashing = fc.constantFrom<'real' | 'same' | 'low-bits'>('real', 'same', 'low-bits');
  fc.assert(
    fc.property(fc.array(text, { maxLength: 40 }), hashing, (texts, how) => {
      const statements = texts.map((t, ordinal) => ({ text: t, ordinal }) as Statement);
      const hashes = how === 'real' ? keyHashes(statements) : Int32Array.from(texts, (t) => (how === 'same' ? 7 : (keyHash(exactKey(t)) & 3) << 20));
      const byHash = duplicateGroups(statements, hashes).map((g) => g.map((s) => s.ordinal));
      const order = (gs: number[][]) => [...gs].sort((a, b) => a[0] - b[0]);
      assert.deepEqual(order(byHash), order(groupsByKey(statements)));
    }),
    { numRuns: 500 },
  );
});

test('the exact index groups statements by key, keeps apart keys whose hashes collide, and gives each group its content words', () => {
  // Two keys with one FNV-1a hash (found by a birthday search), and texts that share a key or not.
  const [a, b] = ['policy coach 1np9', 'teams lead 5784'];
  assert.equal(keyHash(a), keyHash(b));
  const text = fc.constantFrom(a, b, 'Policy coach 1np9.', 'Lead teams.', 'lead  teams', 'Plan budgets', 'Coach staff \u2014 the organisation\u2019s', '...', '');
  fc.assert(
    fc.property(fc.array(text, { maxLength: 30 }), (texts) => {
      const statements = texts.map((t, ordinal) => ({ text: t, ordinal }) as Statement);
      const index = buildExactIndex(statements);
      // Every group, in order of first appearance, against the plain grouping (singletons included).
      const byKey = new Map<string, number[]>();
      for (const s of statements) if (exactKey(s.text) !== '') byKey.set(exactKey(s.text), [...(byKey.get(exactKey(s.text)) ?? []), s.ordinal]);
      assert.deepEqual(index.groups.map((g) => g.members.map((s) => s.ordinal)), [...byKey.values()]);
      for (const s of statements) assert.equal(index.groupOf[s.ordinal]?.members.includes(s) ?? exactKey(s.text) === '', true);
      // The groups' words are their keys' content words: the same sets as the words as text give.
      const fromText = wordIdsRarestFirst(index.groups.map((g) => contentStems(g.members[0].text)));
      const fromIndex = rarestFirst(index.groups.map((g) => g.words.slice()), index.vocabulary);
      assert.deepEqual(fromIndex.sets.map((x) => [...x]), fromText.sets.map((x) => [...x]));
    }),
    { numRuns: 300 },
  );
});

test("a statement's key words read in one pass are its key's hash and content words, for any text", () => {
  // As for the key hash, plus words at and beyond the longest the table holds (48) and combining marks.
  const chars = ['a', 'B', 'z', '0', '9', "'", '`', '\u2018', '\u2019', '"', '\u201c', '-', '\u2014', '\u2212', ' ', '\u00a0', '.', ',', '\t', '\u00e9', 'e\u0301', '\uFF21', '\u00b4', 'the ', 'supervises ', 'x'.repeat(48), 'y'.repeat(49), 'x'.repeat(50)];
  const text = fc.array(fc.constantFrom(...chars), { maxLength: 40 }).map((cs) => cs.join(''));
  fc.assert(
    fc.property(fc.array(fc.oneof(text, fc.string({ maxLength: 40 })), { maxLength: 6 }), (texts) => {
      const one = new LocalIds();
      const got = texts.map((t) => keyWords(t, one));
      const size = one.size;
      const plain = new LocalIds();
      const want = texts.map((t) => {
        const key = exactKey(t);
        return { hash: keyHash(key), ids: contentIdsOfKey(key, plain), empty: key === '' };
      });
      assert.deepEqual(
        got.map((k) => ({ ...k, ids: [...k.ids] })),
        want.map((k) => ({ ...k, ids: [...k.ids] })),
      );
      // Ids are given in the same order, and none for a word of a text that was read the other way.
      assert.equal(size, plain.size);
    }),
    { numRuns: 5000, seed: 1129 },
  );
  // The apostrophe rule's non-overlapping matches: "a'b'c" keeps its second apostrophe as a break.
  for (const [t, key] of [["a'b'c", 'ab c'], ['Don\u2019t   stop.', 'dont stop'], ["The organisation's data", 'the organisations data']]) {
    const kw = keyWords(t, new LocalIds());
    assert.equal(kw.hash, keyHash(key), t);
    assert.deepEqual([...kw.ids], [...contentIdsOfKey(key, new LocalIds())], t);
  }
});
