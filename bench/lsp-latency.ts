/**
 * Server-side latency from a one-character edit to diagnostics: `node --import tsx bench/lsp-latency.ts`
 * (options: `--runs N`, default 15; `--mb M` for the large document, default 5; `--in-process N` analyses
 * in-process for comparison, default 7, 0 to skip; `--off a,b` turns rules
 * off through the competencyLint.rules setting, to see what they cost). Build first
 * (`npm run build`): the built server is what runs.
 *
 * The built server (`node dist/cli.js --stdio`) is spawned and driven over JSON-RPC like an editor.
 * For each run one character is inserted into (or, the next run, removed from) a statement with an
 * incremental didChange, and the clock stops when textDocument/publishDiagnostics arrives for that
 * version. The debounce is set to 0 so the time is the server's own work (parse, model, every rule,
 * conversion, serialisation) plus a local pipe; with the default debounce (150 ms) add that much.
 * The server's own part (from the change's arrival to the diagnostics being sent, read from its
 * competencyLint/status after each edit) is shown beside it. For comparison, the same document is
 * analysed in-process through the façade. `--mb 0` measures the example alone.
 *
 * Documents: the example export (7.7 KB) and a framework of about 5 MB whose statements are real
 * text (the example and the development corpus), joined half to half to make distinct sentences.
 */
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { analyse } from '../server/src/core/service';

const ROOT = join(__dirname, '..');
const args = process.argv.slice(2);
const opt = (name: string, fallback: number) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const RUNS = opt('--runs', 15);
const MB = opt('--mb', 5);
/** In-process analyses for comparison (0 skips them, for sizes where one analysis takes minutes). */
const IN_PROCESS = opt('--in-process', 7);
const OFF = args.includes('--off') ? args[args.indexOf('--off') + 1].split(',') : [];
const RULES = Object.fromEntries(OFF.map((id) => [id, 'off']));
const CONFIG = { debounceMs: 0, rules: RULES };

function realStatements(): string[] {
  const out = new Set<string>();
  const add = (text: string) => {
    const doc = JSON.parse(text);
    for (const level of Object.values<any>(doc.framework?.levels ?? {})) for (const s of level.statements ?? []) out.add(s);
  };
  add(readFileSync(join(ROOT, 'examples/25-4022.00.json'), 'utf8'));
  const corpus = join(ROOT, 'test/corpus/ddat-dev');
  for (const f of readdirSync(corpus)) if (f.endsWith('.json')) add(readFileSync(join(corpus, f), 'utf8'));
  return [...out];
}

