/**
 * The options of the built CLI that the golden tests do not pin: configuration (--config,
 * --no-config-lookup, --rule, --print-config), output (--output-file, --quiet, colours), and the
 * usage errors that must be exit 2 with a message.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, watch, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { RULES } from '../../server/src/core/rules/index';
import { escapeData, escapeProperty } from '../../server/src/cli/formatters/github';
import { spawn, spawnSync } from 'node:child_process';
import { cli, tempDir, CLI, EXAMPLE_PRETTY, FIXTURES } from './helpers';

const pkg = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8'));

test('--version prints the package version; --help lists every option and the exit codes', () => {
  const v = cli(['--version']);
  assert.equal(v.status, 0);
  assert.equal(v.stdout, `${pkg.version}\n`);
  const h = cli(['--help']);
  assert.equal(h.status, 0);
  for (const opt of ['--format', '--output-file', '--max-warnings', '--quiet', '--config', '--no-config-lookup', '--rule', '--print-config', '--fix', '--stdin', '--stdin-filename', '--stdio', '--version']) {
    assert.ok(h.stdout.includes(opt), `--help does not mention ${opt}`);
  }
  assert.match(h.stdout, /Exit codes: 0 no errors/);
});

test('--rule changes a severity for this run; --quiet keeps errors only', () => {
  const asError = cli(['--format', 'json', '--rule', 'statement-dash:error', 'frameworks/style.json']);
  assert.equal(asError.status, 1);
  assert.equal(JSON.parse(asError.stdout)[0].messages[0].severity, 'error');

  const off = cli(['--format', 'json', '--rule', 'statement-dash:off', 'frameworks/style.json']);
  assert.equal(off.status, 0);
  assert.deepEqual(JSON.parse(off.stdout)[0].messages, []);

  const quiet = cli(['--format', 'json', '--quiet', 'frameworks/style.json', 'frameworks/schema.json']);
  assert.equal(quiet.status, 1);
  const [style, schema] = JSON.parse(quiet.stdout);
  assert.deepEqual([style.warningCount, style.messages.length], [0, 0]);
  assert.equal(schema.errorCount, 1);
  // Warnings hidden by --quiet do not count against --max-warnings either.
  assert.equal(cli(['--quiet', '--max-warnings', '0', 'frameworks/style.json']).status, 0);
  // ESLint's "no limit", written with a space as well as with "=".
  for (const args of [['--max-warnings', '-1'], ['--max-warnings=-1']]) {
    const unlimited = cli([...args, '--rule', 'statement-dash:warning', 'frameworks/style.json']);
    assert.equal(unlimited.status, 0, unlimited.stderr);
  }
  // After "--", "-1" is a file name like any other.
  assert.match(cli(['--', '--max-warnings', '-1']).stderr, /--max-warnings: no such file or directory/);
});

test('--config uses that file instead of the lookup; --no-config-lookup uses none', () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'quiet-dash.json'), '{ "rules": { "statement-dash": "off" } }\n');
  const style = join(FIXTURES, 'frameworks/style.json');
  const withConfig = cli(['--format', 'json', '--config', join(dir, 'quiet-dash.json'), style]);
  assert.equal(withConfig.status, 0, withConfig.stderr);
  assert.equal(JSON.parse(withConfig.stdout)[0].warningCount, 0);

  // unknown-rule/ has a config naming a rule that does not exist: without the lookup it is never read.
  const noLookup = cli(['--format', 'json', '--no-config-lookup', 'unknown-rule/librarians.json']);
  assert.equal(noLookup.status, 0, noLookup.stderr);

  const missing = cli(['--config', 'nowhere.json', 'frameworks/clean.json']);
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /nowhere\.json:1:1: cannot read the config file \(ENOENT\)/);
  assert.equal(missing.stdout, '');
});

test('--print-config shows every rule with its effective severity and the config files used', () => {
  const run = cli(['--print-config', 'frameworks/clean.json', '--rule', 'statement-period:info']);
  assert.equal(run.status, 0, run.stderr);
  const printed = JSON.parse(run.stdout);
  assert.deepEqual(printed.configFiles, [join(FIXTURES, '.competency-lint.json')]);
  assert.deepEqual(Object.keys(printed.rules), [...RULES.map((r) => r.id), 'large-file'], 'every rule, then the large-file notice');
  assert.equal(printed.rules['large-file'], 'info');
  assert.deepEqual(printed.rules['scope-outlier'], ['off', { minDistance: 0.6 }]); // from the fixtures' config, with the default option
  assert.deepEqual(printed.rules['statement-period'], ['info', { minShare: 0.75, minCount: 3 }]); // from --rule
  assert.equal(printed.rules['json-syntax'], 'error'); // the default; the rule has no options

  // Two files: the second would be left out, so it is a usage error rather than half an answer.
  for (const args of [['--print-config', 'frameworks/clean.json', 'frameworks/style.json'], ['--print-config', 'frameworks/clean.json', '--print-config', 'frameworks/style.json']]) {
    const two = cli(args);
    assert.equal(two.status, 2);
    assert.equal(two.stdout, '');
    assert.match(two.stderr, /--print-config prints the configuration of one file, so "frameworks\/style\.json" would be left out; run --print-config once per file/);
  }

  const broken = cli(['--print-config', 'bad-config/librarians.json']);
  assert.equal(broken.status, 2);
  assert.match(broken.stderr, /^competency-lint: bad-config\/\.competency-lint\.json:5:5: rule "schema": severity must be one of/);
});

test('--print-config shows everything a config can set, under the names a config uses', () => {
  const dir = tempDir();
  writeFileSync(
    join(dir, '.competency-lint.json'),
    JSON.stringify({ root: true, rules: { 'level-progression': 'error' }, levelOrder: ['basic', 'expert'], files: ['exports/*.jsonc'], ignore: ['drafts/**'], maxFileSize: 5000 }),
  );
  mkdirSync(join(dir, 'drafts'));
  writeFileSync(join(dir, 'drafts', '.competency-lint.json'), JSON.stringify({ ignore: ['old.json'] }));
  const run = cli(['--print-config', 'drafts/a.json'], { cwd: dir });
  assert.equal(run.status, 0, run.stderr);
  const printed = JSON.parse(run.stdout);
  // The default margin shows, so a user can see what there is to tune.
  assert.deepEqual(printed.rules['level-progression'], ['error', { margin: 0.6 }]);
  assert.deepEqual(printed.levelOrder, ['basic', 'expert']);
  assert.equal(printed.levelOrders, undefined);
  assert.deepEqual(printed.files, [{ glob: 'exports/*.jsonc', config: join(dir, '.competency-lint.json'), matches: false }]);
  assert.deepEqual(printed.ignore, [
    { glob: 'drafts/**', config: join(dir, '.competency-lint.json'), matches: true },
    { glob: 'old.json', config: join(dir, 'drafts', '.competency-lint.json'), matches: false },
  ]);
  assert.equal(printed.maxFileSize, 5000);
  // Without a config, the default limit.
  assert.equal(JSON.parse(cli(['--no-config-lookup', '--print-config', 'a.json'], { cwd: dir }).stdout).maxFileSize, 1048576);
});

test('--output-file writes the report atomically and leaves standard output empty', () => {
  const dir = tempDir('frameworks');
  const run = cli(['--format', 'json', '--output-file', 'out/report.json', '.'], { cwd: dir });
  // A folder that does not exist is an error (exit 2), not a crash.
  assert.equal(run.status, 2);
  assert.match(run.stderr, /cannot write the report to out\/report\.json: no such file or directory/);
  // A folder as the target is refused before any file is linted.
  mkdirSync(join(dir, 'reports'));
  const folder = cli(['--format', 'json', '--output-file', 'reports', '.'], { cwd: dir });
  assert.equal(folder.status, 2);
  assert.equal(folder.stderr, 'competency-lint: cannot write the report to reports: is a directory\n');

  const ok = cli(['--format', 'json', '--output-file', 'report.json', '.'], { cwd: dir });
  assert.equal(ok.status, 1);
  assert.equal(ok.stdout, '');
  assert.equal(JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')).length, 5);
  assert.deepEqual(readdirSync(dir).filter((f) => f.endsWith('.tmp')), []);
  assert.ok(!existsSync(join(dir, 'out')));
});

test('--output-file /dev/stdout writes the report to the shell pipe it names', () => {
  // A shell pipe (Node's own child pipes are sockets, which /dev/stdout cannot open).
  const run = spawnSync('sh', ['-c', `"${process.execPath}" "${CLI}" --format json --output-file /dev/stdout frameworks/schema.json | cat`], { cwd: FIXTURES, encoding: 'utf8' });
  assert.equal(run.stderr, '');
  assert.equal(JSON.parse(run.stdout)[0].filePath, join(FIXTURES, 'frameworks/schema.json'));
});

/**
 * Runs the CLI with `--output-file report.json` on `inputs` in `dir`, sends SIGTERM as soon as the
 * report's temporary file appears beside the target (the sign that the run has started writing),
 * and returns how the process ended.
 */
