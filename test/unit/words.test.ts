import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { NO_WORD, wordId, wordText } from '../../server/src/core/analysis/words';
import { wordIdsRarestFirst } from './wordIdsOfText';
import { LocalIds, rarestFirst } from '../../server/src/core/analysis/wordIds';
import { contentStem, contentStemIds, contentStems, tokenContentStem, tokenise } from '../../server/src/core/analysis/scope/tokens';
import { contentIdsOfKey, isStopword, stem } from '../../server/src/core/analysis/duplicates/tokens';
import { exactKey } from '../../server/src/core/analysis/duplicates/normalise';

const asciiWord = fc.stringMatching(/^[A-Za-z0-9']{1,20}$/);
const wordsText = fc.array(fc.oneof(asciiWord, fc.constantFrom('Café', 'naïve', 'ORGANIZATION', 'organisation’s', 'non-routine', '—', ',', '.')), { maxLength: 30 }).map((ws) => ws.join(' '));

test('a word gets one id whatever its case and wherever it stands, and reads back in lower case', () => {
  const text = 'Supervise staff; they SUPERVISE and supervise.';
  const ids = tokenise(text).map((t) => t.word);
  assert.equal(ids[0], ids[3]);
  assert.equal(ids[0], ids[5]);
  assert.notEqual(ids[0], ids[1]);
  assert.equal(wordText(ids[0]), 'supervise');
  fc.assert(
    fc.property(asciiWord, asciiWord, (a, b) => {
      const ia = wordId(`(${a})`, 1, a.length + 1);
      const ib = wordId(b, 0, b.length);
      assert.equal(wordText(ia), a.toLowerCase());
      assert.equal(ia === ib, a.toLowerCase() === b.toLowerCase());
    }),
  );
});

test('words outside ASCII, empty ranges and overlong runs are not interned', () => {
  assert.equal(wordId('café', 0, 4), NO_WORD);
  assert.equal(wordId('abc', 1, 1), NO_WORD);
  assert.equal(wordId('x'.repeat(49), 0, 49), NO_WORD);
  // Such a word still tokenises, through the general path.
  assert.deepEqual(tokenise('Café naïve').map((t) => t.norm), ['café', 'naïve']);
});

test("a token's stem found by its id is the stem of its norm, for any text", () => {
  fc.assert(
    fc.property(wordsText, (text) => {
      for (const t of tokenise(text)) {
        assert.equal(t.norm, tokenise(text.slice(t.start, t.end))[0].norm);
        assert.equal(tokenContentStem(t), contentStem(t.norm));
      }
    }),
  );
});

/** A key's distinct stemmed content words in order of first use, the plain way. */
function contentSetOfKey(key: string): string[] {
  return [...new Set(key.split(' ').filter((w) => w !== '' && !isStopword(w)).map(stem))];
}

test("a key's content words as local ids are its distinct stemmed content words, in order of first use", () => {
  fc.assert(
    fc.property(fc.array(fc.oneof(asciiWord, fc.constantFrom('the', 'and', 'supervise', 'supervises', 'café')), { maxLength: 40 }), (ws) => {
      const key = exactKey(ws.join(' '));
      const local = new LocalIds();
      const ids = [...new Set(contentIdsOfKey(key, local))];
      // Asking for the expected stems by text gives back the same ids, in the same order, and no new one.
      assert.deepEqual(contentSetOfKey(key).map((s) => local.ofString(s)), ids);
      assert.equal(local.size, ids.length);
    }),
  );
});

/** The ordering before the counting sort: a comparison sort of ids by (lists holding them, first appearance). */
function reference(lists: string[][]): { sets: number[][]; df: number[] } {
  const idOf = new Map<string, number>();
  const firstIds = lists.map((l) => [...new Set(l.map((w) => (idOf.has(w) ? idOf.get(w)! : (idOf.set(w, idOf.size), idOf.size - 1))))]);
  const count = new Array<number>(idOf.size).fill(0);
  for (const s of firstIds) for (const id of s) count[id]++;
  const order = [...count.keys()].sort((a, b) => count[a] - count[b] || a - b);
  const renumber = new Array<number>(idOf.size);
  order.forEach((old, id) => (renumber[old] = id));
  return { sets: firstIds.map((s) => s.map((id) => renumber[id]).sort((a, b) => a - b)), df: order.map((old) => count[old]) };
}

test('word ids are numbered rarest first, ties by first appearance, each set sorted without repeats', () => {
  fc.assert(
    fc.property(fc.array(fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'), { maxLength: 12 }), { maxLength: 30 }), (lists) => {
      const got = wordIdsRarestFirst(lists);
      const want = reference(lists);
      assert.deepEqual(got.sets.map((s) => [...s]), want.sets);
      assert.deepEqual([...got.df], want.df);
      assert.equal(got.vocabulary, want.df.length);
    }),
  );
  // A large vocabulary after a small one: the working arrays grow, and nothing of the first call leaks into the second.
  const big = Array.from({ length: 400 }, (_, i) => [`w${i}`, `w${i % 7}`, 'common']);
  assert.deepEqual([...wordIdsRarestFirst(big).df], reference(big).df);
  assert.deepEqual([...wordIdsRarestFirst([['x', 'y'], ['y']]).df], [1, 2]);
});

test('local ids: one id per word by first appearance, the same by interned id or by text, and an older set refuses once a newer is made', () => {
  const ids = new LocalIds();
  const supervise = wordId('supervise', 0, 9);
  assert.equal(ids.ofString('café'), 0);
  assert.equal(ids.ofWord(supervise), 1);
  assert.equal(ids.ofString('supervise'), 1);
  assert.equal(ids.ofString('café'), 0);
  // Text with an upper-case letter is not the interned lower-case word.
  assert.equal(ids.ofString('Supervise'), 2);
  assert.equal(ids.size, 3);
  const newer = new LocalIds();
  assert.equal(newer.ofWord(supervise), 0);
  assert.throws(() => ids.ofWord(supervise));
});

test('content words as local ids give the sets and word counts that the same words as text give', () => {
  const word = fc.oneof(asciiWord, fc.constantFrom('the', 'and', 'supervise', 'supervises', 'supervising', 'café', 'organization', 'organisation’s', 'non-routine', 'x'.repeat(60)));
  const statements = fc.array(fc.array(word, { maxLength: 20 }).map((ws) => ws.join(' ')), { maxLength: 12 });
  fc.assert(
    fc.property(statements, (texts) => {
      const keys = texts.map(exactKey);
      const local = new LocalIds();
      const fromIds = rarestFirst(keys.map((k) => contentIdsOfKey(k, local)), local.size);
      const fromText = wordIdsRarestFirst(keys.map(contentSetOfKey));
      assert.deepEqual(fromIds.sets.map((s) => [...s]), fromText.sets.map((s) => [...s]));
      assert.deepEqual([...fromIds.df], [...fromText.df]);

      const tokens = texts.map((t) => tokenise(t));
      const scopeLocal = new LocalIds();
      const scopeIds = rarestFirst(tokens.map((ts) => contentStemIds(ts, scopeLocal)), scopeLocal.size);
      const scopeText = wordIdsRarestFirst(tokens.map(contentStems));
      assert.deepEqual(scopeIds.sets.map((s) => [...s]), scopeText.sets.map((s) => [...s]));
      assert.deepEqual([...scopeIds.df], [...scopeText.df]);
    }),
  );
});
