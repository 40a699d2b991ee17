/**
 * `.competency-lint.json` is watched: when one changes, the documents under it are linted again with
 * it, and documents elsewhere are left alone. A broken config says where it is broken.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { EXAMPLE_TEXT, Lsp } from './harness';

function withHyphen(): string {
  const doc = JSON.parse(EXAMPLE_TEXT);
  doc.framework.levels.emerging.statements[0] = doc.framework.levels.emerging.statements[0].replace(' — ', ' - ');
  return JSON.stringify(doc, null, 2) + '\n';
}

describe('config file changes (push)', () => {
  let lsp: Lsp;
  before(async () => {
    lsp = await Lsp.start();
  });
  after(() => lsp.stop());

  it('asks the client to watch config files', async () => {
    await lsp.until(() => lsp.registrations.length > 0, 'a registration');
    const reg = lsp.registrations.find((r: any) => r.method === 'workspace/didChangeWatchedFiles') as any;
    assert.ok(reg);
    assert.deepEqual(reg.registerOptions.watchers.map((w: any) => w.globPattern), ['**/.competency-lint.json']);
  });

  it('revalidates only the documents under a changed config', async () => {
    mkdirSync(join(lsp.folder, 'a'));
    mkdirSync(join(lsp.folder, 'b'));
    const a = lsp.uri('a/f.json');
    const b = lsp.uri('b/f.json');
    lsp.open(a, withHyphen());
    lsp.open(b, withHyphen());
    assert.ok((await lsp.diagnosticsFor(a, 1)).some((d) => d.code === 'statement-dash'));
    assert.ok((await lsp.diagnosticsFor(b, 1)).some((d) => d.code === 'statement-dash'));
    const bBefore = lsp.publishesFor(b).length;

    const config = join(lsp.folder, 'a', '.competency-lint.json');
    writeFileSync(config, '{ "rules": { "statement-dash": "off" } }\n');
    const from = lsp.published.length;
    lsp.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(config).toString(), type: 1 }] });
    const again = await lsp.diagnostics(a, () => true, from);
    assert.equal(again.version, 1);
    assert.ok(!again.diagnostics.some((d) => d.code === 'statement-dash'));
    // The revalidation is published in one batch; a round trip later, b has still not been republished.
    await lsp.request('textDocument/hover', { textDocument: { uri: b }, position: { line: 0, character: 0 } });
    assert.equal(lsp.publishesFor(b).length, bBefore);

    // Changing it back brings the finding back.
    writeFileSync(config, '{ "rules": { "statement-dash": "error" } }\n');
    const from2 = lsp.published.length;
    lsp.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(config).toString(), type: 2 }] });
    const third = await lsp.diagnostics(a, () => true, from2);
    assert.equal(third.diagnostics.find((d) => d.code === 'statement-dash')?.severity, 1);
  });

  // Bounded: a document the change is not applied to gets no publish, and the test would wait for ever.
  it('revalidates a document in a folder whose name starts with ".." (inside the config\'s folder)', { timeout: 20_000 }, async () => {
    mkdirSync(join(lsp.folder, 'dots', '..old'), { recursive: true });
    const uri = lsp.uri('dots/..old/f.json');
    lsp.open(uri, withHyphen());
    assert.ok((await lsp.diagnosticsFor(uri, 1)).some((d) => d.code === 'statement-dash'));
    const config = join(lsp.folder, 'dots', '.competency-lint.json');
    writeFileSync(config, '{ "rules": { "statement-dash": "off" } }\n');
    const from = lsp.published.length;
    lsp.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(config).toString(), type: 1 }] });
    const again = await lsp.diagnostics(uri, () => true, from);
    assert.ok(!again.diagnostics.some((d) => d.code === 'statement-dash'));
  });

  it('reports a broken config on the documents it governs, with its position', async () => {
    mkdirSync(join(lsp.folder, 'c'));
    const config = join(lsp.folder, 'c', '.competency-lint.json');
    writeFileSync(config, '{ "rules": { "no-such-rule": "off" } }\n');
    const c = lsp.uri('c/f.json');
    lsp.open(c, withHyphen());
    const diags = await lsp.diagnosticsFor(c, 1);
    assert.equal(diags.length, 1);
    assert.equal(diags[0].code, 'config');
    assert.match(String(diags[0].message), /c\/\.competency-lint\.json is broken at 1:14: unknown rule "no-such-rule"/);
    assert.equal(diags[0].relatedInformation?.[0].location.uri, pathToFileURL(config).toString());
  });
});