async function interrupted(dir: string, inputs: string[]): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  const started = new Promise<void>((resolve) => {
    const watcher = watch(dir, (_event, name) => {
      if (name?.endsWith('.tmp')) {
        watcher.close();
        resolve();
      }
    });
  });
  const child = spawn(process.execPath, [CLI, '--concurrency', '1', '--format', 'json', '--output-file', 'report.json', ...inputs], { cwd: dir, stdio: 'ignore' });
  await started;
  child.kill('SIGTERM');
  const [code, signal] = (await once(child, 'exit')) as [number | null, NodeJS.Signals | null];
  return { code, signal };
}

test('a run stopped while it writes --output-file leaves the previous report and no temporary file', async () => {
  const dir = tempDir();
  // Enough files for the run to be still linting, and writing the report, when the signal comes.
  const example = readFileSync(join(FIXTURES, 'frameworks/clean.json'));
  mkdirSync(join(dir, 'many'));
  for (let i = 0; i < 600; i++) writeFileSync(join(dir, 'many', `f${i}.json`), example);
  writeFileSync(join(dir, 'report.json'), 'previous');
  assert.deepEqual(await interrupted(dir, ['many']), { code: null, signal: 'SIGTERM' });
  assert.equal(readFileSync(join(dir, 'report.json'), 'utf8'), 'previous');
  assert.deepEqual(readdirSync(dir).filter((f) => f.endsWith('.tmp')), []);
});

