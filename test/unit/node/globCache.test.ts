/**
 * The compiled globs of node/config.ts are kept for the life of the process, which for the
 * language server is an editor session: each config edit and suppression quick fix brings new
 * globs. The cache holds at most GLOB_CACHE_LIMIT of them, keeps those in use, and a glob it forgot
 * still matches as before.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GLOB_CACHE_LIMIT, compiledGlobs, matchesGlob } from '../../../server/src/node/config';
import { LruMap } from '../../../server/src/node/lruMap';

test('a long session of distinct globs leaves the compiled-glob cache at its limit, with the glob in use kept', () => {
  const hot = 'exports/**/*.framework.json';
  for (let i = 0; i < GLOB_CACHE_LIMIT * 3; i++) {
    // What a session of suppression quick fixes asks: one glob per file, each matched once.
    assert.ok(matchesGlob(`/ws/exports/team-${i}/a.json`, '/ws', `exports/team-${i}/a.json`));
    // And the config's own glob, matched against every file all along.
    assert.ok(matchesGlob(`/ws/exports/team-${i}/a.framework.json`, '/ws', hot));
    assert.ok(compiledGlobs.size <= GLOB_CACHE_LIMIT, `${compiledGlobs.size} compiled globs after ${i + 1} files`);
  }
  assert.equal(compiledGlobs.size, GLOB_CACHE_LIMIT);
  assert.ok(compiledGlobs.has(hot), 'the glob used all along is still compiled');
  assert.ok(!compiledGlobs.has('exports/team-0/a.json'), 'the first glob, used once, was forgotten');
  // Forgotten is only slower: the glob is compiled again and matches as it did.
  assert.ok(matchesGlob('/ws/exports/team-0/a.json', '/ws', 'exports/team-0/a.json'));
  assert.ok(!matchesGlob('/ws/exports/team-1/a.json', '/ws', 'exports/team-0/a.json'));
});

test('LruMap forgets the entry used longest ago, counting a read as a use', () => {
  const m = new LruMap<string, number>(2);
  m.set('a', 1);
  m.set('b', 2);
  assert.equal(m.get('a'), 1);
  m.set('c', 3);
  assert.deepEqual([m.has('a'), m.has('b'), m.has('c')], [true, false, true]);
  m.set('a', 4);
  m.set('d', 5);
  assert.deepEqual([m.get('a'), m.has('c'), m.get('d'), m.size], [4, false, 5, 2]);
});
