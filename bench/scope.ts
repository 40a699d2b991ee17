/**
 * Benchmark of the scope analysis on large frameworks: `node --import tsx bench/scope.ts` (optionally
 * followed by sizes, e.g. `... 1000 100000`). Frameworks come from bench/corpus.ts (real statements
 * with "Topic — " prefixes, then recombinations), so both the topic threads and the content index are
 * exercised; a second run strips the topics to time the content-similarity threads. Times are CPU ms
 * (wall ms in parentheses) for parse + model, then the five scope rules over one shared analysis,
 * through the same `analyse` façade the CLI and the server use.
 */
import { analyse } from '../server/src/core/service';
import { EMPTY_CONFIG } from '../server/src/core/config/types';
import { RULES } from '../server/src/core/rules/index';
import { frameworkOfStatements } from './corpus';

const SCOPE_RULES = RULES.filter((r) => r.category === 'scope' || r.category === 'coverage');

function time<T>(f: () => T): [T, number, number] {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = f();
  const c = process.cpuUsage(c0);
  return [value, (c.user + c.system) / 1000, performance.now() - t0];
}

/** The same framework without "Topic — " prefixes, as in frameworks that have none (DDaT). */
function withoutTopics(text: string): string {
  const doc = JSON.parse(text);
  for (const level of Object.values<{ statements: string[] }>(doc.framework.levels)) {
    level.statements = level.statements.map((s) => s.replace(/^[^—]*—\s*/, ''));
  }
  return JSON.stringify(doc, null, 2) + '\n';
}

const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const config = { ...EMPTY_CONFIG, maxFileSize: Number.MAX_SAFE_INTEGER };
console.log(`scope rules: ${SCOPE_RULES.map((r) => r.id).join(', ')}`);
console.log('CPU ms (wall ms in parentheses)');
console.log('statements | topics |  parse+model  |  scope rules  | findings');
for (const n of sizes.length > 0 ? sizes : [1_000, 10_000, 100_000]) {
  const withTopics = frameworkOfStatements(n);
  for (const [label, text] of [
    ['yes', withTopics],
    ['no', withoutTopics(withTopics)],
  ] as const) {
    const [, base, baseWall] = time(() => analyse(text, { config, rules: [] }));
    const [result, all, allWall] = time(() => analyse(text, { config, rules: SCOPE_RULES }));
    const cell = (cpu: number, wall: number) => `${cpu.toFixed(0)} (${wall.toFixed(0)})`.padStart(13);
    console.log([String(n).padStart(10), label.padStart(6), cell(base, baseWall), cell(all - base, allWall - baseWall), String(result.findings.length).padStart(8)].join(' | '));
  }
}
