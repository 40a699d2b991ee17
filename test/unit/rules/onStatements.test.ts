/**
 * `onStatements` says which rules report on a statement; the config check refuses an entry that
 * names a statement's text for any other rule, since it could never match. Both directions are
 * held to what the rules report on real frameworks and on broken ones: a rule reporting on a
 * statement without the flag would make a valid suppression a config error, and a flag on a rule
 * that never does would let an entry that hides nothing through.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../../../server/src/core/rules/index';
import { EXAMPLE_TEXT, exampleWith, lintText } from '../../helpers';
import { CORPUS, unplantedFiles } from './fixtures/duplicates';
import { LEVELS, scopeDoc } from './fixtures/scope';

const STATEMENT = /^\/framework\/levels\/[^/]+\/statements\/\d+$/;

function inputs(): string[] {
  const planted = join(CORPUS, 'ddat-dev-planted');
  return [
    EXAMPLE_TEXT,
    ...unplantedFiles().map((f) => f.text),
    ...readdirSync(planted).filter((n) => n.endsWith('.json')).map((n) => readFileSync(join(planted, n), 'utf8')),
    // A statement the schema refuses, and statements each format rule finds fault with.
    exampleWith((d) => {
      d.framework.levels.emerging.statements[0] = 42;
      d.framework.levels.emerging.statements[1] = 'no topic here  at all';
      d.framework.levels.emerging.statements[2] = 'Topic - body with a hyphen.';
      d.framework.levels.emerging.statements[3] = 'Topic \uFFFD a dash lost in decoding.';
      d.framework.levels.emerging.statements[4] = '\u2022 Topic \u2014 a bullet copied from a document.';
      d.framework.levels.developing.statements.push(d.framework.levels.developing.statements[0]);
    }),
    scopeDoc((l) => {
      l.emerging.push(LEVELS.advanced[0]);
      l.advanced[1] = 'Circulation — process check-outs under close supervision.';
    }),
  ];
}

test('a rule reports on a statement exactly when it is marked onStatements', () => {
  const onStatements = new Set<string>();
  for (const text of inputs())
    for (const f of lintText(text)) if (STATEMENT.test(f.pointer)) onStatements.add(f.ruleId);
  const marked = RULES.filter((r) => r.onStatements).map((r) => r.id).sort();
  assert.deepEqual([...onStatements].sort(), marked);
});
