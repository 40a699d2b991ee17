/**
 * Lint Workspace: every framework under the workspace folders is linted into Problems, found the
 * way the CLI finds files (frameworks by content, `ignore` globs honoured, node_modules skipped).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { EXAMPLE_TEXT, Lsp } from './harness';

/** one.json on disk: the example with a statement repeated, which duplicate-exact reports. */
function writeWithDuplicate(lsp: Lsp): string {
  const dup = JSON.parse(EXAMPLE_TEXT);
  dup.framework.levels.developing.statements.push(dup.framework.levels.developing.statements[1]);
  const text = JSON.stringify(dup, null, 2);
  writeFileSync(join(lsp.folder, 'one.json'), text);
  return text;
}

const hasDuplicate = (p: { diagnostics: { code?: unknown }[] }) => p.diagnostics.some((d) => d.code === 'duplicate-exact');

describe('lint workspace', () => {
  it('is offered as a command and publishes the findings of every framework in the folder', async () => {
    const lsp = await Lsp.start();
    try {
      assert.deepEqual(lsp.initializeResult.capabilities.executeCommandProvider.commands, ['competencyLint.lintWorkspace']);
      const dup = JSON.parse(EXAMPLE_TEXT);
      dup.framework.levels.developing.statements.push(dup.framework.levels.developing.statements[1]);
      const f = lsp.folder;
      mkdirSync(join(f, 'sub'));
      mkdirSync(join(f, 'node_modules', 'pkg'), { recursive: true });
      mkdirSync(join(f, 'drafts'));
      writeFileSync(join(f, 'one.json'), JSON.stringify(dup, null, 2));
      writeFileSync(join(f, 'sub', 'two.json'), EXAMPLE_TEXT);
      writeFileSync(join(f, 'package.json'), '{ "name": "not-a-framework" }');
      writeFileSync(join(f, 'node_modules', 'pkg', 'copy.json'), EXAMPLE_TEXT);
      writeFileSync(join(f, 'drafts', 'draft.json'), EXAMPLE_TEXT);
      writeFileSync(join(f, '.competency-lint.json'), '{ "ignore": ["drafts/**"] }');

      const summary = await lsp.request('workspace/executeCommand', { command: 'competencyLint.lintWorkspace', arguments: [] });
      assert.equal(summary.files, 2);
      const uris = new Set(lsp.published.map((p) => p.uri));
      assert.deepEqual([...uris].sort(), [lsp.uri('one.json'), lsp.uri('sub/two.json')].sort());
      const one = lsp.publishesFor(lsp.uri('one.json'))[0];
      assert.ok(one.diagnostics.some((d) => d.code === 'duplicate-exact'));
      assert.equal(summary.findings, lsp.published.reduce((n, p) => n + p.diagnostics.length, 0));
    } finally {
      await lsp.stop();
    }
  });

  it('asks to hear of JSON files changed on disk, and follows them: a file deleted leaves Problems, a file rewritten is linted again, a framework created is linted', { timeout: 20_000 }, async () => {
    const lsp = await Lsp.start();
    try {
      writeWithDuplicate(lsp);
      writeFileSync(join(lsp.folder, 'two.json'), EXAMPLE_TEXT);
      assert.ok(!JSON.stringify(lsp.registrations).includes('**/*.json'), 'no watcher before Lint Workspace has run');
      await lsp.request('workspace/executeCommand', { command: 'competencyLint.lintWorkspace', arguments: [] });
      await lsp.until(() => JSON.stringify(lsp.registrations).includes('"**/*.json"'), 'the JSON watcher');
      const one = lsp.uri('one.json');
      const two = lsp.uri('two.json');
      assert.ok(hasDuplicate(lsp.publishesFor(one)[0]));
      assert.ok(!hasDuplicate(lsp.publishesFor(two)[0]));

      // one.json deleted (FileChangeType 3), two.json rewritten with a duplicate (2), both on disk.
      rmSync(join(lsp.folder, 'one.json'));
      const dup = JSON.parse(EXAMPLE_TEXT);
      dup.framework.levels.advanced.statements.push(dup.framework.levels.advanced.statements[0]);
      writeFileSync(join(lsp.folder, 'two.json'), JSON.stringify(dup, null, 2));
      const before = lsp.published.length;
      lsp.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: one, type: 3 }, { uri: two, type: 2 }] });
      await lsp.diagnostics(one, (p) => p.diagnostics.length === 0, before);
      await lsp.diagnostics(two, hasDuplicate, before);

      // Files created after the run (1): a framework is linted; a package.json and a framework
      // under node_modules publish nothing. The changes are handled in order, so once three.json's
      // findings are in, the two before it have had their turn.
      mkdirSync(join(lsp.folder, 'node_modules', 'pkg'), { recursive: true });
      writeFileSync(join(lsp.folder, 'node_modules', 'pkg', 'copy.json'), JSON.stringify(dup));
      writeFileSync(join(lsp.folder, 'package.json'), '{ "name": "not-a-framework" }');
      writeFileSync(join(lsp.folder, 'three.json'), JSON.stringify(dup, null, 2));
      const created = ['node_modules/pkg/copy.json', 'package.json', 'three.json'].map((name) => lsp.uri(name));
      const beforeCreate = lsp.published.length;
      lsp.notify('workspace/didChangeWatchedFiles', { changes: created.map((uri) => ({ uri, type: 1 })) });
      await lsp.diagnostics(created[2], hasDuplicate, beforeCreate);
      assert.deepEqual(lsp.published.slice(beforeCreate).map((p) => p.uri), [created[2]]);
    } finally {
      await lsp.stop();
    }
  });

  it('follows a file on disk whatever the client\'s spelling of its URI: VS Code percent-encodes "(" and ")"', { timeout: 20_000 }, async () => {
    const lsp = await Lsp.start();
    try {
      mkdirSync(join(lsp.folder, 'exports (2024)'));
      const path = join(lsp.folder, 'exports (2024)', 'one.json');
      const dup = JSON.parse(EXAMPLE_TEXT);
      dup.framework.levels.developing.statements.push(dup.framework.levels.developing.statements[1]);
      writeFileSync(path, JSON.stringify(dup, null, 2));
      await lsp.request('workspace/executeCommand', { command: 'competencyLint.lintWorkspace', arguments: [] });
      const published = pathToFileURL(path).toString();
      assert.ok(hasDuplicate(lsp.publishesFor(published)[0]));
      // The watcher's event as VS Code sends it: file:///…/exports%20%282024%29/one.json.
      const vscodeUri = 'file://' + path.split('/').map((part) => encodeURIComponent(part).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)).join('/');
      assert.notEqual(vscodeUri, published, 'the two spellings differ');
      rmSync(path);
      const before = lsp.published.length;
      lsp.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: vscodeUri, type: 3 }] });
      await lsp.diagnostics(published, (p) => p.diagnostics.length === 0, before);
    } finally {
      await lsp.stop();
    }
  });

  it('a linted file opened, edited and closed unsaved goes back to its findings on disk instead of leaving Problems', async () => {
    const lsp = await Lsp.start();
    try {
      writeWithDuplicate(lsp);
      await lsp.request('workspace/executeCommand', { command: 'competencyLint.lintWorkspace', arguments: [] });
      const uri = lsp.uri('one.json');
      assert.ok(hasDuplicate(lsp.publishesFor(uri)[0]));
      // In the editor the duplicate is removed but not saved: the open document's findings show.
      const opened = lsp.published.length;
      lsp.open(uri, EXAMPLE_TEXT);
      assert.ok(!hasDuplicate(await lsp.diagnostics(uri, (p) => p.version === 1, opened)));
      // Closed without saving: the file on disk still has the duplicate, and Problems says so again.
      const closed = lsp.published.length;
      lsp.close(uri);
      assert.ok(hasDuplicate(await lsp.diagnostics(uri, () => true, closed)));
    } finally {
      await lsp.stop();
    }
  });

  it('a file open during the run shows its findings on disk once it is closed, like the rest of the workspace', async () => {
    const lsp = await Lsp.start();
    try {
      writeWithDuplicate(lsp);
      const uri = lsp.uri('one.json');
      // Open with the duplicate removed, unsaved, while Lint Workspace runs.
      const opened = lsp.published.length;
      lsp.open(uri, EXAMPLE_TEXT);
      assert.ok(!hasDuplicate(await lsp.diagnostics(uri, (p) => p.version === 1, opened)));
      await lsp.request('workspace/executeCommand', { command: 'competencyLint.lintWorkspace', arguments: [] });
      const closed = lsp.published.length;
      lsp.close(uri);
      assert.ok(hasDuplicate(await lsp.diagnostics(uri, () => true, closed)));
    } finally {
      await lsp.stop();
    }
  });

  // Bounded: without the withdrawal no publish comes, and the test would wait for ever.
  it('with pull diagnostics, opening a file Lint Workspace pushed withdraws the pushed copy, and closing it brings it back', { timeout: 20_000 }, async () => {
    const lsp = await Lsp.start({ pull: true });
    try {
      const onDisk = writeWithDuplicate(lsp);
      const uri = lsp.uri('one.json');
      await lsp.request('workspace/executeCommand', { command: 'competencyLint.lintWorkspace', arguments: [] });
      assert.ok(lsp.publishesFor(uri)[0].diagnostics.length > 0);
      // Opened, the document's findings come by pull; the pushed ones must not stay beside them.
      const opened = lsp.published.length;
      lsp.open(uri, onDisk);
      assert.deepEqual((await lsp.diagnostics(uri, () => true, opened)).diagnostics, []);
      const closed = lsp.published.length;
      lsp.close(uri);
      assert.ok((await lsp.diagnostics(uri, () => true, closed)).diagnostics.length > 0);
    } finally {
      await lsp.stop();
    }
  });
});

