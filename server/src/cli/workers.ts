/**
 * The CLI's parallel lint: `--concurrency N` lints on N threads, the main thread and N-1 worker
 * threads (without the option: up to the number of cores, one for every DEFAULT_FILES_PER_THREAD
 * files), and `--shard i/n` keeps only this CI job's part of the files (see shard.ts).
 *
 * The main thread finds the files (the folder walk and the configs' globs, which decide what a run
 * covers) and hands the whole list to every worker. Each thread, the main one included, then takes
 * the next file from a counter shared by all of them (an atomic add on a SharedArrayBuffer), so
 * that no thread waits for another to be given work and a thread that starts late, or meets large
 * files, simply takes fewer: files differ a lot in size, so a fixed split would leave a thread idle.
 * Workers send their results back a few files at a time, and the main thread puts every answer in
 * file order: the report and the messages on standard error are the same, byte for byte, whatever
 * the number of threads and whichever finishes first.
 *
 * Why the main thread lints too (measured on 2 cores, bench/NOTES.md): a thread that lints keeps
 * more than one core busy (V8's garbage collector and compiler run beside it), and every thread
 * pays its own start-up (loading the bundle, compiling the hot functions) before it lints at full
 * speed. A pool of N workers beside an idle main thread paid that N times and ran N+1 heaps; N-1
 * workers beside a main thread that lints pay it once less, and the warm main thread starts at once.
 *
 * A worker is dist/cli.js itself, entered again in a thread (main.ts sees `isLintWorker()`), so no
 * second bundle has to be built or shipped in the .vsix. Each worker keeps its own ConfigSource, so
 * a config is read once per thread rather than once per file.
 */
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { basename } from 'node:path';
import { CONFIG_FILE_NAME, type RuleOverrides } from '../node/config';
import type { Candidate } from '../node/files';
import { ConfigSource, type ConfigMode } from './configs';
import { preferLaterOptimisation } from './jit';
import { discoverFiles, lintCandidates, type LintOptions, type LintRun, type LintSink } from './lint';
import { selectShard, shardKey, type Shard } from './shard';

export interface ParallelOptions {
  /** Threads to lint on, the main thread included; 1 lints in the main thread alone. */
  concurrency: number;
  /** A thread is added for every this many files, up to `concurrency` (FILES_PER_WORKER when not given). */
  filesPerThread?: number;
  shard?: Shard;
  /** How the configs are found, so that each worker can build the same ConfigSource. */
  configMode: ConfigMode;
  overrides: RuleOverrides;
}

/**
 * Starting a worker (loading the bundle, compiling the rules' tables, warming up) costs about as
 * much as linting a handful of example-sized files, so a thread is added only for every this many
 * files: a run over a few files stays in the main thread, and the output is the same either way.
 * (A worker that starts after the others have taken every file costs its start-up in CPU time but
 * not in wall time: the run ends without waiting for it.)
 */
export const FILES_PER_WORKER = 8;

/**
 * Without --concurrency, a thread is added for every this many files, up to the number of cores.
 * Each thread warms up on its own (loading the bundle, the compiler's work on the analysis), so a
 * few files stay on one thread. Measured on this project's 2-core machine (bench/NOTES.md), with the
 * interrupt budget that a lint on several threads sets (jit.ts), two threads against one: 16 files
 * 0.26 against 0.25 s, 30 files 0.30 against 0.33 s, 50 files 0.35 against 0.41 s, 100 files
 * 0.41-0.44 against 0.48-0.53 s, 1,000 files 1.67-1.71 against 1.72-1.77 s. (Before that budget,
 * two threads were slower than one up to 1,000 files, and this was 1,000.)
 */
export const DEFAULT_FILES_PER_THREAD = 20;

/** Results a worker collects before sending them, so that a message carries more than one file. */
const RESULTS_PER_MESSAGE = 8;

/** Files the main thread lints between two turns of the event loop (the workers' results, signals). */
const FILES_BETWEEN_YIELDS = 4;

export function defaultConcurrency(): number {
  return Math.max(1, availableParallelism());
}

const WORKER_KIND = 'competency-lint/lint-worker';

