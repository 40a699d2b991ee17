/**
 * `npm run bench`: competency-lint side by side with the tools a user would otherwise pick, on the
 * same machine in the same run, printed as one table and written to BENCHMARKS.md with the machine,
 * its load, the versions and the command. Not part of `npm test`: it takes minutes and its numbers
 * depend on the machine.
 *
 * Options: `--runs N` (repetitions of each timed step; medians are reported; default 5),
 * `--quick` (fewer runs and no 20 MB document, for trying the harness), `--no-write` (print only).
 *
 * The peers are not devDependencies, so `npm ci` stays fast for CI: on first use they are installed
 * into .cache/bench-peers with `npm install --prefix` (ajv-cli 5 with ajv-formats, Spectral 6, and
 * vscode-langservers-extracted for VS Code's JSON language server). Inputs are generated into
 * .cache/bench (git-ignored) by bench/corpus.ts. The built CLI is copied there first, so a rebuild
 * by someone else during the run cannot change what is measured.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem, release } from 'node:os';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { analyse, DEFAULT_MAX_FILE_SIZE, sizeInWords } from '../server/src/core/service';
import { EMPTY_CONFIG } from '../server/src/core/config/types';
import { RULES } from '../server/src/core/rules/index';
import { EXAMPLE_TEXT, ROOT, frameworkOfSize, frameworkOfStatements, writeCatalogue } from './corpus';
import { jsonServerSpec, measureLatency, ourServerSpec, type LatencyResult, type ServerSpec } from './lsp-compare';

const argv = process.argv.slice(2);
const QUICK = argv.includes('--quick');
const WRITE = !argv.includes('--no-write');
const RUNS = argv.includes('--runs') ? Number(argv[argv.indexOf('--runs') + 1]) : QUICK ? 2 : 5;

const CACHE = join(ROOT, '.cache/bench');
const PEERS = join(ROOT, '.cache/bench-peers');
const CLI = join(CACHE, 'dist/cli.js');
const SCHEMA = join(ROOT, 'schemas/competency-framework.schema.json');
const MB = 1024 * 1024;

function log(message: string): void {
  process.stderr.write(`# ${message}\n`);
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** The runs of one server on one document as one result: the median open, peak and idle, and every edit. */
/** The median time of JSON.parse on `text`, warm (after one parse that is not counted). */
function parseMs(text: string): number {
  JSON.parse(text);
  const times: number[] = [];
  for (let r = 0; r < Math.max(3, RUNS); r++) {
    const t0 = performance.now();
    JSON.parse(text);
    times.push(performance.now() - t0);
  }
  return median(times);
}

function medianLatency(runs: readonly LatencyResult[]): LatencyResult {
  return {
    openMs: median(runs.map((r) => r.openMs)),
    editMs: runs.flatMap((r) => r.editMs),
    findings: runs[0].findings,
    peakAboveIdleMB: median(runs.map((r) => r.peakAboveIdleMB)),
    idleMB: median(runs.map((r) => r.idleMB)),
  };
}

function uptime(): string {
  const [a, b, c] = loadavg();
  return `load average ${a.toFixed(2)}, ${b.toFixed(2)}, ${c.toFixed(2)} (1, 5, 15 min) on ${cpus().length} cores`;
}

// ---------------------------------------------------------------------------------------------
// Set-up: the built CLI, the peers, the inputs.

function setUp(): void {
  log('building dist/cli.js');
  execFileSync(process.execPath, [join(ROOT, 'scripts/build.mjs')], { cwd: ROOT, stdio: 'inherit' });
  mkdirSync(join(CACHE, 'dist'), { recursive: true });
  copyFileSync(join(ROOT, 'dist/cli.js'), CLI);
  if (!existsSync(join(PEERS, 'node_modules/.bin/spectral')) || !existsSync(join(PEERS, 'node_modules/ajv-formats')) || !existsSync(join(PEERS, 'node_modules/.bin/vscode-json-language-server'))) {
    log('installing the peers into .cache/bench-peers (first run only)');
    mkdirSync(PEERS, { recursive: true });
    execFileSync('npm', ['install', '--prefix', PEERS, '--no-audit', '--no-fund', 'ajv-cli@5', 'ajv-formats@3', '@stoplight/spectral-cli@6', 'vscode-langservers-extracted@4'], { stdio: 'inherit' });
  }
}

