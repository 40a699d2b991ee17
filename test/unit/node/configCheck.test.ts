/**
 * What a .competency-lint.json may say about rules: a typo in a rule id (under "rules" or in a
 * suppression), an option the rule does not have, or an option of the wrong type makes the config
 * broken, with the position of the mistake, instead of silently doing nothing in the editor and CI.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError, parseConfigText } from '../../../server/src/node/config';

function problem(text: string): string | undefined {
  try {
    parseConfigText('/x/.competency-lint.json', text);
    return undefined;
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    return `${err.line}:${err.column}: ${err.detail}`;
  }
}

test('rules, options and suppressions that exist and fit are accepted', () => {
  assert.equal(problem('{"rules": {"duplicate-near": ["warning", {"threshold": 0.8}], "statement-dash": "off"}}'), undefined);
  assert.equal(problem('{"suppressions": [{"rule": "scope-outlier"}, {"rule": "large-file", "file": "big/*.json"}, {"pointer": "/framework"}]}'), undefined);
});

test('the large-file notice may be named under rules, with a severity and no options', () => {
  assert.equal(problem('{"rules": {"large-file": "off"}}'), undefined);
  assert.equal(problem('{"rules": {"large-file": ["warning"]}}'), undefined);
  assert.equal(problem('{"rules": {"large-file": ["warning", {"limit": 2}]}}'), '1:39: rule "large-file" has no option "limit" (it has no options)');
  assert.equal(problem('{"rules": {"large-flie": "off"}}'), '1:12: unknown rule "large-flie"; did you mean "large-file"?');
});

test('a misspelt rule id in a suppression is a broken config, where it is written, with the id it most likely means', () => {
  assert.equal(problem('{"suppressions": [{"rule": "scope-outlire"}]}'), '1:20: unknown rule "scope-outlire" in a suppression; did you mean "scope-outlier"?');
  assert.equal(problem('{"suppressions": [{"rule": "large-flie"}]}'), '1:20: unknown rule "large-flie" in a suppression; did you mean "large-file"?');
  assert.equal(problem('{"rules": {"Duplicate-Near": "off"}}'), '1:12: unknown rule "Duplicate-Near"; did you mean "duplicate-near"?');
  assert.equal(problem('{"rules": {"outlier": "off"}}'), '1:12: unknown rule "outlier"; did you mean "scope-outlier"?');
});

test('"__proto__" under "rules" is an unknown rule, though the parsed object does not show it; nothing is close, so the message gives the list of rules', () => {
  // A web page: an installed copy of the linter has no docs/ folder to point at.
  assert.equal(problem('{"rules": {"__proto__": "off"}}'), '1:12: unknown rule "__proto__"; the rules are listed at https://github.com/competency-lint/competency-lint/tree/main/docs/rules');
});

test('an option the rule does not have, or of the wrong type, is a broken config', () => {
  assert.equal(
    problem('{"rules": {"duplicate-near": ["warning", {"treshold": 0.8}]}}'),
    '1:43: rule "duplicate-near" has no option "treshold" (its options are threshold)',
  );
  assert.equal(problem('{"rules": {"duplicate-near": ["warning", {"threshold": "x"}]}}'), '1:43: rule "duplicate-near": option "threshold" must be a number');
  assert.equal(problem('{"rules": {"statement-dash": ["warning", {"x": 1}]}}'), '1:43: rule "statement-dash" has no option "x" (it has no options)');
});

test('an option value outside the range the rule page gives is a broken config, at the option', () => {
  const cases: [string, string][] = [
    ['{"rules": {"level-balance": ["info", {"ratio": 0.5}]}}', '1:39: rule "level-balance": option "ratio" must be at least 1, found 0.5'],
    ['{"rules": {"statement-topic": ["warning", {"minShare": 1.5}]}}', '1:44: rule "statement-topic": option "minShare" must be from 0 to 1, found 1.5'],
    ['{"rules": {"duplicate-near": ["warning", {"threshold": 0.3}]}}', '1:43: rule "duplicate-near": option "threshold" must be from 0.5 to 1, found 0.3'],
    ['{"rules": {"duplicate-near": ["warning", {"threshold": 1.2}]}}', '1:43: rule "duplicate-near": option "threshold" must be from 0.5 to 1, found 1.2'],
    ['{"rules": {"thread-regression": ["warning", {"margin": -0.1}]}}', '1:46: rule "thread-regression": option "margin" must be from 0 to 1, found -0.1'],
  ];
  for (const [text, expected] of cases) assert.equal(problem(text), expected);
  // The ends of a range are inside it.
  for (const text of ['{"rules": {"duplicate-near": ["warning", {"threshold": 0.5}]}}', '{"rules": {"duplicate-near": ["warning", {"threshold": 1}]}}', '{"rules": {"level-balance": ["info", {"ratio": 1}]}}'])
    assert.equal(problem(text), undefined, text);
});

test('an empty config file is an empty config (an editor creates a file before writing it); anything else that is not JSON is broken', () => {
  for (const empty of ['', '\n', '  \r\n\t']) {
    assert.equal(problem(empty), undefined);
    assert.deepEqual(parseConfigText('/x/.competency-lint.json', empty).config, {});
  }
  assert.equal(problem('// only a comment\n'), '2:1: invalid JSON in config: a value is expected here');
  // A config cut short says in words what is missing, where the text ends.
  assert.equal(problem('{\n  "rules": { "schema": "off" }\n'), '3:1: invalid JSON in config: a closing brace (}) is expected: the object is not closed');
  assert.equal(problem('{"ignore": ["a"'), '1:16: invalid JSON in config: a closing bracket (]) is expected: the array is not closed');
});

test('a key written twice in the config is a broken config, at the second, since JSON would keep only that one', () => {
  assert.equal(
    problem('{\n  "suppressions": [],\n  "suppressions": [{ "rule": "topic-gap" }]\n}'),
    '3:3: "suppressions" is written twice in this object; JSON keeps only the last, so merge the two',
  );
  assert.equal(problem('{ "rules": { "topic-gap": "off", "topic-gap": "info" } }'), '1:34: "topic-gap" is written twice in this object; JSON keeps only the last, so merge the two');
  assert.equal(problem('{ "suppressions": [{ "rule": "topic-gap" }, { "rule": "topic-gap" }] }'), undefined, 'the same key in two objects is fine');
});

test('a suppression may name a statement by its text, which must be a string', () => {
  assert.equal(problem('{"suppressions": [{"file": "./a.json", "statement": "Budget — track spending.", "rule": "scope-outlier"}]}'), undefined);
  assert.equal(problem('{"suppressions": [{"statement": 3}]}'), '1:20: suppression "statement" must be a string');
});

test('an entry that names a statement by its text must be able to match a finding', () => {
  // A level rule never reports on a statement: the entry would hide nothing, without a word.
  assert.equal(
    problem('{"suppressions": [{"statement": "Budget — track spending.", "rule": "level-progression"}]}'),
    '1:20: rule "level-progression" never reports on a statement, so an entry that names a statement\'s text hides none of its findings: name the place with "pointer" alone',
  );
  assert.match(problem('{"suppressions": [{"statement": "Budget.", "rule": "large-file"}]}') ?? '', /never reports on a statement/);
  assert.equal(
    problem('{"suppressions": [{"pointer": "/framework/occupation", "statement": "Budget."}]}'),
    '1:20: an entry that names a statement\'s text needs a "pointer" to a level ("/framework/levels/<level>") or a statement; "/framework/occupation" holds no statement, so the entry would hide nothing',
  );
  assert.match(problem('{"suppressions": [{"pointer": "/framework/levels/emerging/label", "statement": "Budget."}]}') ?? '', /holds no statement/);
  for (const pointer of ['', '/framework', '/framework/levels', '/framework/levels/emerging', '/framework/levels/emerging/statements', '/framework/levels/emerging/statements/3'])
    assert.equal(problem(JSON.stringify({ suppressions: [{ pointer, statement: 'Budget.', rule: 'scope-outlier' }] })), undefined, pointer);
  for (const rule of ['duplicate-exact', 'topic-gap', 'schema', 'statement-period'])
    assert.equal(problem(JSON.stringify({ suppressions: [{ statement: 'Budget.', rule }] })), undefined, rule);
});
