/**
 * The .vsix a user installs: `npm run package` builds it, and it must hold the bundles, schemas,
 * grammar, docs, data and licence notes, nothing else (no node_modules, sources or maps), stay
 * small, and work on its own: every file the manifest points at is inside, and the bundled CLI runs
 * from an unpacked copy with no node_modules beside it.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { RULES } from '../../server/src/core/rules/index';
import { listZip, readEntry, type ZipEntry } from './zip';

const root = join(__dirname, '..', '..');
const vsixPath = join(root, 'competency-lint.vsix');
/** What a user downloads; the bundles are ~1.7 MB of JavaScript and the reference data ~1 MB. */
const MAX_VSIX_BYTES = 3 * 1024 * 1024;
const MAX_UNPACKED_BYTES = 8 * 1024 * 1024;

/** Paths (under extension/) that may ship; everything else is a packaging mistake. */
const ALLOWED = [
  /^package\.json$/,
  /^readme\.md$/,
  /^LICENSE\.txt$/,
  /^dist\/(client|server|cli)\.js$/,
  /^dist\/THIRD-PARTY-NOTICES\.md$/,
  /^schemas\/[a-z-]+\.schema\.json$/,
  /^syntaxes\/[a-z.-]+\.tmLanguage\.json$/,
  /^docs\/[\w/.-]+\.md$/,
  /^data\/[\w/.-]+$/,
];

let buf: Buffer;
let entries: ZipEntry[];
let files: Map<string, ZipEntry>;
let unpacked: string;

function text(path: string): string {
  const e = files.get(path);
  assert.ok(e, `${path} is in the .vsix`);
  return readEntry(buf, e).toString('utf8');
}

describe('the packaged extension (.vsix)', () => {
  before(() => {
    rmSync(vsixPath, { force: true });
    const r = spawnSync('npm', ['run', 'package', '--silent'], { cwd: root, encoding: 'utf8' });
    assert.equal(r.status, 0, `npm run package failed:\n${r.stdout}\n${r.stderr}`);
    buf = readFileSync(vsixPath);
    entries = listZip(buf);
    files = new Map(entries.filter((e) => e.name.startsWith('extension/')).map((e) => [e.name.slice('extension/'.length), e]));
    unpacked = mkdtempSync(join(tmpdir(), 'cl-vsix-'));
  });
  after(() => rmSync(unpacked, { recursive: true, force: true }));

  test('holds only bundles, schemas, grammar, docs, data and licence notes', () => {
    const stray = [...files.keys()].filter((p) => !ALLOWED.some((re) => re.test(p)));
    assert.deepEqual(stray, []);
    assert.ok(!entries.some((e) => /node_modules|\.map$|\.ts$|(^|\/)(src|test|\.cache)\//.test(e.name)), 'no node_modules, sources, maps or tests');
    // O*NET's tasks, which the server completes new statements from, beside the bundles' folder where it looks (node/onetTasks.ts).
    assert.ok(files.has('data/reference/onet_29.3_task_statements.tsv.gz'), 'the O*NET tasks ship, at dist/../data/reference');
    for (const required of ['package.json', 'readme.md', 'LICENSE.txt', 'dist/client.js', 'dist/server.js', 'dist/cli.js',
      'dist/THIRD-PARTY-NOTICES.md', 'schemas/competency-framework.schema.json', 'schemas/competency-lint-config.schema.json',
      'syntaxes/competency-statement.injection.tmLanguage.json', 'data/reference/README.md']) {
      assert.ok(files.has(required), `${required} ships`);
    }
  });

  test('is small', () => {
    const size = statSync(vsixPath).size;
    const total = entries.reduce((n, e) => n + e.size, 0);
    assert.ok(size < MAX_VSIX_BYTES, `.vsix is ${size} bytes`);
    assert.ok(total < MAX_UNPACKED_BYTES, `unpacked it is ${total} bytes`);
  });

  test('ships the documentation page of every rule the diagnostics link to', () => {
    const missing = RULES.map((r) => r.id).filter((id) => !files.has(`docs/rules/${id}.md`));
    assert.deepEqual(missing, []);
  });

  test('every file the manifest points at is inside', () => {
    const manifest = JSON.parse(text('package.json'));
    const rel = (p: string) => p.replace(/^\.\//, '');
    const pointed = [
      rel(manifest.main),
      ...manifest.contributes.grammars.map((g: { path: string }) => rel(g.path)),
      ...manifest.contributes.jsonValidation.map((v: { url: string }) => rel(v.url)),
    ];
    for (const p of pointed) assert.ok(files.has(p), `${p} (named in package.json) ships`);
    // Each schema in the package is valid JSON, as VS Code's JSON service will load it.
    for (const v of manifest.contributes.jsonValidation) JSON.parse(text(rel(v.url)));
  });

  test('the licence notes name every package inlined into the bundles', () => {
    const notes = text('dist/THIRD-PARTY-NOTICES.md');
    for (const pkg of ['vscode-languageclient', 'vscode-languageserver-protocol', 'jsonc-parser', 'ajv']) {
      assert.match(notes, new RegExp(`^- ${pkg} \\d`, 'm'), `${pkg} is listed`);
    }
    // Every data folder that ships carries its licence note.
    const dataDirs = new Set([...files.keys()].filter((p) => p.startsWith('data/')).map((p) => p.slice(0, p.lastIndexOf('/'))));
    for (const dir of dataDirs) assert.match(text(`${dir}/README.md`), /licen[cs]e|public domain/i, `${dir} carries its licence note`);
  });

  test('the bundles require nothing but Node built-ins (and vscode in the client)', () => {
    const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
    for (const bundle of ['dist/client.js', 'dist/server.js', 'dist/cli.js']) {
      // A require() inside a string literal is code ajv can generate for standalone output, not a call.
      const required = [...text(bundle).matchAll(/(?<!['"\w.$])require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
      const foreign = required.filter((m) => !builtins.has(m) && !(bundle === 'dist/client.js' && m === 'vscode'));
      assert.deepEqual([...new Set(foreign)], [], `${bundle} requires only built-ins`);
    }
  });

  test('the CLI runs from the unpacked .vsix with no node_modules beside it', () => {
    for (const [path, e] of files) {
      const out = join(unpacked, path);
      mkdirSync(dirname(out), { recursive: true });
      writeFileSync(out, readEntry(buf, e));
    }
    const example = readFileSync(join(root, 'examples', '25-4022.00.json'), 'utf8');
    const r = spawnSync(process.execPath, [join(unpacked, 'dist', 'cli.js'), '--stdin', '--format', 'json', '--no-config-lookup'], {
      cwd: unpacked, input: example, encoding: 'utf8',
    });
    assert.ok(r.status === 0 || r.status === 1, `exit ${r.status}: ${r.stderr}`);
    const report = JSON.parse(r.stdout);
    assert.ok(Array.isArray(report) || typeof report === 'object', 'a JSON report');
  });
});
