/**
 * A third editor, for real: Debian's Emacs 28 with eglot runs in batch mode as the LSP client of
 * `competency-lint --stdio` (the bundled dist/cli.js) on the example with a planted duplicate, set up
 * as the README's Emacs section says. The duplicate must reach Flymake with its code and the other
 * copy as related information, and Emacs must hold the same findings, at the same places, as the CLI
 * reports for the same file.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

const root = join(__dirname, '..', '..');
const cli = join(root, 'dist', 'cli.js');

interface EmacsDiagnostic {
  line: number; column: number; code?: string; source?: string; text: string;
  related: { location: { uri: string; range: { start: { line: number; character: number } } }; message: string }[];
}

describe('Emacs 28 + eglot (batch) as an LSP client of competency-lint --stdio', () => {
  let dir: string;
  let file: string;
  let firstLine: number;
  let plantedLine: number;

  before(() => {
    const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, encoding: 'utf8' });
    assert.equal(build.status, 0, build.stderr);
    dir = mkdtempSync(join(tmpdir(), 'cl-emacs-'));
    mkdirSync(join(dir, 'home'));
    // The example pretty-printed, with its first Emerging statement repeated at the end of Emerging.
    const framework = JSON.parse(readFileSync(join(root, 'examples', '25-4022.00.json'), 'utf8'));
    const emerging: string[] = framework.framework.levels.emerging.statements;
    emerging.push(emerging[0]);
    const text = JSON.stringify(framework, null, 2) + '\n';
    const lines = text.split('\n');
    firstLine = lines.findIndex((l) => l.includes(JSON.stringify(emerging[0])));
    plantedLine = lines.findIndex((l, i) => i > firstLine && l.includes(JSON.stringify(emerging[0])));
    assert.ok(firstLine > 0 && plantedLine > firstLine);
    mkdirSync(join(dir, 'ws'));
    file = join(dir, 'ws', 'librarians.json');
    writeFileSync(file, text);
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  test('the planted duplicate reaches Flymake with its code and related copy, as the CLI reports it', () => {
    const out = join(dir, 'diagnostics.json');
    // -q, not -Q: Debian's site-start must run, or (require 'eglot) fails (docs/REAL-CLIENTS.md).
    const r = spawnSync('emacs', ['--batch', '-q', '-l', join(__dirname, 'eglot-diagnostics.el')], {
      cwd: join(dir, 'ws'),
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, HOME: join(dir, 'home'), CL_FILE: file, CL_OUT: out, CL_EXPECT_CODE: 'duplicate-exact', CL_CLI: cli },
    });
    assert.equal(r.status, 0, `emacs exited ${r.status} (${r.signal ?? ''}); stderr:\n${r.stderr}\n${readMaybe(out)}`);
    const result = JSON.parse(readFileSync(out, 'utf8')) as { arrived: boolean; mode: string; diagnostics: EmacsDiagnostic[] };
    assert.equal(result.mode, 'js-mode', 'Emacs 28 opens JSON in js-mode, which the README configures');
    const dup = result.diagnostics.find((d) => d.code === 'duplicate-exact');
    assert.ok(dup, 'the duplicate is reported');
    assert.equal(dup.source, 'competency-lint');
    assert.match(dup.text, /^competency-lint \[duplicate-exact\]: Same statement as emerging #1/);
    assert.equal(dup.line, plantedLine, 'on the planted copy');
    assert.ok(dup.related.some((rel) => rel.location.range.start.line === firstLine), 'the first copy is related information');

    // The same findings at the same places as the CLI gives for the file.
    const cliRun = spawnSync(process.execPath, [cli, '--format', 'json', file], { cwd: join(dir, 'ws'), encoding: 'utf8' });
    const report = JSON.parse(cliRun.stdout) as { messages: { ruleId: string; line: number; column: number }[] }[];
    const fromCli = report.flatMap((f) => f.messages).map((m) => `${m.ruleId}@${m.line}:${m.column}`).sort();
    const fromEmacs = result.diagnostics.filter((d) => d.source === 'competency-lint').map((d) => `${d.code}@${d.line + 1}:${d.column + 1}`).sort();
    assert.deepEqual(fromEmacs, fromCli);
  });
});

function readMaybe(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '(no output file)';
  }
}
