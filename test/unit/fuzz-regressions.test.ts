/**
 * The minimal inputs of the failures the fuzz runs found, each kept as a test of what a user would
 * have seen go wrong, so that the bug cannot come back unnoticed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyse } from '../../server/src/core/service';
import { checkInvariants } from '../fuzz/cases';

test('a block comment left open at the end ("/*") is reported inside the document', () => {
  // Found by `npm run fuzz -- --cases 50000 --seed 202` (the example with "/*" appended): the
  // comment's range ran one character past the end, which an editor rejects or shows nowhere.
  for (const text of ['/*', '{}/*', '{"a": 1}\n/* not closed']) {
    const comments = analyse(text).findings.filter((f) => f.message === 'Comments are not allowed in JSON');
    assert.equal(comments.length, 1, text);
    assert.deepEqual(comments[0].range, { start: text.lastIndexOf('/*'), end: text.length }, text);
    checkInvariants(text);
  }
});
