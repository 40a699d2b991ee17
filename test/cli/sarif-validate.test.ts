/**
 * Our SARIF must pass Microsoft's SARIF validator (@microsoft/sarif-multitool, a dev dependency
 * that ships a self-contained binary, so it runs offline without dotnet). The validator exits 0
 * even when it finds errors, so the test reads the validator's own SARIF log and requires that it
 * holds no error for our file, and some for a deliberately broken one (so the check can fail).
 * Both files go through one validator run, which takes seconds to start.
 */
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, tempDir, EXAMPLE_PRETTY } from './helpers';

interface Validation {
  /** Error messages per validated file name. */
  errors: Map<string, string[]>;
  ran: boolean;
  console: string;
}

let dir = '';
let validation: Validation;

function multitool(): string {
  // The package resolves to the binary of this platform's optional dependency.
  return require('@microsoft/sarif-multitool') as string;
}

function validate(files: string[]): Validation {
  const out = join(dir, 'validation.sarif');
  const r = spawnSync(multitool(), ['validate', ...files, '--output', out], { encoding: 'utf8', timeout: 120_000 });
  assert.equal(r.error, undefined, `the validator did not start: ${r.error}`);
  const log = JSON.parse(readFileSync(out, 'utf8'));
  const errors = new Map<string, string[]>(files.map((f) => [f.split('/').pop()!, []]));
  for (const x of log.runs[0].results ?? []) {
    if ((x.level ?? 'warning') !== 'error') continue;
    const uri: string = x.locations?.[0]?.physicalLocation?.artifactLocation?.uri ?? '';
    const name = decodeURIComponent(uri.split('/').pop() ?? '');
    errors.get(name)?.push(`${x.ruleId}: ${x.message.text ?? x.message.id}`);
  }
  return { errors, ran: log.runs[0].invocations?.[0]?.executionSuccessful === true, console: r.stdout };
}

before(() => {
  dir = tempDir('frameworks');
  // A path with a space and a non-ASCII letter, which must be percent-encoded in the URI.
  writeFileSync(join(dir, 'bibliothèque copy.json'), EXAMPLE_PRETTY.replace('"jobZone": 5', '"jobZone": 9'));
  const run = cli(['--format', 'sarif', '--output-file', 'report.sarif', '.', 'missing.json'], { cwd: dir });
  assert.equal(run.status, 2);
  const broken = {
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'x', rules: [{ id: 'a' }] } },
        results: [{ ruleId: 'a', ruleIndex: 3, message: { text: 'm' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'a.json' }, region: { startLine: 1, startColumn: 0 } } }] }],
      },
    ],
  };
  writeFileSync(join(dir, 'broken.sarif'), JSON.stringify(broken));
  validation = validate([join(dir, 'report.sarif'), join(dir, 'broken.sarif')]);
});

test('the SARIF of a run with errors, warnings, related locations and an unreadable input validates', () => {
  const report = JSON.parse(readFileSync(join(dir, 'report.sarif'), 'utf8'));
  const results = report.runs[0].results;
  assert.ok(results.length >= 5);
  assert.ok(results.some((r: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => r.locations[0].physicalLocation.artifactLocation.uri === 'biblioth%C3%A8que%20copy.json'));
  assert.ok(results.some((r: { relatedLocations?: unknown[] }) => (r.relatedLocations ?? []).length > 0));
  assert.equal(report.runs[0].invocations[0].toolExecutionNotifications.length, 1);
  assert.ok(validation.ran, `the validator did not complete:\n${validation.console}`);
  assert.deepEqual(validation.errors.get('report.sarif'), [], validation.console);
});

test('the validator does report a broken SARIF file, so the test above can fail', () => {
  assert.ok((validation.errors.get('broken.sarif') ?? []).length >= 2, validation.console);
});
