// Writes dist/THIRD-PARTY-NOTICES.md: the licence of every npm package inlined into the bundles.
// The bundles' source maps list the files esbuild put in, so the notice names exactly the packages
// that ship (the .vsix carries no node_modules, so their licences must travel this way).
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const dist = join(root, 'dist');

/** "node_modules/@scope/name/lib/x.js" or "node_modules/a/node_modules/b/x.js" -> the package folder. */
function packageDirOf(source) {
  const i = source.lastIndexOf('node_modules/');
  if (i < 0) return undefined;
  const parts = source.slice(i + 'node_modules/'.length).split('/');
  const name = parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  return join(root, source.slice(source.indexOf('node_modules/'), i), 'node_modules', name);
}

const packages = new Map();
for (const bundle of ['cli.js', 'server.js', 'client.js']) {
  const mapFile = join(dist, `${bundle}.map`);
  if (!existsSync(mapFile)) throw new Error(`${mapFile} is missing: run the build first`);
  for (const source of JSON.parse(readFileSync(mapFile, 'utf8')).sources) {
    const dir = packageDirOf(source.replace(/^(\.\.\/)+/, ''));
    if (!dir || packages.has(dir)) continue;
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const licenceFile = readdirSync(dir).find((f) => /^(licen[cs]e|copying)(\.|$)/i.test(f));
    packages.set(dir, {
      name: pkg.name,
      version: pkg.version,
      license: typeof pkg.license === 'string' ? pkg.license : pkg.license?.type ?? 'see package',
      text: licenceFile ? readFileSync(join(dir, licenceFile), 'utf8').trim() : undefined,
    });
  }
}

const list = [...packages.values()].sort((a, b) => a.name.localeCompare(b.name));
const out = [
  '# Third-party notices',
  '',
  'The bundles in `dist/` include the following npm packages. Their licences follow.',
  'O*NET, SOC and NAICS reference data carry their own notes under `data/`.',
  '',
  ...list.map((p) => `- ${p.name} ${p.version} (${p.license})`),
  '',
  ...list.flatMap((p) => [`## ${p.name} ${p.version}`, '', p.text ? '```text\n' + p.text + '\n```' : `Licence: ${p.license}.`, '']),
];
writeFileSync(join(dist, 'THIRD-PARTY-NOTICES.md'), out.join('\n'));
console.log(`dist/THIRD-PARTY-NOTICES.md: ${list.length} packages (${list.map((p) => p.name).join(', ')})`);
