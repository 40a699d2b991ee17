/**
 * One harness that drives two language servers over LSP the same way an editor does, and times
 * the diagnostics: ours (`node dist/cli.js --stdio`, every rule) and VS Code's JSON language server
 * (`vscode-json-language-server --stdio`, validating the same document against our schema).
 *
 * Both are asked for diagnostics with pull requests (textDocument/diagnostic), which both offer, so
 * the JSON server's fixed 500 ms push delay is not in its numbers and our debounce is not in ours
 * (set to 0): what is timed is each server's own work — parse, validate or analyse, convert,
 * serialise — plus a local pipe. A fresh server process per document gives that document's peak
 * memory (VmHWM in /proc/PID/status) over the process after start-up and a warm-up document (idle).
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';

export interface ServerSpec {
  name: string;
  /** The server's script, run with this node. */
  script: string;
  args: string[];
  initializationOptions?: unknown;
  /** Answers to workspace/configuration. */
  configuration: unknown;
  /** Sent after `initialized` (the JSON server learns its schema this way). */
  afterInit?: (conn: MessageConnection) => Promise<void>;
}

export interface LatencyResult {
  openMs: number;
  editMs: number[];
  findings: number;
  /** MB of peak resident memory above the idle process, and the idle process itself. */
  peakAboveIdleMB: number;
  idleMB: number;
}

function memoryKB(pid: number, field: 'VmHWM' | 'VmRSS'): number {
  const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) : NaN;
}

/** The JSON server's settings that associate our schema with every .json document. */
export function jsonServerSpec(script: string, schemaPath: string): ServerSpec {
  const settings = { json: { validate: { enable: true }, schemas: [{ fileMatch: ['*.json'], url: pathToFileURL(schemaPath).href }] } };
  return {
    name: 'VS Code JSON language server',
    script,
    args: ['--stdio'],
    initializationOptions: { handledSchemaProtocols: ['file'], provideFormatter: false },
    configuration: settings.json,
    afterInit: async (conn) => conn.sendNotification('workspace/didChangeConfiguration', { settings }),
  };
}

export function ourServerSpec(cli: string): ServerSpec {
  return { name: 'competency-lint', script: cli, args: ['--stdio'], configuration: { debounceMs: 0 } };
}

/** Where a one-character edit goes: inside the first statement's body, as line and character. */
function editPosition(text: string): { line: number; character: number } {
  const doc = JSON.parse(text);
  const first = Object.values<any>(doc.framework.levels)[0].statements[0] as string;
  const offset = text.indexOf(JSON.stringify(first)) + 2;
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

/**
 * Starts the server, warms it with `warmup` (which must get at least one diagnostic, proving that
 * validation is on), then opens `text` and makes `edits` one-character edits, each followed by a
 * pull. Times are from the notification's sending to the diagnostic report's arrival.
 */
export async function measureLatency(spec: ServerSpec, warmup: string, text: string, edits: number): Promise<LatencyResult> {
  // BENCH_SERVER_ARGS passes node options to the servers, such as --cpu-prof to see where the time goes.
  const nodeArgs = (process.env.BENCH_SERVER_ARGS ?? '').split(' ').filter(Boolean);
  const proc = spawn(process.execPath, [...nodeArgs, spec.script, ...spec.args], { stdio: ['pipe', 'pipe', 'pipe'] });
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  let stderr = '';
  proc.stderr!.on('data', (d) => (stderr += String(d)));
  const conn = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
  conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => spec.configuration));
  conn.onRequest('client/registerCapability', () => null);
  conn.onRequest('workspace/diagnostic/refresh', () => null);
  conn.onNotification('textDocument/publishDiagnostics', () => undefined);
  conn.onNotification('window/logMessage', () => undefined);
  conn.listen();
  try {
    await conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: { textDocument: { diagnostic: { dynamicRegistration: false } }, workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: false } } },
      initializationOptions: spec.initializationOptions,
    });
    await conn.sendNotification('initialized', {});
    await spec.afterInit?.(conn);

    const pull = async (uri: string) => ((await conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items: unknown[] }).items.length;
    const warmUri = 'file:///bench/warmup.json';
    await conn.sendNotification('textDocument/didOpen', { textDocument: { uri: warmUri, languageId: 'json', version: 1, text: warmup } });
    const warmFindings = await pull(warmUri);
    if (warmFindings === 0) throw new Error(`${spec.name} found nothing in the warm-up document, which breaks the schema: is validation on?`);
    await conn.sendNotification('textDocument/didClose', { textDocument: { uri: warmUri } });
    const idleKB = memoryKB(proc.pid!, 'VmRSS');

    const uri = 'file:///bench/framework.json';
    const t0 = performance.now();
    await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'json', version: 1, text } });
    const findings = await pull(uri);
    const openMs = performance.now() - t0;

    const pos = editPosition(text);
    const editMs: number[] = [];
    for (let i = 0; i < edits; i++) {
      const insert = i % 2 === 0;
      const range = insert ? { start: pos, end: pos } : { start: pos, end: { line: pos.line, character: pos.character + 1 } };
      const start = performance.now();
      await conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: i + 2 }, contentChanges: [{ range, text: insert ? 'x' : '' }] });
      await pull(uri);
      editMs.push(performance.now() - start);
    }
    const peakKB = memoryKB(proc.pid!, 'VmHWM');
    await conn.sendRequest('shutdown');
    await conn.sendNotification('exit');
    // A server that exits by itself gets to finish what it writes on exit (a CPU profile, say).
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000).unref())]);
    return { openMs, editMs, findings, peakAboveIdleMB: (peakKB - idleKB) / 1024, idleMB: idleKB / 1024 };
  } catch (err) {
    throw new Error(`${spec.name}: ${(err as Error).message}\n${stderr}`);
  } finally {
    conn.dispose();
    proc.kill();
  }
}