function peerVersion(name: string): string {
  return JSON.parse(readFileSync(join(PEERS, 'node_modules', name, 'package.json'), 'utf8')).version;
}

/** Spectral's ruleset: our schema (inline, since the file is the same one ajv-cli reads) and exact duplicates. */
function spectralRuleset(): string {
  const dir = join(CACHE, 'spectral');
  mkdirSync(join(dir, 'functions'), { recursive: true });
  writeFileSync(
    join(dir, 'functions/uniqueStatements.js'),
    `// Exact duplicate statements across a framework's levels (trimmed, case-folded).
module.exports = function uniqueStatements(levels, _options, context) {
  if (levels === null || typeof levels !== 'object') return [];
  const seen = new Map();
  const results = [];
  for (const [key, level] of Object.entries(levels)) {
    const list = level && Array.isArray(level.statements) ? level.statements : [];
    list.forEach((s, i) => {
      if (typeof s !== 'string') return;
      const k = s.trim().toLowerCase();
      if (seen.has(k)) results.push({ message: 'Same statement as ' + seen.get(k), path: [...context.path, key, 'statements', i] });
      else seen.set(k, key + ' #' + (i + 1));
    });
  }
  return results;
};
`,
  );
  const schema = JSON.parse(readFileSync(SCHEMA, 'utf8'));
  const ruleset = {
    functions: ['uniqueStatements'],
    rules: {
      'framework-schema': { description: 'The export matches the schema.', message: '{{error}}', severity: 'error', given: '$', then: { function: 'schema', functionOptions: { schema, dialect: 'draft2020-12', allErrors: true } } },
      'duplicate-exact': { description: 'A statement appears once.', message: '{{error}}', severity: 'warn', given: '$.framework.levels', then: { function: 'uniqueStatements' } },
    },
  };
  writeFileSync(join(dir, 'ruleset.json'), JSON.stringify(ruleset, null, 2));
  return join(dir, 'ruleset.json');
}

// ---------------------------------------------------------------------------------------------
// Timing a command: wall time from this process, CPU time and peak memory from GNU time.

interface CommandTime {
  wall: number;
  cpu: number;
  status: number | null;
  stdout: string;
}

function timeCommand(cmd: string, args: string[], cwd: string): CommandTime {
  const gnuTime = existsSync('/usr/bin/time');
  const t0 = performance.now();
  const r = gnuTime
    ? spawnSync('/usr/bin/time', ['-f', '@@TIME %U %S', cmd, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 30 })
    : spawnSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  const wall = performance.now() - t0;
  const m = /@@TIME ([\d.]+) ([\d.]+)/.exec(r.stderr ?? '');
  return { wall, cpu: m ? (Number(m[1]) + Number(m[2])) * 1000 : NaN, status: r.status, stdout: r.stdout };
}

function repeat(runs: number, cmd: string, args: string[], cwd: string, check: (t: CommandTime) => void): { wall: number; cpu: number } {
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = timeCommand(cmd, args, cwd);
    check(t);
    walls.push(t.wall);
    cpus.push(t.cpu);
  }
  return { wall: median(walls), cpu: median(cpus) };
}

// ---------------------------------------------------------------------------------------------
// In-process timing of the analysis and of the floor.

function timeFn(runs: number, fn: () => unknown): { wall: number; cpu: number } {
  const walls: number[] = [];
  const cpuTimes: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    fn();
    walls.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpuTimes.push((c.user + c.system) / 1000);
  }
  return { wall: median(walls), cpu: median(cpuTimes) };
}

const FULL = { ...EMPTY_CONFIG, maxFileSize: Number.MAX_SAFE_INTEGER };

function floorValidator(): (text: string) => unknown {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv, ['date-time']);
  const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA, 'utf8')));
  return (text) => validate(JSON.parse(text));
}

// ---------------------------------------------------------------------------------------------

interface Row {
  section: string;
  measure: string;
  ours: string;
  peer: string;
  ratio: string;
  target: string;
  met: boolean | undefined;
}

const rows: Row[] = [];
const fmtMs = (ms: number) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 100 ? `${ms.toFixed(0)} ms` : `${ms.toFixed(1)} ms`);
const fmtX = (x: number) => `${x.toFixed(x >= 10 ? 1 : 2)}×`;

