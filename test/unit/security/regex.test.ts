/**
 * No regular expression in the server or the client backtracks catastrophically: every one found in
 * the source (see regexAudit.ts) is run on adversarial strings of 100,000 characters made from its
 * own characters, in a child process that a timeout can kill. No option takes a regular expression
 * from a user (config and lexicon are data), so these are all there are.
 *
 * The bound is a correctness limit, not a speed measure: a linear expression takes a few
 * milliseconds on 100,000 characters, one that backtracks quadratically takes tens of seconds.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const AUDIT = join(__dirname, 'regexAudit.ts');
/** Per expression and adversarial string of 100,000 characters; generous for a loaded CI machine. */
const BOUND_MS = 2_000;

function runAudit(args: string[], timeout: number) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', AUDIT, ...args], { encoding: 'utf8', timeout, maxBuffer: 64 * 1024 * 1024 });
  const lines = r.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l));
  return { r, lines, timedOut: r.error !== undefined || r.signal !== null };
}

test('every regular expression in server/src and client/src stays within the bound on 100,000-character adversarial strings', () => {
  const { r, lines, timedOut } = runAudit([], 180_000);
  const last = lines[lines.length - 1];
  assert.ok(!timedOut, `the audit was killed while running ${JSON.stringify(last)}`);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(lines.filter((l) => l.unresolved).map((l) => l.where), [], 'a RegExp built from values the audit cannot evaluate: build it from literals, or audit it here');
  const results = lines.filter((l) => 'worstMs' in l);
  assert.ok(last.done >= 50 && results.length === last.distinct, `audited ${results.length} distinct of ${last.done} found`);
  const slow = results.filter((l) => l.worstMs > BOUND_MS);
  assert.deepEqual(slow, [], 'expressions over the bound');
});

test('the audit catches an expression that backtracks quadratically (the placeholder pattern it found)', () => {
  // The placeholder pattern before the fix: two whitespace runs side by side before the end.
  const { lines, timedOut } = runAudit(['--source', String.raw`^\s*(?:n/?a|tbc|tbd|none|todo|-+)\s*\.?\s*$`, '--flags', 'i'], 2 * BOUND_MS + 2_000);
  const result = lines.find((l) => 'worstMs' in l);
  // Killed while running a 100,000-character case (not while starting), or over the bound.
  const killedInLongRun = timedOut && lines.some((l) => l.start);
  assert.ok(killedInLongRun || result?.worstMs > BOUND_MS, `not caught: ${JSON.stringify(lines)}`);
});
