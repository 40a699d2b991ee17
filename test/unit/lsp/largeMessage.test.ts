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

/**
 * Raw bodies, written byte by byte: strings of ASCII, escapes, valid UTF-8 of every length and
 * invalid UTF-8 (stray continuation bytes, truncated sequences, bytes no UTF-8 holds), as keys and as
 * values, so that two keys can read the same (both U+FFFD) and repeat as JSON.parse resolves them.
 */
const byteRun = fc.array(
  fc.oneof(
    fc.constantFrom('a', 'Z', ' ', '0', '\\n', '\\"', '\\\\', '\\u0041', '\\u001f').map((t) => Buffer.from(t, 'latin1')),
    fc.constantFrom('é', '—', '’', '中', '😀').map((t) => Buffer.from(t, 'utf8')),
    fc.constantFrom([0x80], [0xbf], [0xc3], [0xe2, 0x80], [0xf0, 0x9f], [0xff], [0xfe], [0xc0, 0xaf], [0xed, 0xa0, 0x80]).map((b) => Buffer.from(b)),
  ),
  { maxLength: 6 },
).map((parts) => Buffer.concat([Buffer.from('"'), ...parts, Buffer.from('"')]));
const rawValue: fc.Arbitrary<Buffer> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    byteRun,
    fc.constantFrom('1', 'true', 'null').map((t) => Buffer.from(t)),
    fc.array(tie('value') as fc.Arbitrary<Buffer>, { maxLength: 3 }).map((xs) => Buffer.concat([Buffer.from('['), ...xs.flatMap((x, i) => (i ? [Buffer.from(','), x] : [x])), Buffer.from(']')])),
    fc
      .array(fc.tuple(fc.oneof(byteRun, fc.constant(Buffer.from('"__proto__"'))), tie('value') as fc.Arbitrary<Buffer>), { maxLength: 4 })
      .map((kvs) => Buffer.concat([Buffer.from('{'), ...kvs.flatMap(([k, v], i) => [...(i ? [Buffer.from(',')] : []), k, Buffer.from(':'), v]), Buffer.from('}')])),
  ),
})).value;

test('raw bodies, invalid UTF-8 and repeated keys included, parse to what the usual way gives, in the same order', () => {
  fc.assert(
    fc.property(rawValue, fc.integer({ min: 0, max: 6 }), (body, largeChars) => {
      fc.pre(onlyAsciiEscapes(body));
      // JSON.stringify shows the order of keys, which deepEqual does not compare.
      const expected = JSON.stringify(usual(body));
      assert.equal(JSON.stringify(parseLargeBody(Buffer.from(body), () => undefined, largeChars)), expected);
    }),
    { numRuns: 3000, seed: 1129 },
  );
  // Two keys that both read U+FFFD: one property, where the first stood, with the last value.
  const colliding = Buffer.concat([Buffer.from('{"'), Buffer.from([0xc3]), Buffer.from('":"xxxxx","b":1,"'), Buffer.from([0xff]), Buffer.from('":"\u0041ü"}')]);
  assert.equal(JSON.stringify(parseLargeBody(Buffer.from(colliding), () => undefined, 3)), JSON.stringify(usual(colliding)));
  assert.deepEqual(Object.keys(usual(colliding) as object), ['\ufffd', 'b']);
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
