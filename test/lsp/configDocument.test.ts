/**
 * An open `.competency-lint.json` gets diagnostics of its own, as any LSP client shows them (Neovim,
 * Emacs): every problem the CLI would refuse the config for, on the text it is about, in the words
 * the CLI prints; they follow the buffer as it is edited, a config that is not JSON gets its syntax
 * error, and the server keeps answering whatever the config holds. VS Code, whose JSON support
 * already checks the config against its schema, gets only what the schema cannot say.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { EXAMPLE_TEXT, Lsp, SERVER } from './harness';

/** An unknown rule id on line 4 and a glob over the wildcard limit on line 7 (1-based). */
const CONFIG = `{
  // The team's rules.
  "rules": {
    "scope-outlire": "warning"
  },
  "ignore": [
    "a*b*c*/x.json"
  ]
}
`;
const UNKNOWN_RULE = 'unknown rule "scope-outlire"; did you mean "scope-outlier"?';
const BAD_GLOB = '"ignore": the glob "a*b*c*/x.json" has more than 2 wildcards in one part of the path, which makes matching slow enough to stall the linter';

/** Each diagnostic as "line:column-line:column message" (1-based), as a user reads it. */
const shown = (diagnostics: Diagnostic[]) =>
  diagnostics.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1} ${d.message}`);

/** What the CLI prints on its standard error for a framework under the config at `dir`. */
function cliConfigProblem(dir: string): string {
  writeFileSync(join(dir, 'framework.json'), EXAMPLE_TEXT);
  const r = spawnSync(process.execPath, [SERVER, 'framework.json'], { cwd: dir, encoding: 'utf8' });
  assert.equal(r.status, 2, r.stderr);
  return r.stderr.split('\n')[0];
}

// Bounded: a server that publishes nothing for a config would leave a test waiting for ever.
const BOUNDED = { timeout: 20_000 };

describe('an open .competency-lint.json (push, as Neovim and Emacs get diagnostics)', BOUNDED, () => {
  let lsp: Lsp;
  before(async () => {
    lsp = await Lsp.start();
  });
  after(() => lsp.stop());

  it('shows every problem the CLI finds, where it is written, in the CLI\'s words', async () => {
    mkdirSync(join(lsp.folder, 'team'));
    const path = join(lsp.folder, 'team', '.competency-lint.json');
    writeFileSync(path, CONFIG);
    const uri = lsp.uri('team/.competency-lint.json');
    lsp.open(uri, CONFIG);
    const diagnostics = await lsp.diagnosticsFor(uri, 1);
    assert.deepEqual(shown(diagnostics), [`4:5-4:31 ${UNKNOWN_RULE}`, `7:5-7:20 ${BAD_GLOB}`]);
    assert.ok(diagnostics.every((d) => d.source === 'competency-lint' && d.code === 'config' && d.severity === 1));
    // The CLI reports the first, with the same words at the same place.
    assert.match(cliConfigProblem(join(lsp.folder, 'team')), new RegExp(`\\.competency-lint\\.json:4:5: ${UNKNOWN_RULE.replace(/[.?*"()]/g, '\\$&')}$`));
  });

  it('follows the buffer as it is edited, before it is saved', async () => {
    const uri = lsp.uri('edited/.competency-lint.json');
    lsp.open(uri, CONFIG);
    assert.equal((await lsp.diagnosticsFor(uri, 1)).length, 2);
    // The rule id corrected: the glob is left.
    const fixed = lsp.edit(uri, { start: { line: 3, character: 11 }, end: { line: 3, character: 18 } }, 'outlier');
    assert.deepEqual(shown(await lsp.diagnosticsFor(uri, fixed)), [`7:5-7:20 ${BAD_GLOB}`]);
    // And the glob: nothing is left.
    const clean = lsp.edit(uri, { start: { line: 6, character: 5 }, end: { line: 6, character: 11 } }, '**');
    assert.deepEqual(await lsp.diagnosticsFor(uri, clean), []);
    // A new typo comes back at once.
    const again = lsp.change(uri, '{ "rules": { "statement-dahs": "off" } }');
    assert.deepEqual(shown(await lsp.diagnosticsFor(uri, again)), ['1:14-1:37 unknown rule "statement-dahs"; did you mean "statement-dash"?']);
  });

  it('gives a config that is not JSON its syntax error, and keeps answering', async () => {
    const uri = lsp.uri('broken/.competency-lint.json');
    lsp.open(uri, '{\n  "rules": { "schema": "off" }\n  "ignore": []\n');
    assert.deepEqual(shown(await lsp.diagnosticsFor(uri, 1)), [
      '3:3-3:11 invalid JSON in config: a comma (,) is expected here',
      '4:1-4:1 invalid JSON in config: a closing brace (}) is expected: the object is not closed',
    ]);
    const garbage = lsp.change(uri, 'rules = nope');
    assert.match(shown(await lsp.diagnosticsFor(uri, garbage))[0], /^1:1-1:6 invalid JSON in config: unexpected character/);
    // Nested past every limit: a problem, not a stack overflow.
    const deep = lsp.change(uri, `{ "levelOrder": ${'['.repeat(50_000)}${']'.repeat(50_000)} }`);
    assert.deepEqual(shown(await lsp.diagnosticsFor(uri, deep)), ['1:528-1:529 the config nests deeper than 512 levels; a config is only a few levels deep']);
    // The server is still there, and still lints a framework.
    const framework = lsp.uri('broken-after.json');
    lsp.open(framework, EXAMPLE_TEXT);
    assert.ok((await lsp.diagnosticsFor(framework, 1)).length > 0);
    const status = await lsp.request<{ documents: number }>('competencyLint/status', {});
    assert.ok(status.documents >= 2);
  });

  it('offers no framework features in a config, and clears its diagnostics when it is closed', async () => {
    const uri = lsp.uri('closing/.competency-lint.json');
    lsp.open(uri, CONFIG);
    assert.equal((await lsp.diagnosticsFor(uri, 1)).length, 2);
    assert.equal(await lsp.request('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 8 } }), null);
    assert.deepEqual(await lsp.request('textDocument/documentSymbol', { textDocument: { uri } }), []);
    const from = lsp.published.length;
    lsp.close(uri);
    assert.deepEqual((await lsp.diagnostics(uri, () => true, from)).diagnostics, []);
  });
});

describe('an open .competency-lint.json (pull, as VS Code asks)', BOUNDED, () => {
  it('answers a pull with the config\'s problems, and a later version with its own', async () => {
    const lsp = await Lsp.start({ pull: true });
    try {
      const uri = lsp.uri('.competency-lint.json');
      lsp.open(uri, CONFIG);
      const first = await lsp.request<{ kind: string; items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
      assert.deepEqual(shown(first.items), [`4:5-4:31 ${UNKNOWN_RULE}`, `7:5-7:20 ${BAD_GLOB}`]);
      lsp.change(uri, '{ "rules": { "scope-outlier": "warning" }, "ignore": ["a*b*c*/x.json"] }');
      const second = await lsp.request<{ kind: string; items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
      assert.deepEqual(shown(second.items), [`1:55-1:70 ${BAD_GLOB}`]);
    } finally {
      await lsp.stop();
    }
  });

  it('leaves the syntax and the schema to a client that checks them itself (VS Code\'s jsonValidation), and sends the rest', async () => {
    const lsp = await Lsp.start({ pull: true, initializationOptions: { clientChecksConfigSchema: true } });
    try {
      const uri = lsp.uri('.competency-lint.json');
      // "loud" is no severity (the schema says so); "scope-outlire" is no rule (only the linter knows).
      lsp.open(uri, '{\n  "rules": { "duplicate-exact": "loud", "scope-outlire": "off" },\n  "maxFileSize": 0\n}\n');
      const report = await lsp.request<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
      assert.deepEqual(shown(report.items), ['2:41-2:63 unknown rule "scope-outlire"; did you mean "scope-outlier"?']);
      lsp.change(uri, '{ "rules": { "schema": "off" ');
      const broken = await lsp.request<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
      assert.deepEqual(broken.items, [], 'the client shows the syntax error itself');
    } finally {
      await lsp.stop();
    }
  });
});

