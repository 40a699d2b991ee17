/**
 * The cheap framework test used by the CLI's folder walk and the language server: frameworks are
 * recognised even when broken or commented, other JSON (including JSON with a "levels" key
 * elsewhere) is not, and pathological input cannot overflow the stack.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { looksLikeFramework } from '../../server/src/core/sniff';
import { EXAMPLE_TEXT } from '../helpers';

test('the example, pretty or minified, is a framework', () => {
  assert.equal(looksLikeFramework(EXAMPLE_TEXT), true);
  assert.equal(looksLikeFramework(JSON.stringify(JSON.parse(EXAMPLE_TEXT), null, 2)), true);
});

test('a framework with comments, a trailing comma, or cut off after its levels begin is still one', () => {
  assert.equal(looksLikeFramework('{ /* c */ "framework": { // x\n "levels" /* y */ : { "a": {}, }, } }'), true);
  assert.equal(looksLikeFramework('{"occupation": {}, "framework": {"version": "v.1", "levels": {"emerging": {"label": "E'), true);
});

test('a $schema naming our schema makes a framework, by URL or by relative path', () => {
  assert.equal(looksLikeFramework('{"$schema": "https://competency-lint.dev/schemas/competency-framework.schema.json"}'), true);
  assert.equal(looksLikeFramework('{"$schema": "../schemas/competency-framework.schema.json", "framework": 1}'), true);
  // Only at the top level: a nested $schema is some other document's business.
  assert.equal(looksLikeFramework('{"x": {"$schema": "competency-framework.schema.json"}}'), false);
});

test('other JSON is not a framework, even with a "levels" key in another place', () => {
  assert.equal(looksLikeFramework('{"name": "pkg", "version": "1.0.0"}'), false);
  assert.equal(looksLikeFramework('{"levels": {"a": 1}}'), false);
  assert.equal(looksLikeFramework('{"compilerOptions": {"levels": {}}}'), false);
  assert.equal(looksLikeFramework('{"framework": {"levels": []}}'), false);
  assert.equal(looksLikeFramework('{"framework": {"x": {"levels": {}}}}'), false);
  assert.equal(looksLikeFramework('[{"framework": {"levels": {}}}]'), false);
  // The key must be a key: "levels" as a value does not count.
  assert.equal(looksLikeFramework('{"framework": {"a": "levels", "b": {}}}'), false);
  assert.equal(looksLikeFramework(''), false);
});

test('deep nesting and huge inputs are scanned without recursion', () => {
  const deep = '{"framework": ' + '['.repeat(100_000) + '"levels"' + ']'.repeat(100_000) + '}';
  assert.equal(looksLikeFramework(deep), false);
  const late = '{"pad": "' + 'x'.repeat(5_000_000) + '", "framework": {"levels": {}}}';
  assert.equal(looksLikeFramework(late), true);
});
