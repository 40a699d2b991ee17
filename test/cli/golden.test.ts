/**
 * Golden tests of the built CLI: one per output format and one per exit code, each a command run
 * in test/cli/fixtures with its exact standard output, standard error and exit status kept in
 * test/cli/golden/<name>.txt. The fixtures are the example with one defect each, so the findings
 * come from the syntax, schema and statement-format rules and stay put as other rules land.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RULES, ruleDocsUrl } from '../../server/src/core/rules/index';
import { assertGolden, cli } from './helpers';

// One folder with five frameworks: a clean one, a syntax error, a schema error, a style warning and a
// duplicate statement (whose finding has a related location).
const SET = ['frameworks'];

test('format stylish (the default): grouped by file, line:col severity message rule, totals', () => {
  const run = cli(SET);
  assert.equal(run.status, 1);
  assertGolden('format-stylish', run);
});

test('format json: the fixed contract, one entry per linted file including clean ones', () => {
  const run = cli(['--format', 'json', ...SET]);
  assert.equal(run.status, 1);
  const parsed = JSON.parse(run.stdout);
  assert.equal(parsed.length, 5);
  // The duplicate carries its other copy as a related location, as the contract shows.
  const dup = parsed.find((r: { filePath: string }) => r.filePath.endsWith('duplicate.json'));
  assert.equal(dup.messages[0].related.length, 1);
  assertGolden('format-json', run);
});

test('format sarif: SARIF 2.1.0 with rule metadata, regions and pointers', () => {
  const run = cli(['--format', 'sarif', ...SET]);
  assert.equal(run.status, 1);
  const log = JSON.parse(run.stdout);
  const driver = log.runs[0].tool.driver;
  // The driver lists every registered rule, in registry order, then the large-file notice, so each
  // result can name its rule by index.
  assert.deepEqual(
    driver.rules.map((r: { id: string }) => r.id),
    [...RULES.map((r) => r.id), 'large-file'],
  );
  const notice = driver.rules.find((r: { id: string }) => r.id === 'large-file');
  assert.equal(notice.defaultConfiguration.level, 'note');
  assert.match(notice.shortDescription.text, /^Says that a document above maxFileSize got only the cheap checks/);
  for (const r of log.runs[0].results) {
    assert.equal(driver.rules[r.ruleIndex].id, r.ruleId);
    assert.equal(driver.rules[r.ruleIndex].helpUri, ruleDocsUrl(r.ruleId));
  }
  // The golden keeps the rules this run reports, so that it does not change whenever a rule is added.
  const used = new Set(log.runs[0].results.map((r: { ruleId: string }) => r.ruleId));
  driver.rules = driver.rules.filter((r: { id: string }) => used.has(r.id));
  for (const r of log.runs[0].results) r.ruleIndex = '<checked above>';
  assertGolden('format-sarif', { ...run, stdout: JSON.stringify(log, null, 2) + '\n' });
});

test('format github: workflow commands, one per finding', () => {
  const run = cli(['--format', 'github', ...SET]);
  assert.equal(run.status, 1);
  assertGolden('format-github', run);
});

test('format junit: a test suite per file, a failing case per error or warning', () => {
  const run = cli(['--format', 'junit', ...SET]);
  assert.equal(run.status, 1);
  assertGolden('format-junit', run);
});

test('format gitlab: GitLab Code Quality issues with fingerprints', () => {
  const run = cli(['--format', 'gitlab', ...SET]);
  assert.equal(run.status, 1);
  assertGolden('format-gitlab', run);
});

test('exit 0: a clean framework', () => {
  const run = cli(['frameworks/clean.json']);
  assert.equal(run.status, 0);
  assertGolden('exit-0-clean', run);
});

test('exit 0: warnings within --max-warnings', () => {
  const run = cli(['--max-warnings', '1', 'frameworks/style.json']);
  assert.equal(run.status, 0);
  assertGolden('exit-0-warnings-within-limit', run);
});

test('exit 1: an error', () => {
  const run = cli(['frameworks/syntax.json']);
  assert.equal(run.status, 1);
  assertGolden('exit-1-error', run);
});

test('exit 1: more warnings than --max-warnings', () => {
  const run = cli(['--max-warnings', '0', 'frameworks/style.json']);
  assert.equal(run.status, 1);
  assertGolden('exit-1-too-many-warnings', run);
});

test('exit 2: a missing file is reported and the other files are still linted', () => {
  const run = cli(['frameworks/schema.json', 'missing.json']);
  assert.equal(run.status, 2);
  assertGolden('exit-2-missing-file', run);
});

test('exit 2: a usage error (unknown format)', () => {
  const run = cli(['--format', 'xml', 'frameworks/clean.json']);
  assert.equal(run.status, 2);
  assertGolden('exit-2-unknown-format', run);
});

test('exit 2: an unknown rule in --rule', () => {
  const run = cli(['--rule', 'no-such-rule:off', 'frameworks/clean.json']);
  assert.equal(run.status, 2);
  assertGolden('exit-2-unknown-rule-option', run);
});

test('exit 2: a broken .competency-lint.json, with file:line:col', () => {
  const run = cli(['bad-config', 'frameworks/clean.json']);
  assert.equal(run.status, 2);
  assertGolden('exit-2-broken-config', run);
});

test('exit 2: an unknown rule id in .competency-lint.json, with file:line:col', () => {
  const run = cli(['unknown-rule']);
  assert.equal(run.status, 2);
  assertGolden('exit-2-unknown-rule-config', run);
});
