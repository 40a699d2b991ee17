/**
 * The CLI reaches no network: run with every network entry point of Node blocked and logged (the
 * preload test/unit/security/noNetwork.cjs, which also reaches worker threads), each output format,
 * explain, --fix and --print-config give their usual results and the log stays empty. The SARIF and
 * HTML reports name URLs (the rule pages, the SARIF schema); writing a URL is not fetching it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, tempDir, EXAMPLE_PRETTY } from './helpers';
import { ROOT } from '../helpers';

test('every format, explain, --fix and --print-config run with the network blocked and try nothing', () => {
  const dir = tempDir();
  const log = join(dir, 'network.log');
  const loaded = join(dir, 'loaded.log');
  writeFileSync(join(dir, 'a.json'), EXAMPLE_PRETTY.replace(' — ', ' - '));
  writeFileSync(join(dir, 'b.json'), EXAMPLE_PRETTY);
  const env = { NODE_OPTIONS: `--require ${join(ROOT, 'test/unit/security/noNetwork.cjs')}`, NO_NETWORK_LOG: log, NO_NETWORK_LOADED: loaded };
  const runs = [
    ...['stylish', 'json', 'sarif', 'github', 'junit', 'gitlab', 'html'].map((f) => ['--format', f, '--concurrency', '2', 'a.json', 'b.json']),
    ['explain', 'b.json'],
    ['--print-config', 'a.json'],
    ['--fix', 'a.json'],
  ];
  for (const args of runs) {
    const r = cli(args, { cwd: dir, env });
    assert.ok(r.status === 0 || r.status === 1, `${args.join(' ')}: exit ${r.status}\n${r.stderr}`);
    assert.doesNotMatch(r.stderr, /network access attempted/, args.join(' '));
  }
  assert.ok(!readFileSync(join(dir, 'a.json'), 'utf8').includes(' - '), '--fix did its work');
  assert.ok(readFileSync(loaded, 'utf8').trim().split('\n').length >= runs.length, 'the blocker was loaded in every run');
  assert.equal(existsSync(log) ? readFileSync(log, 'utf8') : '', '', 'network entry points called');
});
