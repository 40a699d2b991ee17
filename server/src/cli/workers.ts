/**
 * The CLI's parallel lint: `--concurrency N` spreads the files over N worker threads (default: the
 * number of cores), and `--shard i/n` keeps only this CI job's part of them (see shard.ts).
 *
 * The main thread finds the files (the folder walk and the configs' globs, which decide what a run
 * covers), hands them out one at a time to whichever worker is free (files differ a lot in size, so
 * a fixed split would leave a worker idle), and puts the answers back in file order: the report and
 * the messages on standard error are the same, byte for byte, whatever the number of workers and
 * whichever worker finishes first.
 *
 * A worker is dist/cli.js itself, entered again in a thread (main.ts sees `isLintWorker()`), so no
 * second bundle has to be built or shipped in the .vsix. Each worker keeps its own ConfigSource, so
 * a config is read once per worker rather than once per run.
 */
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { RuleOverrides } from '../node/config';
import type { Candidate } from '../node/files';
import { ConfigSource, type ConfigMode } from './configs';
import { discoverFiles, lintCandidates, lintFiles, type LintOptions, type LintRun } from './lint';
import { selectShard, shardKey, type Shard } from './shard';

export interface ParallelOptions {
  /** Worker threads to use; 1 lints in the main thread. */
  concurrency: number;
  shard?: Shard;
  /** How the configs are found, so that each worker can build the same ConfigSource. */
  configMode: ConfigMode;
  overrides: RuleOverrides;
}

/**
 * Starting a worker (loading the bundle, compiling the rules' tables) costs about as much as
 * linting a handful of example-sized files, so a worker is started only for every this many files:
 * a run over three files stays in one thread, and the output is the same either way.
 */
export const FILES_PER_WORKER = 8;

export function defaultConcurrency(): number {
  return Math.max(1, availableParallelism());
}

const WORKER_KIND = 'competency-lint/lint-worker';

interface WorkerSetup {
  kind: typeof WORKER_KIND;
  cwd: string;
  fix: boolean;
  quiet: boolean;
  configMode: ConfigMode;
  overrides: RuleOverrides;
}

type ToWorker = { id: number; candidate: Candidate };
type FromWorker = { id: number; run: LintRun };

export async function lintFilesInParallel(inputs: readonly string[], options: LintOptions, parallel: ParallelOptions): Promise<LintRun> {
  if (parallel.shard === undefined && !canUseWorkers(options, parallel, Infinity)) return lintFiles(inputs, options);
  const { run, candidates: all } = discoverFiles(inputs, options);
  const candidates = parallel.shard ? selectShard(all, parallel.shard, (c) => shardKey(c.path, options.cwd)) : all;
  if (!canUseWorkers(options, parallel, candidates.length)) {
    lintCandidates(candidates, options, run);
    return run;
  }
  const parts = await runPool(candidates, options, parallel);
  // A broken config is reported with the first file it stops, as in a one-thread run.
  const seen = new Set(run.problems.map((p) => p.message));
  for (const part of parts) {
    for (const p of part.problems) {
      if (!seen.has(p.message)) run.problems.push(p);
      seen.add(p.message);
    }
    run.results.push(...part.results);
  }
  return run;
}

function canUseWorkers(options: LintOptions, parallel: ParallelOptions, files: number): boolean {
  // The html format keeps each file's whole analysis (parse tree, model), which is not worth copying
  // between threads; it is a report for a few files, not a CI run over thousands.
  if (options.keepAnalysis) return false;
  // Under tsx (tests of the source) there is no bundle to enter again as a worker.
  if (!__filename.endsWith('.js')) return false;
  return workerCount(parallel.concurrency, files) > 1;
}

function workerCount(concurrency: number, files: number): number {
  return Math.min(concurrency, Math.floor(files / FILES_PER_WORKER));
}

function runPool(candidates: readonly Candidate[], options: LintOptions, parallel: ParallelOptions): Promise<LintRun[]> {
  const setup: WorkerSetup = {
    kind: WORKER_KIND,
    cwd: options.cwd,
    fix: options.fix,
    quiet: options.quiet,
    configMode: parallel.configMode,
    overrides: parallel.overrides,
  };
  const parts: LintRun[] = new Array(candidates.length);
  const workers: Worker[] = [];
  let next = 0;
  let done = 0;
  return new Promise<LintRun[]>((resolve, reject) => {
    let failed = false;
    const stopAll = () => Promise.all(workers.map((w) => w.terminate()));
    const give = (worker: Worker) => {
      if (next >= candidates.length) return;
      const message: ToWorker = { id: next, candidate: candidates[next] };
      next++;
      worker.postMessage(message);
    };
    const count = workerCount(parallel.concurrency, candidates.length);
    for (let i = 0; i < count; i++) {
      const worker = new Worker(__filename, { workerData: setup });
      workers.push(worker);
      worker.on('message', (m: FromWorker) => {
        parts[m.id] = m.run;
        done++;
        if (done === candidates.length) {
          void stopAll().then(() => resolve(parts), reject);
          return;
        }
        give(worker);
      });
      worker.on('error', (err) => {
        if (failed) return;
        failed = true;
        void stopAll().finally(() => reject(err));
      });
      worker.on('exit', (code) => {
        if (done < candidates.length && !failed) {
          failed = true;
          void stopAll().finally(() => reject(new Error(`a lint worker stopped early (exit code ${code})`)));
        }
      });
      // Two files in hand, so that a worker never waits for the main thread between files.
      give(worker);
      give(worker);
    }
  });
}

/** True in a thread started by runPool (dist/cli.js entered again). */
export function isLintWorker(): boolean {
  return !isMainThread && (workerData as Partial<WorkerSetup> | undefined)?.kind === WORKER_KIND;
}

/** The worker's side: lint each file it is sent and answer with that file's results and problems. */
export function serveLintWorker(): void {
  const setup = workerData as WorkerSetup;
  const options: LintOptions = {
    cwd: setup.cwd,
    configs: new ConfigSource(setup.configMode, setup.overrides),
    fix: setup.fix,
    quiet: setup.quiet,
  };
  parentPort!.on('message', (m: ToWorker) => {
    const run: LintRun = { results: [], problems: [] };
    // A fresh set per file: every file that a broken config stops carries the config's message,
    // and the main thread keeps the first in file order.
    lintCandidates([m.candidate], options, run, new Set());
    const answer: FromWorker = { id: m.id, run };
    parentPort!.postMessage(answer);
  });
}
