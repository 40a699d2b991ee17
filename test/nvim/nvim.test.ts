/**
 * Another editor, for real: Debian's Neovim 0.7 runs headless as the LSP client of
 * `competency-lint --stdio` (the bundled dist/cli.js) on the example with a planted duplicate. The
 * duplicate must arrive with its code, link and the other copy as related information, and Neovim
 * must get the same findings, at the same places, as the CLI reports for the same file.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { CLI, ROOT, cliFindings, plantedExample, readMaybe, type PlantedExample } from '../realClients';

/** The lua block of the README's Neovim section: the init.lua users copy. */
function readmeInitLua(): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Neovim'));
  const block = /```lua\n([\s\S]*?)```/.exec(section);
  assert.ok(block, 'the README\'s Neovim section has a lua block');
  return block[1];
}

/**
 * Runs a script of this folder in headless Neovim set up with the README's init.lua and
 * `competency-lint` on PATH as an install puts it, in the planted example's workspace.
 */
function withReadmeInit(dir: string, script: string, env: Record<string, string>, timeout = 60_000) {
  const init = join(dir, 'init.lua');
  writeFileSync(init, readmeInitLua());
  const bin = join(dir, 'bin');
  mkdirSync(bin, { recursive: true });
  writeFileSync(join(bin, 'competency-lint'), `#!/bin/sh\nexec "${process.execPath}" "${CLI}" "$@"\n`, { mode: 0o755 });
  return spawnSync('nvim', ['--headless', '--clean', '-n', '-u', init, '-c', `luafile ${join(__dirname, script)}`], {
    cwd: join(dir, 'ws'),
    encoding: 'utf8',
    timeout,
    env: {
      ...process.env,
      PATH: `${bin}:${process.env.PATH}`,
      HOME: join(dir, 'home'), XDG_CONFIG_HOME: join(dir, 'config'), XDG_DATA_HOME: join(dir, 'data'),
      XDG_CACHE_HOME: join(dir, 'cache'), XDG_STATE_HOME: join(dir, 'state'),
      ...env,
    },
  });
}

interface NvimDiagnostic {
  lnum: number; col: number; severity: number; source?: string; code?: string; message: string;
  href: string | null; related: { location: { uri: string; range: { start: { line: number; character: number } } }; message: string }[];
}

