/**
 * The editor and CI must agree: every file of the development corpus and the example is linted by
 * `competency-lint --format json` and by the language server, and the findings must be the same,
 * rule, severity, message, position and related locations alike.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { Lsp, ROOT, SERVER } from './harness';

const CORPUS = join(ROOT, 'test/corpus/ddat-dev');
const FILES = [join(ROOT, 'examples/25-4022.00.json'), ...readdirSync(CORPUS).filter((f) => f.endsWith('.json')).sort().map((f) => join(CORPUS, f))];
const SEVERITY = ['', 'error', 'warning', 'info'];

interface Placed {
  ruleId: string;
  severity: string;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  related: string[];
}

function fromCli(m: any): Placed {
  return {
    ruleId: m.ruleId,
    severity: m.severity,
    message: m.message,
    line: m.line,
    column: m.column,
    endLine: m.endLine,
    endColumn: m.endColumn,
    related: (m.related ?? []).map((r: any) => `${r.line}:${r.column} ${r.message}`),
  };
}

function fromLsp(d: Diagnostic): Placed {
  return {
    ruleId: String(d.code),
    severity: SEVERITY[d.severity!],
    message: String(d.message),
    line: d.range.start.line + 1,
    column: d.range.start.character + 1,
    endLine: d.range.end.line + 1,
    endColumn: d.range.end.character + 1,
    related: (d.relatedInformation ?? []).map((r) => `${r.location.range.start.line + 1}:${r.location.range.start.character + 1} ${r.message}`),
  };
}

const order = (a: Placed, b: Placed) => a.line - b.line || a.column - b.column || a.endLine - b.endLine || a.endColumn - b.endColumn || a.ruleId.localeCompare(b.ruleId) || a.message.localeCompare(b.message);

describe('CLI/editor parity', () => {
  let lsp: Lsp;
  let cli: Map<string, Placed[]>;
  before(async () => {
    const r = spawnSync(process.execPath, [SERVER, '--format', 'json', ...FILES], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    assert.ok(r.status === 0 || r.status === 1, `the CLI ran (exit ${r.status}): ${r.stderr}`);
    cli = new Map((JSON.parse(r.stdout) as any[]).map((f) => [f.filePath, f.messages.map(fromCli).sort(order)]));
    // The repository is the workspace, as when the author opens it; the harness leaves it in place.
    lsp = await Lsp.start({ folder: ROOT });
  });
  after(() => lsp.stop());

  it(`gives the same findings for all ${FILES.length} files`, async () => {
    assert.equal(cli.size, FILES.length, 'the CLI linted every file');
    let compared = 0;
    for (const file of FILES) {
      const uri = pathToFileURL(file).toString();
      lsp.open(uri, readFileSync(file, 'utf8'));
      const editor = (await lsp.diagnosticsFor(uri, 1)).map(fromLsp).sort(order);
      assert.deepEqual(editor, cli.get(file), `findings differ for ${file}`);
      compared += editor.length;
      lsp.close(uri);
    }
    assert.ok(compared > 0, 'the corpus has findings to compare');
  });
});