test('a run of one large file is stopped by a signal that comes while the file is analysed', async () => {
  // One file, fully analysed for a second or more without a turn of the event loop: the signal is
  // handled once the analysis returns, before the report would replace the previous one.
  const dir = tempDir();
  const doc = JSON.parse(EXAMPLE_PRETTY);
  const levels = Object.values<{ statements: string[] }>(doc.framework.levels);
  for (const level of levels) level.statements = Array.from({ length: 1500 }, (_, i) => `${level.statements[i % level.statements.length]} (${i})`);
  writeFileSync(join(dir, 'big.json'), JSON.stringify(doc, null, 2));
  writeFileSync(join(dir, '.competency-lint.json'), JSON.stringify({ maxFileSize: 100_000_000 }));
  writeFileSync(join(dir, 'report.json'), 'previous');
  assert.deepEqual(await interrupted(dir, ['big.json']), { code: null, signal: 'SIGTERM' });
  assert.equal(readFileSync(join(dir, 'report.json'), 'utf8'), 'previous');
  assert.deepEqual(readdirSync(dir).filter((f) => f.endsWith('.tmp')), []);
});

test('colours: none when piped or with NO_COLOR, on with FORCE_COLOR or --color, never in a file', () => {
  const plain = cli(['frameworks/schema.json']);
  assert.doesNotMatch(plain.stdout, /\u001b\[/);
  const forced = cli(['frameworks/schema.json'], { env: { FORCE_COLOR: '1' } });
  assert.match(forced.stdout, /\u001b\[31merror\u001b\[39m/);
  const noColor = cli(['frameworks/schema.json'], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } });
  assert.doesNotMatch(noColor.stdout, /\u001b\[/);
  assert.match(cli(['--color', 'frameworks/schema.json']).stdout, /\u001b\[/);
  assert.doesNotMatch(cli(['--no-color', 'frameworks/schema.json'], { env: { FORCE_COLOR: '1' } }).stdout, /\u001b\[/);

  const dir = tempDir();
  cli(['--output-file', join(dir, 'report.txt'), 'frameworks/schema.json'], { env: { FORCE_COLOR: '1' } });
  assert.doesNotMatch(readFileSync(join(dir, 'report.txt'), 'utf8'), /\u001b\[/);
});

test('usage errors are exit 2 with a message naming the problem', () => {
  const cases: [string[], RegExp][] = [
    [['--no-such-option'], /Unknown option '--no-such-option'/],
    [['--max-warnings', 'many'], /--max-warnings takes a whole number of warnings, 0 or more, or -1 for no limit, found "many"/],
    // Only -1 means "no limit"; -2 was taken for it without a word.
    [['--max-warnings', '-2', 'frameworks/style.json'], /--max-warnings takes a whole number of warnings, 0 or more, or -1 for no limit, found "-2"/],
    [['--rule', 'statement-dash'], /--rule takes id:severity/],
    [['--rule', 'statement-dash:loud'], /--rule statement-dash: severity must be one of off, info, warning, error, found "loud"/],
    [['--rule', 'scope-outlire:off'], /unknown rule "scope-outlire" in --rule; did you mean "scope-outlier"\?/],
    [['--rule', 'nope:off'], /unknown rule "nope" in --rule; the rules are listed at https:\/\/github\.com\/competency-lint\/competency-lint\/tree\/main\/docs\/rules\n/],
    [['--format'], /--format/],
    [['-', 'frameworks/clean.json'], /cannot be combined with files/],
    [['--stdin-filename', 'x.json', 'frameworks/clean.json'], /--stdin-filename is only used with --stdin/],
    [['--config', 'a.json', '--no-config-lookup'], /cannot be used together/],
  ];
  for (const [args, message] of cases) {
    const run = cli(args, { input: '' });
    assert.equal(run.status, 2, `${args.join(' ')}: exit ${run.status}`);
    assert.match(run.stderr, message, args.join(' '));
    assert.match(run.stderr, /Run "competency-lint --help" for the options\./);
    assert.equal(run.stdout, '');
  }
});

test('github annotations escape what would end a property or the command', () => {
  assert.equal(escapeData('50% done\r\nnext'), '50%25 done%0D%0Anext');
  assert.equal(escapeProperty('a,b:c%'), 'a%2Cb%3Ac%25');
  // A file name with a comma must not split the file= property.
  const dir = tempDir();
  writeFileSync(join(dir, 'a,b.json'), readFileSync(join(FIXTURES, 'frameworks/schema.json')));
  const run = cli(['--format', 'github', 'a,b.json'], { cwd: dir });
  assert.match(run.stdout, /^::error file=a%2Cb\.json,line=9,col=16,endLine=9,endColumn=22,title=schema::`jobZone` must be/);
});

test('explain is dispatched to its own command, not linted as a folder named "explain"', () => {
  const run = cli(['explain', 'frameworks/clean.json']);
  assert.equal(run.status, 0, run.stderr);
  assert.doesNotMatch(run.stderr, /explain: no such file or directory/);
  assert.doesNotMatch(run.stdout, /file checked|problems? \(/);
  assert.match(run.stdout, /frameworks\/clean\.json/);
});

test('--stdio starts the language server, which answers initialize over standard input and output', async () => {
  const server = spawn(process.execPath, [CLI, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  try {
    const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
    server.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    const reply = await new Promise<string>((resolve, reject) => {
      let buffered = '';
      server.stdout.on('data', (chunk: Buffer) => {
        buffered += chunk.toString('utf8');
        const header = /Content-Length: (\d+)\r\n\r\n/.exec(buffered);
        if (header && Buffer.byteLength(buffered.slice(header.index + header[0].length)) >= Number(header[1])) resolve(buffered.slice(header.index + header[0].length));
      });
      server.on('exit', (code) => reject(new Error(`the server exited (${code}) before answering`)));
    });
    const message = JSON.parse(reply);
    assert.equal(message.id, 1);
    assert.equal(typeof message.result.capabilities, 'object');
  } finally {
    server.kill();
  }
});
