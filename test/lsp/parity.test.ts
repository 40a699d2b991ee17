/**
 * The editor and CI must agree: every file of the development corpus and the example is linted by
 * `competency-lint --format json` and by the language server, and the findings must be the same,
 * rule, severity, message, position, pointer and related locations alike. A second workspace does
 * the same under a `.competency-lint.json` that uses every part of a config that changes findings,
 * since the corpus has no config and a server that dropped part of one agreed with the CLI there.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { EXAMPLE_TEXT, Lsp, ROOT, SERVER } from './harness';

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
  pointer: string;
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
    pointer: m.pointer,
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
    pointer: (d.data as { pointer: string }).pointer,
    related: (d.relatedInformation ?? []).map((r) => `${r.location.range.start.line + 1}:${r.location.range.start.character + 1} ${r.message}`),
  };
}

const order = (a: Placed, b: Placed) => a.line - b.line || a.column - b.column || a.endLine - b.endLine || a.endColumn - b.endColumn || a.ruleId.localeCompare(b.ruleId) || a.message.localeCompare(b.message);

/** The CLI's findings per file, as `--format json` gives them, run in `cwd` with `args` before the files. */
function lintWithCli(files: string[], cwd: string, args: string[] = []): Map<string, Placed[]> {
  const r = spawnSync(process.execPath, [SERVER, '--format', 'json', ...args, ...files], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  assert.ok(r.status === 0 || r.status === 1, `the CLI ran (exit ${r.status}): ${r.stderr}`);
  return new Map((JSON.parse(r.stdout) as any[]).map((f) => [f.filePath, f.messages.map(fromCli).sort(order)]));
}

/** Opens each file in the server, compares its diagnostics with the CLI's findings, and closes it; the number compared. */
async function compareWithServer(lsp: Lsp, files: string[], cli: Map<string, Placed[]>): Promise<number> {
  assert.equal(cli.size, files.length, 'the CLI linted every file');
  let compared = 0;
  for (const file of files) {
    const uri = pathToFileURL(file).toString();
    lsp.open(uri, readFileSync(file, 'utf8'));
    const editor = (await lsp.diagnosticsFor(uri, 1)).map(fromLsp).sort(order);
    assert.deepEqual(editor, cli.get(file), `findings differ for ${file}`);
    compared += editor.length;
    lsp.close(uri);
  }
  return compared;
}

describe('CLI/editor parity', () => {
  let lsp: Lsp;
  let cli: Map<string, Placed[]>;
  before(async () => {
    cli = lintWithCli(FILES, ROOT);
    // The repository is the workspace, as when the author opens it; the harness leaves it in place.
    lsp = await Lsp.start({ folder: ROOT });
  });
  after(() => lsp.stop());

  it(`gives the same findings for all ${FILES.length} files`, async () => {
    assert.ok((await compareWithServer(lsp, FILES, cli)) > 0, 'the corpus has findings to compare');
  });
});

/**
 * A statement of the example's Developing level, repeated in it and suppressed by its text; another
 * one repeated there stays reported, which only the statement's text tells apart.
 */
const DEVELOPING = JSON.parse(EXAMPLE_TEXT).framework.levels.developing.statements[1] as string;

/**
 * The config: each part changes what is found in bands.json or scope.json, which the test checks
 * against the CLI without a config before it compares the CLI with the server.
 */
const CONFIG = {
  // bands.json's levels are named by no built-in vocabulary; with this order, one is out of place.
  levelOrder: [['trainee', 'practitioner', 'lead', 'head']],
  // The phrase makes an Emerging statement of scope.json read higher than its level.
  lexicon: { phrases: [{ phrase: 'circulation czar', axis: 'autonomy', level: 1, weight: 4 }] },
  rules: {
    'topic-gap': 'warning',
    // With these options, a level one statement short of the median is reported.
    'level-balance': ['warning', { ratio: 1.05, minDifference: 1 }],
  },
  suppressions: [
    { file: 'scope.json', pointer: '/framework/levels/developing/statements/2', rule: 'scope-outlier' },
    { pointer: '/framework/levels/developing', rule: 'duplicate-exact', statement: DEVELOPING },
  ],
};

function writeConfiguredWorkspace(folder: string): string[] {
  const example = JSON.parse(EXAMPLE_TEXT);
  const l = example.framework.levels;
  const bands = structuredClone(example);
  bands.framework.levels = {
    trainee: { ...l.emerging, label: 'Trainee', statements: l.emerging.statements.slice(1) },
    lead: { ...l.proficient, label: 'Lead' },
    practitioner: { ...l.developing, label: 'Practitioner' },
    head: { ...l.advanced, label: 'Head' },
  };
  const scope = structuredClone(example);
  const s = scope.framework.levels;
  s.emerging.statements[1] = "Reference materials — search standard sources for patron inquiries as the branch's circulation czar.";
  s.developing.statements.push(DEVELOPING, s.developing.statements[3]);
  s.proficient.statements.push(s.proficient.statements[0]);
  writeFileSync(join(folder, '.competency-lint.json'), JSON.stringify(CONFIG, null, 2));
  const files = [join(folder, 'bands.json'), join(folder, 'scope.json')];
  writeFileSync(files[0], JSON.stringify(bands, null, 2));
  writeFileSync(files[1], JSON.stringify(scope, null, 2));
  return files;
}

describe('CLI/editor parity under a config', () => {
  let lsp: Lsp;
  let files: string[];
  let cli: Map<string, Placed[]>;
  before(async () => {
    lsp = await Lsp.start();
    files = writeConfiguredWorkspace(lsp.folder);
    cli = lintWithCli(files, lsp.folder);
  });
  after(() => lsp.stop());

  it('the config changes what the CLI finds, in every part', () => {
    const without = lintWithCli(files, lsp.folder, ['--no-config-lookup']);
    const [bands, scope] = files;
    const has = (found: Map<string, Placed[]>, file: string, test: (p: Placed) => boolean) => found.get(file)!.some(test);
    const levelOrder = (p: Placed) => p.ruleId === 'level-order' && p.message.includes('"levelOrder"');
    const lexicon = (p: Placed) => p.ruleId === 'scope-misplaced' && p.message.includes("'circulation czar'");
    const option = (p: Placed) => p.ruleId === 'level-balance' && p.pointer === '/framework/levels/trainee/statements';
    const byPointer = (p: Placed) => p.ruleId === 'scope-outlier' && p.pointer === '/framework/levels/developing/statements/2';
    const byStatement = (p: Placed) => p.ruleId === 'duplicate-exact' && p.pointer === '/framework/levels/developing/statements/10';
    const otherText = (p: Placed) => p.ruleId === 'duplicate-exact' && p.pointer === '/framework/levels/developing/statements/11';
    const parts = (found: Map<string, Placed[]>) => [
      has(found, bands, levelOrder),
      has(found, scope, lexicon),
      has(found, bands, option),
      has(found, scope, byPointer),
      has(found, scope, byStatement),
      has(found, scope, otherText),
    ];
    const named = 'levelOrder, lexicon, option, suppressed by pointer, suppressed by statement, another statement';
    assert.deepEqual(parts(cli), [true, true, true, false, false, true], `with the config: ${named}`);
    assert.deepEqual(parts(without), [false, false, false, true, true, true], `without it: ${named}`);
    const gaps = [...cli.values()].flat().filter((p) => p.ruleId === 'topic-gap');
    assert.ok(gaps.length > 0 && gaps.every((p) => p.severity === 'warning'), 'topic-gap at the configured severity');
    assert.ok([...without.values()].flat().some((p) => p.ruleId === 'topic-gap' && p.severity !== 'warning'), 'which is not its default');
  });

  it('gives the same findings in the server as in the CLI', async () => {
    await compareWithServer(lsp, files, cli);
  });
});
