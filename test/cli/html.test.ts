/**
 * `--format html` from the command line: one self-contained page for the whole run, written to
 * standard output or atomically to -o, with the same exit status and the same (filtered) findings
 * as the other formats. The page itself is checked in a browser by the report tier.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, tempDir, EXAMPLE_PRETTY } from './helpers';

const SET = ['frameworks'];

test('--format html -o writes one page with a section per file and an index, and exits as stylish does', () => {
  const dir = tempDir();
  const out = join(dir, 'report.html');
  const run = cli(['--format', 'html', '-o', out, ...SET]);
  const stylish = cli(SET);
  assert.equal(run.status, stylish.status);
  assert.equal(run.stdout, '', 'the report goes to the file');
  const html = readFileSync(out, 'utf8');
  assert.match(html, /^<!DOCTYPE html>/);
  const json = JSON.parse(cli(['--format', 'json', ...SET]).stdout) as { filePath: string; errorCount: number; warningCount: number; infoCount: number }[];
  assert.equal(html.split('<section class="clm-file"').length - 1, json.length);
  for (const [i, r] of json.entries()) {
    const name = r.filePath.slice(r.filePath.lastIndexOf('frameworks'));
    assert.ok(html.includes(`<a href="#f${i}">${name}</a>`), `the index lists ${name}`);
  }
  const total = json.reduce((n, r) => n + r.errorCount + r.warningCount + r.infoCount, 0);
  assert.equal(html.split('<li id="f').length - 1, total, 'every finding is listed once');
});

test('--format html to standard output, from standard input, honours --quiet', () => {
  const text = EXAMPLE_PRETTY.replace('"Emerging"', '"Emerging",');
  const all = cli(['--format', 'html', '--stdin-filename', 'frameworks/x.json', '-'], { input: text });
  const quiet = cli(['--format', 'html', '--quiet', '--stdin-filename', 'frameworks/x.json', '-'], { input: text });
  assert.equal(all.status, 1);
  assert.match(all.stdout, /<h2>frameworks\/x\.json<\/h2>/);
  assert.ok(all.stdout.includes('json-syntax'), 'the syntax error is listed');
  const count = (s: string, sev: string) => s.match(new RegExp(`<li id="f0-f\\d+" class="clm-sev-${sev}">`, 'g'))?.length ?? 0;
  assert.ok(count(all.stdout, 'error') >= 1);
  assert.equal(count(quiet.stdout, 'warning') + count(quiet.stdout, 'info'), 0, '--quiet keeps errors only');
  assert.equal(count(quiet.stdout, 'error'), count(all.stdout, 'error'));
});

test('--format html lists under a finding the other places it names, as the json format gives them', () => {
  const text = EXAMPLE_PRETTY.replace(/("advanced"[\s\S]*?"statements": \[)/, (m) => `${m}\n        ${JSON.stringify(JSON.parse(EXAMPLE_PRETTY).framework.levels.emerging.statements[1])},`);
  const json = JSON.parse(cli(['--format', 'json', '--stdin-filename', 'frameworks/x.json', '-'], { input: text }).stdout) as { messages: { ruleId: string; related: { line: number; column: number; message: string }[] }[] }[];
  const duplicate = json[0].messages.find((m) => m.ruleId === 'duplicate-exact');
  assert.ok(duplicate && duplicate.related.length === 1, 'the planted copy is found');
  const html = cli(['--format', 'html', '--stdin-filename', 'frameworks/x.json', '-'], { input: text }).stdout;
  const { line, column, message } = duplicate.related[0];
  assert.match(html, new RegExp(`<li><a href="#f0-s1">${line}:${column}</a>${message.replace(/[.()#]/g, '\\$&')}</li>`));
});
