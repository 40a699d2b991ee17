import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { json, jsonParts } from '../../../server/src/cli/formatters/json';
import type { FileResult, PlacedMessage } from '../../../server/src/cli/results';

const FORMAT_CONTEXT = { cwd: '/', color: false, version: '0', rules: [], problems: [] };

// Text with what JSON escapes or indents around: line breaks, quotes, backslashes, tabs, control
// characters, text outside ASCII and lone surrogates.
const text = fc.string({ unit: fc.constantFrom('a', ' ', '\n', '\r\n', '"', '\\', '\t', '\u0001', '—', '“', 'é', '\ud83d', '\ude00', '😀', '{', '[', ','), maxLength: 12 });
const position = fc.nat({ max: 5000 });
// What a pointer designates is placed only for SARIF: the json report never shows it, set or not.
const nodeKind = fc.constantFrom('object' as const, 'array' as const, 'value' as const, undefined);
const related = fc.record({ pointer: text, line: position, column: position, endLine: position, endColumn: position, message: text, nodeKind });
const message: fc.Arbitrary<PlacedMessage> = fc.record({
  ruleId: text,
  category: fc.constantFrom('schema' as const, 'duplicate' as const, 'scope' as const),
  severity: fc.constantFrom('error' as const, 'warning' as const, 'info' as const),
  message: text,
  line: position,
  column: position,
  endLine: position,
  endColumn: position,
  pointer: text,
  nodeKind,
  related: fc.array(related, { maxLength: 3 }),
});
const result: fc.Arbitrary<FileResult> = fc.record({
  filePath: text,
  messages: fc.array(message, { maxLength: 4 }),
  errorCount: fc.nat(9),
  warningCount: fc.nat(9),
  infoCount: fc.nat(9),
  fixed: fc.nat(3),
});

/** The report as a run made of parts writes it: each file's part, then the parts joined. */
function joined(results: readonly FileResult[]): string {
  return Buffer.concat(jsonParts.join(results.map((r) => jsonParts.part(r)))).toString('utf8');
}

test('the json report joined from per-file parts is the json report, byte for byte', () => {
  fc.assert(
    fc.property(fc.array(result, { maxLength: 5 }), (results) => {
      const whole = Buffer.from(json(results, FORMAT_CONTEXT), 'utf8');
      assert.deepEqual(Buffer.from(joined(results), 'utf8'), whole);
    }),
    { numRuns: 2000 },
  );
});

test('a run with no files, and one with a file without findings, give the same report either way', () => {
  assert.equal(joined([]), '[]\n');
  assert.equal(joined([]), json([], FORMAT_CONTEXT));
  const clean: FileResult = { filePath: 'a.json', messages: [], errorCount: 0, warningCount: 0, infoCount: 0, fixed: 0 };
  assert.equal(joined([clean]), json([clean], FORMAT_CONTEXT));
  assert.equal(joined([clean, clean]), json([clean, clean], FORMAT_CONTEXT));
});