describe('config file changes (pull)', () => {
  it('asks the client to pull again, and a document whose result did not change answers "unchanged"', async () => {
    const lsp = await Lsp.start({ pull: true });
    try {
      assert.ok(lsp.initializeResult.capabilities.diagnosticProvider);
      mkdirSync(join(lsp.folder, 'a'));
      const a = lsp.uri('a/f.json');
      const other = lsp.uri('other.json');
      lsp.open(a, withHyphen());
      lsp.open(other, withHyphen());
      const first = await lsp.request('textDocument/diagnostic', { textDocument: { uri: a } });
      assert.equal(first.kind, 'full');
      assert.ok(first.items.some((d: any) => d.code === 'statement-dash'));
      const otherFirst = await lsp.request('textDocument/diagnostic', { textDocument: { uri: other } });
      assert.deepEqual(lsp.published, [], 'no push diagnostics in pull mode');

      const config = join(lsp.folder, 'a', '.competency-lint.json');
      writeFileSync(config, '{ "rules": { "statement-dash": "off" } }\n');
      lsp.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(config).toString(), type: 1 }] });
      await lsp.until(() => lsp.refreshes > 0, 'a diagnostic refresh');
      const second = await lsp.request('textDocument/diagnostic', { textDocument: { uri: a }, previousResultId: first.resultId });
      assert.equal(second.kind, 'full');
      assert.ok(!second.items.some((d: any) => d.code === 'statement-dash'));
      const otherSecond = await lsp.request('textDocument/diagnostic', { textDocument: { uri: other }, previousResultId: otherFirst.resultId });
      assert.deepEqual(otherSecond, { kind: 'unchanged', resultId: otherFirst.resultId });
    } finally {
      await lsp.stop();
    }
  });
});

describe('config file changes, for a client that watches no files', () => {
  let lsp: Lsp;
  before(async () => {
    lsp = await Lsp.start({ watchFiles: false });
  });
  after(() => lsp.stop());

  it('reads a config created, changed or removed on disk when a document is next analysed', async () => {
    const uri = lsp.uri('f.json');
    lsp.open(uri, withHyphen());
    assert.ok((await lsp.diagnosticsFor(uri, 1)).some((d) => d.code === 'statement-dash'));
    assert.equal(lsp.registrations.length, 0);

    // Created after the first look, when "no config here" was what the server had seen.
    const config = join(lsp.folder, '.competency-lint.json');
    writeFileSync(config, '{ "rules": { "statement-dash": "off"  } }\n');
    lsp.change(uri, withHyphen());
    assert.ok(!(await lsp.diagnosticsFor(uri, 2)).some((d) => d.code === 'statement-dash'));

    // Rewritten to the same length: a change all the same.
    writeFileSync(config, '{ "rules": { "statement-dash": "info" } }\n');
    lsp.change(uri, withHyphen());
    assert.equal((await lsp.diagnosticsFor(uri, 3)).find((d) => d.code === 'statement-dash')?.severity, 3);

    rmSync(config);
    lsp.change(uri, withHyphen());
    assert.equal((await lsp.diagnosticsFor(uri, 4)).find((d) => d.code === 'statement-dash')?.severity, 2);
  });

  it('reads a config again when the client saves it, and analyses the documents under it at once', async () => {
    mkdirSync(join(lsp.folder, 'saved'));
    const uri = lsp.uri('saved/f.json');
    lsp.open(uri, withHyphen());
    assert.ok((await lsp.diagnosticsFor(uri, 1)).some((d) => d.code === 'statement-dash'));
    const config = join(lsp.folder, 'saved', '.competency-lint.json');
    writeFileSync(config, '{}\n');
    const again = await saveConfigTurningDashOff(lsp, config, uri);
    assert.equal(again.version, 1, 'the framework itself did not change');
    assert.ok(!again.diagnostics.some((d) => d.code === 'statement-dash'));
  });
});

/**
 * The editor opens the config (on disk as it is), changes it to turn statement-dash off, writes it
 * and says it saved it; the framework `uri` is not touched. Resolves with its next publish.
 */
async function saveConfigTurningDashOff(lsp: Lsp, config: string, uri: string) {
  const configUri = pathToFileURL(config).toString();
  lsp.open(configUri, '{}\n');
  const text = '{ "rules": { "statement-dash": "off" } }\n';
  lsp.change(configUri, text);
  writeFileSync(config, text);
  const from = lsp.published.length;
  lsp.notify('textDocument/didSave', { textDocument: { uri: configUri } });
  return lsp.diagnostics(uri, () => true, from);
}

describe('a config above the workspace folder, which the client does not watch', () => {
  it('is read again when the client saves it', async () => {
    const top = realpathSync(mkdtempSync(join(tmpdir(), 'cl-above-')));
    const folder = join(top, 'ws');
    mkdirSync(folder);
    const lsp = await Lsp.start({ folder });
    try {
      const config = join(top, '.competency-lint.json');
      writeFileSync(config, '{}\n');
      const uri = lsp.uri('f.json');
      lsp.open(uri, withHyphen());
      assert.ok((await lsp.diagnosticsFor(uri, 1)).some((d) => d.code === 'statement-dash'));
      assert.ok(!(await saveConfigTurningDashOff(lsp, config, uri)).diagnostics.some((d) => d.code === 'statement-dash'));
    } finally {
      await lsp.stop();
      rmSync(top, { recursive: true, force: true });
    }
  });
});
