/**
 * The tables the core keeps from one analysis to the next (the word table, the stem and topic memos)
 * must keep no document alive. V8 makes a slice of 13 or more characters a view of the string it
 * came from, and a statement's text is a slice of its document: a table that kept such a slice as
 * its key would keep every version of every document an editor ever sent.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { analyse } from '../../server/src/core/service';
import { exampleWith } from '../helpers';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function heapMB(): number {
  for (let i = 0; i < 3; i++) gc();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

/**
 * A framework of 300 000 characters or more whose topics and some words (outside ASCII, so not
 * interned) appear in no other. With an em dash it is two bytes a character; with a hyphen, one.
 */
function documentNumber(n: number, separator: string): string {
  const text = exampleWith((d) => {
    for (const level of Object.values<any>(d.framework.levels)) {
      level.statements = level.statements.map((s: string, i: number) => {
        const [, body] = s.split(' — ');
        return body ? `Topic ${n} number ${i} of a long name${separator}${body} with réorganisation${n}x${i}` : s;
      });
    }
    d.notes = 'x'.repeat(300_000);
  });
  // A fresh string, as an editor's every version is.
  return JSON.parse(JSON.stringify(text)) as string;
}

for (const [separator, kind] of [[' — ', 'two bytes'], [' - ', 'one byte']]) {
  test(`analysing many documents keeps none of them alive in the tables kept between analyses (${kind} a character)`, () => {
    analyse(documentNumber(0, separator));
    const before = heapMB();
    const count = 30;
    for (let n = 1; n <= count; n++) analyse(documentNumber(n, separator));
    const grown = heapMB() - before;
    // Each document is 0.3 to 0.6 MB; keeping them would grow the heap by 9 to 18 MB. What the
    // tables keep of them (topics, stems) is far less.
    assert.ok(grown < 4, `the heap grew by ${grown.toFixed(1)} MB over ${count} documents`);
  });
}
