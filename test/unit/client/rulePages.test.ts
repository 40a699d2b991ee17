import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ruleIdsOfPages } from '../../../client/src/rulePages';
import { RULE_IDS } from '../../../server/src/core/rules/index';
import { ROOT } from '../../helpers';

test('Open Rule Documentation offers the rules of the shipped pages, and not their index', () => {
  const names = readdirSync(join(ROOT, 'docs', 'rules'));
  assert.ok(names.includes('README.md'), 'the folder has its index');
  const ids = ruleIdsOfPages(names);
  assert.ok(!ids.includes('README'), 'the index is not offered as a rule');
  assert.deepEqual(ids, [...RULE_IDS].sort());
});

test('only rule pages count', () => {
  assert.deepEqual(ruleIdsOfPages(['topic-gap.md', 'README.md', 'notes.txt', 'schema.md', '.md']), ['schema', 'topic-gap']);
});
