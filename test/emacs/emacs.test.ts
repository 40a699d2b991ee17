/**
 * A third editor, for real: Debian's Emacs 28 with eglot runs in batch mode as the LSP client of
 * `competency-lint --stdio` (the bundled dist/cli.js) on the example with a planted duplicate, set up
 * as the README's Emacs section says. The duplicate must reach Flymake with its code and the other
 * copy as related information, and Emacs must hold the same findings, at the same places, as the CLI
 * reports for the same file.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { CLI, cliFindings, plantedExample, readMaybe, type PlantedExample } from '../realClients';

interface EmacsDiagnostic {
  line: number; column: number; code?: string; source?: string; text: string;
  related: { location: { uri: string; range: { start: { line: number; character: number } } }; message: string }[];
}

describe('Emacs 28 + eglot (batch) as an LSP client of competency-lint --stdio', () => {
  let planted: PlantedExample;

  before(() => {
    planted = plantedExample('cl-emacs-', ['home']);
  });

  after(() => rmSync(planted.dir, { recursive: true, force: true }));

  test('the planted duplicate reaches Flymake with its code and related copy, as the CLI reports it', () => {
    const { dir, file, firstLine, plantedLine } = planted;
    const out = join(dir, 'diagnostics.json');
    // -q, not -Q: Debian's site-start must run, or (require 'eglot) fails (docs/REAL-CLIENTS.md).
    const r = spawnSync('emacs', ['--batch', '-q', '-l', join(__dirname, 'eglot-diagnostics.el')], {
      cwd: join(dir, 'ws'),
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, HOME: join(dir, 'home'), CL_FILE: file, CL_OUT: out, CL_EXPECT_CODE: 'duplicate-exact', CL_CLI: CLI },
    });
    assert.equal(r.status, 0, `emacs exited ${r.status} (${r.signal ?? ''}); stderr:\n${r.stderr}\n${readMaybe(out)}`);
    const result = JSON.parse(readFileSync(out, 'utf8')) as { arrived: boolean; mode: string; diagnostics: EmacsDiagnostic[] };
    assert.equal(result.mode, 'js-mode', 'Emacs 28 opens JSON in js-mode, which the README configures');
    const dup = result.diagnostics.find((d) => d.code === 'duplicate-exact');
    assert.ok(dup, 'the duplicate is reported');
    assert.equal(dup.source, 'competency-lint');
    assert.match(dup.text, /^competency-lint \[duplicate-exact\]: Same statement as Emerging #1/);
    assert.equal(dup.line, plantedLine, 'on the planted copy');
    assert.ok(dup.related.some((rel) => rel.location.range.start.line === firstLine), 'the first copy is related information');

    // The same findings at the same places as the CLI gives for the file.
    const fromEmacs = result.diagnostics.filter((d) => d.source === 'competency-lint').map((d) => `${d.code}@${d.line + 1}:${d.column + 1}`).sort();
    assert.deepEqual(fromEmacs, cliFindings(file, join(dir, 'ws')));
  });
});