async function editorLatency(): Promise<void> {
  const jsonLs = jsonServerSpec(join(PEERS, 'node_modules/vscode-langservers-extracted/lib/json-language-server/node/jsonServerMain.js'), SCHEMA);
  const ours = ourServerSpec(CLI);
  const nullServer: ServerSpec = { name: 'transport floor', script: join(ROOT, 'bench/null-server.mjs'), args: ['--stdio'], configuration: {} };
  // The warm-up document breaks the schema (a job zone in words), so both must report something.
  const warmup = EXAMPLE_TEXT.replace('"jobZone":5', '"jobZone":"five"');
  const docs: { name: string; text: string; mb: number }[] = [{ name: 'example (7.7 KB, 40 statements)', text: EXAMPLE_TEXT, mb: EXAMPLE_TEXT.length / MB }];
  for (const mb of QUICK ? [0.1, 1, 5] : [0.1, 1, 5, 20]) {
    const text = frameworkOfSize(mb * MB);
    docs.push({ name: `${mb} MB`, text, mb: text.length / MB });
  }
  for (const doc of docs) {
    log(`editor latency: ${doc.name}`);
    const edits = Math.max(3, doc.mb > 4 ? RUNS : RUNS * 3);
    const big = doc.mb >= 0.99;
    // An open is one sample per server process, so each server is started several times, in turn
    // (ours, the JSON server, the floor, then again), and the medians are reported; the edits of
    // every run are pooled. Opens of 1 MB or less take tens of milliseconds and moved by a quarter
    // between runs of three, so they get at least seven processes each; they cost little. What
    // receiving the document costs any server built on vscode-languageserver, before it looks at it
    // (bench/null-server.mjs), is the part of both servers' times that neither can cut.
    const processes = doc.mb <= 1.5 ? Math.max(RUNS, 7) : RUNS;
    const runsA: LatencyResult[] = [];
    const runsB: LatencyResult[] = [];
    const runsFloor: LatencyResult[] = [];
    for (let r = 0; r < processes; r++) {
      runsA.push(await measureLatency(ours, warmup, doc.text, edits));
      runsB.push(await measureLatency(jsonLs, warmup, doc.text, edits));
      if (big) runsFloor.push(await measureLatency(nullServer, warmup, doc.text, 0));
    }
    const a = medianLatency(runsA);
    const b = medianLatency(runsB);
    const opens = `median of ${processes} opens, a process each`;
    const limited = doc.text.length > DEFAULT_MAX_FILE_SIZE ? ` (cheap rules: above the ${sizeInWords(DEFAULT_MAX_FILE_SIZE)} maxFileSize)` : '';
    if (big) {
      const floor = medianLatency(runsFloor);
      rows.push({
        section: 'Editor',
        measure: `transport floor: didOpen → diagnostics of a server that analyses nothing, ${doc.name}; peak memory above idle (${opens})`,
        ours: `${fmtMs(floor.openMs)}, ${floor.peakAboveIdleMB.toFixed(0)} MB (${(floor.peakAboveIdleMB / doc.mb).toFixed(1)}× doc)`,
        peer: fmtMs(b.openMs),
        ratio: fmtX(floor.openMs / b.openMs),
        target: '',
        met: undefined,
      });
      // Any server that reads the document's content parses its text once more after the transport
      // has parsed the message: the floor plus a warm JSON.parse of the text is a lower bound for
      // an open that reports anything about the document, whatever it is written in.
      const parse = parseMs(doc.text);
      rows.push({
        section: 'Editor',
        measure: `lower bound: the transport floor + JSON.parse of the text (${fmtMs(parse)}, in process, warm), ${doc.name}`,
        ours: fmtMs(floor.openMs + parse),
        peer: fmtMs(b.openMs),
        ratio: fmtX((floor.openMs + parse) / b.openMs),
        target: '',
        met: undefined,
      });
    }
    rows.push({
      section: 'Editor',
      measure: `didOpen → diagnostics, ${doc.name}${limited} (${opens})`,
      ours: fmtMs(a.openMs),
      peer: fmtMs(b.openMs),
      ratio: fmtX(a.openMs / b.openMs),
      target: big ? '≤ 0.5×' : '',
      met: big ? a.openMs / b.openMs <= 0.5 : undefined,
    });
    const ea = median(a.editMs);
    const eb = median(b.editMs);
    const isExample = doc.name.startsWith('example');
    rows.push({
      section: 'Editor',
      measure: `1-char didChange → diagnostics, ${doc.name}${limited} (median of ${a.editMs.length})`,
      ours: fmtMs(ea),
      peer: fmtMs(eb),
      ratio: fmtX(ea / eb),
      target: isExample ? 'ours < 20 ms' : big ? '≤ 0.5×' : '',
      met: isExample ? ea < 20 : big ? ea / eb <= 0.5 : undefined,
    });
    if (doc.mb >= 4.5) {
      const times = (a.peakAboveIdleMB / doc.mb).toFixed(1);
      rows.push({
        section: 'Editor',
        measure: `peak memory above idle (VmHWM − idle VmRSS), ${doc.name}${limited}, median of ${processes} processes; idle ${a.idleMB.toFixed(0)} / ${b.idleMB.toFixed(0)} MB`,
        ours: `${a.peakAboveIdleMB.toFixed(0)} MB (${times}× doc)`,
        peer: `${b.peakAboveIdleMB.toFixed(0)} MB (${(b.peakAboveIdleMB / doc.mb).toFixed(1)}× doc)`,
        ratio: fmtX(a.peakAboveIdleMB / b.peakAboveIdleMB),
        target: doc.mb > 15 ? 'ours ≤ 6× doc' : '',
        met: doc.mb > 15 ? a.peakAboveIdleMB / doc.mb <= 6 : undefined,
      });
    }
  }
}

