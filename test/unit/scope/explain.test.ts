import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyse } from '../../../server/src/core/service';
import { explain, explainAt } from '../../../server/src/core/explain';
import { EXAMPLE_TEXT } from '../../helpers';

test('explain lists every level in order with its statements, evidence and a summary', () => {
  const result = analyse(EXAMPLE_TEXT);
  const x = explain(result);
  assert.deepEqual(x.levels.map((l) => l.key), ['emerging', 'developing', 'proficient', 'advanced']);
  assert.deepEqual(x.levels.map((l) => l.statements.length), [10, 10, 10, 10]);
  // The four levels read in increasing order.
  const readings = x.levels.map((l) => l.reading as number);
  assert.ok(readings.every((r, i) => i === 0 || r > readings[i - 1]), `readings ${readings.join(', ')}`);
  assert.match(x.levels[1].summary, /broader than the level below \(Emerging\)/);
  const s = x.levels[1].statements[2];
  assert.equal(s.pointer, '/framework/levels/developing/statements/2');
  const independently = s.evidence.find((e) => e.phrase === 'independently');
  assert.ok(independently);
  assert.equal(independently.reading, 'independent');
  assert.equal(independently.axis, 'autonomy');
  // The evidence range points at the phrase in the document.
  assert.equal(EXAMPLE_TEXT.slice(independently.range!.start, independently.range!.end), 'independently');
  assert.ok(x.threads.some((t) => t.name === 'Information literacy concepts' && t.levels.length === 4));
});

test('explainAt gives one statement, for hovers; undefined for a pointer that is not a statement', () => {
  const result = analyse(EXAMPLE_TEXT);
  const s = explainAt(result, '/framework/levels/emerging/statements/1');
  assert.ok(s);
  assert.equal(s.readsAs, 'Emerging');
  assert.ok(s.evidence.some((e) => e.text === "'under close supervisory review' (closely supervised)"));
  assert.equal(explainAt(result, '/occupation'), undefined);
});

test('a document that is not a framework explains to nothing', () => {
  assert.deepEqual(explain(analyse('{"a": 1}')), { levels: [], threads: [] });
});
