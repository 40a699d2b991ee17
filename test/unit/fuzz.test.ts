/**
 * A CI-sized fuzz run of the core (a few thousand cases): whatever the text, analysis returns, keeps
 * every position inside the document and gives the same result twice. `npm run fuzz -- --cases N`
 * runs the same properties for longer.
 */
import { test } from 'node:test';
import fc from 'fast-check';
import { ALL_CASES, checkInvariants, SEEDS } from '../fuzz/cases';
import { EXAMPLE_TEXT } from '../helpers';

test('arbitrary and mutated documents never break the core', () => {
  fc.assert(fc.property(ALL_CASES, (text) => checkInvariants(text)), { numRuns: 2500, seed: Number(process.env.FUZZ_SEED ?? 20261128) });
});

test('the example truncated at every 5th offset never breaks the core', () => {
  for (let n = 0; n <= EXAMPLE_TEXT.length; n += 5) checkInvariants(EXAMPLE_TEXT.slice(0, n));
});

test('pathological sizes and shapes never break the core', () => {
  const cases = [
    '['.repeat(10000) + ']'.repeat(10000),
    '{"a":'.repeat(10000) + '1' + '}'.repeat(10000),
    JSON.stringify({ framework: { levels: { a: { label: 'A', statements: ['x'.repeat(5_000_000)] }, b: { label: 'B', statements: ['y'] } } } }),
    '\uFEFF' + SEEDS[0],
    'NaN', 'Infinity', '-Infinity', '[NaN, Infinity]',
    Buffer.from([0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00]).toString('utf8'),
    Buffer.from(SEEDS[0], 'utf16le').toString('utf8'),
    '\u0000'.repeat(1000),
  ];
  for (const c of cases) checkInvariants(c);
});