/** --rule arguments turning off every rule but `keep` (nothing when `keep` is not given). */
function onlyRules(keep?: string[]): string[] {
  if (!keep) return [];
  return RULES.filter((r) => !keep.includes(r.id)).flatMap((r) => ['--rule', `${r.id}:off`]);
}

function cliThroughput(): void {
  const dir = join(CACHE, 'files');
  log('CLI throughput: writing the 1,000-file catalogue');
  writeCatalogue(dir, 1000);
  const ruleset = spectralRuleset();
  const bin = (name: string) => join(PEERS, 'node_modules/.bin', name);
  // `keep` names the only rules left on, for the like-for-like rows (every other rule is turned off with --rule).
  const oursRun = (n: number, keep?: string[]) =>
    repeat(RUNS, process.execPath, [CLI, '--no-config-lookup', '--concurrency', String(n), '--format', 'json', ...onlyRules(keep), 'files'], CACHE, (t) => {
      if (t.status !== 0 && t.status !== 1) throw new Error(`competency-lint exited ${t.status}`);
      if ((JSON.parse(t.stdout) as unknown[]).length !== 1000) throw new Error('competency-lint did not lint 1,000 files');
    });
  log('CLI throughput: competency-lint, 2 workers and 1');
  const ours2 = oursRun(2);
  const ours1 = oursRun(1);
  log('CLI throughput: competency-lint with the checks of each peer only');
  const oursSchema = oursRun(1, ['json-syntax', 'schema']);
  const oursSpectral = oursRun(1, ['json-syntax', 'schema', 'duplicate-exact']);
  log('CLI throughput: ajv-cli');
  const ajv = repeat(RUNS, bin('ajv'), ['validate', '--spec=draft2020', '--strict=false', '-c', 'ajv-formats', '-s', SCHEMA, '-d', 'files/*.json', '--all-errors', '--errors=text'], CACHE, (t) => {
    if (t.status !== 0 && t.status !== 1) throw new Error(`ajv-cli exited ${t.status}`);
  });
  log('CLI throughput: Spectral');
  const spectral = repeat(Math.min(RUNS, 3), bin('spectral'), ['lint', 'files/*.json', '--ruleset', ruleset, '-f', 'json', '--quiet'], CACHE, (t) => {
    if (t.status !== 0 && t.status !== 1) throw new Error(`spectral exited ${t.status}`);
  });
  const cpuNote = (x: { cpu: number }) => ` (CPU ${fmtMs(x.cpu)})`;
  // The headline rows take the faster of one and two threads: the default (one thread per 20
  // files, up to the cores) is two threads here, and --concurrency 1 is the run without workers.
  const best = ours1.wall <= ours2.wall ? { run: ours1, name: '1 thread' } : { run: ours2, name: '2 threads' };
  rows.push({ section: 'CLI, 1,000 files', measure: `ours (all rules, ${best.name}) vs ajv-cli (schema only)`, ours: fmtMs(best.run.wall) + cpuNote(best.run), peer: fmtMs(ajv.wall) + cpuNote(ajv), ratio: fmtX(best.run.wall / ajv.wall), target: '≤ 1×', met: best.run.wall <= ajv.wall });
  rows.push({ section: 'CLI, 1,000 files', measure: `ours (all rules, ${best.name}) vs Spectral 6 (schema + exact duplicates)`, ours: fmtMs(best.run.wall), peer: fmtMs(spectral.wall) + cpuNote(spectral), ratio: fmtX(best.run.wall / spectral.wall), target: '≤ 0.1×', met: best.run.wall / spectral.wall <= 0.1 });
  // Like for like: the same checks as the peer, so the rows above can be read as what the other rules cost.
  rows.push({ section: 'CLI, 1,000 files', measure: 'like for like: ours with the schema only (other rules off) vs ajv-cli', ours: fmtMs(oursSchema.wall) + cpuNote(oursSchema), peer: fmtMs(ajv.wall), ratio: fmtX(oursSchema.wall / ajv.wall), target: '', met: undefined });
  rows.push({ section: 'CLI, 1,000 files', measure: 'like for like: ours with schema + exact duplicates (other rules off) vs Spectral', ours: fmtMs(oursSpectral.wall) + cpuNote(oursSpectral), peer: fmtMs(spectral.wall), ratio: fmtX(oursSpectral.wall / spectral.wall), target: '', met: undefined });
  rows.push({ section: 'CLI, 1,000 files', measure: 'speed-up on 2 cores: --concurrency 1 vs 2', ours: fmtMs(ours2.wall), peer: `${fmtMs(ours1.wall)}${cpuNote(ours1)} (1 thread)`, ratio: `${(ours1.wall / ours2.wall).toFixed(2)}× faster`, target: '', met: undefined });
}

