import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { splitStatement } from '../../server/src/core/model/statementParts';
import { listMarker } from '../../server/src/core/model/listMarker';

/**
 * The split as it was written first, with the topic's words made by a regular expression: the
 * splitter now counts them character by character, and must agree with this for every text. The
 * split starts after a leading list marker (test/unit/listMarker.test.ts says which those are).
 */
function reference(text: string): ReturnType<typeof splitStatement> {
  const marker = listMarker(text);
  const from = marker?.contentStart ?? 0;
  const head = text.slice(from, from + 110);
  const m = /[ \t]{0,8}\u2014[ \t]{0,8}|[ \t]{1,8}(?:\u2013|--|-)[ \t]{1,8}/.exec(head);
  if (m && m.index > 0) {
    const at = from + m.index;
    const topic = text.slice(from, at).trim();
    const words = topic.split(/\s+/).filter(Boolean);
    const bodyStart = at + m[0].length;
    if (topic.length > 0 && topic.length <= 90 && words.length <= 8 && bodyStart < text.length) {
      return { ...(marker ? { marker } : {}), topic, separator: m[0].trim(), separatorSpan: { start: at, end: bodyStart }, body: text.slice(bodyStart), bodyStart };
    }
  }
  return marker ? { marker, body: text.slice(from), bodyStart: from } : { body: text, bodyStart: 0 };
}

// Every white space of \s, and what stands near them in a topic: short words, dashes, odd spaces.
const SPACES = ['\t', '\n', '\v', '\f', '\r', ' ', '\u00a0', '\u1680', '\u2000', '\u2005', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff'];
// Characters that look like white space but are not \s: they join the words around them.
const NOT_SPACES = ['\u200b', '\u180e', '\u2060'];
// List markers too, so that a text may open with one (or hold one where it is no marker).
const piece = fc.constantFrom('Budget', 'a', 'x-y', '\u2014', ' \u2014 ', ' - ', ' -- ', ' \u2013 ', '\u2022', '1.', 'E1)', '- ', ...NOT_SPACES, ...SPACES);

test('the topic split agrees with the reference on any mix of words, dashes and white space', () => {
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 40, size: 'max' }), (pieces) => {
      const text = pieces.join('');
      assert.deepEqual(splitStatement(text), reference(text));
    }),
    { numRuns: 3000 },
  );
});

// A topic of six to ten words, each gap one or two characters drawn from every white space of \s
// and from the look-alikes that are not: the eight-word limit decides whether it is a topic.
const gap = fc.array(fc.constantFrom(...SPACES, ...NOT_SPACES), { minLength: 1, maxLength: 2 }).map((g) => g.join(''));
const topical = fc
  .tuple(fc.array(fc.constantFrom('data', 'a', 'x-y', 'Budget'), { minLength: 6, maxLength: 10 }), fc.array(gap, { minLength: 10, maxLength: 10 }), fc.constantFrom(' \u2014 ', '\u2014', ' - ', ' -- '))
  .map(([words, gaps, dash]) => words.map((w, i) => (i === 0 ? w : gaps[i] + w)).join('') + dash + 'do the work.');

test('a topic near the eight-word limit is counted as /\\s+/ counts it, for every kind of white space', () => {
  let topics = 0;
  let sentences = 0;
  fc.assert(
    fc.property(topical, (text) => {
      const parts = splitStatement(text);
      assert.deepEqual(parts, reference(text));
      if (parts.topic === undefined) sentences++;
      else topics++;
    }),
    { numRuns: 3000 },
  );
  // Both sides of the limit were met, so a wrong count in either direction would have shown.
  assert.ok(topics > 100 && sentences > 100, `${topics} topics, ${sentences} sentences`);
});

test('a topic of eight words is a topic, and one of nine is a sentence', () => {
  const eight = 'one two three four five six seven eight';
  assert.equal(splitStatement(`${eight} \u2014 do the work.`).topic, eight);
  assert.equal(splitStatement(`${eight}\u00a0nine \u2014 do the work.`).topic, undefined);
  assert.equal(splitStatement(`one two three four five six seven\u3000eight nine \u2014 do the work.`).topic, undefined);
  assert.equal(splitStatement(`one two three four five six seven\u200beight \u2014 do the work.`).topic, 'one two three four five six seven\u200beight');
});

test('a leading list marker is neither topic nor body, so numbered levels name the same topic', () => {
  for (const text of ['E1) Budget tracking \u2014 record expenses.', 'D3) Budget tracking \u2014 record expenses.', '\u2022 Budget tracking \u2014 record expenses.', '  12. Budget tracking - record expenses.']) {
    const parts = splitStatement(text);
    assert.equal(parts.topic, 'Budget tracking', text);
    assert.equal(parts.body, 'record expenses.', text);
  }
  assert.deepEqual(splitStatement('- record expenses.'), { marker: { marker: '-', start: 0, end: 1, contentStart: 2 }, body: 'record expenses.', bodyStart: 2 });
  // A statement that starts with a number of its own keeps it in its topic.
  assert.equal(splitStatement('3D printing \u2014 run the printers.').topic, '3D printing');
  assert.equal(splitStatement('24-hour service \u2014 staff the desk.').topic, '24-hour service');
});
