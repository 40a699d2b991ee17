import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { getNodeValue, parseTree } from 'jsonc-parser';
import { resolvePointer, splitPointer, toPointer } from '../../server/src/core/parse/pointer';

/** Every path to a value inside `v`, the root's empty path included. */
function paths(v: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const out = [prefix];
  if (Array.isArray(v)) v.forEach((x, i) => out.push(...paths(x, [...prefix, i])));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) out.push(...paths(x, [...prefix, k]));
  return out;
}

function at(v: unknown, path: (string | number)[]): unknown {
  return path.reduce<any>((x, seg) => x[seg], v);
}

// Keys with the characters pointers escape ("~", "/"), digits that look like indices, and empty keys.
const key = fc.string({ unit: fc.constantFrom('a', '~', '/', '0', '1', '~0', '~1', ' ', 'é'), maxLength: 4 });
const json = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, fc.integer(), fc.string({ maxLength: 3 }), fc.array(tie('value'), { maxLength: 3 }), fc.dictionary(key, tie('value'), { maxKeys: 3, noNullPrototype: true })),
})).value;

test('a pointer built from a path finds the value at that path, keys with "~" and "/" included', () => {
  fc.assert(
    fc.property(json, (value) => {
      const root = parseTree(JSON.stringify(value))!;
      for (const path of paths(value)) {
        const pointer = toPointer(path);
        assert.deepEqual(splitPointer(pointer), path.map(String));
        const { node, exact } = resolvePointer(root, pointer);
        assert.equal(exact, true, pointer);
        assert.equal(JSON.stringify(getNodeValue(node!)), JSON.stringify(at(value, path)), pointer);
      }
    }),
    { numRuns: 500, seed: 1129 },
  );
});

test('an array index is digits without a leading zero; anything else stops at the array', () => {
  const root = parseTree('{"a": [10, 11, 12]}')!;
  assert.equal(getNodeValue(resolvePointer(root, '/a/2').node!), 12);
  for (const bad of ['/a/02', '/a/-1', '/a/1x', '/a/', '/a/3']) {
    const { node, exact } = resolvePointer(root, bad);
    assert.equal(exact, false, bad);
    assert.equal(JSON.stringify(getNodeValue(node!)), "[10,11,12]", bad);
  }
});
