/**
 * Under rapid edits the diagnostics shown are those of the last version, never an older result
 * published over a newer one; a pending analysis is dropped when a newer edit arrives; a pull request
 * the client cancels is answered with RequestCancelled.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CancellationTokenSource } from 'vscode-jsonrpc/node';
import { EXAMPLE_TEXT, Lsp } from './harness';

/** Variant i of the example: a different statement loses its final period each time. */
function variant(i: number): string {
  const doc = JSON.parse(EXAMPLE_TEXT);
  const all: string[][] = Object.values(doc.framework.levels).map((l: any) => l.statements);
  const flat = all.flat();
  const target = flat[i % flat.length];
  for (const list of all) {
    const k = list.indexOf(target);
    if (k >= 0) list[k] = target.replace(/\.$/, '');
  }
  return JSON.stringify(doc, null, 2) + '\n';
}

const shape = (ds: { code?: unknown; range: unknown; message: unknown }[]) => ds.map((d) => `${d.code} ${JSON.stringify(d.range)} ${String(d.message)}`);

describe('version ordering', () => {
  it('after an edit storm, the last published diagnostics are those of the final version, and versions only increase', async () => {
    const lsp = await Lsp.start({ settings: { debounceMs: 0 } });
    try {
      const uri = lsp.uri('storm.json');
      lsp.open(uri, variant(0));
      let last = 1;
      for (let i = 1; i <= 300; i++) last = lsp.change(uri, variant(i));
      const final = await lsp.diagnosticsFor(uri, last);
      const versions = lsp.publishesFor(uri).map((p) => p.version!);
      assert.deepEqual(versions, [...versions].sort((a, b) => a - b), 'published versions never go back');
      assert.equal(new Set(versions).size, versions.length, 'no version published twice');
      assert.equal(versions[versions.length - 1], last);

      // The same text opened fresh gives the same diagnostics: nothing stale survived the storm.
      const fresh = lsp.uri('fresh.json');
      lsp.open(fresh, variant(300));
      assert.deepEqual(shape(final), shape(await lsp.diagnosticsFor(fresh, 1)));
      const periods = final.filter((d) => d.code === 'statement-period');
      assert.equal(periods.length, 1);
    } finally {
      await lsp.stop();
    }
  });

  it('with a debounce, superseded versions are never analysed and published', async () => {
    const lsp = await Lsp.start({ settings: { debounceMs: 200 } });
    try {
      const uri = lsp.uri('debounced.json');
      lsp.open(uri, variant(0));
      await lsp.diagnosticsFor(uri, 1);
      let last = 1;
      for (let i = 1; i <= 100; i++) last = lsp.change(uri, variant(i));
      await lsp.diagnosticsFor(uri, last);
      const versions = lsp.publishesFor(uri).map((p) => p.version);
      // Open publishes version 1 at once; the storm then publishes far fewer than its 100 versions.
      assert.ok(versions.length < 10, `published versions: ${versions.join(', ')}`);
      assert.equal(versions[versions.length - 1], last);
    } finally {
      await lsp.stop();
    }
  });
});

