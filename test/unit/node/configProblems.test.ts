/**
 * Every problem of a config's text, where it is written: what an editor shows in the config's own
 * buffer. The CLI reports the first of them (configCheck.test.ts holds its words); an editor needs
 * them all, each on the text it is about, in the CLI's words.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse } from 'jsonc-parser';
import Ajv2020 from 'ajv/dist/2020';
import { ConfigError, configTextProblems, parseConfigText } from '../../../server/src/node/config';
import { paths, setAt, WEIRD_VALUES } from '../../fuzz/cases';
import { ROOT } from '../../helpers';

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

/** A config that uses every part, with comments, for the fuzz below to break. */
const RICH = `{
  // Ours.
  "$schema": "https://competency-lint.dev/schemas/competency-lint-config.schema.json",
  "root": true,
  "rules": { "level-balance": "off", "duplicate-near": ["warning", { "threshold": 0.8 }], "job-zone": ["error"] },
  "levelOrder": [["foundation", "senior"], ["a", "b"]],
  "files": ["exports/**/*.json"],
  "ignore": ["drafts/**"],
  "suppressions": [
    { "file": "./a.json", "statement": "Budget — track spending.", "rule": "scope-outlier" },
    { "pointer": "/framework/levels/advanced", "rule": "level-progression" }, // agreed
  ],
  "lexicon": { "phrases": [{ "phrase": "across the trust", "axis": "breadth", "level": 4 }] },
  "maxFileSize": 1048576
}
`;
/** Values that each part of a config may wrongly hold, the ones only the linter refuses among them. */
const ODD = [...WEIRD_VALUES, 'warn', 'scope-outlire', 'a*b*c*/x.json', '**/a*/**/b*/**/c*', 'framework', '/framework/occupation', ['warning', { treshold: 1 }], ['info', { threshold: 7 }]];
const richValue = parse(RICH, [], { allowTrailingComma: true });
const configCases = fc.oneof(
  fc.nat({ max: RICH.length }).map((n) => RICH.slice(0, n)),
  fc.tuple(fc.nat({ max: RICH.length }), fc.constantFrom('{', '}', '[', ']', ',', ':', '"', '//', '/*', '\uFEFF', 'NaN')).map(([i, t]) => RICH.slice(0, i) + t + RICH.slice(i)),
  fc.array(fc.tuple(fc.constantFrom(...paths(richValue)), fc.constantFrom(...ODD)), { minLength: 1, maxLength: 4 })
    .map((edits) => JSON.stringify(edits.reduce((v, [p, w]) => (p.length > 0 && hasPath(v, p.slice(0, -1)) ? setAt(v, p, w) : v), richValue), null, 2)),
  fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
  fc.string({ maxLength: 200 }),
);

function hasPath(value: any, path: (string | number)[]): boolean {
  let cur = value;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object') return false;
    cur = cur[seg];
  }
  return cur !== null && typeof cur === 'object';
}

const schema = JSON.parse(readFileSync(join(ROOT, 'schemas/competency-lint-config.schema.json'), 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: true, strictTuples: false });
ajv.addVocabulary(['markdownDescription', 'defaultSnippets', 'patternErrorMessage']);
const validateWithSchema = ajv.compile(schema);

test('on broken and odd configs: no exception, every range inside the text, the first problem the CLI\'s, and "schema" problems exactly when the schema refuses', () => {
  fc.assert(
    fc.property(configCases, (text) => {
      const { value, problems } = configTextProblems(text);
      for (const p of problems) assert.ok(p.range.start >= 0 && p.range.start <= p.range.end && p.range.end <= text.length, `${JSON.stringify(p)} in ${text.length}`);
      let cli: ConfigError | undefined;
      try {
        parseConfigText('/x/.competency-lint.json', text);
      } catch (err) {
        if (!(err instanceof ConfigError)) throw err;
        cli = err;
      }
      assert.equal(cli?.detail, problems[0]?.message);
      if (problems.length === 0 || problems[0].kind === 'syntax') return;
      const refused = !validateWithSchema(value);
      assert.equal(problems.some((p) => p.kind === 'schema'), refused, `${problems.map((p) => `${p.kind}: ${p.message}`).join('\n')}\nschema: ${JSON.stringify(validateWithSchema.errors)}`);
    }),
    { numRuns: 2000, seed: 20261129 },
  );
});
