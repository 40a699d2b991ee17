/**
 * The `competencyLint/levelMatrix` request, as the VS Code webview sends it: the rendered body and
 * style sheet of an open framework, for the version the server has, with each cell's offsets
 * pointing at its statement; null for a document that is not a framework.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { EXAMPLE_TEXT, Lsp } from './harness';

describe('level matrix request', () => {
  let lsp: Lsp;
  before(async () => {
    lsp = await Lsp.start();
  });
  after(() => lsp.stop());

  it('answers an open framework with the escaped body of its matrix, for the current version', async () => {
    const uri = lsp.uri('matrix.json');
    lsp.open(uri, EXAMPLE_TEXT);
    const first = await lsp.request('competencyLint/levelMatrix', { uri });
    assert.equal(first.uri, uri);
    assert.equal(first.title, 'matrix.json');
    assert.match(first.css, /\.clm-cell/);
    assert.ok(!first.body.includes('<script'), 'no script from the server');
    assert.equal((first.body.match(/class="clm-cell /g) ?? []).length, 40);
    // Each cell's offsets are those of its statement's literal in the text the editor has.
    const cell = /data-pointer="\/framework\/levels\/advanced\/statements\/0" data-start="(\d+)" data-end="(\d+)"/.exec(first.body);
    assert.ok(cell, 'the first Advanced statement has a cell');
    const literal = EXAMPLE_TEXT.slice(Number(cell[1]), Number(cell[2]));
    assert.equal(JSON.parse(literal), JSON.parse(EXAMPLE_TEXT).framework.levels.advanced.statements[0]);

    // After an edit the answer is for the new version and shows the new text, escaped.
    const edited = EXAMPLE_TEXT.replace('Institutional library strategy', 'Institutional <b>library</b> strategy');
    const version = lsp.change(uri, edited);
    const second = await lsp.request('competencyLint/levelMatrix', { uri });
    assert.equal(second.version, version);
    assert.ok(second.body.includes('Institutional &lt;b&gt;library&lt;/b&gt; strategy'));
  });

  it('answers null for JSON that is not a framework and for a document that is not open', async () => {
    const uri = lsp.uri('package.json');
    lsp.open(uri, '{"name": "x", "version": "1.0.0"}');
    assert.equal(await lsp.request('competencyLint/levelMatrix', { uri }), null);
    assert.equal(await lsp.request('competencyLint/levelMatrix', { uri: lsp.uri('closed.json') }), null);
    assert.equal(await lsp.request('competencyLint/levelMatrix', {}), null);
  });
});
