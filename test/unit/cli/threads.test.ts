/**
 * How many threads a lint runs on: what --concurrency asks, but never more than four per core
 * (more only wait for a core, each with its own heap) nor more than the files can keep busy.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { availableParallelism } from 'node:os';
import { FILES_PER_WORKER, threadCount } from '../../../server/src/cli/workers';

const parallel = (concurrency: number) => ({ concurrency, configMode: { kind: 'none' as const }, overrides: {} });

test('--concurrency far above the cores gets four threads per core', () => {
  assert.equal(threadCount(parallel(1000), 1_000_000), 4 * availableParallelism());
});

test('otherwise the threads asked for, as far as the files go', () => {
  assert.equal(threadCount(parallel(3), 1_000_000), 3);
  assert.equal(threadCount(parallel(3), 2 * FILES_PER_WORKER), 2);
  assert.equal(threadCount(parallel(1), 1_000_000), 1);
});
