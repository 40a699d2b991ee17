/**
 * The npm package a CI job installs (README, "Install"): `npm pack` builds it through `prepare` and
 * must hold the CLI's bundle with the licences of what it inlines, the schemas, docs and data, and
 * nothing of the sources, tests or source maps. The bundle inlines every dependency, so the tarball
 * installs with no registry at all (`--offline`) and the installed `competency-lint` lints.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

const root = join(__dirname, '..', '..');
const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version as string;

let dir: string;
let tarball: string;
let files: string[];

describe('the npm package', () => {
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'cl-pack-'));
    const r = spawnSync('npm', ['pack', '--json', '--pack-destination', dir], { cwd: root, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    // npm prints the prepare script's output before the JSON.
    const report = JSON.parse(r.stdout.slice(r.stdout.indexOf('[')));
    tarball = join(dir, report[0].filename);
    files = report[0].files.map((f: { path: string }) => f.path);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('holds the bundle, its licence notices, schemas, docs and data, and no sources, tests or maps', () => {
    for (const f of ['package.json', 'README.md', 'LICENSE', 'dist/cli.js', 'dist/THIRD-PARTY-NOTICES.md', 'schemas/competency-framework.schema.json', 'docs/rules/schema.md'])
      assert.ok(files.includes(f), `${f} is in the package`);
    assert.ok(files.some((f) => f.startsWith('data/reference/') && f.endsWith('.md')), 'the reference data keeps its licence note');
    const stray = files.filter((f) => /^(server|client|test|bench|scripts|node_modules|examples)\/|\.map$/.test(f));
    assert.deepEqual(stray, []);
    // O*NET's tasks, which `competency-lint --stdio` (the server of Neovim and Emacs) completes new
    // statements from, beside the bundle's folder where it looks (node/onetTasks.ts).
    assert.ok(files.includes('data/reference/onet_29.3_task_statements.tsv.gz'), 'the O*NET tasks ship, at dist/../data/reference');
  });

  test('installs offline into a project, and its competency-lint lints', () => {
    const project = join(dir, 'project');
    spawnSync('mkdir', ['-p', project]);
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'exports', version: '1.0.0', private: true }));
    const install = spawnSync('npm', ['install', '--save-dev', '--offline', '--no-audit', '--no-fund', tarball], { cwd: project, encoding: 'utf8' });
    assert.equal(install.status, 0, install.stderr);
    const bin = join(project, 'node_modules', '.bin', 'competency-lint');
    assert.equal(spawnSync(bin, ['--version'], { encoding: 'utf8' }).stdout.trim(), version);
    copyFileSync(join(root, 'examples', '25-4022.00.json'), join(project, 'librarians.json'));
    const run = spawnSync(bin, ['--format', 'json', 'librarians.json'], { cwd: project, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    const [report] = JSON.parse(run.stdout);
    assert.equal(report.errorCount, 0);
    assert.ok(report.messages.length > 0, 'the example has its information findings');
  });
});
