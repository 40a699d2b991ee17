/**
 * The architecture invariants of ARCHITECTURE.md, checked on the source: the core stays pure, and
 * the adapters reach it only through its façade; a rule that throws does not take the analysis with it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { EXAMPLE_TEXT, ROOT } from '../helpers';
import { analyse } from '../../server/src/core/service';
import { RULES } from '../../server/src/core/rules/index';
import type { Rule } from '../../server/src/core/rules/types';

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sources(p));
    else if (/\.(ts|js)$/.test(name)) out.push(p);
  }
  return out;
}

function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const m of text.matchAll(/(?:from\s+|require\(\s*|import\(\s*)['"]([^'"]+)['"]/g)) found.push(m[1]);
  return found;
}

/** The packages the core may use: parsers and a stemmer, none of which does I/O. */
const CORE_PACKAGES = /^(jsonc-parser|ajv|ajv-formats|stemmer)(\/|$)/;

test('the core imports nothing but itself and pure packages: no Node module, no LSP, VS Code, CLI or file system', () => {
  const core = join(ROOT, 'server/src/core');
  const offenders: string[] = [];
  for (const file of sources(core)) {
    for (const spec of imports(file)) {
      const target = join(dirname(file), spec);
      // Its own modules, and the schemas as data (bundled, never read at run time).
      const inside = spec.startsWith('.') && (!relative(core, target).startsWith('..') || /^schemas\/[\w.-]+\.json$/.test(relative(ROOT, target)));
      const builtin = spec.startsWith('node:') || builtinModules.includes(spec.split('/')[0]);
      if (builtin || !(inside || CORE_PACKAGES.test(spec))) offenders.push(`${relative(ROOT, file)} imports ${spec}`);
    }
  }
  assert.deepEqual(offenders, []);
});

test('the core reads nothing of its process or the clock: text and config in, results out', () => {
  const offenders: string[] = [];
  for (const file of sources(join(ROOT, 'server/src/core'))) {
    // Code only: comments may name what the code must not use. (A require of a package is an
    // import, which the test above holds to the pure ones.)
    const code = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    for (const m of code.matchAll(/\b(process\.|globalThis\b|Date\.now\(|new Date\(\)|Math\.random\()/g)) offenders.push(`${relative(ROOT, file)} uses ${m[1]}`);
  }
  assert.deepEqual(offenders, []);
});

test('the CLI and the server reach the rules only through the façade and the registry (types aside)', () => {
  const offenders: string[] = [];
  for (const dir of ['server/src/cli', 'server/src/lsp']) {
    let files: string[] = [];
    try {
      files = sources(join(ROOT, dir));
    } catch {
      continue;
    }
    for (const file of files) {
      for (const spec of imports(file)) {
        if (/core\/rules\/(?!index|types)/.test(spec)) offenders.push(`${relative(ROOT, file)} imports ${spec}`);
      }
    }
  }
  assert.deepEqual(offenders, []);
});

test('a rule that throws becomes an error finding naming it, and the other rules still run', () => {
  const broken: Rule = {
    id: 'broken-rule',
    category: 'format',
    defaultSeverity: 'warning',
    description: 'Throws.',
    check() {
      throw new Error('boom');
    },
  };
  const findings = analyse(EXAMPLE_TEXT, { rules: [broken, ...RULES] }).findings;
  const internal = findings.filter((f) => f.ruleId === 'broken-rule');
  assert.deepEqual(
    internal.map((f) => [f.severity, f.message]),
    [['error', 'Internal error in rule broken-rule: boom. Please report it.']],
  );
  assert.deepEqual(
    findings.filter((f) => f.ruleId !== 'broken-rule'),
    analyse(EXAMPLE_TEXT).findings,
  );
});
