/**
 * The CLI falls back to the cheap analysis above the default maxFileSize (1 MB) exactly as the
 * server does (test/lsp/abuse.test.ts), since both call the same façade with the same config: one
 * information message, the cheap rules' findings, and the exit status those give.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, tempDir, EXAMPLE_PRETTY } from './helpers';

test('a file above the default maxFileSize: one info saying so, the cheap rules still report', () => {
  const dir = tempDir();
  const doc = JSON.parse(EXAMPLE_PRETTY);
  doc.occupation.jobZone = 'five';
  const list: string[] = doc.framework.levels.emerging.statements;
  const base = [...list];
  for (let i = 0; JSON.stringify(doc).length < 1.1 * 1024 * 1024; i++) list.push(`${base[i % base.length]} (${i})`);
  writeFileSync(join(dir, 'large.json'), JSON.stringify(doc, null, 2));
  const run = cli(['--format', 'json', 'large.json'], { cwd: dir });
  assert.equal(run.status, 1, run.stderr);
  const [r] = JSON.parse(run.stdout);
  const notices = r.messages.filter((m: { ruleId: string }) => m.ruleId === 'large-file');
  assert.equal(notices.length, 1);
  assert.match(notices[0].message, /larger than 1 MB, so only the cheap checks ran/);
  assert.ok(r.messages.some((m: { ruleId: string; pointer: string }) => m.ruleId === 'schema' && m.pointer === '/occupation/jobZone'));
  assert.ok(!r.messages.some((m: { ruleId: string }) => ['statement-period', 'level-balance', 'statement-topic'].includes(m.ruleId)));
});

test('the notice is turned off with --rule large-file:off or under rules in the config, and shown in --print-config', () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'f.json'), EXAMPLE_PRETTY);
  const ids = (args: string[]) => {
    const run = cli(['--format', 'json', ...args, 'f.json'], { cwd: dir });
    assert.ok(run.status === 0 || run.status === 1, run.stderr);
    return JSON.parse(run.stdout)[0].messages.map((m: { ruleId: string; severity: string }) => `${m.ruleId}:${m.severity}`).filter((x: string) => x.startsWith('large-file'));
  };
  writeFileSync(join(dir, '.competency-lint.json'), '{ "maxFileSize": 1000 }');
  assert.deepEqual(ids([]), ['large-file:info']);
  assert.deepEqual(ids(['--rule', 'large-file:off']), []);
  assert.deepEqual(ids(['--rule', 'large-file:warning']), ['large-file:warning']);
  writeFileSync(join(dir, '.competency-lint.json'), '{ "maxFileSize": 1000, "rules": { "large-file": "off" } }');
  assert.deepEqual(ids([]), []);
  const printed = JSON.parse(cli(['--print-config', 'f.json'], { cwd: dir }).stdout);
  assert.equal(printed.rules['large-file'], 'off');
  assert.equal(cli(['--rule', 'large-flie:off', 'f.json'], { cwd: dir }).status, 2);
});
