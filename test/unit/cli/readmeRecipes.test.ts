/**
 * The CI recipes a user copies from the README: each command line is one the CLI accepts, and a
 * job that shards its SARIF upload gives each shard a category of its own (code scanning keeps one
 * upload per category and commit, so shards sharing one would replace each other's alerts).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../helpers';
import { parseCliArgs } from '../../../server/src/cli/args';

const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const YAML_BLOCKS = [...README.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]);

/** The arguments of each `npx competency-lint …` line, GitHub's `${{ … }}` expressions given a value. */
function commandLines(block: string): string[][] {
  return [...block.matchAll(/npx competency-lint ([^|\n]*)/g)].map((m) =>
    m[1].replace(/\$\{\{\s*matrix\.shard\s*\}\}/g, '2').trim().split(/\s+/),
  );
}

test('every competency-lint command in the README\'s CI recipes parses', () => {
  const lines = YAML_BLOCKS.flatMap(commandLines);
  assert.ok(lines.length >= 4, `${lines.length} command lines`);
  for (const args of lines) assert.doesNotThrow(() => parseCliArgs(args), args.join(' '));
});

test('a sharded SARIF upload names its shard in the category', () => {
  const sharded = YAML_BLOCKS.filter((b) => b.includes('--shard') && b.includes('upload-sarif'));
  assert.ok(sharded.length > 0, 'the README has a sharded recipe');
  for (const block of sharded) assert.match(block, /category: \S*\$\{\{\s*matrix\.shard\s*\}\}/);
});