describe('superseded versions', () => {
  it('with pull diagnostics, a burst of edits is analysed once, for the final text, and the server says how long it took', async () => {
    const lsp = await Lsp.start({ pull: true });
    try {
      const uri = lsp.uri('burst.json');
      lsp.open(uri, variant(0));
      await lsp.request('textDocument/diagnostic', { textDocument: { uri } });
      const before = await lsp.request('competencyLint/status', {});
      assert.equal(before.analyses, 1);
      for (let i = 1; i <= 20; i++) lsp.change(uri, variant(i));
      const report = await lsp.request('textDocument/diagnostic', { textDocument: { uri } });
      assert.match(report.resultId, /^21:/, 'the report is for the last version');
      const after = await lsp.request('competencyLint/status', {});
      assert.equal(after.analyses, 2, 'none of the 19 versions in between was analysed');
      assert.equal(typeof after.lastDiagnosticsMs, 'number');

      // The same text opened fresh gives the same diagnostics: the report is the final text's.
      const fresh = lsp.uri('fresh.json');
      lsp.open(fresh, variant(20));
      const expected = await lsp.request('textDocument/diagnostic', { textDocument: { uri: fresh } });
      assert.deepEqual(shape(report.items), shape(expected.items));
    } finally {
      await lsp.stop();
    }
  });

  it('after an edit, the outline is the new text\'s: the older analysis is let go, not served', async () => {
    const lsp = await Lsp.start();
    try {
      const uri = lsp.uri('outline.json');
      const doc = JSON.parse(EXAMPLE_TEXT);
      lsp.open(uri, JSON.stringify(doc, null, 2));
      await lsp.diagnosticsFor(uri, 1);
      const count = (symbols: any[]): number => symbols.reduce((n, s) => n + 1 + count(s.children ?? []), 0);
      const first = count(await lsp.request('textDocument/documentSymbol', { textDocument: { uri } }));
      const level = Object.values<any>(doc.framework.levels)[0];
      level.statements.push('Added — a statement that the edit brings in.');
      const version = lsp.change(uri, JSON.stringify(doc, null, 2));
      const second = count(await lsp.request('textDocument/documentSymbol', { textDocument: { uri } }));
      assert.equal(second, first + 1);
      await lsp.diagnosticsFor(uri, version);
      assert.equal(count(await lsp.request('textDocument/documentSymbol', { textDocument: { uri } })), first + 1);
    } finally {
      await lsp.stop();
    }
  });
});

describe('cancellation', () => {
  it('a pulled diagnostic request cancelled by the client is answered RequestCancelled, and the next pull is current', async () => {
    const lsp = await Lsp.start({ pull: true, settings: { debounceMs: 5000 } });
    try {
      const uri = lsp.uri('cancel.json');
      lsp.open(uri, variant(0));
      const first = await lsp.request('textDocument/diagnostic', { textDocument: { uri } });
      assert.equal(first.kind, 'full');
      lsp.change(uri, variant(5));
      // The edit makes the server wait out its (long) debounce, so the cancellation lands first.
      const source = new CancellationTokenSource();
      const pending = lsp.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } }, source.token);
      source.cancel();
      await assert.rejects(pending, (err: any) => err.code === -32800);

      lsp.settings = { ...lsp.settings, debounceMs: 0 };
      lsp.notify('workspace/didChangeConfiguration', { settings: {} });
      const now = await lsp.request('textDocument/diagnostic', { textDocument: { uri }, previousResultId: first.resultId });
      assert.equal(now.kind, 'full');
      assert.match(now.resultId, /^2:/);
    } finally {
      await lsp.stop();
    }
  });

  it('requests for closed or unknown documents get empty answers, not errors', async () => {
    const lsp = await Lsp.start();
    try {
      const uri = lsp.uri('gone.json');
      lsp.open(uri, variant(0));
      await lsp.diagnosticsFor(uri, 1);
      lsp.close(uri);
      const at = { textDocument: { uri }, position: { line: 3, character: 5 } };
      assert.equal(await lsp.request('textDocument/hover', at), null);
      assert.equal(await lsp.request('textDocument/completion', at), null);
      assert.deepEqual(await lsp.request('textDocument/documentSymbol', { textDocument: { uri } }), []);
      assert.deepEqual(await lsp.request('textDocument/codeLens', { textDocument: { uri } }), []);
      assert.deepEqual(await lsp.request('textDocument/foldingRange', { textDocument: { uri } }), []);
      const unknown = { textDocument: { uri: 'untitled:never' }, position: { line: 0, character: 0 } };
      assert.equal(await lsp.request('textDocument/hover', unknown), null);
    } finally {
      await lsp.stop();
    }
  });
});
