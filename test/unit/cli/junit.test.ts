/**
 * The junit report is read by CI servers' XML parsers, which reject a whole report for one bad
 * character: whatever a document holds (controls, lone surrogates, markup, bidirectional
 * overrides), the report must be well-formed XML 1.0 that says what the findings say.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { junit } from '../../../server/src/cli/formatters/junit';
import type { FormatContext } from '../../../server/src/cli/formatters/index';
import type { FileResult, PlacedMessage } from '../../../server/src/cli/results';

interface Read { suites: { name: string; tests: number; failures: number; errors: number; cases: number; failed: string[]; erred: number }[] }

/** Parses the report strictly; throws on the first well-formedness error. */
function read(xml: string): Read {
  const parser = new SaxesParser();
  const out: Read = { suites: [] };
  let error: Error | undefined;
  parser.on('error', (e) => { error ??= e; });
  parser.on('opentag', (tag: SaxesTagPlain) => {
    const suite = out.suites[out.suites.length - 1];
    if (tag.name === 'testsuite') {
      out.suites.push({ name: tag.attributes.name, tests: Number(tag.attributes.tests), failures: Number(tag.attributes.failures), errors: Number(tag.attributes.errors), cases: 0, failed: [], erred: 0 });
    } else if (tag.name === 'testcase') suite.cases++;
    else if (tag.name === 'failure') suite.failed.push(tag.attributes.message);
    else if (tag.name === 'error') suite.erred++;
  });
  parser.write(xml).close();
  if (error) throw error;
  return out;
}

/** What a reader sees of a text: characters XML cannot carry and direction overrides as code points. */
function visible(s: string): string {
  const show = (c: string) => `<U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}>`;
  return s
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, show)
    .replace(/[\u202A-\u202E\u2066-\u2069]/g, show);
}

const hostile = fc.string({ unit: fc.constantFrom('a', ' ', '\n', '\r', '\t', '<', '>', '&', '"', "'", ']]>', '\u0000', '\u001b', '\u0085', '\ufffe', '\ud800', '\udc00', '😀', '\u202e', 'é'), maxLength: 10 });
const message: fc.Arbitrary<PlacedMessage> = fc.record({
  ruleId: hostile,
  category: fc.constant('scope' as const),
  severity: fc.constantFrom('error' as const, 'warning' as const, 'info' as const),
  message: hostile,
  line: fc.nat(99),
  column: fc.nat(99),
  endLine: fc.nat(99),
  endColumn: fc.nat(99),
  pointer: hostile,
  related: fc.array(fc.record({ pointer: hostile, line: fc.nat(9), column: fc.nat(9), endLine: fc.nat(9), endColumn: fc.nat(9), message: hostile }), { maxLength: 2 }),
});
const result: fc.Arbitrary<FileResult> = fc.record({
  filePath: hostile,
  messages: fc.array(message, { maxLength: 4 }),
  errorCount: fc.constant(0),
  warningCount: fc.constant(0),
  infoCount: fc.constant(0),
  fixed: fc.constant(0),
});
const ctx = (problems: string[]): FormatContext => ({ cwd: '/', color: false, version: '0', rules: [], problems: problems.map((message) => ({ message })) });

test('the junit report is well-formed XML whatever the documents hold, and counts what it lists', () => {
  fc.assert(
    fc.property(fc.array(result, { maxLength: 4 }), fc.array(hostile, { maxLength: 2 }), (results, problems) => {
      const xml = junit(results, ctx(problems));
      assert.equal(typeof xml, 'string');
      const report = read(xml as string);
      assert.equal(report.suites.length, results.length + (problems.length > 0 ? 1 : 0));
      results.forEach((r, i) => {
        const suite = report.suites[i];
        const failing = r.messages.filter((m) => m.severity !== 'info');
        assert.equal(suite.name, visible(r.filePath));
        assert.equal(suite.cases, suite.tests, 'tests counts the cases');
        assert.equal(suite.failures, failing.length, 'failures counts the errors and warnings');
        // Each failure's message reads back as the finding's, with only the unshowable characters shown as code points.
        assert.deepEqual(suite.failed, failing.map((m) => visible(m.message)));
        assert.equal(suite.tests, r.messages.length + (failing.length === 0 ? 1 : 0), 'a file with no failure still has a passing case');
      });
      if (problems.length > 0) assert.equal(report.suites[results.length].erred, problems.length);
    }),
    { numRuns: 500 },
  );
});