describe('lint workspace, for a file a config selects by its `files` glob', () => {
  it('keeps its findings from disk after it is opened and closed, as for a framework', async () => {
    const lsp = await Lsp.start();
    try {
      // Not a framework by its content: only the config's `files` glob makes it one of ours.
      mkdirSync(join(lsp.folder, 'exports'));
      writeFileSync(join(lsp.folder, '.competency-lint.json'), '{ "files": ["exports/*.json"] }');
      const text = '{ "schemaVersion": "1.0" }';
      writeFileSync(join(lsp.folder, 'exports', 'draft.json'), text);
      const uri = lsp.uri('exports/draft.json');
      const summary = await lsp.request('workspace/executeCommand', { command: 'competencyLint.lintWorkspace', arguments: [] });
      assert.equal(summary.files, 1);
      const onDisk = lsp.publishesFor(uri)[0].diagnostics;
      assert.ok(onDisk.length > 0, 'Lint Workspace reports on the selected file');
      const opened = lsp.published.length;
      lsp.open(uri, text);
      await lsp.diagnostics(uri, (p) => p.version === 1, opened);
      const closed = lsp.published.length;
      lsp.close(uri);
      const after = await lsp.diagnostics(uri, () => true, closed);
      assert.deepEqual(after.diagnostics, onDisk, 'closed, it shows its findings on disk again');
    } finally {
      await lsp.stop();
    }
  });
});

