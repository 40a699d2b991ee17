/**
 * Every problem of a config's text, where it is written: what an editor shows in the config's own
 * buffer. The CLI reports the first of them (configCheck.test.ts holds its words); an editor needs
 * them all, each on the text it is about, in the CLI's words.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError, configTextProblems, parseConfigText } from '../../../server/src/node/config';

/** Each problem as "the text it marks: the message (kind)". */
function marked(text: string): string[] {
  return configTextProblems(text).problems.map((p) => `${text.slice(p.range.start, p.range.end)}: ${p.message} (${p.kind})`);
}

const CONFIG = `{
  "rules": {
    "scope-outlire": "warning",
    "duplicate-near": ["warning", { "treshold": 0.8, "threshold": 2 }]
  },
  "ignore": ["ok/**", "a*b*c*/x.json"],
  "suppressions": [
    { "rule": "level-progression", "statement": "Budget — track spending." },
    { "rule": "nope" }
  ],
  "levelOrder": "senior"
}
`;

test('every problem of a config is found, each on the property or value it is about', () => {
  assert.deepEqual(marked(CONFIG), [
    '"scope-outlire": "warning": unknown rule "scope-outlire"; did you mean "scope-outlier"? (semantic)',
    '"treshold": 0.8: rule "duplicate-near" has no option "treshold" (its options are threshold) (semantic)',
    '"threshold": 2: rule "duplicate-near": option "threshold" must be from 0.5 to 1, found 2 (semantic)',
    '"levelOrder": "senior": "levelOrder" must be an array of level names, or an array of such arrays (schema)',
    '"a*b*c*/x.json": "ignore": the glob "a*b*c*/x.json" has more than 2 wildcards in one part of the path, which makes matching slow enough to stall the linter (semantic)',
    '"statement": "Budget — track spending.": rule "level-progression" never reports on a statement, so an entry that names a statement\'s text hides none of its findings: name the place with "pointer" alone (semantic)',
    '"rule": "nope": unknown rule "nope" in a suppression; the rules are listed at https://github.com/competency-lint/competency-lint/tree/main/docs/rules (semantic)',
  ]);
});

test('the first problem is the one the CLI reports, at the start of what the editor marks', () => {
  const [first] = configTextProblems(CONFIG).problems;
  assert.throws(() => parseConfigText('/x/.competency-lint.json', CONFIG), (err: ConfigError) => {
    assert.equal(err.detail, first.message);
    const before = CONFIG.slice(0, first.range.start).split('\n');
    assert.deepEqual([err.line, err.column], [before.length, before[before.length - 1].length + 1]);
    return true;
  });
});

test('a key written twice is marked at its second writing, and other problems are still found', () => {
  assert.deepEqual(marked('{ "root": true, "root": 1, "rules": { "nope": "off" } }'), [
    '"root": 1: "root" is written twice in this object; JSON keeps only the last, so merge the two (semantic)',
    '"root": 1: "root" must be true or false (schema)',
    '"nope": "off": unknown rule "nope"; the rules are listed at https://github.com/competency-lint/competency-lint/tree/main/docs/rules (semantic)',
  ]);
});

test('a suppression whose shape is wrong is not judged further; the next one is', () => {
  assert.deepEqual(marked('{ "suppressions": [{ "rule": "nope", "why": 1 }, "x", { "rule": "nope" }] }'), [
    '"why": 1: unknown suppression property "why" (schema)',
    '"x": a suppression must be an object { file, pointer, statement, rule } (schema)',
    '"rule": "nope": unknown rule "nope" in a suppression; the rules are listed at https://github.com/competency-lint/competency-lint/tree/main/docs/rules (semantic)',
  ]);
});

test('a config that does not parse gets its syntax errors, each once, and nothing of its half-read shape', () => {
  const text = '{\n  "rules": { "nope": "off" \n  "ignore": ["a"\n';
  assert.deepEqual(
    configTextProblems(text).problems.map((p) => [text.slice(0, p.range.start).split('\n').length, p.message, p.kind]),
    [
      [3, 'invalid JSON in config: a comma (,) is expected here', 'syntax'],
      [4, 'invalid JSON in config: a closing bracket (]) is expected: the array is not closed', 'syntax'],
      [4, 'invalid JSON in config: a closing brace (}) is expected: the object is not closed', 'syntax'],
    ],
  );
  assert.deepEqual(configTextProblems('').problems, [], 'an empty config is an empty config');
});

test('a byte order mark keeps the offsets of the text it is in', () => {
  const text = '\ufeff{ "rules": { "nope": "off" } }';
  assert.deepEqual(marked(text).map((m) => m.split(':')[0]), ['"nope"']);
});
