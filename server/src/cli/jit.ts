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
  try {
    setFlagsFromString(`--max-inlined-bytecode-size-cumulative=${INLINED_BYTECODE_LIMIT}`);
  } catch {
    // Without it the run compiles as V8 sees fit; the output is the same.
  }
}
