/**
 * Diagnostics over a real JSON-RPC connection: what a framework author sees in Problems. Each carries
 * the rule id as its code, a link to the rule's page and related locations; severities follow the
 * config and the settings; JSON that is not a framework gets nothing at all.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { EXAMPLE_TEXT, Lsp, ROOT } from './harness';

/** The example pretty-printed, with a duplicate, a hyphen for a dash and a wrong job zone planted. */
export function plantedExample(): string {
  const doc = JSON.parse(EXAMPLE_TEXT);
  const dev = doc.framework.levels.developing.statements;
  dev.push(dev[1]);
  doc.framework.levels.emerging.statements[0] = doc.framework.levels.emerging.statements[0].replace(' — ', ' - ');
  doc.occupation.jobZone = 4;
  return JSON.stringify(doc, null, 2) + '\n';
}

describe('diagnostics (push)', () => {
  let lsp: Lsp;
  before(async () => {
    lsp = await Lsp.start();
  });
  after(() => lsp.stop());

  it('publishes findings with source, rule code, a link to the rule page and related locations', async () => {
    const uri = lsp.uri('planted.json');
    const text = plantedExample();
    lsp.open(uri, text);
    const diags = await lsp.diagnosticsFor(uri, 1);
    for (const d of diags) {
      assert.equal(d.source, 'competency-lint');
      assert.equal(typeof d.code, 'string');
      assert.match(d.codeDescription!.href, new RegExp(`/docs/rules/${d.code}\\.md$`));
    }
    const dup = diags.find((d) => d.code === 'duplicate-exact');
    assert.ok(dup, `a duplicate-exact diagnostic among ${diags.map((d) => d.code).join(', ')}`);
    // The copy is the last statement of developing; its related location is the first copy.
    const lines = text.split('\n');
    assert.ok(lines[dup.range.start.line].includes('Patron reference interviews'));
    assert.equal(dup.relatedInformation?.length, 1);
    const rel = dup.relatedInformation![0];
    assert.equal(rel.location.uri, uri);
    assert.ok(rel.location.range.start.line < dup.range.start.line);
    assert.ok(lines[rel.location.range.start.line].includes('Patron reference interviews'));

    const dash = diags.find((d) => d.code === 'statement-dash');
    assert.ok(dash);
    assert.equal(dash.severity, 2);
    assert.ok(lines[dash.range.start.line].includes('Circulation procedures - execute'));
    const zone = diags.find((d) => d.code === 'job-zone');
    assert.ok(zone);
    assert.equal(lines[zone.range.start.line].trim(), '"jobZone": 4,');
    assert.equal(zone.range.start.character, lines[zone.range.start.line].indexOf('4'));
  });

  it('gives nothing for JSON that is not a framework, and nothing when it is closed', async () => {
    const other = lsp.uri('package.json');
    lsp.open(other, '{ "name": "x", "levels": { "a": 1 }, "version": "1.0.0" }\n');
    // A framework opened after it is answered; by then the other document would have been too.
    const fw = lsp.uri('after-other.json');
    lsp.open(fw, EXAMPLE_TEXT);
    await lsp.diagnosticsFor(fw, 1);
    const hover = await lsp.request('textDocument/hover', { textDocument: { uri: other }, position: { line: 0, character: 4 } });
    const symbols = await lsp.request('textDocument/documentSymbol', { textDocument: { uri: other } });
    assert.equal(hover, null);
    assert.deepEqual(symbols, []);
    assert.deepEqual(lsp.publishesFor(other), []);
  });

  it('keeps a framework broken mid-typing a framework: the syntax error shows, as the CLI shows it', async () => {
    const uri = lsp.uri('broken-typing.json');
    const text = JSON.stringify(JSON.parse(EXAMPLE_TEXT), null, 2) + '\n';
    lsp.open(uri, text);
    assert.ok((await lsp.diagnosticsFor(uri, 1)).length > 0);
    // A brace typed before "framework" hides "levels" from the framework sniff.
    const broken = text.replace('"framework"', '{"framework"');
    const at = text.split('\n').findIndex((l) => l.includes('"framework"'));
    const column = text.split('\n')[at].indexOf('"framework"');
    const version = lsp.edit(uri, { start: { line: at, character: column }, end: { line: at, character: column } }, '{');
    const diags = await lsp.diagnosticsFor(uri, version);
    assert.ok(diags.some((d) => d.code === 'json-syntax'), `a syntax error among ${diags.map((d) => d.code).join(', ')}`);
    const cli = spawnSync(process.execPath, [join(ROOT, 'dist/cli.js'), '--no-config-lookup', '--stdin', '--format', 'json'], { input: broken, encoding: 'utf8' });
    assert.equal(diags.length, JSON.parse(cli.stdout)[0].messages.length);
    // Closed and opened again, it is judged afresh.
    lsp.close(uri);
    const other = lsp.uri('broken-opened.json');
    lsp.open(other, broken);
    const symbols = await lsp.request('textDocument/documentSymbol', { textDocument: { uri: other } });
    assert.deepEqual(symbols, [], 'a broken text opened fresh does not read as a framework');
  });

  it('clears a framework’s diagnostics when it is closed', async () => {
    const uri = lsp.uri('closing.json');
    lsp.open(uri, plantedExample());
    const first = await lsp.diagnosticsFor(uri, 1);
    assert.ok(first.length > 0);
    const from = lsp.published.length;
    lsp.close(uri);
    const cleared = await lsp.diagnostics(uri, () => true, from);
    assert.deepEqual(cleared.diagnostics, []);
  });

  it('takes severities from .competency-lint.json, and the settings over it', async () => {
    mkdirSync(join(lsp.folder, 'strict'), { recursive: true });
    writeFileSync(join(lsp.folder, 'strict', '.competency-lint.json'), '{ "rules": { "statement-dash": "error", "job-zone": "off" } }');
    const uri = lsp.uri('strict/planted.json');
    lsp.open(uri, plantedExample());
    const diags = await lsp.diagnosticsFor(uri, 1);
    assert.equal(diags.find((d) => d.code === 'statement-dash')?.severity, 1);
    assert.equal(diags.find((d) => d.code === 'job-zone'), undefined);
  });
});

