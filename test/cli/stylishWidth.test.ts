/**
 * The stylish report aligns its rule column after the messages, and a message can quote a
 * document's text at any length (an unknown property's name). Padding every message of a file to
 * the longest one made the report the number of findings times that length: a 1 MB file with 6,000
 * findings and a 200,000-character property name ended the run with "internal error: Invalid
 * string length", and no file's findings were reported. The alignment stops at a width.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, tempDir, EXAMPLE_PRETTY } from './helpers';

test('a message quoting a huge name does not widen every other line of the stylish report', () => {
  const dir = tempDir();
  const framework = JSON.parse(EXAMPLE_PRETTY);
  const level = Object.values(framework.framework.levels)[0] as Record<string, unknown> & { statements: string[] };
  level['K'.repeat(200_000)] = 1;
  for (let i = 0; i < 3000; i++) level.statements.push(`Topic${i} - x  y`);
  writeFileSync(join(dir, 'fw.json'), JSON.stringify(framework));
  const run = cli(['--rule', 'scope-outlier:off', '--rule', 'topic-gap:off', 'fw.json'], { cwd: dir });
  assert.equal(run.status, 1, run.stderr.slice(0, 500));
  assert.doesNotMatch(run.stderr, /internal error/);
  const lines = run.stdout.split('\n');
  assert.ok(lines.length > 6000, `${lines.length} lines`);
  // The one long line holds the name; the others keep their own length.
  assert.equal(lines.filter((l) => l.length > 1000).length, 1);
  assert.ok(run.stdout.length < 4_000_000, `${run.stdout.length} characters`);
});
