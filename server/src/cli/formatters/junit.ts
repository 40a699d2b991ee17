/**
 * The `junit` format: JUnit XML, which Jenkins, GitLab, Azure Pipelines and most CI dashboards show
 * as test results. Each linted file is a test suite; each error or warning is a failing test case
 * named after its rule and JSON Pointer, and each note a passing one that carries its message, since a
 * note never fails a run (exit codes) and should not turn a dashboard red. A file without errors or
 * warnings has one passing case, so that it shows as checked. Inputs that could not be linted end
 * the report as a suite of test cases in error.
 *
 * It is made of parts (PartFormat): each file's suite is made where the file is linted. The root
 * element carries no totals, which JUnit readers compute from the suites; that way nothing has to
 * wait for the last file.
 */
import { BIDI_CONTROLS, codePoint } from '../../core/report/escape';
import { findingDocsUrl } from '../../core/rules/index';
import type { Severity } from '../../core/types';
import type { FileResult, PlacedMessage } from '../results';
import type { FormatContext, Formatter, PartContext, PartFormat } from './index';
import { portablePath } from './paths';

const NAME = 'competency-lint';
const HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="competency-lint">\n';
const TAIL = '</testsuites>\n';

/**
 * Characters XML 1.0 does not allow at all (most C0 controls, lone surrogates, U+FFFE and U+FFFF)
 * are shown as their code point, `<U+001B>`, as the terminal formats and the html page show
 * controls, and so are the bidirectional overrides, which would reverse the text of a dashboard
 * that shows the message; then the five characters with a meaning in markup are escaped.
 */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const MARKUP: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text for an element's content. */
export function xmlText(s: string): string {
  return s.replace(NOT_XML, codePoint).replace(BIDI_CONTROLS, codePoint).replace(/[&<>"']/g, (c) => MARKUP[c]);
}

/** Text for a double-quoted attribute, where a raw line break would be read back as a space. */
export function xmlAttr(s: string): string {
  return xmlText(s).replace(/\r/g, '&#13;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

const FAILS: Record<Severity, boolean> = { error: true, warning: true, info: false };

function testCase(m: PlacedMessage, file: string): string {
  // Named by rule and pointer, not line, so that a CI server's history follows the finding when
  // lines are added above it.
  const name = xmlAttr(`${m.ruleId} at ${m.pointer || '/'}`);
  const open = `    <testcase classname="${xmlAttr(file)}" name="${name}" time="0">`;
  // The body is what a reviewer reads in the dashboard: the place, the other places the finding
  // names (a duplicate's other copy), and the rule's page.
  let where = `${file}:${m.line}:${m.column} ${m.severity} ${m.message} (${m.ruleId}, ${m.pointer || '/'})`;
  for (const r of m.related) where += `\n  ${file}:${r.line}:${r.column} ${r.message} (${r.pointer || '/'})`;
  where += `\n  ${findingDocsUrl(m.ruleId)}`;
  if (!FAILS[m.severity]) return `${open}\n      <system-out>${xmlText(where)}</system-out>\n    </testcase>\n`;
  return `${open}\n      <failure type="${m.severity}" message="${xmlAttr(m.message)}">${xmlText(where)}</failure>\n    </testcase>\n`;
}

function fileSuite(r: FileResult, ctx: PartContext): string {
  const file = portablePath(r.filePath, ctx.cwd);
  const failing = r.messages.filter((m) => FAILS[m.severity]).length;
  let cases = r.messages.map((m) => testCase(m, file)).join('');
  let tests = r.messages.length;
  if (failing === 0) {
    cases = `    <testcase classname="${xmlAttr(file)}" name="${NAME}" time="0"/>\n` + cases;
    tests++;
  }
  return `  <testsuite name="${xmlAttr(file)}" tests="${tests}" failures="${failing}" errors="0" skipped="0" time="0">\n${cases}  </testsuite>\n`;
}

function problemsSuite(ctx: FormatContext): string {
  if (ctx.problems.length === 0) return '';
  const cases = ctx.problems
    .map((p) => `    <testcase classname="${NAME}" name="${xmlAttr(p.message)}" time="0">\n      <error message="${xmlAttr(p.message)}"/>\n    </testcase>\n`)
    .join('');
  return `  <testsuite name="inputs that could not be linted" tests="${ctx.problems.length}" failures="0" errors="${ctx.problems.length}" skipped="0" time="0">\n${cases}  </testsuite>\n`;
}

export const junit: Formatter = (results, ctx) => HEAD + results.map((r) => fileSuite(r, ctx)).join('') + problemsSuite(ctx) + TAIL;

const encoder = new TextEncoder();
const HEAD_BYTES = encoder.encode(HEAD);

export const junitParts: PartFormat = {
  part: (r, ctx) => encoder.encode(fileSuite(r, ctx)),
  before: (index) => (index === 0 ? HEAD_BYTES : undefined),
  end: (results, ctx) => encoder.encode((results.length === 0 ? HEAD : '') + problemsSuite(ctx) + TAIL),
};
