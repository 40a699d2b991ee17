// The long fuzz run: `npm run fuzz -- --cases 100000 [--seed N]`. Same properties as the CI-sized run
// in test/unit/fuzz.test.ts; prints the number of cases, the time taken and any counterexample
// (fast-check shrinks it to a minimal input, which becomes a regression test).
import fc from 'fast-check';
import { parseArgs } from 'node:util';
import { ALL_CASES, checkInvariants } from '../test/fuzz/cases';

const { values } = parseArgs({ options: { cases: { type: 'string', default: '10000' }, seed: { type: 'string' } } });
const numRuns = Number(values.cases);
const seed = values.seed ? Number(values.seed) : Date.now() % 2 ** 31;
const started = Date.now();
try {
  fc.assert(fc.property(ALL_CASES, (text) => checkInvariants(text)), { numRuns, seed });
  console.log(`fuzz: ${numRuns} cases, seed ${seed}, no failure, ${((Date.now() - started) / 1000).toFixed(1)} s`);
} catch (err) {
  console.error(`fuzz: failure with seed ${seed} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
}
