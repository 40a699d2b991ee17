// `npm test`: builds, type-checks, then runs every test tier in turn and stops on the first that
// fails. The node:test tiers run the *.test.ts files under test/ (through tsx); the real-client
// tiers are scripts of their own. In CI (CI=true) a tier whose tool is missing fails; elsewhere it
// is skipped with a message saying what to install.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { missingFor } from './real-clients.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// `node scripts/test.mjs unit cli` runs those tiers only; `--except=extension` runs all but those
// (CI runs the extension tier last, once code-server's install alongside the others has finished).
const args = process.argv.slice(2);
const except = args.filter((a) => a.startsWith('--except=')).flatMap((a) => a.slice('--except='.length).split(','));
const only = args.filter((a) => !a.startsWith('--'));

function run(title, cmd, args, env = {}) {
  console.log(`\n# ${title}: ${[cmd, ...args].join(' ')}`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  console.log(`# ${title}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (r.status !== 0) {
    console.error(`# ${title} failed (exit ${r.status ?? r.signal})`);
    process.exit(1);
  }
}

function testFiles(dir) {
  const out = [];
  const walk = (d) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) { if (name !== 'fixtures' && name !== 'node_modules') walk(p); }
      else if (name.endsWith('.test.ts')) out.push(relative(root, p));
    }
  };
  walk(join(root, dir));
  return out;
}

const tiers = [
  { name: 'unit', dir: 'test/unit' },
  { name: 'cli', dir: 'test/cli' },
  { name: 'lsp', dir: 'test/lsp' },
  { name: 'grammar', dir: 'test/grammar' },
  { name: 'package', dir: 'test/package' },
  { name: 'report', dir: 'test/report' },
  { name: 'extension', dir: 'test/extension' },
  { name: 'nvim', dir: 'test/nvim' },
  { name: 'emacs', dir: 'test/emacs' },
];

if (only.length === 0 || only.includes('build')) {
  run('build', process.execPath, ['scripts/build.mjs']);
  run('typecheck', process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', '.']);
}
for (const tier of tiers) {
  if ((only.length && !only.includes(tier.name)) || except.includes(tier.name)) continue;
  let files = [];
  try { files = testFiles(tier.dir); } catch { /* a tier without tests yet */ }
  if (files.length === 0) continue;
  const missing = missingFor(tier.name);
  if (missing) {
    if (process.env.CI === 'true') {
      console.error(`\n# tier ${tier.name} cannot run: missing ${missing}`);
      process.exit(1);
    }
    console.log(`\n# tier ${tier.name} skipped: missing ${missing}`);
    continue;
  }
  run(`tier ${tier.name}`, process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files]);
}
