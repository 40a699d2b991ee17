/**
 * The transports: `competency-lint --stdio` for editors in general (every other test; the VS Code
 * client starts dist/server.js with --stdio too), and node IPC for a client that forks
 * dist/server.js without arguments.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fork, spawn } from 'node:child_process';
import { join } from 'node:path';
import { createMessageConnection, IPCMessageReader, IPCMessageWriter, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { EXAMPLE_TEXT, largeExample, Lsp, positionAt, ROOT } from './harness';
import { LARGE_MESSAGE_BYTES } from '../../server/src/lsp/largeMessage';

describe('transport', () => {
  it('dist/server.js started without arguments speaks LSP over node IPC', async () => {
    const child = fork(join(ROOT, 'dist/server.js'), [], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    const conn = createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    const published = new Promise<PublishDiagnosticsParams>((resolve) => conn.onNotification('textDocument/publishDiagnostics', resolve));
    conn.listen();
    try {
      const init: any = await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
      assert.equal(init.serverInfo.name, 'competency-lint');
      await conn.sendNotification('initialized', {});
      await conn.sendNotification('textDocument/didOpen', { textDocument: { uri: 'untitled:Untitled-1', languageId: 'json', version: 1, text: EXAMPLE_TEXT } });
      const p = await published;
      assert.equal(p.uri, 'untitled:Untitled-1');
      assert.equal(p.version, 1);
      assert.ok(p.diagnostics.every((d) => d.source === 'competency-lint'));
      await conn.sendRequest('shutdown');
      const exited = new Promise((resolve) => child.once('exit', resolve));
      await conn.sendNotification('exit');
      assert.equal(await exited, 0);
    } finally {
      conn.dispose();
      if (child.exitCode === null) child.kill();
    }
  });

  it('a document of several MB with text outside ASCII arrives whole: a finding sits where the text puts it', async () => {
    const lsp = await Lsp.start();
    try {
      // Above the reader's large-message bound, so it takes the Latin-1 way (lsp/largeMessage.ts); every
      // statement before the pair holds an em dash, which a wrong decoding would turn into several characters.
      const doc = JSON.parse(largeExample(5));
      const odd = 'Référence — 😀 « ü » ’quoted’ 中文, a statement written twice';
      doc.framework.levels.emerging.statements.push(odd, odd);
      const text = JSON.stringify(doc, null, 2);
      assert.ok(Buffer.byteLength(text) > LARGE_MESSAGE_BYTES);
      const uri = lsp.uri('large.json');
      const diagnostics = await lsp.diagnosticsFor(uri, lsp.open(uri, text));
      const second = text.lastIndexOf(JSON.stringify(odd));
      const expected = { start: positionAt(text, second), end: positionAt(text, second + JSON.stringify(odd).length) };
      const found = diagnostics.find((d) => d.code === 'duplicate-exact' && d.range.start.line === expected.start.line);
      assert.deepEqual(found?.range, expected);
    } finally {
      await lsp.stop();
    }
  });

  for (const shutdownFirst of [true, false]) {
    it(`--stdio exits when its standard input ends, with ${shutdownFirst ? '0 after a shutdown request' : '1 without one'}`, async () => {
      const child = spawn(process.execPath, [join(ROOT, 'dist/cli.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
      const conn = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
      conn.listen();
      try {
        const init: any = await conn.sendRequest('initialize', { processId: null, rootUri: null, capabilities: {} });
        assert.equal(init.serverInfo.name, 'competency-lint');
        if (shutdownFirst) await conn.sendRequest('shutdown');
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.stdin!.end();
        assert.equal(await exited, shutdownFirst ? 0 : 1);
      } finally {
        conn.dispose();
        if (child.exitCode === null) child.kill();
      }
    });
  }
});
