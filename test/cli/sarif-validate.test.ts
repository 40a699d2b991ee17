/**
 * Our SARIF must pass Microsoft's SARIF validator (@microsoft/sarif-multitool, a dev dependency
 * that ships a self-contained binary, so it runs offline without dotnet). The validator exits 0
 * even when it finds errors, so the test reads its own SARIF log of findings and requires that it
 * holds no error.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, tempDir, EXAMPLE_PRETTY } from './helpers';

function multitool(): string {
  // The package resolves to the binary of this platform's optional dependency.
  return require('@microsoft/sarif-multitool') as string;
}

function validate(sarifFile: string, dir: string): { errors: string[]; warnings: string[]; ran: boolean; console: string } {
  const out = join(dir, 'validation.sarif');
  const r = spawnSync(multitool(), ['validate', sarifFile, '--output', out], { encoding: 'utf8', timeout: 120_000 });
  assert.equal(r.error, undefined, `the validator did not start: ${r.error}`);
  const log = JSON.parse(readFileSync(out, 'utf8'));
  const results: { level?: string; ruleId: string; message: { text?: string; id?: string } }[] = log.runs[0].results ?? [];
  const text = (x: (typeof results)[number]) => `${x.ruleId}: ${x.message.text ?? x.message.id}`;
  return {
    errors: results.filter((x) => (x.level ?? 'warning') === 'error').map(text),
    warnings: results.filter((x) => x.level === 'warning').map(text),
    ran: log.runs[0].invocations?.[0]?.executionSuccessful === true,
    // The console lines carry the full messages, for a failure to show.
    console: r.stdout,
  };
}

test('the SARIF of a run with errors, warnings, related locations and an unreadable input validates', () => {
  const dir = tempDir('frameworks');
  // A path with a space and a non-ASCII letter, which must be percent-encoded in the URI.
  writeFileSync(join(dir, 'bibliothèque copy.json'), EXAMPLE_PRETTY.replace('"jobZone": 5', '"jobZone": 9'));
  const run = cli(['--format', 'sarif', '--output-file', 'report.sarif', '.', 'missing.json'], { cwd: dir });
  assert.equal(run.status, 2);
  const report = JSON.parse(readFileSync(join(dir, 'report.sarif'), 'utf8'));
  assert.ok(report.runs[0].results.length >= 5);
  assert.ok(report.runs[0].results.some((r: { artifactLocation?: unknown; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) =>
    r.locations[0].physicalLocation.artifactLocation.uri === 'biblioth%C3%A8que%20copy.json'));
  const v = validate(join(dir, 'report.sarif'), dir);
  assert.ok(v.ran, `the validator did not complete:\n${v.console}`);
  assert.deepEqual(v.errors, [], v.console);
});

test('the validator does report a broken SARIF file, so the test above can fail', () => {
  const dir = tempDir();
  const broken = { version: '2.1.0', runs: [{ tool: { driver: { name: 'x', rules: [{ id: 'a' }] } }, results: [{ ruleId: 'a', ruleIndex: 3, message: { text: 'm' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'a.json' }, region: { startLine: 1, startColumn: 0 } } }] }] }] };
  writeFileSync(join(dir, 'broken.sarif'), JSON.stringify(broken));
  const v = validate(join(dir, 'broken.sarif'), dir);
  assert.ok(v.errors.length >= 2, `expected errors, got ${JSON.stringify(v)}`);
});
