/**
 * The process-wide word table (server/src/core/analysis/words.ts) is bounded: a hostile document,
 * or a server that sees every framework of a large catalogue, cannot grow it without end. Once it
 * is full, new words get no id and the analysis takes its general path with the same results. Its
 * own file, so that filling the table leaves the other tests' processes alone.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NO_WORD, wordCount, wordId } from '../../server/src/core/analysis/words';
import { analyse } from '../../server/src/core/service';
import { spawnSync } from 'node:child_process';
import { exampleWith } from '../helpers';

const MAX_WORDS = 1 << 17;

test('the word table stops at its bound, and a full table changes no finding', () => {
  const text = exampleWith((d) => {
    d.framework.levels.emerging.statements.push('Zebrafish husbandry — feed the zebrafish colonies under close supervision.');
  });
  const before = analyse(text).findings;
  const known = wordId('library', 0, 7);
  // Letters only: numbers are words too, but a run of letters is what a document is made of.
  const word = (n: number) => n.toString(26).replace(/./g, (c) => String.fromCharCode(97 + parseInt(c, 26))) + 'q';
  for (let n = 0; wordCount() < MAX_WORDS; n++) {
    const w = word(n);
    assert.notEqual(wordId(w, 0, w.length), NO_WORD, `word ${n} fits`);
  }
  assert.equal(wordCount(), MAX_WORDS);
  const extra = word(10_000_000);
  assert.equal(wordId(extra, 0, extra.length), NO_WORD, 'a new word once the table is full');
  assert.equal(wordCount(), MAX_WORDS);
  assert.equal(wordId('LIBRARY', 0, 7), known, 'words already in keep their ids');
  assert.deepEqual(analyse(text).findings, before);
  // Words the table has never seen take the general path; a fresh process, whose table has room,
  // gives the findings to compare with.
  const fresh = exampleWith((d) => {
    d.framework.levels.emerging.statements.push('Quokkaology — survey the quokkaology archives under close supervision.');
    d.framework.levels.advanced.statements.push('Quokkaology — survey the quokkaology archives under close supervision.');
  });
  const script = `const { analyse } = require(${JSON.stringify(require.resolve('../../server/src/core/service'))});
    process.stdout.write(JSON.stringify(analyse(require('node:fs').readFileSync(0, 'utf8')).findings));`;
  const child = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { input: fresh, encoding: 'utf8' });
  assert.equal(child.status, 0, child.stderr);
  const expected = JSON.parse(child.stdout);
  assert.ok(expected.some((f: { ruleId: string }) => f.ruleId === 'duplicate-exact'), 'the new words make findings');
  assert.deepEqual(JSON.parse(JSON.stringify(analyse(fresh).findings)), expected);
});
