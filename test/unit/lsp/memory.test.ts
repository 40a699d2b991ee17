/**
 * The collection after a large document's diagnostics must not hold back the reply that carries
 * them: the user waits for the reply, not for the memory. The connection here is vscode-jsonrpc's
 * own, which the server uses, over in-memory streams.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { collectAfterEditIfGrown, collectAfterLargeDocument, COLLECT_ABOVE_CHARS } from '../../../server/src/lsp/memory';

test('the collection after a large document runs once the reply is written', { timeout: 10_000 }, async () => {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  const events: string[] = [];
  const write = toClient.write.bind(toClient) as (...args: unknown[]) => boolean;
  toClient.write = ((...args: unknown[]) => {
    events.push('reply written');
    return write(...args);
  }) as typeof toClient.write;
  let collected!: () => void;
  const collection = new Promise<void>((resolve) => (collected = resolve));

  const server = createMessageConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
  server.onRequest('textDocument/diagnostic', async () => {
    collectAfterLargeDocument(COLLECT_ABOVE_CHARS, () => {
      events.push('collected');
      collected();
    });
    return { kind: 'full', items: [] };
  });
  server.listen();
  const client = createMessageConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
  client.listen();
  try {
    const reply = await client.sendRequest('textDocument/diagnostic', { textDocument: { uri: 'file:///large.json' } });
    assert.deepEqual(reply, { kind: 'full', items: [] });
    await collection;
    assert.ok(events.indexOf('reply written') >= 0 && events.indexOf('reply written') < events.indexOf('collected'), events.join(', '));
  } finally {
    client.dispose();
    server.dispose();
  }
});

test('a small document gets no collection', async () => {
  let ran = false;
  collectAfterLargeDocument(COLLECT_ABOVE_CHARS - 1, () => (ran = true));
  // Both turns of the loop the collection would wait for.
  await new Promise((resolve) => setImmediate(() => setImmediate(() => setImmediate(resolve))));
  assert.equal(ran, false);
});

test('keystrokes in a large document get a collection once the heap has grown, and not before', async () => {
  const turns = () => new Promise((resolve) => setImmediate(() => setImmediate(() => setImmediate(resolve))));
  let runs = 0;
  const collect = () => runs++;
  // No growth since the last collection (the heap cannot be smaller than nothing).
  assert.equal(collectAfterEditIfGrown(COLLECT_ABOVE_CHARS, -Infinity, collect), false);
  // A small document, however much the heap has grown.
  assert.equal(collectAfterEditIfGrown(COLLECT_ABOVE_CHARS - 1, Number.MAX_SAFE_INTEGER, collect), false);
  await turns();
  assert.equal(runs, 0);
  // A large document after the heap has grown by more than a quarter of its text.
  assert.equal(collectAfterEditIfGrown(COLLECT_ABOVE_CHARS, Number.MAX_SAFE_INTEGER, collect), true);
  await turns();
  assert.equal(runs, 1);
});
