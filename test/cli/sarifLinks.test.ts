/**
 * SARIF results link to their related locations from the message (`[text](id)`): GitHub code
 * scanning shows a related location only where the message links to it, so without the links a
 * reviewer there never sees the other copy of a duplicate.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EXAMPLE_TEXT } from '../helpers';
import { cli } from './helpers';

/** The example with a developing statement repeated at proficient, under labels that hold brackets. */
function framework(): string {
  const doc = JSON.parse(EXAMPLE_TEXT);
  const levels = doc.framework.levels;
  levels.developing.label = 'Developing [2]';
  levels.proficient.label = 'Proficient [3]';
  levels.proficient.statements.push(levels.developing.statements[1]);
  return JSON.stringify(doc, null, 2);
}

/** The message with its embedded links taken out, and the links' ids in order. */
function links(text: string): { rest: string; ids: number[] } {
  const ids: number[] = [];
  const rest = text.replace(/\[((?:\\.|[^\\\]])*)\]\((\d+)\)/g, (_, _t, id) => {
    ids.push(Number(id));
    return '';
  });
  return { rest, ids };
}

test('each related location is linked from its result\'s message, and brackets of the text are escaped', () => {
  const run = cli(['--no-config-lookup', '--format', 'sarif', '--stdin', '--stdin-filename', 'f.json'], { input: framework() });
  const results = JSON.parse(run.stdout).runs[0].results as { ruleId: string; message: { text: string }; relatedLocations?: { id: number; message: { text: string } }[] }[];
  const related = results.filter((r) => r.relatedLocations?.length);
  assert.ok(related.some((r) => r.ruleId === 'duplicate-exact'), 'the duplicate has its other copy');
  for (const r of related) {
    const { rest, ids } = links(r.message.text);
    assert.deepEqual(ids, r.relatedLocations!.map((l) => l.id), r.message.text);
    // Outside the links no bracket is left unescaped, so no text of the document reads as a link.
    assert.doesNotMatch(rest.replace(/\\[[\]]/g, ''), /[[\]]/, r.message.text);
  }
  const dup = related.find((r) => r.ruleId === 'duplicate-exact')!;
  assert.match(dup.message.text, /^Same statement as Developing \\\[2\\\] #2/);
  assert.match(dup.message.text, /See: \[The same statement at Developing \\\[2\\\] #2 \(this is Proficient \\\[3\\\] #\d+\)\]\(1\)\.$/);
  // A finding without related locations keeps its message as it is.
  for (const r of results.filter((x) => !x.relatedLocations)) assert.doesNotMatch(r.message.text, /See: \[/);
});