describe('settings', () => {
  it('competencyLint.rules overrides severities and competencyLint.files selects JSON that does not look like a framework', async () => {
    const lsp = await Lsp.start({ settings: { rules: { 'duplicate-exact': 'error', 'statement-dash': 'off' }, files: ['exports/**/*.json'] } });
    try {
      const uri = lsp.uri('planted.json');
      lsp.open(uri, plantedExample());
      const diags = await lsp.diagnosticsFor(uri, 1);
      assert.equal(diags.find((d) => d.code === 'duplicate-exact')?.severity, 1);
      assert.equal(diags.find((d) => d.code === 'statement-dash'), undefined);

      // Selected by the glob although it has no framework.levels: the schema rule explains what is missing.
      const selected = lsp.uri('exports/draft.json');
      lsp.open(selected, '{ "schemaVersion": "1.0" }\n');
      const got = await lsp.diagnosticsFor(selected, 1);
      assert.ok(got.length > 0);
      assert.ok(got.some((d) => d.code === 'schema'));

      // Taking the glob out lets it go, though it is open: only what reads as a framework stays one.
      const from = lsp.published.length;
      lsp.settings = { ...lsp.settings, files: [] };
      lsp.notify('workspace/didChangeConfiguration', { settings: {} });
      const cleared = await lsp.diagnostics(selected, () => true, from);
      assert.deepEqual(cleared.diagnostics, []);
    } finally {
      await lsp.stop();
    }
  });

  it('competencyLint.rules turns the large-file notice off or re-grades it, as the config\'s rules do', async () => {
    const folder = realpathSync(mkdtempSync(join(tmpdir(), 'cl-large-')));
    // The example is above this limit: the notice, and the cheap rules only.
    writeFileSync(join(folder, '.competency-lint.json'), '{ "maxFileSize": 1000 }');
    const notice = async (rules: Record<string, string>) => {
      const lsp = await Lsp.start({ folder, settings: { rules } });
      try {
        const uri = lsp.uri('big.json');
        lsp.open(uri, plantedExample());
        const diags = await lsp.diagnosticsFor(uri, 1);
        assert.ok(diags.some((d) => d.code === 'duplicate-exact'), 'the cheap rules still report');
        assert.ok(!lsp.shownMessages.some((m) => /competencyLint\.rules/.test(m.message)), 'the setting is accepted');
        return diags.filter((d) => d.code === 'large-file').map((d) => d.severity);
      } finally {
        await lsp.stop();
      }
    };
    try {
      assert.deepEqual(await notice({}), [3]);
      assert.deepEqual(await notice({ 'large-file': 'off' }), []);
      assert.deepEqual(await notice({ 'large-file': 'warning' }), [2]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('a competencyLint.rules entry the config file would refuse is left out with a warning, once, and the others apply', async () => {
    const rules = {
      'duplicate-exact': 'error',
      'statement-dassh': 'off',
      'statement-dash': ['off', { strict: true }],
      'scope-outlier': ['off', { minDistance: 'far' }],
    };
    const lsp = await Lsp.start({ settings: { rules } });
    try {
      const uri = lsp.uri('planted.json');
      lsp.open(uri, plantedExample());
      const diags = await lsp.diagnosticsFor(uri, 1);
      assert.equal(diags.find((d) => d.code === 'duplicate-exact')?.severity, 1, 'the valid entry applies');
      // The entries with a typo would have turned these off; left out, the rules run as configured.
      assert.ok(diags.some((d) => d.code === 'statement-dash'));
      assert.ok(diags.some((d) => d.code === 'scope-outlier'));
      // A second document asks for its settings too: the user is not told again.
      const other = lsp.uri('other.json');
      lsp.open(other, plantedExample());
      await lsp.diagnosticsFor(other, 1);
      assert.deepEqual(
        lsp.shownMessages.map((m) => [m.type, m.message]),
        [
          [2, 'The setting competencyLint.rules: unknown rule "statement-dassh"; did you mean "statement-dash"? That entry is ignored; the others apply.'],
          [2, 'The setting competencyLint.rules: rule "statement-dash" has no option "strict" (it has no options). That entry is ignored; the others apply.'],
          [2, 'The setting competencyLint.rules: rule "scope-outlier": option "minDistance" must be a number. That entry is ignored; the others apply.'],
        ],
      );
    } finally {
      await lsp.stop();
    }
  });

  it('competencyLint.enable false silences the server', async () => {
    const lsp = await Lsp.start({ settings: { enable: false } });
    try {
      const off = lsp.uri('planted.json');
      lsp.open(off, plantedExample());
      const sym = await lsp.request('textDocument/documentSymbol', { textDocument: { uri: off } });
      assert.deepEqual(sym, []);
      // Turning it on (a configuration change) lints the open document.
      lsp.settings = { ...lsp.settings, enable: true };
      lsp.notify('workspace/didChangeConfiguration', { settings: {} });
      const diags = await lsp.diagnostics(off, (p) => p.diagnostics.length > 0);
      assert.ok(diags.diagnostics.some((d) => d.code === 'duplicate-exact'));
      assert.deepEqual(lsp.publishesFor(off).slice(0, -1), []);
    } finally {
      await lsp.stop();
    }
  });
});
