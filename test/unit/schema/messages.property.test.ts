/**
 * Properties of the schema messages over many random changes to the example: a syntactically clean
 * document has schema findings exactly when the schema refuses it (no violation silently dropped,
 * none invented), every finding sits on a node that exists with a range inside the text, and no
 * problem is reported twice.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { EXAMPLE_TEXT, ROOT } from '../../helpers';
import { parseDocument } from '../../../server/src/core/parse/parse';
import { resolvePointer } from '../../../server/src/core/parse/pointer';
import { checkSchema } from '../../../server/src/core/schema/check';

const schema = JSON.parse(readFileSync(join(ROOT, 'schemas/competency-framework.schema.json'), 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: true });
ajv.addVocabulary(['markdownDescription', 'defaultSnippets', 'patternErrorMessage', 'x-expected', 'x-item']);
addFormats(ajv);
const validate = ajv.compile(schema);

/** Every place in the example a change can target (the first three items of each array). */
function places(value: unknown, path: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(path);
  if (Array.isArray(value)) value.slice(0, 3).forEach((v, i) => places(v, [...path, i], out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) places(v, [...path, k], out);
  return out;
}

const example = JSON.parse(EXAMPLE_TEXT);
const PLACES = places(example).filter((p) => p.length > 0);
const KEYS = ['jobzone', 'soc', 'label', 'statements', 'extra', '', 'a/b', 'levels'];

const change = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), at: fc.constantFrom(...PLACES), value: fc.jsonValue({ maxDepth: 2 }) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.constantFrom(...PLACES) }),
  fc.record({ kind: fc.constant('add' as const), at: fc.constantFrom(...PLACES), key: fc.constantFrom(...KEYS), value: fc.jsonValue({ maxDepth: 1 }) }),
);

function apply(doc: any, c: any): void {
  const path = c.at as (string | number)[];
  let parent = doc;
  for (const seg of path.slice(0, -1)) parent = parent?.[seg];
  if (parent === null || typeof parent !== 'object') return;
  const last = path[path.length - 1];
  if (c.kind === 'set') parent[last] = c.value;
  else if (c.kind === 'delete') {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else {
    const target = parent[last];
    if (target && typeof target === 'object' && !Array.isArray(target)) target[c.key] = c.value;
  }
}

test('schema findings appear exactly when the schema refuses the document, each on a real node, none twice', () => {
  fc.assert(
    fc.property(fc.array(change, { minLength: 1, maxLength: 4 }), fc.boolean(), (changes, pretty) => {
      const doc = JSON.parse(EXAMPLE_TEXT);
      for (const c of changes) apply(doc, c);
      const text = pretty ? JSON.stringify(doc, null, 2) : JSON.stringify(doc);
      const parsed = parseDocument(text);
      const problems = checkSchema(parsed);
      const valid = validate(JSON.parse(text));
      assert.equal(problems.length === 0, valid, `${valid ? 'valid' : JSON.stringify(validate.errors)} vs ${JSON.stringify(problems)}`);
      const seen = new Set<string>();
      for (const p of problems) {
        assert.ok(p.range.start >= 0 && p.range.end <= text.length && p.range.start < p.range.end, `range of ${p.pointer}`);
        assert.ok(resolvePointer(parsed.root, p.pointer).exact, `${p.pointer} does not resolve`);
        assert.ok(!/undefined|\[object/.test(p.message), p.message);
        // Two different problems may share a place (a level with an empty key that also lacks its
        // label); the same problem twice may not.
        const key = `${p.pointer} ${p.message}`;
        assert.ok(!seen.has(key), `reported twice: ${key}`);
        seen.add(key);
      }
    }),
    { numRuns: 800, seed: 20261128 },
  );
});
