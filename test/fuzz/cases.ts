/**
 * Fuzz case generators for the core, shared by the CI-sized run in `npm test` and the long run of
 * `npm run fuzz`. Each arbitrary yields a document text; `checkInvariants` says what must hold for
 * every one of them.
 */
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyse } from '../../server/src/core/service';
import type { Finding, Range } from '../../server/src/core/types';
import { ROOT, EXAMPLE_TEXT } from '../helpers';

export const SEEDS: string[] = [
  EXAMPLE_TEXT,
  JSON.stringify(JSON.parse(EXAMPLE_TEXT), null, 2),
  ...readdirSync(join(ROOT, 'test/corpus/ddat-dev'))
    .slice(0, 8)
    .map((f) => readFileSync(join(ROOT, 'test/corpus/ddat-dev', f), 'utf8')),
];

/** Every path of a JSON value, for "wrong type at every path". */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [prefix];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...paths(v, [...prefix, i])));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...prefix, k]));
  return out;
}

function setAt(root: any, path: (string | number)[], v: unknown): any {
  if (path.length === 0) return v;
  const copy = structuredClone(root);
  let cur = copy;
  for (const seg of path.slice(0, -1)) cur = cur[seg];
  cur[path[path.length - 1]] = v;
  return copy;
}

const seed = fc.constantFrom(...SEEDS);
const weird = fc.constantFrom<unknown>(null, true, 0, -1, 1.5, 1e308, '', 'five', '\u0000', '\uD800', [], {}, [[[]]], { a: { b: {} } }, 'x'.repeat(5000));

export const truncation = seed.chain((s) => fc.nat({ max: s.length }).map((n) => s.slice(0, n)));
export const byteFlip = seed.chain((s) =>
  fc.tuple(fc.nat({ max: Math.max(0, s.length - 1) }), fc.integer({ min: 0, max: 0xffff })).map(([i, c]) => s.slice(0, i) + String.fromCharCode(c) + s.slice(i + 1)),
);
export const deletion = seed.chain((s) =>
  fc.tuple(fc.nat({ max: s.length }), fc.nat({ max: 200 })).map(([i, n]) => s.slice(0, i) + s.slice(i + n)),
);
export const insertion = seed.chain((s) =>
  fc.tuple(fc.nat({ max: s.length }), fc.constantFrom('{', '}', '[', ']', ',', ':', '"', '\\', '//', '/*', '\r\n', '\u2014', '\uFEFF', 'NaN', 'Infinity', '-', '1e999'))
    .map(([i, t]) => s.slice(0, i) + t + s.slice(i)),
);
export const duplicatedKey = seed.map((s) => s.replace('"occupation":', '"occupation": {"soc": 5}, "occupation":'));
export const wrongType = seed.chain((s) => {
  const value = JSON.parse(s);
  const all = paths(value);
  return fc.tuple(fc.constantFrom(...all), weird).map(([p, w]) => JSON.stringify(setAt(value, p, w), null, 1));
});
export const crlf = seed.map((s) => JSON.stringify(JSON.parse(s), null, 2).replace(/\n/g, '\r\n'));
export const anyString = fc.string({ unit: 'binary', maxLength: 400 });
export const anyJson = fc.jsonValue({ maxDepth: 6 }).map((v) => JSON.stringify(v));
/** Arbitrary JSON shaped like a framework, so the deeper rules run on odd but plausible data. */
export const frameworkLike = fc
  .record({
    occupation: fc.dictionary(fc.constantFrom('soc', 'title', 'group', 'sector', 'jobZone', 'jobZoneInferred'), fc.jsonValue({ maxDepth: 1 })),
    levels: fc.dictionary(
      fc.string({ maxLength: 12 }),
      fc.record({ label: fc.jsonValue({ maxDepth: 1 }), statements: fc.array(fc.oneof(fc.string({ maxLength: 120 }), fc.jsonValue({ maxDepth: 1 })), { maxLength: 12 }) }),
      { maxKeys: 6 },
    ),
  })
  .map((r) => JSON.stringify({ occupation: r.occupation, framework: { levels: r.levels } }, null, 2));

export const ALL_CASES = fc.oneof(truncation, byteFlip, deletion, insertion, duplicatedKey, wrongType, crlf, anyString, anyJson, frameworkLike);

function inside(r: Range, length: number): boolean {
  return Number.isInteger(r.start) && Number.isInteger(r.end) && r.start >= 0 && r.start <= r.end && r.end <= length;
}

/** Throws, with the reason, when a text breaks one of the core's promises. */
export function checkInvariants(text: string): void {
  const a = analyse(text);
  for (const f of a.findings) {
    if (!inside(f.range, text.length)) throw new Error(`finding outside the document: ${f.ruleId} ${JSON.stringify(f.range)}`);
    for (const r of f.related ?? []) if (!inside(r.range, text.length)) throw new Error(`related location outside the document: ${f.ruleId}`);
    for (const e of f.fix?.edits ?? []) if (!inside(e, text.length)) throw new Error(`fix edit outside the document: ${f.ruleId}`);
    if (/^Internal error/.test(f.message)) throw new Error(f.message);
  }
  const b = analyse(text);
  if (JSON.stringify(strip(a.findings)) !== JSON.stringify(strip(b.findings))) throw new Error('two analyses of the same text differ');
}

function strip(findings: Finding[]): unknown {
  return findings.map((f) => [f.ruleId, f.severity, f.message, f.pointer, f.range, f.related?.map((r) => [r.pointer, r.range])]);
}
