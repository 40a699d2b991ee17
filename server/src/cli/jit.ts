/**
 * A lint run is a batch job of a few seconds, and on a machine of few cores the compiler's work
 * competes with the lint itself: over 1,000 example-sized files V8's optimising compiler spent
 * 3.3 s of CPU (summed from --trace-opt) on a run of about 4 s, most of it compiling the scope
 * model's large functions with everything they call inlined, several times over as their inputs
 * changed shape. With less inlining it spent 2.0 s, and the run took 10-20% less wall time and
 * 20% less CPU on the project's 2-core machine (bench/NOTES.md), for the same output. The language
 * server runs for hours and keeps V8's defaults: there the compiled code is reused for every edit.
 */
import { setFlagsFromString } from 'node:v8';

/** Bytecode a function may inline in all (V8's default is 920). */
const INLINED_BYTECODE_LIMIT = 200;

/** Makes optimised code cheaper to build for the rest of this process (lint runs and their worker threads). */
export function preferCheapCompilation(): void {
  setFlag(`--max-inlined-bytecode-size-cumulative=${INLINED_BYTECODE_LIMIT}`);
}

/** Sets a V8 flag for the rest of the process; when V8 refuses, the run compiles as it sees fit and the output is the same. */
function setFlag(flag: string): void {
  try {
    setFlagsFromString(flag);
  } catch {
    // Nothing depends on it but speed.
  }
}

/**
 * V8's interrupt budget for a lint on more than one thread, where each thread lints its share in a
 * few hundred milliseconds (V8's default is 67,584 bytecodes' worth). On two cores every thread's
 * optimising compiler competes with the lint threads, and a thread stopped to wait for a core more
 * than it gained from code optimised early: with a budget this large, fewer functions are optimised,
 * and later. Measured on this project's 2-core machine (bench/NOTES.md), two threads against one
 * thread with V8's defaults: 50 files 0.38 -> 0.34 s, 100 files 0.50 -> 0.41 s, 250 files 0.78 ->
 * 0.70 s, 500 files 1.13 -> 1.06 s, 1,000 files 1.55 -> 1.49 s; two threads without it were slower
 * than one up to 1,000 files. One thread keeps the default: over 1,000 files it was 10% slower with
 * this budget, since its compiler has a core to itself.
 */
const PARALLEL_INTERRUPT_BUDGET = 1_000_000;

/** Sets the interrupt budget for a lint on several threads; call before the workers start and before the lint. */
export function preferLaterOptimisation(): void {
  setFlag(`--interrupt-budget=${PARALLEL_INTERRUPT_BUDGET}`);
}
