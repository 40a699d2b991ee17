/**
 * The config schema (for editors) and validateConfig (what the linter runs) must accept and refuse
 * the same configurations, or the editor would bless a config the CLI rejects, or the reverse.
 * Beyond the schema, the linter refuses what only it can judge (rule ids, options, globs,
 * suppressions that could never match): it calls those problems `semantic` and the others
 * `schema`, and an editor that checks the config against the schema itself (VS Code, through the
 * extension's jsonValidation) gets only the semantic ones from the server, so the names must be true.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { parse, type ParseError } from 'jsonc-parser';
import { ROOT } from '../../helpers';
import { configProblems, validateConfig } from '../../../server/src/core/config/validate';
import { findRule, RULE_IDS } from '../../../server/src/core/rules/index';
import { unannotated } from './annotations';

const schema = JSON.parse(readFileSync(join(ROOT, 'schemas/competency-lint-config.schema.json'), 'utf8'));
// strictTuples is off because a rule setting is a tuple of one or two items ([severity] or
// [severity, options]), which ajv's strict mode would like to see closed at exactly one length.
const ajv = new Ajv2020({ allErrors: true, strict: true, strictTuples: false });
ajv.addVocabulary(['markdownDescription', 'defaultSnippets', 'patternErrorMessage']);
const validateWithSchema = ajv.compile(schema);

const GOOD: [string, string][] = [
  ['an empty config', '{}'],
  ['every property', JSON.stringify({
    $schema: 'https://competency-lint.dev/schemas/competency-lint-config.schema.json',
    root: true,
    rules: { schema: 'warning', 'level-balance': 'off', 'duplicate-near': ['info', { threshold: 0.9 }], 'job-zone': ['error'] },
    levelOrder: ['foundation', 'intermediate', 'senior'],
    files: ['frameworks/**/*.json'],
    ignore: ['drafts/**'],
    suppressions: [{ file: 'legacy/*.json', pointer: '/framework/levels/advanced', rule: 'scope-outlier' }, { rule: 'statement-period' }, { pointer: '' }, {}],
    lexicon: { phrases: [{ phrase: 'across the trust', axis: 'breadth', level: 4 }] },
    maxFileSize: 1048576,
  })],
  ['several level vocabularies', '{ "levelOrder": [["a", "b"], ["x", "y", "z"]] }'],
  ['an empty level order', '{ "levelOrder": [] }'],
  ['a JSONC config with comments', '// ours\n{ "rules": { "schema": "info" } /* done */ }'],
  ['a lexicon without phrases', '{ "lexicon": {} }'],
  ['a fractional size', '{ "maxFileSize": 0.5 }'],
];

const BAD: [string, string][] = [
  ['an array instead of an object', '[]'],
  ['a string instead of an object', '"rules"'],
  ['an unknown top-level key', '{ "rule": {} }'],
  ['a $schema that is not a string', '{ "$schema": null }'],
  ['root as a string', '{ "root": "true" }'],
  ['rules as an array', '{ "rules": ["schema"] }'],
  ['an unknown severity', '{ "rules": { "schema": "warn" } }'],
  ['a severity as a number', '{ "rules": { "schema": 2 } }'],
  ['an empty rule array', '{ "rules": { "schema": [] } }'],
  ['a bad severity in an array', '{ "rules": { "schema": ["fatal"] } }'],
  ['options that are not an object', '{ "rules": { "duplicate-near": ["warning", 0.9] } }'],
  ['options as an array', '{ "rules": { "duplicate-near": ["warning", []] } }'],
  ['a level order of numbers', '{ "levelOrder": [1, 2] }'],
  ['a level order mixing names and lists', '{ "levelOrder": ["a", ["b"]] }'],
  ['files as a string', '{ "files": "*.json" }'],
  ['ignore with a number', '{ "ignore": ["a", 1] }'],
  ['suppressions as an object', '{ "suppressions": { "rule": "schema" } }'],
  ['a suppression that is a string', '{ "suppressions": ["schema"] }'],
  ['a suppression with an unknown key', '{ "suppressions": [{ "rules": "schema" }] }'],
  ['a suppression rule as a number', '{ "suppressions": [{ "rule": 1 }] }'],
  ['a pointer without its leading slash', '{ "suppressions": [{ "pointer": "framework/levels" }] }'],
  ['lexicon as an array', '{ "lexicon": [] }'],
  ['phrases as an object', '{ "lexicon": { "phrases": {} } }'],
  ['a phrase without its level', '{ "lexicon": { "phrases": [{ "phrase": "x", "axis": "breadth" }] } }'],
  ['a phrase level as text', '{ "lexicon": { "phrases": [{ "phrase": "x", "axis": "breadth", "level": "4" }] } }'],
  ['null options', '{ "rules": { "duplicate-near": ["warning", null] } }'],
  ['a null suppression', '{ "suppressions": [null] }'],
  ['a null phrase', '{ "lexicon": { "phrases": [null] } }'],
  ['a zero size', '{ "maxFileSize": 0 }'],
  ['a negative size', '{ "maxFileSize": -1 }'],
  ['a size as text', '{ "maxFileSize": "8MB" }'],
];

