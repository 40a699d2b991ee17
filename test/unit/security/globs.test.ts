/**
 * Globs from a workspace (`files`, `ignore` and suppression `file` in .competency-lint.json, and the
 * `competencyLint.files` setting) are compiled to regular expressions; the wildcard limit of
 * core/config/globs.ts keeps their matching from stalling the linter on long paths. A config over
 * the limit is refused with its position, a setting over it is dropped, ordinary globs pass, and
 * the worst globs within the limit match adversarial paths within a generous bound.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError, matchesGlob, parseConfigText } from '../../../server/src/node/config';
import { globProblem } from '../../../server/src/core/config/globs';
import { normaliseSettings } from '../../../server/src/lsp/settings';

const ORDINARY = ['exports/**/*.json', '**/*.framework.json', '**/drafts/**', '*.{json,jsonc}', 'frameworks/*.json', 'a/**/b.json', '**/levels/**/*.json', 'out/*-draft-*.json'];
const STALLING = ['*a*a*a*b.json', '**/a/**/a/**/a/**/x', 'a/**/b/**/c/*.json', '**/+(a|aa)*(b)*.json'];

test('ordinary globs are within the limit, and globs whose matching stalls are not', () => {
  for (const g of ORDINARY) assert.equal(globProblem(g), undefined, g);
  for (const g of STALLING) assert.match(globProblem(g) ?? '', /wildcards/, g);
  assert.match(globProblem('a'.repeat(501)) ?? '', /longer than 500/);
});

test('a config with such a glob is refused at the glob, in files, ignore and suppressions', () => {
  const cases: [string, number, number, RegExp][] = [
    ['{\n  "ignore": ["drafts/**", "*a*a*a*b.json"]\n}', 2, 27, /"ignore": the glob "\*a\*a\*a\*b.json" has more than 2 wildcards in one part/],
    ['{ "files": ["**/a/**/a/**/a/**/x"] }', 1, 13, /"files": .* more than 2 wildcards after a leading/],
    ['{ "suppressions": [{ "file": "a/**/b/**/c/*.json", "rule": "level-balance" }] }', 1, 22, /suppression "file": the glob/],
  ];
  for (const [text, line, column, message] of cases) {
    assert.throws(() => parseConfigText('/w/.competency-lint.json', text), (err: unknown) => {
      assert.ok(err instanceof ConfigError);
      assert.deepEqual([err.line, err.column], [line, column], text);
      assert.match(err.detail, message);
      return true;
    });
  }
  for (const g of ORDINARY) assert.doesNotThrow(() => parseConfigText('/w/.competency-lint.json', JSON.stringify({ files: [g], ignore: [g] })));
});

test('the competencyLint.files setting drops globs over the limit and keeps the rest', () => {
  assert.deepEqual(normaliseSettings({ files: ['exports/**/*.json', '**/a/**/a/**/a/**/x', '*a*a*a*b.json'] }).files, ['exports/**/*.json']);
});

test('the worst globs within the limit match adversarial paths within a generous bound', () => {
  // Each shape at the limit, against paths built to make it backtrack: a long name of the letter it
  // looks for, and a 4 KB folder path of the segments it names. The bound is a correctness limit
  // (a glob over the limit takes minutes here); typical matches take microseconds.
  const worst = ['*a*a.json', 'a/**/a/**', '**/a/**/*a', 'x*/**/a', '**/a/**/a/**/x', '**/*a*x'];
  const paths = ['/w/' + 'a'.repeat(255), '/w/' + 'a/'.repeat(1000) + 'a'.repeat(200), '/w/' + 'a/b/c/d/e/'.repeat(300) + 'a'.repeat(200), '/w/' + 'a/x/'.repeat(700) + 'b'];
  for (const g of worst) {
    assert.equal(globProblem(g), undefined, g);
    for (const p of paths) {
      const started = Date.now();
      matchesGlob(p, '/w', g);
      const ms = Date.now() - started;
      assert.ok(ms < 10_000, `${g} on a ${p.length}-character path took ${ms} ms`);
    }
  }
});
