import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import fc from 'fast-check';
import { StreamMessageReader, contentLength, MAX_HEADER_BYTES, type ReaderOptions } from '../../../server/src/lsp/messageReader';

function frame(message: unknown): Buffer {
  const body = Buffer.from(JSON.stringify(message), 'utf8');
  return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n`, 'ascii'), body]);
}

/** Feeds `bytes` to a reader in the given chunk sizes and returns what it delivered and reported. */
function read(bytes: Buffer, sizes: number[], options: ReaderOptions = {}): { messages: unknown[]; errors: string[] } {
  const reader = new StreamMessageReader(new PassThrough(), options);
  const messages: unknown[] = [];
  const errors: string[] = [];
  reader.listen((m) => messages.push(m));
  reader.onError((e) => errors.push(e.message));
  let at = 0;
  for (let i = 0; at < bytes.length; i++) {
    const n = Math.max(1, sizes[i % sizes.length]);
    reader.onData(bytes.subarray(at, at + n));
    at += n;
  }
  return { messages, errors };
}

const MESSAGES = [
  { jsonrpc: '2.0', id: 1, method: 'initialize', params: {} },
  { jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { text: 'Circulation — check-in « é » 😀 \n "quoted"' } } },
  { jsonrpc: '2.0', id: 2, result: null },
];

test('messages come out whole and in order however the bytes are split, multi-byte characters included', () => {
  const bytes = Buffer.concat(MESSAGES.map(frame));
  fc.assert(
    fc.property(fc.array(fc.integer({ min: 1, max: 300 }), { minLength: 1, maxLength: 20 }), (sizes) => {
      const { messages, errors } = read(bytes, sizes);
      assert.deepEqual(errors, []);
      assert.deepEqual(messages, MESSAGES);
    }),
    { numRuns: 500, seed: 1128 },
  );
  // One byte at a time, and everything in one chunk.
  assert.deepEqual(read(bytes, [1]).messages, MESSAGES);
  assert.deepEqual(read(bytes, [bytes.length]).messages, MESSAGES);
});

test('a message that takes the large way arrives as the usual way gives it, and one with a \\u escape above ASCII goes the usual way', () => {
  const escaped = Buffer.from('{"jsonrpc":"2.0","method":"x","params":{"text":"caf\\u00e9 — ok"}}', 'utf8');
  const frames = Buffer.concat([...MESSAGES.map(frame), Buffer.from(`Content-Length: ${escaped.length}\r\n\r\n`, 'ascii'), escaped]);
  const expected = [...MESSAGES, { jsonrpc: '2.0', method: 'x', params: { text: 'café — ok' } }];
  let collections = 0;
  // Every body counts as large here; the strings are shorter than the scratch path's bound, so none needs a collection.
  const options = { largeMessageBytes: 1, collect: () => collections++ };
  for (const sizes of [[1], [7, 300], [frames.length]]) {
    const { messages, errors } = read(frames, sizes, options);
    assert.deepEqual(errors, []);
    assert.deepEqual(messages, expected);
  }
  assert.equal(collections, 0);
});

test('a broken message is reported and skipped, and the next one still arrives', () => {
  const good = frame(MESSAGES[0]);
  const noLength = Buffer.from('Content-Type: x\r\n\r\n', 'ascii');
  const notJson = Buffer.concat([Buffer.from('Content-Length: 5\r\n\r\n', 'ascii'), Buffer.from('{nope')]);
  const { messages, errors } = read(Buffer.concat([noLength, notJson, good]), [7]);
  assert.deepEqual(messages, [MESSAGES[0]]);
  assert.equal(errors.length, 2);
  assert.match(errors[0], /Content-Length/);
  assert.match(errors[1], /not JSON/);
});

test('a header that never ends is dropped instead of growing without bound', () => {
  const { messages, errors } = read(Buffer.alloc(MAX_HEADER_BYTES + 10, 'a'), [4096]);
  assert.deepEqual(messages, []);
  assert.equal(errors.length, 1);
  assert.match(errors[0], /header/);
});

test('the content length is read from the header lines, in any case, and must be a number', () => {
  assert.equal(contentLength('Content-Length: 12'), 12);
  assert.equal(contentLength('content-type: a\r\ncontent-length:7'), 7);
  assert.equal(contentLength('Content-Length: 12x'), undefined);
  assert.equal(contentLength('Content-Type: a'), undefined);
});
