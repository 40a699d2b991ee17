/**
 * Helpers for the CLI tests, which run the BUILT dist/cli.js as a user would: a command, its
 * standard output and error, its exit status. Golden files under test/cli/golden/ hold all three;
 * `UPDATE_GOLDEN=1 node scripts/test.mjs cli` rewrites them (review the diff before committing).
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { ROOT } from '../helpers';

export const CLI = join(ROOT, 'dist/cli.js');
export const FIXTURES = join(__dirname, 'fixtures');
export const GOLDEN = join(__dirname, 'golden');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const s = statSync(p);
    newest = Math.max(newest, s.isDirectory() ? newestMtime(p) : s.mtimeMs);
  }
  return newest;
}

/**
 * `npm test` builds before the tiers run; a developer running this tier alone may have a stale
 * bundle, which would test yesterday's code, so it is rebuilt when any source is newer.
 */
export function ensureBuilt(): void {
  const built = existsSync(CLI) ? statSync(CLI).mtimeMs : 0;
  const sources = Math.max(newestMtime(join(ROOT, 'server/src')), statSync(join(ROOT, 'package.json')).mtimeMs);
  if (built >= sources) return;
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts/build.mjs')], { cwd: ROOT, encoding: 'utf8' });
  if (r.status === 0) return;
  // `npm test` stops at a failing build before this tier; run alone, the tier says so and goes on
  // with the bundle it has rather than hide every result behind someone else's half-written file.
  if (!existsSync(CLI)) throw new Error(`the build failed:\n${r.stdout}${r.stderr}`);
  console.warn(`# warning: the build failed, testing the existing (stale) dist/cli.js:\n${r.stderr}`);
}
ensureBuilt();

export interface CliRun {
  args: string[];
  stdout: string;
  stderr: string;
  status: number | null;
}

export function cli(args: string[], options: { cwd?: string; input?: string | Uint8Array; env?: NodeJS.ProcessEnv } = {}): CliRun {
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env };
  // Colours are decided by the run under test, not inherited from the terminal running the tests.
  if (!options.env || !('FORCE_COLOR' in options.env)) delete env.FORCE_COLOR;
  if (!options.env || !('NO_COLOR' in options.env)) delete env.NO_COLOR;
  const r: SpawnSyncReturns<string> = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? FIXTURES,
    input: options.input,
    env,
    encoding: 'utf8',
    timeout: 60_000,
    // Reports of a whole folder (the html page of 38 files) outgrow the default megabyte.
    maxBuffer: 256 * 1024 * 1024,
  });
  if (r.error) throw r.error;
  return { args, stdout: r.stdout, stderr: r.stderr, status: r.status };
}

/** Absolute paths differ per machine and per temporary folder; goldens hold placeholders. */
export function normalise(text: string, dirs: Record<string, string> = {}): string {
  let out = text;
  const pairs = Object.entries({ ...dirs, '<root>': ROOT });
  for (const [name, dir] of pairs) {
    out = out.split(pathToFileURL(dir).href).join(`file://${name}`);
    out = out.split(dir).join(name);
  }
  return out;
}

export function render(run: CliRun, dirs: Record<string, string> = {}): string {
  const parts = [`$ competency-lint ${run.args.join(' ')}`, '--- stdout', normalise(run.stdout, dirs).replace(/\n$/, '')];
  if (run.stderr !== '') parts.push('--- stderr', normalise(run.stderr, dirs).replace(/\n$/, ''));
  parts.push(`--- exit ${run.status}`);
  return parts.join('\n') + '\n';
}

/** Compares a run with its golden file (command, stdout, stderr, exit status). */
export function assertGolden(name: string, run: CliRun, dirs: Record<string, string> = {}): void {
  const file = join(GOLDEN, `${name}.txt`);
  const actual = render(run, dirs);
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  assert.ok(existsSync(file), `golden file ${name}.txt is missing; run with UPDATE_GOLDEN=1 to create it`);
  assert.equal(actual, readFileSync(file, 'utf8'), `output differs from golden/${name}.txt`);
}

/** A private copy of a fixture folder (or an empty folder), for tests that write or make odd files. */
export function tempDir(fixture?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'competency-lint-cli-'));
  if (fixture) cpSync(join(FIXTURES, fixture), dir, { recursive: true });
  // The fixtures' root config, so that no config above the temporary folder can change the results
  // and the heuristic rules stay off as they are in the fixtures.
  const config = join(dir, '.competency-lint.json');
  if (!existsSync(config)) cpSync(join(FIXTURES, '.competency-lint.json'), config);
  return dir;
}

export const EXAMPLE_PRETTY = readFileSync(join(FIXTURES, 'frameworks/clean.json'), 'utf8');
