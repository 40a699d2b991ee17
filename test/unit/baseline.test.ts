/**
 * The baseline's record: counted per file, rule and place, read back as written, and safe for any
 * statement text or path, "constructor" and "__proto__" included.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyse } from '../../server/src/core/service';
import { entriesOf, parseBaseline, serialiseBaseline, withoutKnown } from '../../server/src/core/baseline';
import { exampleWith } from '../helpers';

const doc = (extra: string[]) =>
  exampleWith((d) => {
    d.framework.levels.developing.statements.push(...extra);
  });

test('two copies of one statement are two findings of one place; a third copy is new', () => {
  const copy = 'constructor';
  const recorded = analyse(doc([copy, copy]));
  const entries = entriesOf(recorded.findings, recorded.model);
  assert.equal(entries['duplicate-exact']?.[`developing: ${copy}`], 1, 'the second copy is the one duplicate, recorded by level and text');
  const again = analyse(doc([copy, copy, copy]));
  const split = withoutKnown(again.findings, again.model, entries);
  assert.deepEqual(split.kept.filter((f) => f.ruleId === 'duplicate-exact').length, 1);
  assert.equal(split.unused, 0);
});

test('a baseline reads back as it was written, whatever its keys', () => {
  const files = JSON.parse('{"__proto__": {"schema": {"/occupation": 2}}, "a.json": {"duplicate-exact": {"constructor": 1}}}');
  const text = serialiseBaseline({ files });
  const back = parseBaseline(text);
  assert.deepEqual(Object.keys(back.files), ['__proto__', 'a.json']);
  assert.equal(back.files['__proto__']['schema']['/occupation'], 2);
  assert.equal(({} as Record<string, unknown>).schema, undefined, 'no prototype was changed');
  assert.equal(serialiseBaseline(back), text);
});

test('a baseline with anything else than counts is refused at its place', () => {
  const text = '{"competency-lint-baseline": 1, "files": {"a.json": {"schema": {"/x": "1"}}}}';
  assert.throws(() => parseBaseline(text), (err: { detail: string; offset: number }) => err.detail === 'a count must be a whole number, 1 or more' && text.slice(err.offset).startsWith('"1"'));
});

test('a statement recorded with a list marker and no final period is still known once --fix mends them', () => {
  const recorded = analyse(doc(['1. Reference desk — answer routine questions', '1. Reference desk — answer routine questions']));
  const entries = entriesOf(recorded.findings, recorded.model);
  assert.ok(entries['duplicate-exact'], 'the copy is recorded');
  const mended = analyse(doc(['Reference desk — answer routine questions.', 'Reference desk — answer routine questions.']));
  const split = withoutKnown(mended.findings, mended.model, entries);
  assert.deepEqual(split.kept.filter((f) => f.ruleId === 'duplicate-exact'), []);
});

test('a baseline saved with a byte order mark (as Windows editors save UTF-8) reads as without it', () => {
  const text = serialiseBaseline({ files: { 'a.json': { schema: { '/occupation': 1 } } } });
  assert.deepEqual(parseBaseline('\uFEFF' + text), parseBaseline(text));
});

test('a baseline that is not JSON is refused in words, where it breaks; one nested thousands deep too, without a stack overflow', () => {
  const cut = '{"competency-lint-baseline": 1, "files": {}';
  assert.throws(() => parseBaseline(cut), (err: { detail: string; offset: number }) => err.detail === 'not JSON: a closing brace (}) is expected: the object is not closed' && err.offset === cut.length);
  const deep = `{"competency-lint-baseline": 1, "files": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
  assert.throws(() => parseBaseline(deep), (err: { detail: string; offset: number }) => /^not a baseline: it nests deeper than \d+ levels/.test(err.detail) && err.offset > 0);
});

test('a statement moved to another level is checked afresh; moved within its level, it is still known', () => {
  const outlier = 'Reference service — set the strategic direction of reference services organization-wide.';
  const at = (level: 'emerging' | 'developing', first: boolean) =>
    exampleWith((d) => {
      const list: string[] = d.framework.levels[level].statements;
      if (first) list.unshift(outlier);
      else list.push(outlier);
    });
  const recorded = analyse(at('emerging', false));
  const entries = entriesOf(recorded.findings, recorded.model);
  const onIt = (r: typeof recorded) => r.findings.filter((f) => r.model.statements.find((s) => s.pointer === f.pointer)?.text === outlier);
  assert.ok(onIt(recorded).length > 0, 'the strategic statement at Emerging has findings');
  const moved = analyse(at('emerging', true));
  assert.deepEqual(withoutKnown(onIt(moved), moved.model, entries).kept, [], 'first in its level instead of last: still known');
  const elsewhere = analyse(at('developing', false));
  const split = withoutKnown(onIt(elsewhere), elsewhere.model, entries);
  assert.equal(split.known, 0, 'at Developing, nothing recorded at Emerging hides its findings');
});
