/**
 * Large inputs: above `maxFileSize` (1 MB by default, see DEFAULT_MAX_FILE_SIZE for the measured
 * reason) only the cheap rules run and one information finding says so, in words that name the
 * limit; below it everything runs. Result lists are capped and say so: completions are marked
 * incomplete (the editor asks again as the user types), the outline ends with a "more not shown"
 * entry (tested over the server in test/lsp/abuse.test.ts).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyse, DEFAULT_MAX_FILE_SIZE, sizeInWords } from '../../server/src/core/service';
import { utf8Length } from '../../server/src/core/limits';
import { complete } from '../../server/src/core/features/completion';
import { EXAMPLE_TEXT, config } from '../helpers';
import type { RuleSetting } from '../../server/src/core/config/types';

/** The example grown with numbered copies of its statements until it passes `bytes` (as UTF-8). */
function grown(bytes: number): string {
  const doc = JSON.parse(EXAMPLE_TEXT);
  const levels = Object.values<any>(doc.framework.levels);
  const base = levels.map((l) => [...l.statements]);
  let size = Buffer.byteLength(EXAMPLE_TEXT);
  for (let i = 0; size < bytes; i++) {
    const l = i % levels.length;
    const s = `${base[l][i % base[l].length]} (${i})`;
    levels[l].statements.push(s);
    size += Buffer.byteLength(s) + 12;
  }
  return JSON.stringify(doc, null, 2);
}

const COSTLY = ['duplicate-near', 'scope-outlier', 'scope-misplaced', 'topic-gap', 'level-progression', 'thread-regression', 'statement-topic'];

test('just above the default limit: the cheap rules only, and one information finding that says so', () => {
  const text = grown(DEFAULT_MAX_FILE_SIZE + 10_000);
  assert.ok(text.length > DEFAULT_MAX_FILE_SIZE);
  const result = analyse(text);
  assert.equal(result.limited, true);
  const notes = result.findings.filter((f) => f.ruleId === 'large-file');
  assert.equal(notes.length, 1);
  assert.equal(notes[0].severity, 'info');
  assert.deepEqual(notes[0].range, { start: 0, end: 0 });
  assert.equal(notes[0].message, 'This document is larger than 1 MB, so only the cheap checks ran (syntax, encoding, schema, metadata, exact duplicates). Raise "maxFileSize" in .competency-lint.json to analyse it fully.');
  assert.deepEqual(result.findings.filter((f) => COSTLY.includes(f.ruleId)), []);
});

test('just below the default limit, or with the limit raised: the full analysis (no notice)', () => {
  // No rules are run here (the full analysis of a megabyte takes seconds); whether a document is
  // limited, and the notice, depend on its size and the config alone.
  const below = analyse(grown(DEFAULT_MAX_FILE_SIZE - 20_000), { rules: [] });
  assert.equal(below.limited, false);
  assert.deepEqual(below.findings, []);
  const above = grown(DEFAULT_MAX_FILE_SIZE + 10_000);
  assert.equal(analyse(above, { rules: [] }).findings.length, 1, 'the notice alone');
  const raised = analyse(above, { rules: [], config: config({ maxFileSize: 2 * DEFAULT_MAX_FILE_SIZE }) });
  assert.equal(raised.limited, false);
  assert.deepEqual(raised.findings, []);
  // Below the limit the costly rules do run: the example with a near copy of a statement.
  const s = JSON.parse(EXAMPLE_TEXT).framework.levels.emerging.statements[0] as string;
  const near = EXAMPLE_TEXT.replace(JSON.stringify(s), `${JSON.stringify(s)}, ${JSON.stringify(s.replace(/\.$/, '') + ' daily.')}`);
  assert.ok(analyse(near).findings.some((f) => f.ruleId === 'duplicate-near'));
});

test('the notice is turned off, or given another severity, under its id in rules, as a rule is', () => {
  const small = { maxFileSize: 1000 };
  const notice = (ruleSettings?: Record<string, RuleSetting>) => analyse(EXAMPLE_TEXT, { rules: [], config: config({ ...small, ruleSettings }) }).findings.filter((f) => f.ruleId === 'large-file');
  assert.equal(notice()[0].severity, 'info');
  assert.deepEqual(notice({ 'large-file': 'off' }), []);
  assert.equal(notice({ 'large-file': 'warning' })[0].severity, 'warning');
  assert.equal(notice({ 'large-file': ['error'] })[0].severity, 'error');
  // Off, the document is still limited: only the notice goes.
  assert.equal(analyse(EXAMPLE_TEXT, { rules: [], config: config({ ...small, ruleSettings: { 'large-file': 'off' } }) }).limited, true);
});

test('the notice names a configured limit in words a reader can use', () => {
  const result = analyse(EXAMPLE_TEXT, { config: config({ maxFileSize: 1000 }) });
  assert.match(result.findings.find((f) => f.ruleId === 'large-file')!.message, /^This document is larger than 1,000 bytes,/);
  assert.equal(sizeInWords(200 * 1024), '200 KB');
  assert.equal(sizeInWords(1.5 * 1024 * 1024), '1.5 MB');
});

test('maxFileSize counts bytes of UTF-8, as the file has on disk, not characters', () => {
  // Accented letters are 2 bytes each in UTF-8 and one character in a string.
  const text = EXAMPLE_TEXT.replace(/e/g, 'é');
  const bytes = Buffer.byteLength(text, 'utf8');
  assert.ok(bytes > text.length + 300, 'the text has letters outside ASCII');
  assert.equal(utf8Length(text), bytes);
  for (const text of ['', 'a', 'é', '—', '😀', '\ud83d', '\ude00x', 'a\ud83d\ude00b\ud800']) assert.equal(utf8Length(text), Buffer.byteLength(text, 'utf8'), JSON.stringify(text));
  // Between its length in characters and its size in bytes, the limit now leaves it to the cheap rules.
  for (const [max, limited] of [[bytes - 1, true], [bytes, false], [text.length, true], [Math.ceil(text.length / 3) - 1, true], [3 * text.length, false]] as const) {
    assert.equal(analyse(text, { config: config({ maxFileSize: max }), rules: [] }).limited, limited, `maxFileSize ${max}`);
  }
});

test('completions are capped and marked incomplete when more would match', () => {
  // An empty SOC code matches every O*NET occupation; the list stops and says there is more.
  const text = EXAMPLE_TEXT.replace(/"soc":\s*"[^"]*"/, '"soc": ""');
  const result = analyse(text);
  const offset = text.indexOf('"soc": ""') + '"soc": "'.length;
  const list = complete(result, offset);
  assert.equal(list.isIncomplete, true);
  assert.ok(list.items.length > 0 && list.items.length <= 100, `${list.items.length} items`);
  const narrowed = complete(analyse(text.replace('"soc": ""', '"soc": "25-4022"')), offset + '25-4022'.length);
  assert.equal(narrowed.isIncomplete, false);
  assert.ok(narrowed.items.some((i) => /25-4022\.00/.test(String(i.label))));
});
