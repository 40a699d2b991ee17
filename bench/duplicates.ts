/**
 * Benchmark of duplicate detection on large frameworks: `node --import tsx bench/duplicates.ts`
 * (optionally followed by sizes, e.g. `... 1000 250000`).
 *
 * Statements are real text: the example export, the development corpus and the O*NET task
 * statements (data/reference). Beyond the ~19k distinct real sentences, new statements are made by
 * joining the first half of one real statement to the second half of another, which keeps the
 * vocabulary and word frequencies of real text. 1% of statements are then exact copies and 1% near
 * copies (one word inserted) of earlier ones, so the reporting path is exercised too. Sizes are
 * spread over four levels. Times are wall-clock for parse + model, then each rule over the shared
 * index, through the same `analyse` façade the CLI and the server use.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { analyse } from '../server/src/core/service';
import { EMPTY_CONFIG } from '../server/src/core/config/types';
import { duplicateExact } from '../server/src/core/rules/duplicate-exact';
import { duplicateNear } from '../server/src/core/rules/duplicate-near';
import type { Rule } from '../server/src/core/rules/types';

const ROOT = join(__dirname, '..');
const LEVELS = ['emerging', 'developing', 'proficient', 'advanced'];

function realStatements(): string[] {
  const out = new Set<string>();
  const addDoc = (text: string) => {
    const doc = JSON.parse(text);
    for (const level of Object.values<any>(doc.framework?.levels ?? {})) for (const s of level.statements ?? []) out.add(s);
  };
  addDoc(readFileSync(join(ROOT, 'examples/25-4022.00.json'), 'utf8'));
  for (const dir of ['test/corpus/ddat-dev', 'test/corpus/ddat-dev-planted']) {
    for (const name of readdirSync(join(ROOT, dir)).filter((n) => n.endsWith('.json'))) addDoc(readFileSync(join(ROOT, dir, name), 'utf8'));
  }
  const tsv = gunzipSync(readFileSync(join(ROOT, 'data/reference/onet_29.3_task_statements.tsv.gz'))).toString('utf8');
  for (const line of tsv.split('\n').slice(1)) {
    const task = line.split('\t')[3];
    if (task) out.add(task);
  }
  return [...out];
}

/** A small deterministic generator (mulberry32), so every run builds the same frameworks. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function statements(pool: string[], n: number, rnd: () => number): string[] {
  const pick = () => pool[Math.floor(rnd() * pool.length)];
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const r = rnd();
    if (i > 10 && r < 0.01) {
      out.push(out[Math.floor(rnd() * i)].toUpperCase());
    } else if (i > 10 && r < 0.02) {
      const words = out[Math.floor(rnd() * i)].split(' ');
      words.splice(Math.floor(rnd() * words.length), 0, 'carefully');
      out.push(words.join(' '));
    } else if (i < pool.length) {
      out.push(pool[i]);
    } else {
      const a = pick().split(' ');
      const b = pick().split(' ');
      out.push([...a.slice(0, Math.ceil(a.length / 2)), ...b.slice(Math.floor(b.length / 2))].join(' '));
    }
  }
  return out;
}

function framework(list: string[]): string {
  const per = Math.ceil(list.length / LEVELS.length);
  const levels: Record<string, { label: string; statements: string[] }> = {};
  LEVELS.forEach((key, i) => (levels[key] = { label: key, statements: list.slice(i * per, (i + 1) * per) }));
  return JSON.stringify({ schemaVersion: '1.0', framework: { version: 'v.26.11', levels } }, null, 2) + '\n';
}

/**
 * The CPU time (user + system) of a call, in ms. On a shared 2-core machine wall-clock time mostly
 * measures the neighbours; CPU time is what the analysis costs. Wall time is printed alongside.
 */
function time<T>(f: () => T): [T, number, number] {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = f();
  const c = process.cpuUsage(c0);
  return [value, (c.user + c.system) / 1000, performance.now() - t0];
}

const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const pool = realStatements();
const config = { ...EMPTY_CONFIG, maxFileSize: Number.MAX_SAFE_INTEGER };
console.log(`${pool.length} distinct real statements in the pool\n`);
console.log('CPU ms (wall ms in parentheses)');
console.log('statements |    MB |  parse+model  | duplicate-exact | duplicate-near | exact findings | near findings');
for (const n of sizes.length > 0 ? sizes : [1_000, 10_000, 100_000]) {
  const text = framework(statements(pool, n, random(n)));
  const run = (rules: Rule[]) => time(() => analyse(text, { config, rules }));
  // Each run is a fresh analysis (its own shared cache), so the near rule's time includes the
  // exact index it builds on, and the exact rule's time includes nothing else.
  const [, base, baseWall] = run([]);
  const [exact, withExact, withExactWall] = run([duplicateExact]);
  const [near, withNear, withNearWall] = run([duplicateNear]);
  const cell = (cpu: number, wall: number, width: number) => `${cpu.toFixed(0)} (${wall.toFixed(0)})`.padStart(width);
  console.log(
    [
      String(n).padStart(10),
      (text.length / 1e6).toFixed(1).padStart(5),
      cell(base, baseWall, 13),
      cell(withExact - base, withExactWall - baseWall, 15),
      cell(withNear - base, withNearWall - baseWall, 14),
      String(exact.findings.length).padStart(14),
      String(near.findings.length).padStart(13),
    ].join(' | '),
  );
}
