/**
 * Quick fixes and fix-all over JSON-RPC: every fix the server offers is applied the way an editor
 * applies it, the result is sent back as an edit, and the re-lint must no longer report what was
 * fixed. Fix-all must produce the same text as `competency-lint --fix`.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { EXAMPLE_TEXT, Lsp, SERVER, applyLspEdits } from './harness';

/** A framework with one defect of each fixable kind planted. */
function defective(): string {
  const doc = JSON.parse(EXAMPLE_TEXT);
  const em = doc.framework.levels.emerging.statements;
  em[0] = em[0].replace(' — ', ' - ').replace('check-in and check-out', 'check-in  and  check-out');
  em[1] = em[1].replace(/\.$/, '');
  em[2] = em[2].replace('identify and', 'identify  and');
  const dev = doc.framework.levels.developing.statements;
  dev.push(dev[1]);
  doc.occupation.title = 'Librarian';
  doc.occupation.group = 'Education';
  doc.occupation.jobZone = 4;
  doc.framework.levels.proficient.label = ' Proficient ';
  return JSON.stringify(doc, null, 2) + '\n';
}

const key = (d: Diagnostic) => `${d.code} ${(d.data as { pointer: string }).pointer}`;

describe('quick fixes', () => {
  let lsp: Lsp;
  before(async () => {
    lsp = await Lsp.start();
  });
  after(() => lsp.stop());

  it('offers a fix for each fixable finding, and each one applied is gone on re-lint', async () => {
    const text = defective();
    const probe = lsp.uri('probe.json');
    lsp.open(probe, text);
    const diags = await lsp.diagnosticsFor(probe, 1);
    const fixedCodes = new Set<string>();
    let n = 0;
    for (const d of diags) {
      const actions = await lsp.request('textDocument/codeAction', {
        textDocument: { uri: probe },
        range: d.range,
        context: { diagnostics: [d], only: ['quickfix'] },
      });
      const action = actions.find((a: any) => a.diagnostics?.some((x: Diagnostic) => key(x) === key(d)));
      if (!action) continue;
      assert.equal(action.kind, 'quickfix');
      const change = action.edit.documentChanges[0];
      assert.deepEqual(change.textDocument, { uri: probe, version: 1 });
      const fixed = applyLspEdits(text, change.edits);
      // Each fix is tried on its own copy of the document, as a user would apply it.
      const uri = lsp.uri(`fix-${n++}.json`);
      lsp.open(uri, text);
      await lsp.diagnosticsFor(uri, 1);
      const version = lsp.change(uri, fixed);
      const after = await lsp.diagnosticsFor(uri, version);
      assert.ok(!after.some((x) => key(x) === key(d)), `${key(d)} is still reported after "${action.title}"`);
      assert.ok(!after.some((x) => x.code === 'json-syntax' || x.code === 'schema'), `"${action.title}" broke the document`);
      fixedCodes.add(String(d.code));
    }
    for (const code of ['statement-dash', 'statement-period', 'statement-spacing', 'duplicate-exact', 'occupation-title', 'occupation-group', 'job-zone', 'level-label']) {
      assert.ok(fixedCodes.has(code), `a working quick fix for ${code} (had: ${[...fixedCodes].join(', ')})`);
    }
  });

  it('fix-all applies the safe fixes, and gives the same text as competency-lint --fix', async () => {
    const text = defective();
    const uri = lsp.uri('fixall.json');
    lsp.open(uri, text);
    const before = await lsp.diagnosticsFor(uri, 1);
    const actions = await lsp.request('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.competencyLint'] },
    });
    assert.equal(actions.length, 1);
    assert.equal(actions[0].kind, 'source.fixAll.competencyLint');
    const fixed = applyLspEdits(text, actions[0].edit.documentChanges[0].edits);
    const version = lsp.change(uri, fixed);
    const after = await lsp.diagnosticsFor(uri, version);
    for (const code of ['statement-dash', 'statement-period', 'statement-spacing']) {
      assert.ok(before.some((d) => d.code === code));
      assert.ok(!after.some((d) => d.code === code), `${code} left after fix-all`);
    }
    // The review-only fixes (the duplicate's removal) are not applied by fix-all.
    assert.ok(after.some((d) => d.code === 'duplicate-exact'));
    // The title counts the findings that are gone, not the fixes applied (one spacing fix can mend
    // several findings), and the CLI's summary says the same number.
    const left = after.map(key);
    const mended = before.filter((d) => {
      const i = left.indexOf(key(d));
      if (i >= 0) left.splice(i, 1);
      return i < 0;
    }).length;
    assert.equal(actions[0].title, `Fix all safe competency-lint problems (${mended})`);

    const file = join(lsp.folder, 'cli-fix.json');
    writeFileSync(file, text);
    const r = spawnSync(process.execPath, [SERVER, '--fix', '--format', 'json', file], { encoding: 'utf8' });
    assert.ok(r.status === 0 || r.status === 1, r.stderr);
    assert.equal(fixed, readFileSync(file, 'utf8'));
    writeFileSync(file, text);
    const stylish = spawnSync(process.execPath, [SERVER, '--fix', '--no-color', file], { encoding: 'utf8' });
    assert.match(stylish.stdout, new RegExp(`\\n${mended} problems fixed\\n$`));
  });

  it('fix-all offers nothing for a document that is not strict JSON, which --fix leaves as it is', async () => {
    const text = defective().replace('"jobZoneInferred": false', '"jobZoneInferred": false,');
    const uri = lsp.uri('fixall-broken.json');
    lsp.open(uri, text);
    const diags = await lsp.diagnosticsFor(uri, 1);
    assert.ok(diags.some((d) => d.code === 'json-syntax'));
    const actions = await lsp.request('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    assert.deepEqual(actions, []);
    const file = join(lsp.folder, 'cli-fix-broken.json');
    writeFileSync(file, text);
    const r = spawnSync(process.execPath, [SERVER, '--fix', '--format', 'json', file], { encoding: 'utf8' });
    assert.equal(r.status, 1, r.stderr);
    assert.equal(readFileSync(file, 'utf8'), text);
    // The quick fixes are still there, one by one.
    const dash = diags.find((d) => d.code === 'statement-dash')!;
    const quick = await lsp.request('textDocument/codeAction', { textDocument: { uri }, range: dash.range, context: { diagnostics: [dash], only: ['quickfix'] } });
    assert.ok(quick.some((a: any) => a.title === 'Use " — " between the topic and the statement'));
  });

  it('moves a misplaced statement to the level it reads as, and the finding is gone', async () => {
    const text = readFileSync(join(__dirname, '../corpus/ddat-dev-planted/accessibility.moved-up.json'), 'utf8');
    const uri = lsp.uri('moved-up.json');
    lsp.open(uri, text);
    const diags = await lsp.diagnosticsFor(uri, 1);
    const misplaced = diags.find((d) => d.code === 'scope-misplaced' && (d.data as any).pointer === '/framework/levels/advanced/statements/4');
    assert.ok(misplaced, 'the planted statement is reported');
    const actions = await lsp.request('textDocument/codeAction', { textDocument: { uri }, range: misplaced.range, context: { diagnostics: [misplaced] } });
    const move = actions.find((a: any) => a.title.startsWith('Move this statement to Working'));
    assert.ok(move, `actions: ${actions.map((a: any) => a.title).join('; ')}`);
    assert.equal(move.isPreferred, false);
    const moved = applyLspEdits(text, move.edit.documentChanges[0].edits);
    const statement = JSON.parse(text).framework.levels.advanced.statements[4];
    const levels = JSON.parse(moved).framework.levels;
    assert.ok(!levels.advanced.statements.includes(statement));
    assert.equal(levels.developing.statements[levels.developing.statements.length - 1], statement);
    const version = lsp.change(uri, moved);
    const after = await lsp.diagnosticsFor(uri, version);
    const newPointer = `/framework/levels/developing/statements/${levels.developing.statements.length - 1}`;
    assert.ok(!after.some((d) => String(d.code).startsWith('scope-') && (d.data as any).pointer === newPointer), 'the moved statement reads as where it now sits');
    assert.ok(!after.some((d) => d.code === 'json-syntax' || d.code === 'schema'));
  });

  it('adds a statement on a topic to each level it skips, a placeholder that keeps the gap reported', async () => {
    const uri = lsp.uri('topic-gap.json');
    lsp.open(uri, EXAMPLE_TEXT);
    const diags = await lsp.diagnosticsFor(uri, 1);
    const gap = diags.find((d) => d.code === 'topic-gap' && /"Circulation procedures"/.test(String(d.message)));
    assert.ok(gap, 'the example reports the topic that stops at Developing');
    const actions = await lsp.request('textDocument/codeAction', { textDocument: { uri }, range: gap.range, context: { diagnostics: [gap], only: ['quickfix'] } });
    const add = actions.filter((a: any) => a.title.startsWith('Add a statement on "Circulation procedures"'));
    assert.deepEqual(add.map((a: any) => a.title), ['Add a statement on "Circulation procedures" to Proficient', 'Add a statement on "Circulation procedures" to Advanced']);
    const added = applyLspEdits(EXAMPLE_TEXT, add[0].edit.documentChanges[0].edits);
    assert.equal(JSON.parse(added).framework.levels.proficient.statements.at(-1), 'Circulation procedures — to be written.');
    const version = lsp.change(uri, added);
    const after = await lsp.diagnosticsFor(uri, version);
    assert.ok(after.some((d) => d.code === 'topic-gap' && /"Circulation procedures"/.test(String(d.message))), 'the placeholder fills no gap');
    assert.ok(!after.some((d) => d.code === 'json-syntax' || d.code === 'schema'));
  });

  it('returns no actions for a document that is closed or unknown', async () => {
    const actions = await lsp.request('textDocument/codeAction', {
      textDocument: { uri: lsp.uri('never-opened.json') },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [] },
    });
    assert.deepEqual(actions, []);
  });
});
