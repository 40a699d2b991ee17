/**
 * The CLI reaches no network: run with every network entry point of Node blocked and logged (the
 * preload test/unit/security/noNetwork.cjs, which also reaches worker threads), each output format,
 * explain, --fix and --print-config give their usual results and the log stays empty. The SARIF and
 * HTML reports name URLs (the rule pages, the SARIF schema); writing a URL is not fetching it.
 *
 * The formats run on two threads over enough files that the worker starts and lints some of them
 * (a thread is added for every 8 files, and a run that ends before the worker has booted ends it
 * unstarted), and the test checks that a worker loaded the blocker in each of those runs: code
 * that runs only in a worker (the parts of the report made there) is covered too. A worker that
 * opened a connection, even one whose error it caught, made this test fail when tried.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, tempDir, EXAMPLE_PRETTY } from './helpers';
import { ROOT } from '../helpers';

/**
 * Files in the catalogue the formats are run over: on this project's 2-core machine, 300 example
 * files took about 0.45 s on two threads and the worker booted after about 0.25 s; twice that
 * leaves room for a slower machine.
 */
const CATALOGUE = 600;

/** The threads that loaded the blocker since the log was last read, by thread id (0 the main thread). */
function threadsLoaded(loaded: string, since: number): { threads: number[]; lines: number } {
  const lines = existsSync(loaded) ? readFileSync(loaded, 'utf8').trim().split('\n').filter(Boolean) : [];
  return { threads: lines.slice(since).map((line) => Number(line.split(' ')[1])), lines: lines.length };
}

test('every format (on worker threads too), explain, --fix and --print-config run with the network blocked and try nothing', () => {
  const dir = tempDir();
  const log = join(dir, 'network.log');
  const loaded = join(dir, 'loaded.log');
  writeFileSync(join(dir, 'a.json'), EXAMPLE_PRETTY.replace(' — ', ' - '));
  writeFileSync(join(dir, 'b.json'), EXAMPLE_PRETTY);
  mkdirSync(join(dir, 'catalogue'));
  for (let i = 0; i < CATALOGUE; i++) writeFileSync(join(dir, 'catalogue', `f${i}.json`), EXAMPLE_PRETTY);
  const env = { NODE_OPTIONS: `--require ${join(ROOT, 'test/unit/security/noNetwork.cjs')}`, NO_NETWORK_LOG: log, NO_NETWORK_LOADED: loaded };
  const onThreads = ['stylish', 'json', 'sarif', 'github', 'junit', 'gitlab', 'html'].map((f) => ['--format', f, '--concurrency', '2', 'a.json', 'catalogue']);
  const runs = [...onThreads, ['explain', 'b.json'], ['--print-config', 'a.json'], ['--fix', 'a.json']];
  let seen = 0;
  for (const args of runs) {
    const r = cli(args, { cwd: dir, env });
    assert.ok(r.status === 0 || r.status === 1, `${args.join(' ')}: exit ${r.status}\n${r.stderr}`);
    assert.doesNotMatch(r.stderr, /network access attempted/, args.join(' '));
    const { threads, lines } = threadsLoaded(loaded, seen);
    seen = lines;
    assert.ok(threads.includes(0), `${args.join(' ')}: the blocker was loaded in the main thread`);
    if (onThreads.includes(args)) assert.ok(threads.some((t) => t > 0), `${args.join(' ')}: a worker thread started and loaded the blocker`);
  }
  assert.ok(!readFileSync(join(dir, 'a.json'), 'utf8').includes(' - '), '--fix did its work');
  assert.equal(existsSync(log) ? readFileSync(log, 'utf8') : '', '', 'network entry points called');
});
