/**
 * The "Suppress … in .competency-lint.json" quick fix over JSON-RPC: the edit goes into the config
 * the CLI reads too, keeps what the user wrote there, and once applied the finding is gone from the
 * editor and from the CLI alike; with no config, a new one is created where the client can.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { EXAMPLE_TEXT, Lsp, SERVER, applyLspEdits } from './harness';

// The example reads one Developing statement as Proficient ('independently'): an information finding with no fix.
const OUTLIER = '/framework/levels/developing/statements/2';
/** A scope finding's entry names its statement by level and text, so that it follows the statement when others move. */
const OUTLIER_TEXT: string = JSON.parse(EXAMPLE_TEXT).framework.levels.developing.statements[2];
/** The entry the quick fix writes for the outlier, for a config beside `file`. */
const outlierEntry = (file: string) => ({ file, pointer: '/framework/levels/developing', statement: OUTLIER_TEXT, rule: 'scope-outlier' });
const pointerOf = (d: Diagnostic) => (d.data as { pointer: string }).pointer;
const isOutlier = (d: Diagnostic) => d.code === 'scope-outlier' && pointerOf(d) === OUTLIER;

async function suppressionFor(lsp: Lsp, uri: string, d: Diagnostic): Promise<CodeAction | undefined> {
  const actions = await lsp.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d], only: ['quickfix'] } });
  return actions.find((a) => a.title.startsWith(`Suppress ${d.code} `));
}

function cliFindings(cwd: string, file: string): { ruleId: string; pointer: string }[] {
  const r = spawnSync(process.execPath, [SERVER, '--format', 'json', file], { cwd, encoding: 'utf8' });
  return JSON.parse(r.stdout)[0].messages;
}