function scalingAndFloor(): void {
  const validate = floorValidator();
  const results: { n: number; ms: number; cpu: number; floor: number; mb: number }[] = [];
  for (const n of QUICK ? [1_000, 10_000] : [1_000, 10_000, 100_000]) {
    log(`scaling: ${n} statements`);
    const text = frameworkOfStatements(n);
    const runs = n >= 100_000 ? Math.max(3, Math.ceil(RUNS / 2)) : RUNS;
    analyse(text, { config: FULL }); // warm the code paths
    const t = timeFn(runs, () => analyse(text, { config: FULL }));
    const f = timeFn(runs, () => validate(text));
    results.push({ n, ms: t.wall, cpu: t.cpu, floor: f.wall, mb: text.length / MB });
  }
  results.forEach((r, i) => {
    const prev = results[i - 1];
    const growth = prev ? r.ms / prev.ms : undefined;
    rows.push({
      section: 'Scaling',
      measure: `full analysis, ${r.n.toLocaleString('en')} statements (${r.mb.toFixed(1)} MB)${prev ? `, growth from ${prev.n.toLocaleString('en')}` : ''}`,
      ours: `${fmtMs(r.ms)} (CPU ${fmtMs(r.cpu)})`,
      peer: `floor ${fmtMs(r.floor)}`,
      ratio: growth ? `${growth.toFixed(1)}× for 10×` : '',
      target: growth ? '≤ 13×' : '',
      met: growth ? growth <= 13 : undefined,
    });
  });
  log('floor: 5 MB');
  const text = frameworkOfSize(5 * MB);
  analyse(text, { config: FULL });
  const ours = timeFn(RUNS, () => analyse(text, { config: FULL }));
  const floor = timeFn(RUNS, () => validate(text));
  rows.push({
    section: 'Floor',
    measure: `full analysis of 5 MB vs JSON.parse + compiled ajv of the same bytes`,
    ours: `${fmtMs(ours.wall)} (CPU ${fmtMs(ours.cpu)})`,
    peer: `${fmtMs(floor.wall)} (CPU ${fmtMs(floor.cpu)})`,
    ratio: fmtX(ours.wall / floor.wall),
    target: '≤ 3×',
    met: ours.wall / floor.wall <= 3,
  });
}

function table(): string {
  const lines = ['| | measure | competency-lint | peer | ours / peer | target | met |', '|---|---|---|---|---|---|---|'];
  for (const r of rows) lines.push(`| ${r.section} | ${r.measure} | ${r.ours} | ${r.peer} | ${r.ratio} | ${r.target} | ${r.met === undefined ? '' : r.met ? 'yes' : '**no**'} |`);
  return lines.join('\n');
}

