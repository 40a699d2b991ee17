/**
 * A CI-sized fuzz run of the core (a few thousand cases): whatever the text or the bytes, analysis
 * returns, keeps every position inside the document and gives the same result twice, and fixing a
 * document that parses never leaves one that does not. `npm run fuzz -- --cases N` runs the same
 * properties for longer, and the exhaustive mutations (every offset, every path) in full.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ALL_CASES, EDIT_CASES, FIX_CASES, checkEdits, checkEditorEdits, WEIRD_VALUES, checkFixes, checkInvariants, paths, setAt, SEEDS } from '../fuzz/cases';
import { BYTE_CASES, checkBytes } from '../fuzz/bytes';
import { EMPTY_CONFIG } from '../../server/src/core/config/types';
import { analyse } from '../../server/src/core/service';
import { EXAMPLE_TEXT } from '../helpers';

const SEED = Number(process.env.FUZZ_SEED ?? 20261128);

test('arbitrary and mutated documents never break the core', () => {
  fc.assert(fc.property(ALL_CASES, (text) => checkInvariants(text)), { numRuns: 2500, seed: SEED });
});

test('arbitrary and mutated bytes, read as the CLI reads a file, never break the reader or the core', () => {
  fc.assert(fc.property(BYTE_CASES, (bytes) => checkBytes(bytes)), { numRuns: 600, seed: SEED });
});

test('fixing a document that parses never leaves one that does not', () => {
  fc.assert(fc.property(FIX_CASES, (text) => checkFixes(text)), { numRuns: 300, seed: SEED });
});

test("the editor's own edits (rename a topic, add a statement on a topic, move a statement) never break a document that parses", () => {
  fc.assert(fc.property(FIX_CASES, (text) => checkEditorEdits(text)), { numRuns: 200, seed: SEED });
  checkEditorEdits(EXAMPLE_TEXT);
});

test('an edit analysed incrementally gives what a fresh analysis of the new text gives', () => {
  fc.assert(fc.property(EDIT_CASES, (c) => checkEdits(c)), { numRuns: 400, seed: SEED });
});

test('the example truncated at every 5th offset never breaks the core', () => {
  for (let n = 0; n <= EXAMPLE_TEXT.length; n += 5) checkInvariants(EXAMPLE_TEXT.slice(0, n));
});

test('a wrong type at every path of the example never breaks the core (three kinds here, all in the long run)', () => {
  const value = JSON.parse(EXAMPLE_TEXT);
  const kinds = [null, 'five', { a: { b: {} } }];
  for (const p of paths(value)) for (const w of kinds) checkInvariants(JSON.stringify(setAt(value, p, w), null, 2));
  // The long run uses these and more; keep the CI kinds among them so both try the same shapes.
  for (const k of kinds) assert.ok(WEIRD_VALUES.some((w) => JSON.stringify(w) === JSON.stringify(k)));
});

test('pathological sizes and shapes never break the core', () => {
  const cases = [
    '['.repeat(10000) + ']'.repeat(10000),
    '{"a":'.repeat(10000) + '1' + '}'.repeat(10000),
    // A 50 MB string: above maxFileSize, so the cheap analysis (the full one is the next test).
    FIFTY_MB,
    '\uFEFF' + SEEDS[0],
    'NaN', 'Infinity', '-Infinity', '[NaN, Infinity]',
    Buffer.from([0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00]).toString('utf8'),
    Buffer.from(SEEDS[0], 'utf16le').toString('utf8'),
    '\u0000'.repeat(1000),
  ];
  for (const c of cases) checkInvariants(c);
});

const FIFTY_MB = JSON.stringify({ framework: { levels: { a: { label: 'A', statements: ['Topic — ' + 'x'.repeat(50_000_000)] }, b: { label: 'B', statements: ['y'] } } } });

test('a 50 MB statement runs through every rule when maxFileSize allows it', () => {
  const result = analyse(FIFTY_MB, { config: { ...EMPTY_CONFIG, maxFileSize: 100 * 1024 * 1024 } });
  assert.equal(result.limited, false);
  for (const f of result.findings) assert.ok(f.range.end <= FIFTY_MB.length, f.ruleId);
});
