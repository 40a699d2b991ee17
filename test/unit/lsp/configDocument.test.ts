/**
 * Which open documents get the config check: a `.competency-lint.json` by its name, however the
 * client spells the URI, and nothing else.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isConfigDocument } from '../../../server/src/lsp/configDocument';

test('a config is known by its name in any scheme and spelling, and nothing else is taken for one', () => {
  for (const uri of [
    'file:///home/u/team/.competency-lint.json',
    'file:///c%3A/Users/u/team/%2Ecompetency-lint.json',
    'vscode-vfs://github/org/repo/.competency-lint.json',
    'file:///home/u/.competency-lint.json?x=1#frag',
  ])
    assert.ok(isConfigDocument(uri), uri);
  for (const uri of [
    'file:///home/u/team/x.competency-lint.json',
    'file:///home/u/.competency-lint.json/framework.json',
    'file:///home/u/competency-lint.json',
    'untitled:Untitled-1',
    'file:///home/u/%E0%A4%A.competency-lint.json',
  ])
    assert.ok(!isConfigDocument(uri), uri);
});
