/**
 * Benchmark inputs: frameworks of any size made of real statement text, and a catalogue of
 * example-sized files. Everything is deterministic (a seeded generator), so two runs, or two
 * machines, measure the same bytes.
 *
 * The text comes from the example export, the development corpus (test/corpus) and the O*NET task
 * statements (data/reference). Exports write statements as "Topic — body", so an O*NET task
 * becomes the body under a topic taken from a real statement. Once the distinct real sentences are
 * used up, new ones join the first half of one real body to the second half of another, which keeps
 * the vocabulary and the word frequencies of real text. As in real exports, about 1% of statements
 * are exact copies of an earlier one (often in another level) and 2% are near copies (a word added,
 * dropped or replaced), so the duplicate rules do their reporting work too, not only their search.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

export const ROOT = join(__dirname, '..');
export const EXAMPLE_TEXT = readFileSync(join(ROOT, 'examples/25-4022.00.json'), 'utf8');
const DASH = ' — ';

interface Source {
  /** The document's header (everything but the statements), to give generated files real metadata. */
  doc: any;
  statements: string[];
}

let cached: { sources: Source[]; topics: string[]; bodies: string[]; real: string[] } | undefined;

function load() {
  if (cached) return cached;
  const sources: Source[] = [];
  const add = (text: string) => {
    const doc = JSON.parse(text);
    const statements: string[] = [];
    for (const level of Object.values<any>(doc.framework?.levels ?? {})) for (const s of level.statements ?? []) if (typeof s === 'string') statements.push(s);
    sources.push({ doc, statements });
  };
  add(EXAMPLE_TEXT);
  const corpus = join(ROOT, 'test/corpus/ddat-dev');
  for (const name of readdirSync(corpus).sort()) if (name.endsWith('.json')) add(readFileSync(join(corpus, name), 'utf8'));

  const topics = new Set<string>();
  const bodies = new Set<string>();
  const real = new Set<string>();
  for (const s of sources.flatMap((x) => x.statements)) {
    real.add(s);
    const at = s.indexOf(DASH);
    if (at > 0) {
      topics.add(s.slice(0, at));
      bodies.add(s.slice(at + DASH.length));
    } else bodies.add(s);
  }
  const tsv = gunzipSync(readFileSync(join(ROOT, 'data/reference/onet_29.3_task_statements.tsv.gz'))).toString('utf8');
  const tasks: string[] = [];
  for (const line of tsv.split('\n').slice(1)) {
    const task = line.split('\t')[3];
    if (task) tasks.push(task.charAt(0).toLowerCase() + task.slice(1));
  }
  const topicList = [...topics];
  // Each task under a topic picked by its position, so the pairing is fixed.
  tasks.forEach((t, i) => {
    bodies.add(t);
    real.add(`${topicList[(i * 7919) % topicList.length]}${DASH}${t}`);
  });
  cached = { sources, topics: topicList, bodies: [...bodies], real: [...real] };
  return cached;
}

/** mulberry32: small, fast and seeded, so every run builds the same inputs. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FILLERS = ['carefully', 'consistently', 'routinely', 'independently', 'effectively'];

/** An endless stream of statements with realistic duplicate and near-duplicate rates. */
export function* statementStream(seed: number): Generator<string> {
  const { topics, bodies, real } = load();
  const rnd = random(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  // Real sentences first, in a seeded order, then recombinations.
  const order = real.map((s, i) => ({ s, k: random(seed ^ (i * 2654435761))() })).sort((a, b) => a.k - b.k).map((x) => x.s);
  const made: string[] = [];
  for (let i = 0; ; i++) {
    const r = rnd();
    let s: string;
    if (made.length > 20 && r < 0.01) {
      s = pick(made);
    } else if (made.length > 20 && r < 0.03) {
      const words = pick(made).split(' ');
      const at = 3 + Math.floor(rnd() * Math.max(1, words.length - 3));
      const kind = rnd();
      if (kind < 0.4) words.splice(at, 0, pick(FILLERS));
      else if (kind < 0.7 && words.length > 8) words.splice(at, 1);
      else words[Math.min(at, words.length - 1)] = pick(FILLERS);
      s = words.join(' ');
    } else if (i < order.length) {
      s = order[i];
    } else {
      const a = pick(bodies).split(' ');
      const b = pick(bodies).split(' ');
      let body = [...a.slice(0, Math.ceil(a.length / 2)), ...b.slice(Math.floor(b.length / 2))].join(' ');
      if (!/[.!?]$/.test(body)) body += '.';
      s = `${pick(topics)}${DASH}${body}`;
    }
    made.push(s);
    yield s;
  }
}

/** The example's header with its four levels holding `statements` (spread evenly, in order). */
function frameworkText(statements: string[], header: any = JSON.parse(EXAMPLE_TEXT)): string {
  const doc = structuredClone(header);
  const keys = Object.keys(doc.framework.levels);
  const per = Math.ceil(statements.length / keys.length);
  keys.forEach((k, i) => (doc.framework.levels[k].statements = statements.slice(i * per, (i + 1) * per)));
  // Exports come pretty-printed with two spaces, which is also what an editor shows.
  return JSON.stringify(doc, null, 2) + '\n';
}

/** A framework of exactly `n` statements. */
export function frameworkOfStatements(n: number, seed = n): string {
  const out: string[] = [];
  for (const s of statementStream(seed)) {
    if (out.length >= n) break;
    out.push(s);
  }
  return frameworkText(out);
}

/** A framework of about `bytes` characters (within one statement). */
export function frameworkOfSize(bytes: number, seed = bytes): string {
  const out: string[] = [];
  let size = EXAMPLE_TEXT.length;
  for (const s of statementStream(seed)) {
    if (size >= bytes) break;
    out.push(s);
    // The literal, its quotes, comma, newline and eight spaces of indentation.
    size += s.length + 12;
  }
  return frameworkText(out);
}

/**
 * `count` example-sized frameworks (40 statements, 10 per level) in `dir`, each with the header of
 * a real export (the example or a corpus file, in turn). Written once; a second call reuses them.
 */
export function writeCatalogue(dir: string, count: number): string[] {
  const { sources } = load();
  mkdirSync(dir, { recursive: true });
  const names: string[] = [];
  const stream = statementStream(20261128);
  for (let i = 0; i < count; i++) {
    const name = `framework-${String(i).padStart(4, '0')}.json`;
    names.push(join(dir, name));
    const statements: string[] = [];
    for (let k = 0; k < 40; k++) statements.push(stream.next().value as string);
    const header = sources[i % sources.length].doc;
    const path = join(dir, name);
    const text = frameworkText(statements, header);
    if (!existsSync(path) || readFileSync(path, 'utf8') !== text) writeFileSync(path, text);
  }
  return names;
}