describe('the server\'s log', () => {
  it('says which version started and how it follows configs, once initialised', async () => {
    const { version } = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8'));
    for (const watchFiles of [true, false]) {
      const lsp = await Lsp.start({ watchFiles });
      try {
        await lsp.until(() => lsp.logged.some((m) => m.message.includes('started')), 'the start line');
        const line = lsp.logged.find((m) => m.message.includes('started'))!;
        assert.equal(line.type, 3, 'an info message');
        assert.match(line.message, new RegExp(`^competency-lint ${version.replace(/\./g, '\\.')} \\(Node v\\d+`));
        assert.match(line.message, watchFiles ? /files watched/ : /read again when saved/);
      } finally {
        await lsp.stop();
      }
    }
  });
});

describe('lint workspace racing the editor', () => {
  // Bounded: a missing answer must fail, not hang.
  it('a file opened while the run is under way keeps its live diagnostics: its findings on disk are not pushed beside them', { timeout: 20_000 }, async () => {
    const lsp = await Lsp.start({ pull: true });
    try {
      const onDisk = writeWithDuplicate(lsp);
      const uri = lsp.uri('one.json');
      // The open is sent right behind the command: the server reads it while the run waits for the
      // folder's settings, after the run has noted which documents were open.
      const run = lsp.request('workspace/executeCommand', { command: 'competencyLint.lintWorkspace', arguments: [] });
      lsp.open(uri, onDisk);
      await run;
      const pulled = await lsp.request('textDocument/diagnostic', { textDocument: { uri } });
      assert.ok(pulled.items.some((d: { code?: unknown }) => d.code === 'duplicate-exact'), 'the open document has its own findings');
      const pushed = lsp.publishesFor(uri);
      assert.deepEqual(pushed.map((p) => p.diagnostics.length), [], 'nothing was pushed for the open document');
      // Closed, it goes back to its findings on disk, as a file open during the run does.
      const closed = lsp.published.length;
      lsp.close(uri);
      assert.ok(hasDuplicate(await lsp.diagnostics(uri, () => true, closed)));
    } finally {
      await lsp.stop();
    }
  });
});

