import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseTree, type ParseError } from 'jsonc-parser';
import { strictTree } from '../../server/src/core/parse/strictTree';
import { parseDocument, scanStrictness, MAX_NESTING_DEPTH } from '../../server/src/core/parse/parse';
import { ALL_CASES } from '../fuzz/cases';
import { EXAMPLE_TEXT } from '../helpers';

/** jsonc-parser's tree and its errors, which the faster builder must reproduce or refuse. */
function reference(text: string): { root: ReturnType<typeof parseTree>; errors: ParseError[] } {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true });
  return { root, errors };
}

test('the strict tree is jsonc-parser\'s tree, node for node, whenever it builds one', () => {
  let built = 0;
  fc.assert(
    fc.property(ALL_CASES, (text) => {
      const fast = strictTree(text, MAX_NESTING_DEPTH);
      if (fast === undefined) return;
      built++;
      const { root, errors } = reference(text);
      // Only text jsonc-parser reads without a single error may take the fast path, and only text in
      // which the strictness scan finds nothing, since parseDocument skips that scan after it.
      assert.deepEqual(errors, []);
      assert.deepEqual(fast, root);
      const problems: unknown[] = [];
      assert.equal(scanStrictness(text, problems as never), undefined);
      assert.deepEqual(problems, []);
    }),
    { numRuns: 3000, seed: 1128 },
  );
  // The mutated documents are mostly still JSON; a builder that refused everything would save nothing.
  assert.ok(built > 300, `built only ${built} trees`);
});

test('any JSON value written by JSON.stringify takes the fast path and gives jsonc-parser\'s tree', () => {
  fc.assert(
    fc.property(fc.jsonValue({ maxDepth: 6 }), fc.constantFrom(undefined, 2, '\t'), (value, indent) => {
      const text = JSON.stringify(value, null, indent);
      const fast = strictTree(text, MAX_NESTING_DEPTH);
      assert.ok(fast, text);
      assert.deepEqual(fast, reference(text).root);
    }),
    { numRuns: 2000, seed: 2811 },
  );
  assert.deepEqual(strictTree(EXAMPLE_TEXT, MAX_NESTING_DEPTH), reference(EXAMPLE_TEXT).root);
});

test('what is not strict JSON is refused, so that jsonc-parser reports it', () => {
  const refused = [
    '{"a": 1,}', '[1,]', '{"a": 1} // note', '/* c */ {}', '{"a": "x\ty"}', '{"a": "\\q"}', '{"a": "\\u12"}', '{"a": 01}',
    '{"a": 1.}', '{"a": .5}', '{"a": -}', '{"a": 1e}', '{"a": truex}', '{"a": nul}', '{a: 1}', "{'a': 1}", '{"a" 1}',
    '{"a": 1 "b": 2}', '[1 2]', '{"a": 1}}', '{"a": 1} x', '{"a": "open', '{"a": "\\', '"\\', '{"a":\u00a01}', '', '  ',
    '['.repeat(MAX_NESTING_DEPTH + 1) + ']'.repeat(MAX_NESTING_DEPTH + 1),
  ];
  for (const text of refused) assert.equal(strictTree(text, MAX_NESTING_DEPTH), undefined, JSON.stringify(text));
  // At the limit itself the tree builds.
  const deepest = '['.repeat(MAX_NESTING_DEPTH) + ']'.repeat(MAX_NESTING_DEPTH);
  assert.ok(strictTree(deepest, MAX_NESTING_DEPTH));
});

test('a document the fast path refuses still gets jsonc-parser\'s tree and its positioned errors', () => {
  const text = EXAMPLE_TEXT.replace('"jobZone"', '"jobZone" "x"');
  const doc = parseDocument(text);
  assert.ok(doc.root);
  assert.deepEqual(doc.root, reference(text).root);
  assert.ok(doc.problems.some((p) => /colon/.test(p.message)));
});