interface WorkerSetup {
  kind: typeof WORKER_KIND;
  cwd: string;
  fix: boolean;
  quiet: boolean;
  /** A format made of parts: each worker makes its files' parts of the report (see PartFormat). */
  partFormat: string | undefined;
  color: boolean;
  nodeKinds: boolean;
  /** The html format: each worker renders its files' sections of the page (see lint.ts). */
  htmlSections: boolean;
  baseline: LintOptions['baseline'];
  configMode: ConfigMode;
  overrides: RuleOverrides;
  candidates: readonly Candidate[];
  /** One Int32: the index of the next file to lint, shared by every thread of the run. */
  next: SharedArrayBuffer;
}

/** One file's answer: its results and problems, by its index in the run's list of files. */
type FileAnswer = { id: number; run: LintRun };
type FromWorker = { answers: FileAnswer[]; done: boolean };

/**
 * How many files a run found, kept and left out, so that a run that lints nothing can say why.
 * Config files, which a folder walk meets as JSON and never lints, are not counted.
 */
export interface Coverage {
  /** Files found in the inputs (named, or met in a folder or by a glob and not ignored). */
  found: number;
  /** Of those, the files in this run's shard (all of them without --shard). */
  inShard: number;
  /** Files a folder walk left out, by the config whose `ignore` glob matched them. */
  ignored: ReadonlyMap<string, number>;
}

/** Lints the files, giving the sink every answer in file order (see LintSink) whatever the threads. */
export async function lintFilesInParallel(inputs: readonly string[], options: LintOptions, parallel: ParallelOptions, sink: LintSink): Promise<Coverage> {
  const { found, candidates: all, ignored } = discoverFiles(inputs, options);
  sink(found);
  const candidates = parallel.shard ? selectShard(all, parallel.shard, (c) => shardKey(c.path, options.cwd)) : all;
  const counted = (list: readonly Candidate[]) => list.filter((c) => basename(c.path) !== CONFIG_FILE_NAME).length;
  const coverage: Coverage = { found: counted(all), inShard: counted(candidates), ignored };
  if (!canUseWorkers(parallel, candidates.length)) {
    await lintInTurns(candidates, options, sink);
    return coverage;
  }
  // A broken config is reported with the first file it stops, as in a one-thread run.
  const seen = new Set(found.problems.map((p) => p.message));
  await lintOnThreads(candidates, options, parallel, (answer) => {
    answer.problems = answer.problems.filter((p) => {
      const fresh = !seen.has(p.message);
      seen.add(p.message);
      return fresh;
    });
    sink(answer);
  });
  return coverage;
}

/**
 * One thread: a few files at a time, with the event loop let in between, so that a signal that
 * stops the run (Ctrl-C) is handled at once, and a report file being written is removed rather
 * than left half-written (output.ts).
 */
async function lintInTurns(candidates: readonly Candidate[], options: LintOptions, sink: LintSink): Promise<void> {
  const reportedConfigs = new Set<string>();
  for (let i = 0; i < candidates.length; i += FILES_BETWEEN_YIELDS) {
    if (i > 0) await new Promise((resolve) => setImmediate(resolve));
    lintCandidates(candidates.slice(i, i + FILES_BETWEEN_YIELDS), options, sink, reportedConfigs, i);
  }
}

function canUseWorkers(parallel: ParallelOptions, files: number): boolean {
  // Under tsx (tests of the source) there is no bundle to enter again as a worker.
  if (!__filename.endsWith('.js')) return false;
  return threadCount(parallel, files) > 1;
}

/**
 * At most this many threads per core, whatever --concurrency asks: more can only wait for a core,
 * and each holds its own heap (a review's --concurrency 1000 over 420 files took 1.2 GB and six
 * times as long as one thread). Four leaves room for a machine whose cores the count understates.
 */
const MAX_THREADS_PER_CORE = 4;

/** Threads to lint on, the main thread included. */
export function threadCount(parallel: ParallelOptions, files: number): number {
  return Math.min(parallel.concurrency, MAX_THREADS_PER_CORE * defaultConcurrency(), Math.floor(files / (parallel.filesPerThread ?? FILES_PER_WORKER)));
}

/** A fresh set per file: every file that a broken config stops carries the config's message, and the merge keeps the first in file order. */
function lintOneCandidate(candidate: Candidate, options: LintOptions, index: number): LintRun {
  let answer: LintRun = { results: [], problems: [] };
  lintCandidates([candidate], options, (a) => (answer = a), new Set(), index);
  return answer;
}

