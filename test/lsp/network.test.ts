/**
 * The language server reaches no network: started with every network entry point of Node blocked
 * and logged (test/unit/security/noNetwork.cjs), it analyses, answers every feature, lints the
 * workspace and renders the level matrix, and the log stays empty.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers';
import { EXAMPLE_TEXT, Lsp } from './harness';

describe('no network', () => {
  it('the server does its whole job with the network blocked and tries nothing', async () => {
    const logs = mkdtempSync(join(tmpdir(), 'cl-net-'));
    const log = join(logs, 'network.log');
    const loaded = join(logs, 'loaded.log');
    process.env.NO_NETWORK_LOG = log;
    process.env.NO_NETWORK_LOADED = loaded;
    const lsp = await Lsp.start({ nodeArgs: ['--require', join(ROOT, 'test/unit/security/noNetwork.cjs')] });
    delete process.env.NO_NETWORK_LOG;
    delete process.env.NO_NETWORK_LOADED;
    try {
      writeFileSync(join(lsp.folder, 'disk.json'), EXAMPLE_TEXT);
      const uri = lsp.uri('open.json');
      const text = EXAMPLE_TEXT.replace(' — ', ' - ');
      lsp.open(uri, text);
      const diags = await lsp.diagnosticsFor(uri, 1);
      assert.ok(diags.some((d) => d.code === 'statement-dash'));
      const doc = { textDocument: { uri } };
      const at = { ...doc, position: { line: 0, character: EXAMPLE_TEXT.indexOf('"soc"') + 2 } };
      assert.ok(await lsp.request('textDocument/hover', at));
      await lsp.request('textDocument/completion', at);
      assert.ok((await lsp.request('textDocument/documentSymbol', doc)).length > 0);
      await lsp.request('textDocument/codeLens', doc);
      const range = diags[0].range;
      await lsp.request('textDocument/codeAction', { ...doc, range, context: { diagnostics: diags } });
      await lsp.request('competencyLint/levelMatrix', { uri });
      const summary = await lsp.request('workspace/executeCommand', { command: 'competencyLint.lintWorkspace', arguments: [] });
      assert.ok(summary.files >= 1, JSON.stringify(summary));
    } finally {
      await lsp.stop();
    }
    assert.ok(readFileSync(loaded, 'utf8').trim().length > 0, 'the blocker was loaded in the server');
    assert.equal(existsSync(log) ? readFileSync(log, 'utf8') : '', '', 'network entry points called');
  });
});
