import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { FORMATTERS, PART_FORMATS, type FormatContext } from '../../../server/src/cli/formatters/index';
import type { FileResult, PlacedMessage } from '../../../server/src/cli/results';
import { LONG_ARRAY, prettyArrayPieces, prettyJsonPieces } from '../../../server/src/cli/formatters/longJson';


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

// Paths inside and outside the working folder, so that formats showing relative paths are tried on both.
const path = fc.oneof(text, fc.constantFrom('/work/a.json', '/work/sub/b.json', '/elsewhere/c.json', 'relative.json'));
const fileResult = result.chain((r) => path.map((filePath) => ({ ...r, filePath })));
const context: fc.Arbitrary<FormatContext> = fc.record({
  cwd: fc.constantFrom('/work', '/'),
  color: fc.boolean(),
  version: fc.constant('0.0.0'),
  rules: fc.constant([]),
  problems: fc.array(fc.record({ message: text }), { maxLength: 1 }),
});

/** The whole-run formatter's report as bytes. */
function whole(name: string, results: readonly FileResult[], ctx: FormatContext): Buffer {
  const report = FORMATTERS[name](results, ctx);
  return typeof report === 'string' ? Buffer.from(report, 'utf8') : Buffer.concat(report);
}

/**
 * The report as a run made of parts writes it: each file's part where it is linted, written in
 * file order after what the format puts before it, then the format's end from the counts alone.
 */
function joined(name: string, results: readonly FileResult[], ctx: FormatContext): Buffer {
  const format = PART_FORMATS[name];
  const out: Uint8Array[] = [];
  results.forEach((r, i) => {
    const before = format.before(i);
    if (before) out.push(before);
    out.push(format.part(r, { cwd: ctx.cwd, color: ctx.color }));
  });
  const counted = results.map((r) => ({ ...r, messages: [] }));
  const end = format.end(counted, ctx);
  if (end) out.push(end);
  return Buffer.concat(out);
}

test('every format made of parts gives, joined, its whole-run report byte for byte', () => {
  assert.deepEqual(Object.keys(PART_FORMATS).sort(), ['github', 'json', 'junit', 'stylish']);
  for (const name of Object.keys(PART_FORMATS)) {
    fc.assert(
      fc.property(fc.array(fileResult, { maxLength: 5 }), context, (results, ctx) => {
        assert.deepEqual(joined(name, results, ctx), whole(name, results, ctx), name);
      }),
      { numRuns: 1000 },
    );
  }
});

test('runs with no file, with clean files only, and with fixes give the same report either way', () => {
  const ctx: FormatContext = { cwd: '/', color: false, version: '0', rules: [], problems: [] };
  const clean: FileResult = { filePath: 'a.json', messages: [], errorCount: 0, warningCount: 0, infoCount: 0, fixed: 0 };
  const fixed: FileResult = { ...clean, fixed: 2 };
  for (const name of Object.keys(PART_FORMATS)) {
    for (const results of [[], [clean], [clean, clean], [fixed]]) {
      assert.equal(joined(name, results, ctx).toString('utf8'), whole(name, results, ctx).toString('utf8'), `${name}, ${results.length} files`);
      assert.equal(joined(name, results, { ...ctx, problems: [{ message: 'x' }] }).toString('utf8'), whole(name, results, { ...ctx, problems: [{ message: 'x' }] }).toString('utf8'));
    }
  }
  assert.equal(joined('json', [], ctx).toString('utf8'), '[]\n');
});

// Reports longer than a string can be (longJson.ts) are written element by element; these tests
// hold that way to the bytes that one JSON.stringify gives, at sizes where both ways can run.

test('prettyJsonPieces writes, piece by piece, what JSON.stringify(value, null, 2) writes', () => {
  const member = fc.dictionary(fc.constantFrom('a', 'b', 'items ', 'x"y'), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 });
  fc.assert(
    fc.property(member, member, fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 8 }), (before, after, items) => {
      const value = { ...before, outer: [{ ...before, items, ...after }], ...after };
      const skeleton = { ...before, outer: [{ ...before, items: [], ...after }], ...after };
      const written = Buffer.concat(prettyJsonPieces(skeleton, 'items', 3, items)).toString('utf8');
      assert.equal(written, JSON.stringify(value, null, 2));
    }),
    { numRuns: 1000 },
  );
  assert.throws(() => prettyJsonPieces([{ a: [] }, { a: [] }], 'a', 2, []), /not one empty array/);
});

test('prettyArrayPieces writes, piece by piece, what JSON.stringify(items, null, 2) writes, and a line break', () => {
  fc.assert(
    fc.property(fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 8 }), (items) => {
      assert.equal(Buffer.concat(prettyArrayPieces(items)).toString('utf8'), JSON.stringify(items, null, 2) + '\n');
    }),
    { numRuns: 1000 },
  );
});

test('a GitLab report with more issues than LONG_ARRAY is written in pieces that make its pretty JSON', () => {
  fc.assert(
    fc.property(result, manyMessages, context, (r, messages, ctx) => {
      const report = FORMATTERS.gitlab([{ ...r, filePath: '/work/a.json', messages }], ctx);
      assert.ok(typeof report !== 'string', 'a long report is written in pieces');
      const text = Buffer.concat(report).toString('utf8');
      const issues = JSON.parse(text);
      assert.equal(text, JSON.stringify(issues, null, 2) + '\n');
      assert.equal(issues.length, messages.length);
      assert.equal(new Set(issues.map((i: { fingerprint: string }) => i.fingerprint)).size, messages.length, 'fingerprints stay unique');
    }),
    { numRuns: 10 },
  );
});

const manyMessages = fc.array(message, { minLength: LONG_ARRAY + 1, maxLength: LONG_ARRAY + 20 });

test('a file with more findings than LONG_ARRAY: its json part, written message by message, is the json report byte for byte', () => {
  fc.assert(
    fc.property(result, manyMessages, fileResult, context, (r, messages, other, ctx) => {
      const results = [other, { ...r, messages }];
      assert.deepEqual(joined('json', results, ctx), whole('json', results, ctx));
    }),
    { numRuns: 15 },
  );
});

test('a SARIF log with more results than LONG_ARRAY is written in pieces that make its pretty JSON', () => {
  fc.assert(
    fc.property(result, manyMessages, context, (r, messages, ctx) => {
      // A real path: a file name never holds a lone surrogate (Node decodes bad bytes as U+FFFD).
      const report = FORMATTERS.sarif([{ ...r, filePath: '/work/a.json', messages }], ctx);
      assert.ok(typeof report !== 'string', 'a long log is written in pieces');
      const text = Buffer.concat(report).toString('utf8');
      const log = JSON.parse(text);
      assert.equal(text, JSON.stringify(log, null, 2) + '\n');
      assert.equal(log.runs[0].results.length, messages.length);
      assert.equal(log.runs[0].columnKind, 'utf16CodeUnits');
    }),
    { numRuns: 10 },
  );
});