/**
 * Lints on several threads and gives `inOrder` each file's answer as soon as every earlier file's
 * answer has been given, so the report grows in file order while the threads work.
 */
function lintOnThreads(candidates: readonly Candidate[], options: LintOptions, parallel: ParallelOptions, inOrder: LintSink): Promise<void> {
  preferLaterOptimisation();
  const next = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT);
  const counter = new Int32Array(next);
  const setup: WorkerSetup = {
    kind: WORKER_KIND,
    cwd: options.cwd,
    fix: options.fix,
    quiet: options.quiet,
    partFormat: options.partFormat,
    color: options.color === true,
    nodeKinds: options.nodeKinds === true,
    htmlSections: options.htmlSections === true,
    baseline: options.baseline,
    configMode: parallel.configMode,
    overrides: parallel.overrides,
    candidates,
    next,
  };
  // Answers that came before an earlier file's; each is dropped once given.
  const waiting: (LintRun | undefined)[] = new Array(candidates.length);
  let given = 0;
  const workers: Worker[] = [];
  return new Promise<void>((resolve, reject) => {
    let settled = false;
    const finish = (err?: unknown) => {
      if (settled) return;
      settled = true;
      // A worker still starting (the others took every file first) is not waited for.
      for (const w of workers) {
        w.unref();
        void w.terminate();
      }
      if (err === undefined) resolve();
      else reject(err);
    };
    const answer = (a: FileAnswer) => {
      waiting[a.id] = a.run;
      while (given < candidates.length && waiting[given] !== undefined) {
        const ready = waiting[given]!;
        waiting[given++] = undefined;
        inOrder(ready);
      }
      if (given === candidates.length) finish();
    };

    for (let i = 1; i < threadCount(parallel, candidates.length); i++) {
      const worker = new Worker(__filename, { workerData: setup });
      let done = false;
      workers.push(worker);
      worker.on('message', (m: FromWorker) => {
        try {
          for (const a of m.answers) answer(a);
        } catch (err) {
          finish(err);
        }
        if (m.done) done = true;
      });
      worker.on('error', (err) => finish(err));
      worker.on('exit', (code) => {
        if (!done && !settled) finish(new Error(`a lint worker stopped early (exit code ${code})`));
      });
    }

    // The main thread lints too, looking at its messages every few files so that the workers'
    // results are taken in (and their memory freed) while it works.
    const lintHere = () => {
      try {
        for (let k = 0; k < FILES_BETWEEN_YIELDS && !settled; k++) {
          const id = Atomics.add(counter, 0, 1);
          if (id >= candidates.length) return;
          answer({ id, run: lintOneCandidate(candidates[id], options, id) });
        }
      } catch (err) {
        finish(err);
      }
      if (!settled) setImmediate(lintHere);
    };
    lintHere();
  });
}

/** True in a thread started by lintOnThreads (dist/cli.js entered again). */
export function isLintWorker(): boolean {
  return !isMainThread && (workerData as Partial<WorkerSetup> | undefined)?.kind === WORKER_KIND;
}

/** The worker's side: take files from the shared counter until none are left, sending the answers a few at a time. */
export function serveLintWorker(): void {
  const setup = workerData as WorkerSetup;
  const options: LintOptions = {
    cwd: setup.cwd,
    configs: new ConfigSource(setup.configMode, setup.overrides),
    fix: setup.fix,
    quiet: setup.quiet,
    partFormat: setup.partFormat,
    color: setup.color,
    nodeKinds: setup.nodeKinds,
    htmlSections: setup.htmlSections,
    baseline: setup.baseline,
  };
  const counter = new Int32Array(setup.next);
  let answers: FileAnswer[] = [];
  for (;;) {
    const id = Atomics.add(counter, 0, 1);
    if (id >= setup.candidates.length) break;
    answers.push({ id, run: lintOneCandidate(setup.candidates[id], options, id) });
    if (answers.length >= RESULTS_PER_MESSAGE) {
      parentPort!.postMessage({ answers, done: false } satisfies FromWorker);
      answers = [];
    }
  }
  parentPort!.postMessage({ answers, done: true } satisfies FromWorker);
}
