import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { onlyAsciiEscapes, parseLargeBody } from '../../../server/src/lsp/largeMessage';

/** What the usual way gives: the body decoded as UTF-8, then parsed. */
function usual(body: Buffer): unknown {
  return JSON.parse(body.toString('utf8'));
}

/** Strings of every kind a message carries: ASCII, Latin-1, dashes and quotes, other scripts, emoji, control characters. */
const text = fc.string({ unit: fc.oneof(fc.constantFrom('a', 'Z', ' ', '"', '\\', '\n', '\t', '\u0001', '/', 'é', 'ß', '—', '’', '«', '€', '中', '😀', '\u007f', '\u0080', '\u00ff'), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })) });
const value = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, text, fc.integer(), fc.boolean(), fc.constant(null), fc.array(tie('value'), { maxLength: 4 }), fc.dictionary(text, tie('value'), { maxKeys: 4 })),
})).value;

test('a large body parses to what the usual way gives, strings and keys in every script included', () => {
  fc.assert(
    fc.property(value, fc.integer({ min: 0, max: 8 }), (message, largeChars) => {
      const body = Buffer.from(JSON.stringify(message), 'utf8');
      fc.pre(onlyAsciiEscapes(body));
      let collections = 0;
      // A body copy: the parse writes the large strings' bytes back into the body it is given.
      const parsed = parseLargeBody(Buffer.from(body), () => collections++, largeChars);
      assert.deepEqual(parsed, usual(body));
      assert.ok(collections <= 1);
    }),
    { numRuns: 2000, seed: 1129 },
  );
});

test('each large string is decoded through the body, after one collection, and lands where it stood', () => {
  const message = {
    jsonrpc: '2.0',
    method: 'textDocument/didChange',
    params: { contentChanges: [{ text: 'Circulation — check-in « é » 😀\n"quoted"'.repeat(50) }, { text: 'Reference — ask’s “answer”'.repeat(40) }], 'clé — ü': 'short é' },
  };
  const body = Buffer.from(JSON.stringify(message), 'utf8');
  let collections = 0;
  assert.deepEqual(parseLargeBody(body, () => collections++, 500), message);
  assert.equal(collections, 1);
  // No string is long enough: nothing needs a collection.
  assert.equal(collections, 1);
  let none = 0;
  assert.deepEqual(parseLargeBody(Buffer.from(JSON.stringify(message), 'utf8'), () => none++, 1e6), message);
  assert.equal(none, 0);
});

test('a key named __proto__ stays an own property when its object also has a key to decode', () => {
  const body = Buffer.from('{"__proto__": {"x": 1}, "é": "ü"}', 'utf8');
  const parsed = parseLargeBody(body, () => undefined, 1e6) as Record<string, unknown>;
  assert.deepEqual(Object.keys(parsed), ['__proto__', 'é']);
  assert.equal(Object.getPrototypeOf(parsed), Object.prototype);
  assert.equal(parsed['é'], 'ü');
});

test('a body with a \\u escape of a character above ASCII is left to the usual way', () => {
  assert.equal(onlyAsciiEscapes(Buffer.from('{"a":"\\u00e9"}')), false);
  assert.equal(onlyAsciiEscapes(Buffer.from('{"a":"\\ud83d"}')), false);
  assert.equal(onlyAsciiEscapes(Buffer.from('{"a":"\\u2014"}')), false);
  assert.equal(onlyAsciiEscapes(Buffer.from('{"a":"\\u0080"}')), false);
  assert.equal(onlyAsciiEscapes(Buffer.from('{"a":"\\u00')), false);
  // Escapes of control characters, and text without any, are read the Latin-1 way.
  assert.equal(onlyAsciiEscapes(Buffer.from('{"a":"\\u0001\\u001f\\u007f"}')), true);
  assert.equal(onlyAsciiEscapes(Buffer.from('{"a":"é — ü"}')), true);
  // JSON.stringify writes a lone surrogate as an escape, which the Latin-1 way could not give back.
  assert.equal(onlyAsciiEscapes(Buffer.from(JSON.stringify({ a: 'x\ud800y' }))), false);
});

test('a large body that is not JSON throws as JSON.parse does', () => {
  assert.throws(() => parseLargeBody(Buffer.from('{"a": "é'), () => undefined, 1), SyntaxError);
});
