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

test('a config with more broken entries than the cap shows the first ones and says how many more there are', async () => {
  const { configDiagnostics } = await import('../../../server/src/lsp/configDocument');
  const { MAX_DIAGNOSTICS } = await import('../../../server/src/lsp/diagnostics');
  const n = MAX_DIAGNOSTICS + 250;
  const rules = Array.from({ length: n }, (_, i) => `"no-such-rule-${i}": "off"`).join(',\n    ');
  const diags = configDiagnostics(`{\n  "rules": {\n    ${rules}\n  }\n}\n`, false);
  assert.equal(diags.length, MAX_DIAGNOSTICS + 1);
  assert.ok(diags.slice(0, MAX_DIAGNOSTICS).every((d) => d.code === 'config' && /unknown rule "no-such-rule-\d+"/.test(String(d.message))));
  assert.equal(diags[0].range.start.line, 2, 'the first one where it is written');
  assert.match(String(diags[MAX_DIAGNOSTICS].message), /^250 more problems are not shown here/);
});
