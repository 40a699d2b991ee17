/**
 * The competencyLint/linted notification: the server tells a client that asks which open documents
 * it lints, as it decided (a config's `ignore` and `files`, the sniff when it is opened), so that the VS Code
 * status bar shows a count only where the server lints and never guesses.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXAMPLE_TEXT, Lsp } from './harness';

const LINTED = 'competencyLint/linted';

function decisions(lsp: Lsp, uri: string): boolean[] {
  return lsp.ownNotifications.filter((n) => n.method === LINTED && n.params.uri === uri).map((n) => n.params.linted);
}

/** Resolves once the server has told `uri`'s decision `count` times. */
function told(lsp: Lsp, uri: string, count: number): Promise<void> {
  return lsp.until(() => decisions(lsp, uri).length >= count, `decision ${count} for ${uri}`);
}

describe('competencyLint/linted', () => {
  // Bounded: a server that never tells leaves the test waiting for its notification.
  it('says which open documents the server lints, as the config and the content decide, and when that changes', { timeout: 20_000 }, async () => {
    const lsp = await Lsp.start({ initializationOptions: { lintedNotifications: true } });
    try {
      mkdirSync(join(lsp.folder, 'archive'));
      mkdirSync(join(lsp.folder, 'exports'));
      writeFileSync(join(lsp.folder, '.competency-lint.json'), '{ "ignore": ["archive/**"], "files": ["exports/*.json"] }');
      const framework = lsp.uri('framework.json');
      const ignored = lsp.uri('archive/framework.json');
      const selected = lsp.uri('exports/draft.json');
      const other = lsp.uri('package.json');
      lsp.open(framework, EXAMPLE_TEXT);
      lsp.open(ignored, EXAMPLE_TEXT);
      lsp.open(selected, '{ "schemaVersion": "1.0" }');
      lsp.open(other, '{ "name": "not-a-framework" }');
      for (const uri of [framework, ignored, selected, other]) await told(lsp, uri, 1);
      assert.deepEqual(
        [framework, ignored, selected, other].map((uri) => decisions(lsp, uri)),
        [[true], [false], [true], [false]],
        'a framework, an ignored framework, JSON selected by `files`, other JSON',
      );

      // An open framework stays linted whatever the edits make of it (a keystroke that breaks its
      // JSON must not hide its findings), so no new decision is told; opened afresh, it is judged
      // by its content again.
      lsp.change(framework, '{ "name": "no longer a framework" }');
      const version = lsp.change(framework, '{ "name": "still not a framework" }');
      const diagnostics = await lsp.diagnosticsFor(framework, version);
      assert.ok(diagnostics.some((d) => d.code === 'schema'), 'still linted: the schema finds what it lacks');
      assert.deepEqual(decisions(lsp, framework), [true]);
      lsp.close(framework);
      lsp.open(framework, '{ "name": "still not a framework" }');
      await told(lsp, framework, 2);
      assert.deepEqual(decisions(lsp, framework), [true, false]);
    } finally {
      await lsp.stop();
    }
  });

  it('is not sent to a client that did not ask for it', async () => {
    const lsp = await Lsp.start();
    try {
      const uri = lsp.uri('framework.json');
      lsp.open(uri, EXAMPLE_TEXT);
      await lsp.diagnosticsFor(uri, 1);
      assert.deepEqual(lsp.ownNotifications, []);
    } finally {
      await lsp.stop();
    }
  });
});