/** A framework of about `bytes` characters, pretty-printed like an export opened in an editor. */
function largeFramework(bytes: number): string {
  const doc = JSON.parse(readFileSync(join(ROOT, 'examples/25-4022.00.json'), 'utf8'));
  const real = realStatements();
  const levels = Object.keys(doc.framework.levels);
  for (const k of levels) doc.framework.levels[k].statements = [];
  let size = 0;
  let seed = 1;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (let i = 0; size < bytes; i++) {
    const a = real[Math.floor(rand() * real.length)].split(' ');
    const b = real[Math.floor(rand() * real.length)].split(' ');
    const s = [...a.slice(0, Math.ceil(a.length / 2)), ...b.slice(Math.floor(b.length / 2))].join(' ');
    doc.framework.levels[levels[i % levels.length]].statements.push(s);
    size += s.length + 12;
  }
  return JSON.stringify(doc, null, 2) + '\n';
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

async function measure(name: string, text: string): Promise<void> {
  // BENCH_SERVER_ARGS passes node options to the server, such as --cpu-prof to see where the time goes.
  const serverArgs = (process.env.BENCH_SERVER_ARGS ?? '').split(' ').filter(Boolean);
  const proc = spawn(process.execPath, [...serverArgs, join(ROOT, 'dist/cli.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const conn = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
  const waiting = new Map<number, (n: number) => void>();
  let findings = 0;
  conn.onNotification('textDocument/publishDiagnostics', (p: any) => {
    findings = p.diagnostics.length;
    waiting.get(p.version)?.(performance.now());
  });
  conn.onRequest('workspace/configuration', (p: any) => p.items.map(() => CONFIG));
  conn.onRequest('client/registerCapability', () => null);
  conn.listen();
  await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true } } });
  await conn.sendNotification('initialized', {});
  const uri = 'file:///bench/framework.json';
  const published = (version: number) => new Promise<number>((resolve) => waiting.set(version, resolve));

  const opened = published(1);
  const t0 = performance.now();
  await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'json', version: 1, text } });
  const openMs = (await opened) - t0;

  // The edit point: just after the first letter of the first statement's body (line and column).
  const doc = JSON.parse(text);
  const firstLevel = Object.keys(doc.framework.levels)[0];
  const first = doc.framework.levels[firstLevel].statements[0] as string;
  const offset = text.indexOf(JSON.stringify(first)) + 2;
  const before = text.slice(0, offset).split('\n');
  const pos = { line: before.length - 1, character: before[before.length - 1].length };
  const times: number[] = [];
  const inServer: number[] = [];
  let incremental = 0;
  for (let run = 0; run < RUNS; run++) {
    const version = run + 2;
    const insert = run % 2 === 0;
    const range = insert ? { start: pos, end: pos } : { start: pos, end: { line: pos.line, character: pos.character + 1 } };
    const done = published(version);
    const start = performance.now();
    await conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text: insert ? 'x' : '' }] });
    times.push((await done) - start);
    // The server's own time for this version: from its arrival to the diagnostics being sent.
    const status = (await conn.sendRequest('competencyLint/status', {})) as { lastDiagnosticsMs?: number; lastIncremental?: boolean };
    if (typeof status.lastDiagnosticsMs === 'number') inServer.push(status.lastDiagnosticsMs);
    if (status.lastIncremental) incremental++;
  }
  await conn.sendRequest('shutdown');
  const exited = new Promise((resolve) => proc.once('exit', resolve));
  await conn.sendNotification('exit');
  await exited;
  conn.dispose();

  const inProcess: number[] = [];
  for (let i = 0; i < Math.min(RUNS, IN_PROCESS); i++) {
    const s = performance.now();
    analyse(text, { config: { rules: Object.fromEntries(OFF.map((id) => [id, { severity: 'off' as const, options: {} }])), levelOrders: [], suppressions: [], lexicon: {} } });
    inProcess.push(performance.now() - s);
  }
  const kb = (text.length / 1024).toFixed(0);
  const statements = Object.values<any>(doc.framework.levels).reduce((n, l) => n + l.statements.length, 0);
  console.log(
    `${name}: ${kb} KB, ${statements} statements, ${findings} findings | edit→diagnostics median ${median(times).toFixed(1)} ms ` +
      `(min ${Math.min(...times).toFixed(1)}, max ${Math.max(...times).toFixed(1)}, ${RUNS} runs)` +
      (inServer.length ? `, in the server median ${median(inServer).toFixed(1)} ms` : '') +
      `, ${incremental} of ${RUNS} updated incrementally` +
      ` | open ${openMs.toFixed(0)} ms | ` +
      (inProcess.length ? `in-process analyse median ${median(inProcess).toFixed(1)} ms` : 'in-process not measured'),
  );
}

(async () => {
  console.log(`node ${process.version}, debounce 0 ms (add competencyLint.debounceMs, default 150 ms, for the editor's total)${OFF.length ? `, rules off: ${OFF.join(', ')}` : ''}`);
  await measure('example', readFileSync(join(ROOT, 'examples/25-4022.00.json'), 'utf8'));
  // --mb 0 measures the example alone (for profiling the server on small edits).
  if (MB > 0) await measure(`${MB} MB framework`, largeFramework(MB * 1024 * 1024));
})();
