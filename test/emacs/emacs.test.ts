/**
 * A third editor, for real: Debian's Emacs 28 with eglot runs in batch mode as the LSP client of
 * `competency-lint --stdio` (the bundled dist/cli.js) on the example with a planted duplicate, set up
 * as the README's Emacs section says. The duplicate must reach Flymake with its code and the other
 * copy as related information, and Emacs must hold the same findings, at the same places, as the CLI
 * reports for the same file.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { CLI, ROOT, cliFindings, plantedExample, readMaybe, type PlantedExample } from '../realClients';

/** The elisp block of the README's Emacs section: what users put in their init file. */
function readmeElisp(): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Emacs'));
  const block = /```elisp\n([\s\S]*?)```/.exec(section);
  assert.ok(block, 'the README\'s Emacs section has an elisp block');
  return block[1];
}

interface Session {
  diagnostics: number;
  hover_kind?: string;
  hover?: string;
  completions?: string[];
  completed_line?: string;
  completed_json?: boolean;
  topic_before?: number;
  renamed?: number;
  topic_after?: number;
  size_change?: number;
  json_mode?: string;
  js_mode?: string;
  js_server?: string | null;
  js_contact?: string;
}

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

  /** Runs a script of this folder in batch Emacs, set up with the README's block (CL_README_EL) and `competency-lint` on PATH. */
  function withReadmeBlock(script: string, env: Record<string, string>) {
    const { dir } = planted;
    const readmeEl = join(dir, 'readme.el');
    writeFileSync(readmeEl, readmeElisp());
    const bin = join(dir, 'bin');
    mkdirSync(bin, { recursive: true });
    writeFileSync(join(bin, 'competency-lint'), `#!/bin/sh\nexec "${process.execPath}" "${CLI}" "$@"\n`, { mode: 0o755 });
    return spawnSync('emacs', ['--batch', '-q', '-l', join(__dirname, script)], {
      cwd: join(dir, 'ws'),
      encoding: 'utf8',
      timeout: 90_000,
      // read-event (for file notifications) must not wait on a terminal.
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, HOME: join(dir, 'home'), CL_README_EL: readmeEl, ...env },
    });
  }

  /** Runs test/emacs/eglot-session.el on `file`, set up with the README's block. */
  function session(file: string): { result: Session; status: number | null; stderr: string } {
    const out = join(planted.dir, 'session.json');
    rmSync(out, { force: true });
    const r = withReadmeBlock('eglot-session.el', { CL_FILE: file, CL_OUT: out });
    const result = JSON.parse(readMaybe(out).startsWith('{') ? readFileSync(out, 'utf8') : '{"diagnostics":0}') as Session;
    return { result, status: r.status, stderr: r.stderr };
  }

  test('set up as the README says, a .competency-lint.json buffer shows its unknown rule id where it is written, in the CLI\'s words', () => {
    const team = join(planted.dir, 'ws', 'team');
    mkdirSync(team, { recursive: true });
    const config = join(team, '.competency-lint.json');
    writeFileSync(config, '{\n  "rules": {\n    "scope-outlire": "off"\n  }\n}\n');
    const out = join(planted.dir, 'config.json');
    const r = withReadmeBlock('eglot-diagnostics.el', { CL_FILE: config, CL_OUT: out, CL_EXPECT_CODE: 'config' });
    assert.equal(r.status, 0, `emacs exited ${r.status} (${r.signal ?? ''}); stderr:\n${r.stderr}\n${readMaybe(out)}`);
    const result = JSON.parse(readFileSync(out, 'utf8')) as { mode: string; diagnostics: EmacsDiagnostic[] };
    assert.equal(result.mode, 'js-json-mode', 'the README\'s block gives .json files, the config too, the mode it attaches to');
    assert.deepEqual(
      result.diagnostics.map((d) => `${d.code} ${d.line + 1}:${d.column + 1} ${d.text}`),
      ['config 3:5 competency-lint [config]: unknown rule "scope-outlire"; did you mean "scope-outlier"?'],
    );
  });

  test('set up as the README says, completion in a new statement offers topics and openers, and choosing one keeps the JSON valid', () => {
    const { result, status, stderr } = session(planted.file);
    assert.equal(status, 0, stderr);
    assert.ok(result.diagnostics > 0, `findings arrive in Flymake; stderr:\n${stderr}`);
    // eglot offers snippets only with yasnippet, which is not installed: plain items must still come.
    assert.ok((result.completions ?? []).length > 0, 'completion offers something in a new statement');
    // The first item (a topic the level lacks, or an opener) as plain text, placeholders filled with their defaults.
    assert.match(result.completed_line ?? '', /^ *"[^"$]+ — [^"$]*"$/);
    assert.equal(result.completed_json, true, 'the document is still JSON');
  });

  test('set up as the README says, eglot-rename on a topic renames it in every statement that carries it', () => {
    const { result, status, stderr } = session(planted.file);
    assert.equal(status, 0, stderr);
    assert.ok((result.topic_before ?? 0) >= 2, 'the planted copy carries the topic too');
    assert.equal(result.renamed, result.topic_before);
    assert.equal(result.topic_after, 0);
    assert.equal(result.size_change, (result.topic_before ?? 0) * ('Lending services'.length - 'Circulation procedures'.length), 'only the topics changed');
  });

  test('set up as the README says, the hover in ElDoc reads as text, without markdown marks', () => {
    const { result, status, stderr } = session(planted.file);
    assert.equal(status, 0, stderr);
    // eglot asks for markdown only when markdown-mode is installed, which it is not here.
    assert.equal(result.hover_kind, 'plaintext');
    assert.match(result.hover ?? '', /^Librarians and Media Collections Specialists \(O\*NET-SOC 25-4022\.00\)/);
    assert.doesNotMatch(result.hover ?? '', /\*\*|`|\\\*/, 'no emphasis marks, backquotes or escapes');
  });

  test('set up as the README says, a JavaScript file gets no competency-lint server and keeps eglot\'s own choice', () => {
    const { result, status, stderr } = session(planted.file);
    assert.equal(status, 0, stderr);
    assert.ok(result.diagnostics > 0, 'the framework is linted');
    assert.equal(result.js_mode, 'js-mode');
    assert.equal(result.js_server, null, 'no server was started for app.js');
    assert.doesNotMatch(result.js_contact ?? '', /competency-lint/, 'M-x eglot in app.js would start the JavaScript server eglot knows, not ours');
  });
});
