/**
 * Benchmark of the `schema` rule: `node --import tsx bench/schema.ts` (optionally followed by
 * statement counts, e.g. `... 1000 100000`).
 *
 * It measures, wall-clock: what ajv's run-time compilation of the schema would cost on every
 * start (the cost the generated standalone validator removes), then the rule alone through the
 * `analyse` façade on the example and on generated frameworks of N statements over four levels,
 * valid (the common case) and with every tenth statement of the wrong type (the message path).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { analyse } from '../server/src/core/service';
import { schema as schemaRule } from '../server/src/core/rules/schema';
import { parseDocument } from '../server/src/core/parse/parse';
import { checkSchema } from '../server/src/core/schema/check';
import { EMPTY_CONFIG } from '../server/src/core/config/types';

const ROOT = join(__dirname, '..');
const EXAMPLE = readFileSync(join(ROOT, 'examples/25-4022.00.json'), 'utf8');
const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);

function time<T>(fn: () => T): { ms: number; value: T } {
  const t0 = process.hrtime.bigint();
  const value = fn();
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, value };
}

function median(runs: number, fn: () => unknown): number {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) ms.push(time(fn).ms);
  return ms.sort((a, b) => a - b)[Math.floor(ms.length / 2)];
}

function framework(statements: number, broken: boolean): string {
  const doc = JSON.parse(EXAMPLE);
  const base: string[] = Object.values<any>(doc.framework.levels).flatMap((l) => l.statements);
  const keys = Object.keys(doc.framework.levels);
  for (const [li, key] of keys.entries()) {
    const list: unknown[] = [];
    for (let i = li; i < statements; i += keys.length) list.push(broken && i % 10 === 0 ? i : `${base[i % base.length]} (${i})`);
    doc.framework.levels[key].statements = list;
  }
  return JSON.stringify(doc, null, 2);
}

const schemaJson = JSON.parse(readFileSync(join(ROOT, 'schemas/competency-framework.schema.json'), 'utf8'));
const compile = median(5, () => {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv, ['date-time']);
  return ajv.compile(schemaJson);
});
console.log(`ajv compile at run time (avoided by the generated validator): ${compile.toFixed(1)} ms`);

// The rule's own cost: the schema check of an already parsed document (the façade parses once
// for all rules, so parsing is shown apart).
console.log('document                              chars    parse ms   schema ms  findings');
const row = (name: string, text: string) => {
  const parse = median(5, () => parseDocument(text));
  const doc = parseDocument(text);
  const check = median(7, () => checkSchema(doc));
  const findings = analyse(text, { rules: [schemaRule], config: { ...EMPTY_CONFIG, maxFileSize: Infinity } }).findings.length;
  console.log(`${name.padEnd(36)} ${String(text.length).padStart(9)}  ${parse.toFixed(1).padStart(9)}  ${check.toFixed(1).padStart(10)}  ${String(findings).padStart(8)}`);
};
row('example (40 statements)', EXAMPLE);
for (const n of sizes.length ? sizes : [1000, 10000, 100000]) {
  row(`${n} statements, valid`, framework(n, false));
  row(`${n} statements, 10% wrong type`, framework(n, true));
}
