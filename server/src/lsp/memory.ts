/**
 * A full garbage collection after a large document's diagnostics are sent. Each analysis of a
 * 20 MB document allocates some 220 MB that outlives V8's young generation, and V8 lets the heap grow
 * by that much per edit before it collects: five edits took a test process from 260 MB to 1.1 GB of
 * resident memory while what it still used stayed near 250 MB. Collecting once the diagnostics are
 * out keeps the peak near one analysis above what the document needs, at a cost paid while the user
 * reads the diagnostics rather than while they wait for them.
 */
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Documents at least this many characters long get a collection after their diagnostics. */
export const COLLECT_ABOVE_CHARS = 1024 * 1024;

let collector: (() => void) | null | undefined;

/** V8's collector: the global one under --expose-gc, otherwise exposed once to a fresh context. */
function gcFunction(): (() => void) | null {
  if (collector !== undefined) return collector;
  collector = null;
  const global = (globalThis as { gc?: () => void }).gc;
  if (typeof global === 'function') return (collector = global);
  try {
    // Exposing the collector to a new context leaves the server's own global untouched.
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as unknown;
    if (typeof gc === 'function') collector = gc as () => void;
  } catch {
    // Without a collector the heap grows as V8 sees fit; nothing else depends on this.
  }
  return collector;
}

/** Collects garbage now, when V8's collector can be had; a failed collection costs only memory. */
export function collectGarbage(): void {
  try {
    gcFunction()?.();
  } catch {
    // Nothing depends on it.
  }
}

/**
 * V8 keeps the subject of the last regular expression match alive (for RegExp.$1 and its kind), and
 * a rule's last match is often on a value that is a slice of the document, which keeps the whole
 * text: a closed 10 MB document held 22 MB until the next analysis. A match on a string of our
 * own lets it go.
 */
export function releaseLastMatch(): void {
  /^$/.test('');
}

/**
 * Collects garbage soon, once the reply that carries the diagnostics is written, for a document this
 * long. vscode-jsonrpc writes each message from a callback of its own queued with `setImmediate`
 * when the handler's promise settles, which is after this is called; a collection queued the same
 * way ran first and held back the reply it was meant to follow (15 ms at 1 MB, seen in the server's
 * CPU profile). Queued from the next turn of the loop, it runs after the reply is handed to the
 * stream (unless an earlier large message is still being written, when the reply waits its turn).
 */
export function collectAfterLargeDocument(length: number, collect: () => void = collectGarbage): void {
  if (length < COLLECT_ABOVE_CHARS) return;
  setImmediate(() =>
    setImmediate(() => {
      releaseLastMatch();
      try {
        collect();
      } catch {
        // A failed collection costs only memory.
      }
      heapAfterCollection = heapUsed();
    }),
  );
}

/** The heap in use after the last collection this module made, to tell what keystrokes have left since. */
let heapAfterCollection = 0;

/**
 * The old generation in use (old objects and large ones): what a keystroke's garbage adds to until a
 * full collection. The young generation is left out, since a scavenge soon empties it.
 */
function heapUsed(): number {
  let used = 0;
  for (const space of getHeapSpaceStatistics()) if (space.space_name === 'old_space' || space.space_name === 'large_object_space') used += space.space_used_size;
  return used;
}

/**
 * A keystroke in a large document is analysed by updating the previous analysis (core/incremental.ts)
 * and leaves little garbage: the edit's line index, the moved findings, the diagnostics. But it
 * outlives V8's young generation, and nothing collects it before V8's own limit: twelve keystrokes
 * took the server of a 20 MB document from 99 to 146 MB above idle (.cache tooling, bench/NOTES.md),
 * 4-5 MB a keystroke. Once the heap has grown by a quarter of the document's text (as UTF-16) since
 * the last collection, the reply is followed by one, as after a full analysis; returns whether it
 * will be. `used` and `collect` are for tests.
 */
export function collectAfterEditIfGrown(length: number, used: number = heapUsed(), collect?: () => void): boolean {
  if (length < COLLECT_ABOVE_CHARS || used - heapAfterCollection < length / 2) return false;
  collectAfterLargeDocument(length, collect);
  return true;
}

/**
 * Documents at least this many characters long also get a collection before a full analysis: the
 * previous version's analysis and text became garbage when the edit arrived (or, on opening, the
 * message that carried the text), and without it they would sit beside the new analysis at its
 * peak (20 MB document, an edit: 398 -> 273 MB above idle). It is on the way to the diagnostics, so
 * only where it is small beside the analysis: 12-16 ms against 1.7 s at 20 MB. Keystrokes that the
 * incremental path takes get none here: their garbage is small, and collectAfterEditIfGrown collects
 * it after a reply once it adds up.
 */
export const COLLECT_BEFORE_ANALYSIS_ABOVE_CHARS = 4 * 1024 * 1024;

/** Collects garbage now, before a new version of a document this long is analysed; returns the milliseconds it took. */
export function collectBeforeLargeAnalysis(length: number): number {
  if (length < COLLECT_BEFORE_ANALYSIS_ABOVE_CHARS) return 0;
  const t = performance.now();
  collectGarbage();
  heapAfterCollection = heapUsed();
  return performance.now() - t;
}

/**
 * Keeps V8's young generation at its starting size in the server. V8 grows it (up to 32 MB of
 * semi-spaces) while much of what is allocated survives, which is what the analysis of a large
 * document does, and the grown space stays resident: on a 20 MB document the server's peak went
 * from 133-139 to 112-122 MB above idle with growth off (bench/lsp-compare.ts harness, and the 20 MB
 * memory row of `npm run bench`). For the example and documents up to 0.5 MB the times and peaks
 * stayed within the noise of two runs each. The growth factor is read each time V8 would grow the
 * space, so setting it after start-up takes effect (the size limit itself, read once, would not).
 * Node warns that flags changed at run time may do nothing; then the server only keeps the memory
 * it kept before.
 */
export function keepYoungGenerationSmall(): void {
  try {
    setFlagsFromString('--semi-space-growth-factor=1');
  } catch {
    // Without it the young generation grows as V8 sees fit; nothing else depends on this.
  }
}