/** A JSONC text to its value, as the config loader reads it. */
function parseJsonc(text: string): unknown {
  const errors: ParseError[] = [];
  const value = parse(text, errors, { allowTrailingComma: true });
  assert.deepEqual(errors, [], 'the test config itself must parse');
  return value;
}

for (const [name, text] of GOOD) {
  test(`both accept ${name}`, () => {
    const value = parseJsonc(text);
    assert.equal(validateConfig(value, text), undefined, 'validateConfig refused it');
    assert.ok(validateWithSchema(value), `the schema refused it: ${JSON.stringify(validateWithSchema.errors)}`);
  });
}

for (const [name, text] of BAD) {
  test(`both refuse ${name}, and the linter says it is a schema problem`, () => {
    const value = parseJsonc(text);
    assert.notEqual(validateConfig(value, text), undefined, 'validateConfig accepted it');
    assert.equal(validateWithSchema(value), false, 'the schema accepted it');
    assert.deepEqual(configProblems(value, text, findRule, RULE_IDS).map((p) => p.kind), ['schema']);
  });
}

/** What only the linter can judge: the schema takes these, the linter refuses them. */
const SEMANTIC: [string, string][] = [
  ['an unknown rule id', '{ "rules": { "scope-outlire": "off" } }'],
  ['"__proto__" as a rule id', '{ "rules": { "__proto__": "off" } }'],
  ['an option the rule does not have', '{ "rules": { "duplicate-near": ["warning", { "treshold": 0.8 }] } }'],
  ['an option of the wrong type', '{ "rules": { "duplicate-near": ["warning", { "threshold": "high" }] } }'],
  ['an option outside its range', '{ "rules": { "duplicate-near": ["warning", { "threshold": 1.2 }] } }'],
  ['a glob with too many wildcards', '{ "files": ["**/a*/**/b*/**/c*.json"] }'],
  ['a suppression glob with too many wildcards', '{ "suppressions": [{ "file": "*a*b*c*.json" }] }'],
  ['an unknown rule in a suppression', '{ "suppressions": [{ "rule": "nope" }] }'],
  ['a statement suppression for a rule that never reports on a statement', '{ "suppressions": [{ "rule": "level-progression", "statement": "Budget." }] }'],
  ['a statement suppression under a pointer that holds no statement', '{ "suppressions": [{ "pointer": "/framework/occupation", "statement": "Budget." }] }'],
  ['a key written twice', '{ "root": true, "root": false }'],
];

for (const [name, text] of SEMANTIC) {
  test(`the schema takes ${name}, which the linter refuses as a semantic problem`, () => {
    const value = parseJsonc(text);
    assert.ok(validateWithSchema(value), `the schema refused it: ${JSON.stringify(validateWithSchema.errors)}`);
    assert.deepEqual(configProblems(value, text, findRule, RULE_IDS).map((p) => p.kind), ['semantic']);
  });
}

test('the config schema is a strict draft 2020-12 schema and every property explains itself', () => {
  assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
  assert.equal(schema.$id, 'https://competency-lint.dev/schemas/competency-lint-config.schema.json');
  assert.deepEqual(unannotated(schema), []);
});

test('the schema knows exactly the top-level keys that validateConfig allows', () => {
  // validateConfig names its allowed keys in the message for an unknown one.
  const problem = validateConfig({ zzz: 1 }, '{ "zzz": 1 }');
  const allowed = /allowed: ([^)]*)\)/.exec(problem?.message ?? '')?.[1].split(', ').sort();
  assert.deepEqual(Object.keys(schema.properties).sort(), allowed);
});
