/**
 * The server under abuse: fuzz cases (mutations of the example and corpus, arbitrary JSON and
 * strings) sent as edits, with hover, completion, symbols, folding, lenses and code actions at
 * random positions; every request is answered within a bound and the server is still there at the
 * end with the diagnostics of the final version. A config sits beside the document, so that every
 * finding also has the suppression quick fix, whose edit must leave a config the linter accepts. Large documents get the cheaper analysis and say
 * so; closing them gives the memory back.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CodeAction, TextDocumentEdit, TextEdit } from 'vscode-languageserver-protocol';
import { ALL_CASES, SEEDS } from '../fuzz/cases';
import { parseConfigText } from '../../server/src/node/config';
import { EXAMPLE_TEXT, Lsp, applyLspEdits, largeExample, positionAt } from './harness';

const CASES = Number(process.env.LSP_FUZZ_CASES ?? 150);
/** Generous: a loaded CI machine must not fail it, a hang or a freeze must. */
const BOUND_MS = 10_000;

function within<T>(what: string, p: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout;
  const bound = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} was not answered within ${BOUND_MS} ms`)), BOUND_MS);
  });
  return Promise.race([p, bound]).finally(() => clearTimeout(timer));
}

describe('server under abuse', () => {
  it(`answers every request on ${CASES} fuzz cases and ends with the final version's diagnostics`, async () => {
    const lsp = await Lsp.start({ settings: { debounceMs: 0, files: ['**/*.json'] } });
    const config = '{\n  // Findings we accept.\n  "suppressions": [\n    { "rule": "level-balance" }, // agreed\n  ]\n}\n';
    writeFileSync(join(lsp.folder, '.competency-lint.json'), config);
    let suppressions = 0;
    try {
      const uri = lsp.uri('fuzz.json');
      lsp.open(uri, SEEDS[0]);
      const texts = fc.sample(ALL_CASES, { numRuns: CASES, seed: 20261128 });
      const offsets = fc.sample(fc.double({ min: 0, max: 1, noNaN: true }), { numRuns: CASES * 6, seed: 7 });
      let k = 0;
      let version = 1;
      for (const text of texts) {
        version = lsp.change(uri, text);
        const pos = () => positionAt(text, Math.floor(offsets[k++ % offsets.length] * text.length));
        const doc = { textDocument: { uri } };
        await within(`requests on case ${version}`, Promise.all([
          lsp.request('textDocument/hover', { ...doc, position: pos() }),
          lsp.request('textDocument/completion', { ...doc, position: pos() }),
          lsp.request('textDocument/documentSymbol', doc),
          lsp.request('textDocument/foldingRange', doc),
          lsp.request('textDocument/codeLens', doc),
          lsp.request('textDocument/codeAction', { ...doc, range: { start: pos(), end: pos() }, context: { diagnostics: [] } }),
          lsp.request('textDocument/codeAction', { ...doc, range: { start: pos(), end: pos() }, context: { diagnostics: [], only: ['source.fixAll'] } }),
        ]));
        // Every finding of the document at once: each suppression offered must make a valid config.
        const whole = { start: { line: 0, character: 0 }, end: positionAt(text, text.length) };
        const actions = await within(`quick fixes on case ${version}`, lsp.request<CodeAction[]>('textDocument/codeAction', { ...doc, range: whole, context: { diagnostics: [], only: ['quickfix'] } }));
        for (const a of actions.filter((x) => x.title.startsWith('Suppress '))) {
          const change = a.edit!.documentChanges![0] as TextDocumentEdit;
          const edited = applyLspEdits(config, change.edits as TextEdit[]);
          assert.doesNotThrow(() => parseConfigText(join(lsp.folder, '.competency-lint.json'), edited), `${a.title} on case ${version}:\n${edited}`);
          suppressions++;
        }
      }
      assert.ok(suppressions > CASES, `suppressions were offered (${suppressions})`);
      const final = await within('final diagnostics', lsp.diagnosticsFor(uri, version));
      assert.ok(Array.isArray(final));
      const versions = lsp.publishesFor(uri).map((p) => p.version!);
      assert.deepEqual(versions, [...versions].sort((a, b) => a - b));
      assert.equal(lsp.proc.exitCode, null, 'the server is still running');
    } finally {
      await lsp.stop();
    }
  });

  it('caps the diagnostics of one document and says how many more there are', async () => {
    const lsp = await Lsp.start();
    try {
      const doc = JSON.parse(EXAMPLE_TEXT);
      const keys = Object.keys(doc.framework.levels);
      const words = ['records', 'catalog', 'patrons', 'budget', 'staff', 'systems', 'services', 'archives', 'media', 'policy'];
      // 5,200 distinct statements, each with a double space (a statement-spacing warning).
      keys.forEach((k, li) => {
        doc.framework.levels[k].statements = Array.from({ length: 1300 }, (_, i) => {
          const w = (n: number) => words[Math.floor(n) % 10];
          return `Topic ${li}-${i} — maintain  ${w(i)} and ${w(i / 10)} with ${w(i / 100)} for ${w(i / 1000 + li)} item ${i}.`;
        });
      });
      const uri = lsp.uri('many.json');
      lsp.open(uri, JSON.stringify(doc, null, 2));
      const diags = await lsp.diagnosticsFor(uri, 1);
      assert.equal(diags.length, 5001);
      const note = diags[diags.length - 1];
      assert.equal(note.code, 'too-many-findings');
      assert.match(String(note.message), /^\d+ more findings are not shown here .* see all \d+\.$/);
      const shown = diags.slice(0, -1);
      // More than 5,000 warnings exist, so errors and warnings fill the list before any information.
      const counts: Record<string, number> = {};
      for (const d of shown) counts[`${d.code}:${d.severity}`] = (counts[`${d.code}:${d.severity}`] ?? 0) + 1;
      assert.ok(shown.every((d) => d.severity! <= 2), `errors and warnings are kept first: ${JSON.stringify(counts)}`);
    } finally {
      await lsp.stop();
    }
  });

  it('falls back to the cheaper analysis for a large document, says so once, and gives the memory back on close', async () => {
    const lsp = await Lsp.start({ nodeArgs: ['--expose-gc'] });
    try {
      // About 10 MB: above the default limit of 1 MB, so only the cheap rules run.
      const text = largeExample(10);
      const idle = (await lsp.request('competencyLint/status', {})).heapUsed as number;
      const uri = lsp.uri('large.json');
      lsp.open(uri, text);
      const diags = await lsp.diagnosticsFor(uri, 1);
      const notes = diags.filter((d) => d.code === 'large-file');
      assert.equal(notes.length, 1);
      assert.equal(notes[0].severity, 3);
      assert.match(String(notes[0].message), /only the cheap checks ran/);
      assert.ok(!diags.some((d) => d.code === 'duplicate-near' || d.code === 'scope-outlier'), 'the costly rules did not run');
      const symbols = await lsp.request('textDocument/documentSymbol', { textDocument: { uri } });
      const last = symbols[symbols.length - 1];
      assert.match(last.name, /^\d+ more statements not shown$/, 'the outline is capped and says so');

      const open = await lsp.request('competencyLint/status', {});
      assert.equal(open.analysed, 1);
      lsp.close(uri);
      const closed = await lsp.request('competencyLint/status', {});
      assert.equal(closed.documents, 0);
      assert.equal(closed.analysed, 0);
      // The text alone is 10 MB of UTF-16; holding on to it and its tree would keep far more.
      assert.ok(open.heapUsed - idle > text.length, `the open document costs memory (${open.heapUsed - idle} bytes)`);
      // What stays after the diagnostics is the text (two bytes a character), its tree and model for
      // the features; the indexes the cheap rules built (most of the analysis) are let go.
      assert.ok(open.heapUsed - idle < 7 * text.length, `a large document holds ${((open.heapUsed - idle) / text.length).toFixed(1)} bytes a character once analysed`);
      assert.ok(closed.heapUsed - idle < (open.heapUsed - idle) / 4, `heap after close ${closed.heapUsed}, idle ${idle}, open ${open.heapUsed}`);
    } finally {
      await lsp.stop();
    }
  });
});
