/**
 * Markdown as plain text, for clients that show no markdown (eglot without markdown-mode): marks go,
 * escapes are undone, a link keeps its address. (Its expressions' cost on hostile text is held by
 * the regular expression audit, test/unit/security/regex.test.ts.)
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { markdownToPlain } from '../../../server/src/lsp/convert';

test('emphasis, code and escapes go; a link keeps its address; other brackets stay', () => {
  assert.equal(
    markdownToPlain('See [the rule page](https://example.org/docs/rules/x.md): **Working**, `job-zone`, O\\*NET, [not a link] (x).'),
    'See the rule page (https://example.org/docs/rules/x.md): Working, job-zone, O*NET, [not a link] (x).',
  );
});