describe('Neovim 0.7 (headless) as an LSP client of competency-lint --stdio', () => {
  let planted: PlantedExample;

  before(() => {
    planted = plantedExample('cl-nvim-', ['home', 'config', 'data', 'cache', 'state']);
  });

  after(() => rmSync(planted.dir, { recursive: true, force: true }));

  test('the planted duplicate arrives in Neovim with its code, link and related copy, as the CLI reports it', () => {
    const { dir, file, firstLine, plantedLine } = planted;
    const out = join(dir, 'diagnostics.json');
    const r = spawnSync('nvim', ['--headless', '--clean', '-n', '-c', `luafile ${join(__dirname, 'lsp-diagnostics.lua')}`], {
      cwd: join(dir, 'ws'),
      encoding: 'utf8',
      timeout: 60_000,
      env: {
        ...process.env,
        HOME: join(dir, 'home'), XDG_CONFIG_HOME: join(dir, 'config'), XDG_DATA_HOME: join(dir, 'data'),
        XDG_CACHE_HOME: join(dir, 'cache'), XDG_STATE_HOME: join(dir, 'state'),
        CL_FILE: file, CL_OUT: out, CL_EXPECT_CODE: 'duplicate-exact', CL_CLI: CLI,
      },
    });
    assert.equal(r.status, 0, `nvim exited ${r.status} (${r.signal ?? ''}); stderr:\n${r.stderr}\n${readMaybe(out)}`);
    const result = JSON.parse(readFileSync(out, 'utf8')) as { arrived: boolean; filetype: string; diagnostics: NvimDiagnostic[] };
    assert.equal(result.filetype, 'json');
    const dup = result.diagnostics.find((d) => d.code === 'duplicate-exact');
    assert.ok(dup, 'the duplicate is reported');
    assert.equal(dup.source, 'competency-lint');
    assert.equal(dup.lnum, plantedLine, 'on the planted copy');
    assert.match(dup.href ?? '', /docs\/rules\/duplicate-exact\.md$/);
    assert.ok(dup.related.some((rel) => rel.location.range.start.line === firstLine), 'the first copy is related information');

    // The same findings at the same places as the CLI gives for the file.
    const fromNvim = result.diagnostics.filter((d) => d.source === 'competency-lint').map((d) => `${d.code}@${d.lnum + 1}:${d.col + 1}`).sort();
    assert.deepEqual(fromNvim, cliFindings(file, join(dir, 'ws')));
  });

  test('with the README\'s init.lua, the suppression quick fix applied and saved silences the finding there and in the CLI', () => {
    const { dir, file } = planted;
    const ws = join(dir, 'ws');
    const config = join(ws, '.competency-lint.json');
    writeFileSync(config, '{\n  // The team\'s rules.\n  "rules": { "level-balance": "info" }\n}\n');
    const before = cliFindings(file, ws);
    assert.ok(before.some((f) => f.startsWith('scope-outlier@')), 'the example has a scope-outlier finding');
    const out = join(dir, 'suppress.json');
    const r = withReadmeInit(dir, 'lsp-suppress.lua', { CL_FILE: file, CL_OUT: out, CL_EXPECT_CODE: 'scope-outlier' }, 90_000);
    const result = JSON.parse(readMaybe(out).startsWith('{') ? readFileSync(out, 'utf8') : '{}') as { offered?: string; clients?: number; config_attached?: boolean; gone?: boolean; others?: number };
    assert.equal(result.offered, 'Suppress scope-outlier for this statement in .competency-lint.json', `nvim exited ${r.status}; stderr:\n${r.stderr}`);
    assert.ok(result.config_attached, 'the config\'s buffer is attached to the server, by the same autocommand');
    assert.equal(result.clients, 1, 'one server for the framework and its config');
    assert.ok(result.gone, `the finding did not leave Neovim's diagnostics after the save (exit ${r.status}); config now:\n${readMaybe(config)}`);
    assert.equal(r.status, 0);
    const saved = readFileSync(config, 'utf8');
    assert.match(saved, /^\{\n {2}\/\/ The team's rules\.\n {2}"rules": \{ "level-balance": "info" \},\n {2}"suppressions": \[/, 'the config kept what was there');
    // The CLI reads the same config: the same findings but that one.
    assert.deepEqual(cliFindings(file, ws), before.filter((f) => !f.startsWith('scope-outlier@')));
    assert.equal(result.others, before.length - 1);
  });

  test('with the README\'s init.lua, the diagnostic float names the rule and K shows the hover', () => {
    const { dir, file } = planted;
    const out = join(dir, 'keys.json');
    const r = withReadmeInit(dir, 'lsp-keys.lua', { CL_FILE: file, CL_OUT: out, CL_EXPECT_CODE: 'duplicate-exact' });
    assert.equal(r.status, 0, `nvim exited ${r.status}; stderr:\n${r.stderr}\n${readMaybe(out)}`);
    const result = JSON.parse(readFileSync(out, 'utf8')) as { float: string[]; hover: string[] };
    const float = result.float.join('\n');
    assert.match(float, /Same statement as Emerging #1/);
    assert.match(float, /\[duplicate-exact\]/, `the float names the rule, as the README says:\n${float}`);
    const hover = result.hover.join('\n');
    assert.match(hover, /Emerging\** statement \d+ of \d+/, `K shows the statement's hover:\n${hover}`);
  });

  test('with the README\'s init.lua, vim.lsp.buf.rename on a topic renames it in every statement that carries it', () => {
    const { dir, file, firstLine, plantedLine } = planted;
    const out = join(dir, 'rename.json');
    const r = withReadmeInit(dir, 'lsp-rename.lua', { CL_FILE: file, CL_OUT: out, CL_EXPECT_CODE: 'duplicate-exact', CL_TOPIC: 'Circulation procedures', CL_NEW_NAME: 'Lending services' });
    assert.equal(r.status, 0, `nvim exited ${r.status}; stderr:\n${r.stderr}\n${readMaybe(out)}`);
    const { lines } = JSON.parse(readFileSync(out, 'utf8')) as { lines: string[] };
    const before = readFileSync(file, 'utf8').split('\n');
    // The planted copy shares the first statement's topic: both are renamed, and nothing else changes.
    const changed = lines.map((l, i) => (l === before[i] ? -1 : i)).filter((i) => i >= 0);
    assert.deepEqual(changed, [firstLine, plantedLine]);
    for (const i of changed) assert.equal(lines[i], before[i].replace('Circulation procedures', 'Lending services'));
  });

  test('with the README\'s init.lua, a .competency-lint.json buffer is attached and shows its unknown rule id where it is written, in the CLI\'s words', () => {
    const { dir } = planted;
    const config = join(dir, 'ws', 'team', '.competency-lint.json');
    mkdirSync(join(dir, 'ws', 'team'), { recursive: true });
    writeFileSync(config, '{\n  "rules": {\n    "scope-outlire": "off"\n  }\n}\n');
    const out = join(dir, 'config.json');
    const r = withReadmeInit(dir, 'lsp-diagnostics.lua', { CL_FILE: config, CL_OUT: out, CL_EXPECT_CODE: 'config' });
    assert.equal(r.status, 0, `nvim exited ${r.status}; stderr:\n${r.stderr}\n${readMaybe(out)}`);
    const result = JSON.parse(readFileSync(out, 'utf8')) as { filetype: string; diagnostics: NvimDiagnostic[] };
    assert.equal(result.filetype, 'json', 'the README\'s autocommand attaches by this filetype');
    assert.deepEqual(
      result.diagnostics.map((d) => `${d.source} ${d.code} ${d.lnum + 1}:${d.col + 1} ${d.message}`),
      ['competency-lint config 3:5 unknown rule "scope-outlire"; did you mean "scope-outlier"?'],
    );
    // The CLI, on a framework under that config, says the same at the same place.
    writeFileSync(join(dir, 'ws', 'team', 'f.json'), readFileSync(planted.file));
    const cli = spawnSync(process.execPath, [CLI, 'f.json'], { cwd: join(dir, 'ws', 'team'), encoding: 'utf8' });
    assert.equal(cli.stderr.split('\n')[0], 'competency-lint: .competency-lint.json:3:5: unknown rule "scope-outlire"; did you mean "scope-outlier"?');
  });
});
