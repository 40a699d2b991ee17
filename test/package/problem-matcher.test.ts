/**
 * The problem matcher the extension contributes ($competency-lint), applied the way VS Code's task
 * system applies a multi-line matcher (a file line, then the looping line pattern) to the CLI's
 * real stylish output: it must recover every finding, at the place and severity the JSON output
 * gives, and nothing else (not the totals line).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, before, test } from 'node:test';

const root = join(__dirname, '..', '..');

interface Pattern { regexp: string; file?: number; line?: number; column?: number; severity?: number; message?: number; code?: number; loop?: boolean }

/** VS Code's multi-line matching, reduced to what our matcher uses. */
function match(lines: string[], patterns: Pattern[]): { file: string; line: number; column: number; severity: string; code: string; message: string }[] {
  const [head, body] = patterns;
  const out: ReturnType<typeof match> = [];
  let file: string | undefined;
  for (const l of lines) {
    const b = file !== undefined ? new RegExp(body.regexp).exec(l) : null;
    if (b && file !== undefined) {
      out.push({ file, line: Number(b[body.line!]), column: Number(b[body.column!]), severity: b[body.severity!], code: b[body.code!], message: b[body.message!] });
      continue;
    }
    const h = new RegExp(head.regexp).exec(l);
    file = h ? h[head.file!] : undefined;
  }
  return out;
}

let dir: string;

before(() => {
  const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, encoding: 'utf8' });
  assert.equal(build.status, 0, build.stderr);
  dir = mkdtempSync(join(tmpdir(), 'cl-matcher-'));
  const framework = JSON.parse(readFileSync(join(root, 'examples', '25-4022.00.json'), 'utf8'));
  const emerging: string[] = framework.framework.levels.emerging.statements;
  emerging.push(emerging[0]);
  framework.framework.levels.developing.statements[2] = framework.framework.levels.developing.statements[2].replace(' \u2014 ', ' - ');
  writeFileSync(join(dir, 'planted.json'), JSON.stringify(framework, null, 2));
  writeFileSync(join(dir, 'example.json'), readFileSync(join(root, 'examples', '25-4022.00.json')));
});

after(() => rmSync(dir, { recursive: true, force: true }));

test('$competency-lint reads every finding of the stylish output, as the JSON output has it', () => {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const matcher = manifest.contributes.problemMatchers.find((m: { name: string }) => m.name === 'competency-lint');
  assert.ok(matcher, 'the matcher is contributed');
  const run = (format: string) => spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), '--no-color', '--no-config-lookup', '--format', format, '.'], { cwd: dir, encoding: 'utf8' });
  const stylish = run('stylish');
  const json = JSON.parse(run('json').stdout) as { filePath: string; messages: { ruleId: string; severity: string; line: number; column: number; message: string }[] }[];

  const found = match(stylish.stdout.split('\n'), matcher.pattern);
  const expected = json.flatMap((f) => f.messages.map((m) => `${relative(dir, f.filePath)}:${m.line}:${m.column} ${m.severity} ${m.ruleId}`)).sort();
  const got = found.map((p) => `${p.file}:${p.line}:${p.column} ${p.severity} ${p.code}`).sort();
  assert.ok(expected.some((e) => e.includes('duplicate-exact')) && expected.some((e) => e.includes('statement-dash')), 'the planted problems are found');
  assert.deepEqual(got, expected);
  // Messages come through whole (the rule id is not swallowed into them, nor the reverse).
  const dup = found.find((p) => p.code === 'duplicate-exact');
  const dupJson = json.flatMap((f) => f.messages).find((m) => m.ruleId === 'duplicate-exact');
  assert.equal(dup?.message, dupJson?.message);
});
