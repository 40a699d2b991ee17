/**
 * Which files a config's globs (`files`, `ignore`, a suppression's `file`) can reach: those in the
 * config's folder and below it, never those beside or above it. A folder whose name starts with two
 * dots ("..old") is below like any other.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { matchesGlob } from '../../../server/src/node/config';

test('a glob reaches files under a folder named "..old", and nothing above the config folder', () => {
  assert.ok(matchesGlob('/ws/..old/drafts/a.json', '/ws', 'drafts/**'));
  assert.ok(matchesGlob('/ws/..old/a.json', '/ws', './..old/a.json'));
  assert.ok(matchesGlob('/ws/...x.json', '/ws', '*.json'));
  assert.ok(!matchesGlob('/drafts/a.json', '/ws', 'drafts/**'), 'a file above the config');
  assert.ok(!matchesGlob('/other/drafts/a.json', '/ws', '**'), 'a file beside the config');
  assert.ok(!matchesGlob('/', '/ws', '**'), 'the parent folder itself');
});
