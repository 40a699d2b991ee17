/**
 * Keystrokes inside a statement of a document above maxFileSize are analysed by updating the
 * previous analysis (core/incremental.ts, followed by lsp/editTracker.ts), and what the editor shows
 * must be exactly what a full analysis of the same text shows. Each check types into the document,
 * then sends the same final text as a whole-document change (which the server cannot follow, so it
 * analyses afresh) and compares the two sets of diagnostics.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import fc from 'fast-check';
import { parseDocument } from '../../server/src/core/parse/parse';
import { buildModel } from '../../server/src/core/model/build';
import { EXAMPLE_TEXT, Lsp, offsetOf, positionAt } from './harness';

const FLAWED = EXAMPLE_TEXT.replace('"statements":[', '"statements":[\n        "Circulation procedures — execute check-in and check-out transactions.",');

describe('incremental analysis of a large document', () => {
  let lsp: Lsp;
  before(async () => {
    lsp = await Lsp.start();
    // The example counts as large here, so the editor runs the cheap rules on it as on a 20 MB file.
    writeFileSync(join(lsp.folder, '.competency-lint.json'), '{ "maxFileSize": 1000 }');
  });
  after(() => lsp.stop());

  const status = () => lsp.request<{ lastIncremental: boolean; analyses: number }>('competencyLint/status', {});
  const shown = (ds: Diagnostic[]) => ds.map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.code} ${d.message} ${JSON.stringify(d.relatedInformation?.map((r) => r.location.range))}`);

  /** Sends `changes` as one didChange, then the same final text whole; returns both diagnostics. */
  async function typed(uri: string, text: string, changes: { at: number; remove: number; insert: string }[]) {
    const version = lsp.open(uri, text);
    await lsp.diagnosticsFor(uri, version);
    let current = text;
    const contentChanges = changes.map((c) => {
      const range = { start: positionAt(current, c.at), end: positionAt(current, c.at + c.remove) };
      current = current.slice(0, c.at) + c.insert + current.slice(c.at + c.remove);
      return { range, text: c.insert };
    });
    const v2 = lsp.editAll(uri, contentChanges);
    const incremental = await lsp.diagnosticsFor(uri, v2);
    const wasIncremental = (await status()).lastIncremental;
    const v3 = lsp.change(uri, current);
    const full = await lsp.diagnosticsFor(uri, v3);
    assert.equal((await status()).lastIncremental, false, 'a whole-text change is analysed afresh');
    lsp.close(uri);
    return { incremental, full, wasIncremental, text: current };
  }

  it('typing and deleting in a statement: the same diagnostics as a full analysis, without one', async () => {
    const at = offsetOf(FLAWED, 'execute check-in');
    const r = await typed(lsp.uri('typing.json'), FLAWED, [
      { at, remove: 0, insert: 'carefully ' },
      { at: at + 10, remove: 8, insert: '' },
      { at: at + 2, remove: 0, insert: 'É' },
    ]);
    assert.equal(r.wasIncremental, true);
    assert.ok(r.full.length > 0);
    assert.deepEqual(shown(r.incremental), shown(r.full));
  });

  it('pasting a statement over another: the new duplicate is reported where a full analysis reports it', async () => {
    // The second level's first statement becomes a copy of the first level's first statement.
    const second = FLAWED.indexOf('"statements":[', FLAWED.indexOf('"developing"'));
    const start = FLAWED.indexOf('"', second + '"statements":['.length) + 1;
    const end = FLAWED.indexOf('"', start);
    const r = await typed(lsp.uri('paste.json'), FLAWED, [{ at: start, remove: end - start, insert: 'Circulation procedures — execute check-in and check-out transactions' }]);
    assert.equal(r.wasIncremental, true);
    const dups = r.incremental.filter((d) => d.code === 'duplicate-exact');
    assert.equal(dups.length, 1, shown(r.incremental).join('\n'));
    assert.deepEqual(shown(r.incremental), shown(r.full));
  });

  it('a quote typed into a statement breaks the literal: analysed afresh, and still right', async () => {
    const at = offsetOf(FLAWED, 'execute check-in');
    const r = await typed(lsp.uri('quote.json'), FLAWED, [{ at, remove: 0, insert: '"' }]);
    assert.equal(r.wasIncremental, false);
    assert.ok(r.incremental.some((d) => d.code === 'json-syntax'));
    assert.deepEqual(shown(r.incremental), shown(r.full));
  });

  it('keystrokes sent faster than the debounce are composed into one edit, and the result is still right', async () => {
    // One server with a debounce, so that several changes arrive between two analyses.
    const slow = await Lsp.start({ settings: { debounceMs: 250 } });
    try {
      writeFileSync(join(slow.folder, '.competency-lint.json'), '{ "maxFileSize": 1000 }');
      const status = () => slow.request<{ lastIncremental: boolean; analyses: number }>('competencyLint/status', {});
      for (const [name, spread] of [['one statement', false], ['two statements', true]] as const) {
        const uri = slow.uri(`burst-${name.replace(' ', '-')}.json`);
        let current = FLAWED;
        const version = slow.open(uri, current);
        await slow.diagnosticsFor(uri, version);
        const before = (await status()).analyses;
        // Typing forwards in one statement, with a deletion and a retyped word; or, spread, a
        // keystroke in a second statement as well, which makes one edit span both.
        const at = offsetOf(current, 'execute check-in');
        const other = offsetOf(current, 'search standard sources');
        const keys: { at: number; remove: number; insert: string }[] = [
          { at, remove: 0, insert: 'c' },
          { at: at + 1, remove: 0, insert: 'a' },
          { at: at + 2, remove: 0, insert: 'r' },
          { at: at + 1, remove: 2, insert: '' },
          { at: at + 1, remove: 0, insert: 'areful ' },
          ...(spread ? [{ at: other + 40, remove: 1, insert: 'S' }] : []),
        ];
        let last = version;
        for (const k of keys) {
          last = slow.edit(uri, { start: positionAt(current, k.at), end: positionAt(current, k.at + k.remove) }, k.insert);
          current = current.slice(0, k.at) + k.insert + current.slice(k.at + k.remove);
        }
        const typed = await slow.diagnosticsFor(uri, last);
        const after = await status();
        assert.equal(after.analyses - before, 1, `${name}: the burst is analysed once`);
        assert.equal(after.lastIncremental, !spread, `${name}: incremental only when the edit stays in one statement`);
        const full = await slow.diagnosticsFor(uri, slow.change(uri, current));
        assert.deepEqual(shown(typed), shown(full), name);
        slow.close(uri);
      }
    } finally {
      await slow.stop();
    }
  });

  it('random keystrokes, with requests between them: every version gets the diagnostics a full analysis gives', async () => {
    const draws = fc.sample(
      fc.record({ where: fc.integer({ min: 0, max: 999_999 }).map((n) => n / 1e6), kind: fc.nat({ max: 99 }), text: fc.oneof({ arbitrary: fc.constantFrom('e', ' ', '—', 'ing', ',', 'x y'), weight: 19 }, { arbitrary: fc.constantFrom('\n', '"'), weight: 1 }) }),
      { numRuns: 60, seed: 1128 },
    );
    // Every JSON file is selected, so that a version the edits have broken still gets diagnostics.
    const lsp = await Lsp.start({ settings: { debounceMs: 0, files: ['**/*.json'] } });
    // A second server gets every version whole, which it cannot follow as an edit: the reference.
    const reference = await Lsp.start({ settings: { debounceMs: 0, files: ['**/*.json'] } });
    for (const server of [lsp, reference]) writeFileSync(join(server.folder, '.competency-lint.json'), '{ "maxFileSize": 1000 }');
    try {
      const referenceUri = reference.uri('random.json');
      await reference.diagnosticsFor(referenceUri, reference.open(referenceUri, FLAWED));
      const status = () => lsp.request<{ lastIncremental: boolean }>('competencyLint/status', {});
      const uri = lsp.uri('random.json');
      let current = FLAWED;
      let version = lsp.open(uri, current);
      await lsp.diagnosticsFor(uri, version);
      let incremental = 0;
      for (const d of draws) {
        // Seven in ten inside a statement (where typing happens), the rest anywhere.
        const statements = buildModel(parseDocument(current).root, current).statements;
        let at = Math.floor(d.where * current.length);
        if (d.kind < 70 && statements.length > 0) {
          const st = statements[Math.floor(d.where * statements.length)];
          at = st.range.start + 1 + Math.floor(d.where * (st.range.end - st.range.start - 1));
        }
        const remove = d.kind % 3 === 0 ? Math.min(2, current.length - at) : 0;
        version = lsp.edit(uri, { start: positionAt(current, at), end: positionAt(current, at + remove) }, d.text);
        current = current.slice(0, at) + d.text + current.slice(at + remove);
        // Features answer on the updated analysis while the edits go on.
        const doc = { textDocument: { uri } };
        await Promise.all([
          lsp.request('textDocument/hover', { ...doc, position: positionAt(current, Math.floor(d.where * current.length)) }),
          lsp.request('textDocument/documentSymbol', doc),
          lsp.request('textDocument/codeLens', doc),
        ]);
        const typed = await lsp.diagnosticsFor(uri, version);
        if ((await status()).lastIncremental) incremental++;
        const whole = await reference.diagnosticsFor(referenceUri, reference.change(referenceUri, current));
        assert.deepEqual(shown(typed), shown(whole), `version ${version}`);
      }
      assert.ok(incremental >= 20, `${incremental} of ${draws.length} edits were analysed incrementally`);
    } finally {
      await Promise.all([lsp.stop(), reference.stop()]);
    }
  });
});