describe('suppress a finding from the editor', () => {
  it('adds the entry to the nearest config, keeping its comments, and the finding leaves the editor and the CLI', async () => {
    const lsp = await Lsp.start();
    try {
      mkdirSync(join(lsp.folder, 'exports'));
      const configPath = join(lsp.folder, '.competency-lint.json');
      const config = '{\n    // Our house rules.\n    "rules": { "level-balance": "off" }\n}\n';
      writeFileSync(configPath, config);
      writeFileSync(join(lsp.folder, 'exports', 'librarians [draft].json'), EXAMPLE_TEXT);
      const uri = lsp.uri('exports/librarians [draft].json');
      lsp.open(uri, EXAMPLE_TEXT);
      const diags = await lsp.diagnosticsFor(uri, 1);
      const outlier = diags.find(isOutlier);
      assert.ok(outlier, 'the example has the outlier');

      const action = await suppressionFor(lsp, uri, outlier);
      assert.ok(action, 'a suppression is offered');
      assert.equal(action.title, 'Suppress scope-outlier for this statement in .competency-lint.json');
      assert.equal(action.isPreferred, false);
      const change = (action.edit!.documentChanges as { textDocument: { uri: string; version: number | null }; edits: never[] }[])[0];
      assert.deepEqual(change.textDocument, { uri: pathToFileURL(configPath).toString(), version: null });
      const written = applyLspEdits(config, change.edits);
      assert.ok(written.startsWith('{\n    // Our house rules.\n    "rules": { "level-balance": "off" },\n    "suppressions": ['), written);
      writeFileSync(configPath, written);

      const from = lsp.published.length;
      lsp.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(configPath).toString(), type: 2 }] });
      const after = (await lsp.diagnostics(uri, () => true, from)).diagnostics;
      assert.ok(!after.some(isOutlier), 'the finding is suppressed in the editor');
      assert.equal(after.length, diags.length - 1, 'and nothing else is');
      // The file name's brackets are escaped in the glob, so it selects this file only.
      const cli = cliFindings(lsp.folder, 'exports/librarians [draft].json');
      assert.ok(!cli.some((m) => m.ruleId === 'scope-outlier' && m.pointer === OUTLIER), 'the CLI reads the same suppression');
      assert.equal(cli.length, after.length);
      writeFileSync(join(lsp.folder, 'exports', 'librarians d.json'), EXAMPLE_TEXT);
      assert.ok(cliFindings(lsp.folder, 'exports/librarians d.json').some((m) => m.ruleId === 'scope-outlier'), 'another file keeps its finding');
      // A config's globs match at any depth; the entry still selects this file only.
      mkdirSync(join(lsp.folder, 'old', 'exports'), { recursive: true });
      writeFileSync(join(lsp.folder, 'old', 'exports', 'librarians [draft].json'), EXAMPLE_TEXT);
      assert.ok(cliFindings(lsp.folder, 'old/exports/librarians [draft].json').some((m) => m.ruleId === 'scope-outlier'), 'a file of the same name deeper down keeps its finding');
    } finally {
      await lsp.stop();
    }
  });

  it('creates a config at the workspace root when none applies and the client can create files', async () => {
    const lsp = await Lsp.start({ createFiles: true });
    try {
      mkdirSync(join(lsp.folder, 'exports'));
      writeFileSync(join(lsp.folder, 'exports', 'f.json'), EXAMPLE_TEXT);
      const uri = lsp.uri('exports/f.json');
      lsp.open(uri, EXAMPLE_TEXT);
      const outlier = (await lsp.diagnosticsFor(uri, 1)).find(isOutlier)!;
      const action = await suppressionFor(lsp, uri, outlier);
      assert.equal(action?.title, 'Suppress scope-outlier for this statement in a new .competency-lint.json');
      const [create, insert] = action!.edit!.documentChanges as [{ kind: string; uri: string; options: unknown }, { edits: never[] }];
      const configPath = join(lsp.folder, '.competency-lint.json');
      assert.deepEqual(create, { kind: 'create', uri: pathToFileURL(configPath).toString(), options: { overwrite: false, ignoreIfExists: false } });
      writeFileSync(configPath, applyLspEdits('', insert.edits));
      assert.deepEqual(JSON.parse(readFileSync(configPath, 'utf8')), { suppressions: [outlierEntry('./exports/f.json')] });
      const from = lsp.published.length;
      lsp.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(configPath).toString(), type: 1 }] });
      assert.ok(!(await lsp.diagnostics(uri, () => true, from)).diagnostics.some(isOutlier));
    } finally {
      await lsp.stop();
    }
  });

  it('creates no config over a dangling link a repository left in its place', async () => {
    const lsp = await Lsp.start({ createFiles: true });
    try {
      // The link points out of the workspace; an editor's create would follow it and write there.
      const outside = join(lsp.folder, '..', `outside-${process.pid}-${Date.now()}.json`);
      symlinkSync(outside, join(lsp.folder, '.competency-lint.json'));
      writeFileSync(join(lsp.folder, 'f.json'), EXAMPLE_TEXT);
      const uri = lsp.uri('f.json');
      lsp.open(uri, EXAMPLE_TEXT);
      const outlier = (await lsp.diagnosticsFor(uri, 1)).find(isOutlier)!;
      assert.equal(await suppressionFor(lsp, uri, outlier), undefined);
      assert.ok(!existsSync(outside));
    } finally {
      await lsp.stop();
    }
  });

  it('offers nothing it cannot write, and nothing for a syntax error', async () => {
    const lsp = await Lsp.start();
    try {
      const uri = lsp.uri('f.json');
      lsp.open(uri, EXAMPLE_TEXT);
      const outlier = (await lsp.diagnosticsFor(uri, 1)).find(isOutlier)!;
      assert.equal(await suppressionFor(lsp, uri, outlier), undefined, 'no config, and the client cannot create one');
      writeFileSync(join(lsp.folder, '.competency-lint.json'), '{}\n');
      const broken = lsp.uri('broken.json');
      lsp.open(broken, EXAMPLE_TEXT.trimEnd().slice(0, -1));
      const syntax = (await lsp.diagnosticsFor(broken, 1)).find((d) => d.code === 'json-syntax');
      assert.ok(syntax);
      assert.equal(await suppressionFor(lsp, broken, syntax), undefined);
    } finally {
      await lsp.stop();
    }
  });

  it('edits the text of a config open with unsaved changes, found whatever the client’s spelling of its URI', async () => {
    const lsp = await Lsp.start();
    try {
      const dir = join(lsp.folder, 'my proj (v2)');
      mkdirSync(dir);
      const configPath = join(dir, '.competency-lint.json');
      writeFileSync(configPath, '{}\n');
      writeFileSync(join(dir, 'f.json'), EXAMPLE_TEXT);
      // VS Code percent-encodes parentheses, which Node's pathToFileURL leaves as they are.
      const configUri = pathToFileURL(configPath).toString().replace(/\(/g, '%28').replace(/\)/g, '%29');
      const unsaved = '{\n  "rules": { "level-balance": "off" }\n  // still being written\n}\n';
      lsp.open(configUri, '{}\n');
      lsp.change(configUri, unsaved);
      const uri = pathToFileURL(join(dir, 'f.json')).toString();
      lsp.open(uri, EXAMPLE_TEXT);
      const outlier = (await lsp.diagnosticsFor(uri, 1)).find(isOutlier)!;
      const action = await suppressionFor(lsp, uri, outlier);
      const change = (action!.edit!.documentChanges as { textDocument: { uri: string; version: number | null }; edits: never[] }[])[0];
      assert.deepEqual(change.textDocument, { uri: configUri, version: 2 }, 'the open document, at the version the edit was made for');
      const written = applyLspEdits(unsaved, change.edits);
      assert.deepEqual(JSON.parse(written.replace('// still being written', '')).suppressions, [outlierEntry('./f.json')]);
      assert.ok(written.includes('// still being written'));
    } finally {
      await lsp.stop();
    }
  });

  it('names a level or its label in the title, not a pointer', async () => {
    const lsp = await Lsp.start();
    try {
      writeFileSync(join(lsp.folder, '.competency-lint.json'), '{}\n');
      // Keys that are no vocabulary, so level-order reads the labels, and Emerging written second.
      const doc = JSON.parse(EXAMPLE_TEXT);
      const [emerging, developing, ...rest] = Object.values(doc.framework.levels);
      doc.framework.levels = Object.fromEntries([developing, emerging, ...rest].map((l, i) => [['alpha', 'bravo', 'charlie', 'delta'][i], l]));
      const text = JSON.stringify(doc, null, 2);
      const uri = lsp.uri('f.json');
      lsp.open(uri, text);
      const order = (await lsp.diagnosticsFor(uri, 1)).find((d) => d.code === 'level-order')!;
      assert.equal(pointerOf(order), '/framework/levels/bravo/label');
      assert.equal((await suppressionFor(lsp, uri, order))?.title, "Suppress level-order for this level's label in .competency-lint.json");
    } finally {
      await lsp.stop();
    }
  });

  it('offers no suppression for a finding about the whole document, which would hide every finding of its rule there', async () => {
    const lsp = await Lsp.start();
    try {
      writeFileSync(join(lsp.folder, '.competency-lint.json'), '{}\n');
      const doc = JSON.parse(EXAMPLE_TEXT);
      delete doc.exportedAt;
      const uri = lsp.uri('f.json');
      lsp.open(uri, JSON.stringify(doc, null, 2));
      const diags = await lsp.diagnosticsFor(uri, 1);
      const whole = diags.find((d) => d.code === 'schema' && pointerOf(d) === '');
      assert.ok(whole, `a schema finding at the root: ${diags.map((d) => `${d.code} ${pointerOf(d)}`).join(', ')}`);
      assert.equal(await suppressionFor(lsp, uri, whole), undefined);
      assert.ok(await suppressionFor(lsp, uri, diags.find(isOutlier)!), 'a finding about one statement still has it');
    } finally {
      await lsp.stop();
    }
  });

  it('names a statement by its text only for rules that judge its words, and never a text without words', async () => {
    const lsp = await Lsp.start();
    try {
      writeFileSync(join(lsp.folder, '.competency-lint.json'), '{}\n');
      const doc = JSON.parse(EXAMPLE_TEXT);
      const dev: string[] = doc.framework.levels.developing.statements;
      dev.push(dev[0]); // a duplicate: judged by its place (the later copy), not its words
      doc.framework.levels.advanced.statements.push('  '); // no words: an entry by text would name every blank statement
      const uri = lsp.uri('f.json');
      lsp.open(uri, JSON.stringify(doc, null, 2));
      const diags = await lsp.diagnosticsFor(uri, 1);
      const entryOf = async (d: Diagnostic) => {
        const a = await suppressionFor(lsp, uri, d);
        assert.ok(a, `a suppression for ${d.code} at ${pointerOf(d)}`);
        const change = (a.edit!.documentChanges as { textDocument: { uri: string; version: number | null }; edits: never[] }[])[0];
        return JSON.parse(applyLspEdits('{}\n', change.edits)).suppressions[0] as Record<string, string>;
      };
      const dup = diags.find((d) => d.code === 'duplicate-exact')!;
      assert.deepEqual(await entryOf(dup), { file: './f.json', pointer: pointerOf(dup), rule: 'duplicate-exact' });
      const blank = diags.find((d) => pointerOf(d) === `/framework/levels/advanced/statements/${doc.framework.levels.advanced.statements.length - 1}`)!;
      assert.ok(blank, 'the blank statement has a finding');
      assert.deepEqual(await entryOf(blank), { file: './f.json', pointer: pointerOf(blank), rule: String(blank.code) });
      assert.deepEqual(await entryOf(diags.find(isOutlier)!), outlierEntry('./f.json'));
    } finally {
      await lsp.stop();
    }
  });
});