async function main(): Promise<void> {
  const started = new Date();
  const loadBefore = uptime();
  setUp();
  const only = argv.filter((a) => ['editor', 'cli', 'scaling'].includes(a));
  const want = (s: string) => only.length === 0 || only.includes(s);
  if (want('scaling')) scalingAndFloor();
  if (want('cli')) cliThroughput();
  if (want('editor')) await editorLatency();
  const loadAfter = uptime();
  const out = table();
  console.log(out);
  if (!WRITE) return;
  const ourVersion = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;
  const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).stdout.trim();
  const doc = `# Benchmarks

Written by \`npm run bench\` (bench/run.ts) on ${started.toISOString()}; the command was
\`node --import tsx bench/run.ts ${argv.join(' ')}\`. Medians of ${RUNS} runs per timed step
(edits: more at small sizes); every ratio is ours over the peer's median from the same run.

- Machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${(totalmem() / 1024 ** 3).toFixed(0)} GB, Linux ${release()}.
- Load: ${loadBefore} before; ${loadAfter} after. Other work shared the machine: wall-clock times
  include waiting for a core, which is why CPU times are shown beside them.
- Versions: node ${process.version}; competency-lint ${ourVersion} (${commit}); ajv-cli ${peerVersion('ajv-cli')} with ajv-formats
  ${peerVersion('ajv-formats')}; Spectral CLI ${peerVersion('@stoplight/spectral-cli')}; vscode-langservers-extracted
  ${peerVersion('vscode-langservers-extracted')} (VS Code's JSON language server).

${out}

How each number is taken:
- **Editor**: bench/lsp-compare.ts starts each server as its own process, warms it with a small
  document that breaks the schema (both must report it, which proves validation is on), then opens
  the document and makes one-character edits inside the first statement, each followed by a pull
  request (\`textDocument/diagnostic\`). Pull diagnostics keep the JSON server's fixed 500 ms push
  delay out of its numbers; our debounce is set to 0. Our server runs every rule up to its default
  \`maxFileSize\` (${sizeInWords(DEFAULT_MAX_FILE_SIZE)}) and the cheap rules above it, as a user gets by default. Memory is the
  process's peak resident set (VmHWM) minus its resident set after the warm-up. Each server is
  started ${RUNS} times per document (at least 7 times for documents of 1 MB or less), in turn
  with the others; the opens and peaks are the medians over those processes, and the edits of all
  of them are pooled. The transport floor is
  bench/null-server.mjs, a server on the same library that analyses nothing; the lower-bound rows add
  to its open a warm \`JSON.parse\` of the same text, timed in the benchmark's own process.
- **CLI**: one process over the 1,000 generated example-sized files in .cache/bench/files (real
  headers, 40 real-text statements each): \`competency-lint --no-config-lookup --concurrency N
  --format json files\`; \`ajv validate --spec=draft2020 --strict=false -c ajv-formats -s schema -d
  'files/*.json' --all-errors --errors=text\`; \`spectral lint 'files/*.json' --ruleset ruleset.json
  -f json --quiet\` with a ruleset that checks our schema and exact duplicate statements (written to
  .cache/bench/spectral by the benchmark). CPU is user + system time from GNU time. The like-for-like
  rows run ours with \`--rule id:off\` for every rule but the peer's checks (json-syntax and schema;
  and duplicate-exact for Spectral).
- **Scaling** and **Floor**: in process, \`analyse(text)\` through the core façade with every rule
  (maxFileSize raised so that nothing is skipped), against \`JSON.parse\` plus an ajv validator
  compiled beforehand from the same schema (the floor) on the same bytes.
- Inputs: bench/corpus.ts recombines the example, the development corpus and the O*NET task
  statements; about 1% exact and 2% near duplicates.
`;
  // What the profiles showed and where the targets stand is written by people, in bench/NOTES.md.
  const notesFile = join(ROOT, 'bench/NOTES.md');
  const notes = existsSync(notesFile) ? `\n${readFileSync(notesFile, 'utf8')}` : '';
  writeFileSync(join(ROOT, 'BENCHMARKS.md'), doc + notes);
  log('wrote BENCHMARKS.md');
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
