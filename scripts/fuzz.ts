// The long fuzz run: `npm run fuzz -- --cases 100000 [--seed N] [--no-exhaustive]`. The same
// properties as the CI-sized run in test/unit/fuzz.test.ts, for longer: N random cases (six in ten
// texts, two in ten byte files read as the CLI reads them, one in ten fix checks, one in ten chains
// of edits analysed incrementally and compared with fresh analyses), then the
// exhaustive mutations the CI run only samples: the example truncated at every offset, a wrong
// value of every kind at every path, every property duplicated. Prints the counts, the time taken
// and any counterexample (fast-check shrinks it to a minimal input, which becomes a regression test
// in test/unit/fuzz-regressions.test.ts). Two seeds in two shells use both cores.
import fc from 'fast-check';
import { parseArgs } from 'node:util';
import { parseTree, type Node } from 'jsonc-parser';
import { ALL_CASES, EDIT_CASES, FIX_CASES, WEIRD_VALUES, checkEdits, checkFixes, checkInvariants, paths, setAt } from '../test/fuzz/cases';
import { BYTE_CASES, checkBytes } from '../test/fuzz/bytes';
import { EXAMPLE_TEXT } from '../test/helpers';

const { values } = parseArgs({
  options: { cases: { type: 'string', default: '10000' }, seed: { type: 'string' }, 'no-exhaustive': { type: 'boolean', default: false } },
});
const numRuns = Number(values.cases);
const seed = values.seed ? Number(values.seed) : Date.now() % 2 ** 31;
const seconds = (since: number) => ((Date.now() - since) / 1000).toFixed(1);

type Edits = Parameters<typeof checkEdits>[0];
type Case = { kind: 'text'; text: string } | { kind: 'bytes'; bytes: Uint8Array } | { kind: 'fix'; text: string } | { kind: 'edits'; edits: Edits };
const CASES: fc.Arbitrary<Case> = fc.oneof(
  { arbitrary: ALL_CASES.map((text): Case => ({ kind: 'text', text })), weight: 6 },
  { arbitrary: BYTE_CASES.map((bytes): Case => ({ kind: 'bytes', bytes })), weight: 2 },
  { arbitrary: FIX_CASES.map((text): Case => ({ kind: 'fix', text })), weight: 1 },
  { arbitrary: EDIT_CASES.map((edits): Case => ({ kind: 'edits', edits })), weight: 1 },
);
const check = (c: Case) =>
  c.kind === 'bytes' ? checkBytes(c.bytes) : c.kind === 'fix' ? checkFixes(c.text) : c.kind === 'edits' ? checkEdits(c.edits) : checkInvariants(c.text);

function fail(what: string, started: number, err: unknown): never {
  console.error(`fuzz: failure in ${what} (seed ${seed}) after ${seconds(started)} s`);
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
}

let started = Date.now();
try {
  fc.assert(fc.property(CASES, check), { numRuns, seed });
  console.log(`fuzz: ${numRuns} random cases, seed ${seed}, no failure, ${seconds(started)} s`);
} catch (err) {
  fail('the random cases', started, err);
}

if (!values['no-exhaustive']) {
  started = Date.now();
  let count = 0;
  const run = (what: string, text: string) => {
    count++;
    try {
      checkInvariants(text);
    } catch (err) {
      fail(`${what}: ${JSON.stringify(text.length > 400 ? text.slice(0, 400) + '…' : text)}`, started, err);
    }
  };
  for (let n = 0; n <= EXAMPLE_TEXT.length; n++) run(`the example truncated at offset ${n}`, EXAMPLE_TEXT.slice(0, n));
  const value = JSON.parse(EXAMPLE_TEXT);
  for (const p of paths(value)) for (const w of WEIRD_VALUES) run(`a wrong value at /${p.join('/')}`, JSON.stringify(setAt(value, p, w), null, 2));
  const props: Node[] = [];
  const walk = (n: Node | undefined) => {
    if (n?.type === 'property') props.push(n);
    for (const c of n?.children ?? []) walk(c);
  };
  walk(parseTree(EXAMPLE_TEXT));
  for (const p of props) {
    const own = EXAMPLE_TEXT.slice(p.offset, p.offset + p.length);
    run(`a duplicated property at ${p.offset}`, EXAMPLE_TEXT.slice(0, p.offset + p.length) + ', ' + own + EXAMPLE_TEXT.slice(p.offset + p.length));
  }
  console.log(`fuzz: ${count} exhaustive mutations of the example (every truncation offset, ${WEIRD_VALUES.length} wrong values at every path, every property duplicated), no failure, ${seconds(started)} s`);
}
