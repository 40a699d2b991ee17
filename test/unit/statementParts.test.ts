import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { splitStatement } from '../../server/src/core/model/statementParts';

/**
 * The split as it was written first, with the topic's words made by a regular expression: the
 * splitter now counts them character by character, and must agree with this for every text.
 */
function reference(text: string): ReturnType<typeof splitStatement> {
  const head = text.slice(0, 110);
  const m = /[ \t]{0,8}\u2014[ \t]{0,8}|[ \t]{1,8}(?:\u2013|--|-)[ \t]{1,8}/.exec(head);
  if (m && m.index > 0) {
    const topic = text.slice(0, m.index).trim();
    const words = topic.split(/\s+/).filter(Boolean);
    const bodyStart = m.index + m[0].length;
    if (topic.length > 0 && topic.length <= 90 && words.length <= 8 && bodyStart < text.length) {
      return { topic, separator: m[0].trim(), separatorSpan: { start: m.index, end: bodyStart }, body: text.slice(bodyStart), bodyStart };
    }
  }
  return { body: text, bodyStart: 0 };
}

// Every white space of \s, and what stands near them in a topic: short words, dashes, odd spaces.
const SPACES = ['\t', '\n', '\v', '\f', '\r', ' ', '\u00a0', '\u1680', '\u2000', '\u2005', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff'];
const piece = fc.constantFrom('Budget', 'a', 'x-y', '\u2014', ' \u2014 ', ' - ', ' -- ', ' \u2013 ', '\u200b', ...SPACES);

test('the topic split counts words as /\\s+/ does, for every kind of white space', () => {
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
      const text = pieces.join('');
      assert.deepEqual(splitStatement(text), reference(text));
    }),
    { numRuns: 5000 },
  );
});

test('a topic of eight words is a topic, and one of nine is a sentence', () => {
  const eight = 'one two three four five six seven eight';
  assert.equal(splitStatement(`${eight} \u2014 do the work.`).topic, eight);
  assert.equal(splitStatement(`${eight}\u00a0nine \u2014 do the work.`).topic, undefined);
  assert.equal(splitStatement(`${eight}\u3000\u3000 \u2014 do the work.`).topic, eight);
});
