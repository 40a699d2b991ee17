/**
 * The architecture invariants of ARCHITECTURE.md, checked on the source: the core stays pure, and
 * the adapters reach it only through its façade.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT } from '../helpers';

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

test('the core imports nothing that touches LSP, VS Code, the file system or processes', () => {
  const forbidden = /^(node:)?(fs|fs\/promises|child_process|worker_threads|net|http|https|process)$|^vscode|\/(lsp|cli|node)\//;
  const offenders: string[] = [];
  for (const file of sources(join(ROOT, 'server/src/core'))) {
    for (const spec of imports(file)) {
      if (forbidden.test(spec)) offenders.push(`${relative(ROOT, file)} imports ${spec}`);
    }
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