describe('lint workspace, a file closed and opened again at once', () => {
  it('keeps the reopened document free of its findings on disk (an editor reloading a tab)', { timeout: 20_000 }, async () => {
    const lsp = await Lsp.start({ pull: true });
    try {
      const onDisk = writeWithDuplicate(lsp);
      const uri = lsp.uri('one.json');
      await lsp.request('workspace/executeCommand', { command: 'competencyLint.lintWorkspace', arguments: [] });
      lsp.open(uri, onDisk);
      await lsp.request('textDocument/diagnostic', { textDocument: { uri } });
      // Closing asks for the file's settings before it publishes its findings on disk again; the
      // document is open again before the answer comes.
      lsp.close(uri);
      lsp.open(uri, onDisk);
      // This pull waits for the same settings, after the close's handler has gone on.
      await lsp.request('textDocument/diagnostic', { textDocument: { uri } });
      const last = lsp.publishesFor(uri).at(-1)!;
      assert.deepEqual(last.diagnostics, [], 'what is pushed last for the open document is empty');
      // Closed for good, the findings on disk come back.
      const closed = lsp.published.length;
      lsp.close(uri);
      assert.ok(hasDuplicate(await lsp.diagnostics(uri, () => true, closed)));
    } finally {
      await lsp.stop();
    }
  });
});

describe('lint workspace, a workspace folder removed', () => {
  it('takes the findings on disk of the folder\'s files out of Problems, and keeps the other folder\'s', { timeout: 20_000 }, async () => {
    const lsp = await Lsp.start();
    const other = realpathSync(mkdtempSync(join(tmpdir(), 'cl-lsp-other-')));
    try {
      writeWithDuplicate(lsp);
      writeFileSync(join(other, 'two.json'), readFileSync(join(lsp.folder, 'one.json'), 'utf8'));
      const otherUri = pathToFileURL(other).toString();
      lsp.notify('workspace/didChangeWorkspaceFolders', { event: { added: [{ uri: otherUri, name: 'other' }], removed: [] } });
      const summary = await lsp.request('workspace/executeCommand', { command: 'competencyLint.lintWorkspace', arguments: [] });
      assert.equal(summary.files, 2);
      const two = pathToFileURL(join(other, 'two.json')).toString();
      assert.ok(hasDuplicate(lsp.publishesFor(two)[0]));
      const removed = lsp.published.length;
      lsp.notify('workspace/didChangeWorkspaceFolders', { event: { added: [], removed: [{ uri: otherUri, name: 'other' }] } });
      // Withdrawn as the removal is handled: before the answer to a request sent after it.
      await lsp.request('competencyLint/status', {});
      const after = lsp.published.slice(removed).filter((p) => p.uri === two);
      assert.deepEqual(after.map((p) => p.diagnostics), [[]], 'the removed folder\'s file leaves Problems');
      // The folder that stays keeps its findings.
      assert.ok(!lsp.published.slice(removed).some((p) => p.uri === lsp.uri('one.json')));
    } finally {
      await lsp.stop();
      rmSync(other, { recursive: true, force: true });
    }
  });
});

describe('workspace folders changed', () => {
  it('analyses open documents again, so that a folder\'s `files` glob selects them at once', { timeout: 20_000 }, async () => {
    const other = realpathSync(mkdtempSync(join(tmpdir(), 'cl-lsp-glob-')));
    // A JSON file that does not look like a framework, selected only by a glob relative to a folder.
    const lsp = await Lsp.start({ settings: { files: ['*.data.json'] } });
    try {
      const doc = JSON.parse(EXAMPLE_TEXT);
      const text = JSON.stringify({ ...doc, framework: { ...doc.framework, levels: undefined, tiers: doc.framework.levels } }, null, 2);
      const uri = pathToFileURL(join(other, 'catalogue.data.json')).toString();
      writeFileSync(join(other, 'catalogue.data.json'), text);
      lsp.open(uri, text);
      // Outside every folder, the glob selects nothing: the server says nothing about it.
      await lsp.request('competencyLint/status', {});
      assert.deepEqual(lsp.publishesFor(uri), []);
      const from = lsp.published.length;
      lsp.notify('workspace/didChangeWorkspaceFolders', { event: { added: [{ uri: pathToFileURL(other).toString(), name: 'other' }], removed: [] } });
      // Now the glob selects it, and it is linted without waiting for an edit.
      // Bounded, so that a server that never publishes fails the test instead of holding it open.
      const never = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('nothing published within 10 s of the folder change')), 10_000).unref());
      const published = await Promise.race([lsp.diagnostics(uri, (p) => p.diagnostics.length > 0, from), never]);
      assert.ok(published.diagnostics.some((d) => d.code === 'schema'), 'linted as a framework: its "tiers" is not "levels"');
    } finally {
      await lsp.stop();
      rmSync(other, { recursive: true, force: true });
    }
  });
});
