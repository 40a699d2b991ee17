/**
 * GitLab compares a merge request's Code Quality report with its target branch's by fingerprint:
 * a finding whose fingerprint changes shows as one fixed and one new. So fingerprints must be
 * unique within a report and must not change when unrelated lines move.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, tempDir } from './helpers';

interface Issue {
  type: string;
  check_name: string;
  description: string;
  categories: string[];
  severity: string;
  fingerprint: string;
  location: { path: string; lines: { begin: number; end: number } };
}

function issues(cwd: string, args: string[]): Issue[] {
  const run = cli(['--no-config-lookup', '--format', 'gitlab', ...args], { cwd });
  assert.ok(run.status === 0 || run.status === 1, run.stderr);
  return JSON.parse(run.stdout) as Issue[];
}

test('every issue has what GitLab requires, and fingerprints are unique even for findings that repeat', () => {
  const dir = tempDir('frameworks');
  // The same duplicate twice in one file: two findings alike in all but position.
  const text = readFileSync(join(dir, 'duplicate.json'), 'utf8');
  const doubled = text.replace(/("developing"[\s\S]*?"statements"\s*:\s*\[\s*)("[^"]*")/, '$1$2, $2');
  assert.notEqual(doubled, text);
  writeFileSync(join(dir, 'duplicate.json'), doubled);
  const all = issues(dir, ['.']);
  assert.ok(all.length >= 5, `${all.length} issues`);
  for (const i of all) {
    assert.equal(i.type, 'issue');
    assert.ok(i.check_name && i.description.includes(i.check_name));
    assert.ok(['info', 'minor', 'major', 'critical', 'blocker'].includes(i.severity), i.severity);
    assert.ok(['Bug Risk', 'Clarity', 'Compatibility', 'Complexity', 'Duplication', 'Performance', 'Security', 'Style'].includes(i.categories[0]));
    assert.match(i.fingerprint, /^[0-9a-f]{32}$/);
    assert.ok(!i.location.path.startsWith('/') && i.location.path.endsWith('.json'), i.location.path);
    assert.ok(i.location.lines.begin >= 1 && i.location.lines.end >= i.location.lines.begin);
  }
  assert.equal(new Set(all.map((i) => i.fingerprint)).size, all.length, 'fingerprints are unique');
  assert.equal(all.filter((i) => i.severity === 'major').length, 2, 'the two errors (syntax, schema) are major');
});

test('a finding keeps its fingerprint when lines are added above it, and a different finding gets another', () => {
  const dir = tempDir('frameworks');
  const before = issues(dir, ['duplicate.json', 'style.json']);
  const file = join(dir, 'duplicate.json');
  writeFileSync(file, '\n\n\n' + readFileSync(file, 'utf8'));
  const after = issues(dir, ['duplicate.json', 'style.json']);
  assert.deepEqual(after.map((i) => i.fingerprint), before.map((i) => i.fingerprint));
  const moved = after.find((i) => i.location.path === 'duplicate.json');
  const was = before.find((i) => i.location.path === 'duplicate.json');
  assert.ok(moved && was);
  assert.equal(moved.location.lines.begin, was.location.lines.begin + 3, 'the position did move');
  assert.notEqual(before[0].fingerprint, before[before.length - 1].fingerprint);
});

test('a finding keeps its fingerprint when its message counts the document again', () => {
  const dir = tempDir();
  const doc = JSON.parse(readFileSync(join(__dirname, '..', '..', 'examples', '25-4022.00.json'), 'utf8'));
  doc.framework.levels.emerging.statements[0] = doc.framework.levels.emerging.statements[0].replace(/\.$/, '');
  writeFileSync(join(dir, 'f.json'), JSON.stringify(doc, null, 2));
  const before = issues(dir, ['f.json']).find((i) => i.check_name === 'statement-period');
  // A statement added to another level changes the counts in the message ("39 of the 40 statements").
  doc.framework.levels.advanced.statements.push('Extra topic — a new statement about something else entirely.');
  writeFileSync(join(dir, 'f.json'), JSON.stringify(doc, null, 2));
  const after = issues(dir, ['f.json']).find((i) => i.check_name === 'statement-period');
  assert.ok(before && after);
  assert.notEqual(after.description, before.description, 'the message did change');
  assert.equal(after.fingerprint, before.fingerprint);
});
