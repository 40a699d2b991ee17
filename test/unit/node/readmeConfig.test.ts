/**
 * The config a user copies from the README (its "Configuration" section) is one the linter
 * accepts, and the schema path the README tells other editors to use is in the package.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../helpers';
import { parseConfigText } from '../../../server/src/node/config';

const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const SECTION = README.slice(README.indexOf('## Configuration'), README.indexOf('\n## ', README.indexOf('## Configuration') + 1));

test('the README\'s example config loads without a problem', () => {
  const block = /```jsonc\n([\s\S]*?)```/.exec(SECTION);
  assert.ok(block, 'a jsonc block in the Configuration section');
  const loaded = parseConfigText(join(ROOT, '.competency-lint.json'), block[1]);
  assert.equal(loaded.config.root, true);
  assert.ok(loaded.config.suppressions?.length);
});

test('the schema path the README gives other editors is a file the package ships, and no address is given to download', () => {
  const paths = [...SECTION.matchAll(/node_modules\/competency-lint\/(schemas\/[\w.-]+\.json)/g)].map((m) => m[1]);
  assert.ok(paths.length > 0);
  for (const p of paths) assert.ok(existsSync(join(ROOT, p)), p);
  // Nothing is published under the schemas' $id: an editor told to fetch it reports an error.
  assert.doesNotMatch(README, /"\$schema":\s*"https?:/);
});
