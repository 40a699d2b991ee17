/**
 * The `schema` rule as a user meets it: each kind of violation at its exact line, column and
 * pointer with a plain-words message, one finding per problem, quiet on real exports, and never a
 * crash on broken or hostile input. Fixtures are the example pretty-printed (2 spaces) with one
 * change, so every position below can be checked by opening the text.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXAMPLE_TEXT, ROOT, exampleWith, lintText, ruleFindings, type PlacedFinding } from '../../helpers';
import { findRule } from '../../../server/src/core/rules/index';
import { applied } from './fixtures/metadata';

const ID = 'schema';

function only(text: string): PlacedFinding {
  const found = ruleFindings(text, ID);
  assert.equal(found.length, 1, `expected one schema finding, got: ${found.map((f) => `${f.pointer} ${f.message}`).join(' | ')}`);
  return found[0];
}

/** [line, column, endLine, endColumn], 1-based, end exclusive, as the CLI prints them. */
function place(f: PlacedFinding): number[] {
  return [f.line, f.column, f.endLine, f.endColumn];
}

test('the rule is registered as an error-level, cheap schema check', () => {
  const rule = findRule(ID);
  assert.ok(rule);
  assert.equal(rule.category, 'schema');
  assert.equal(rule.defaultSeverity, 'error');
  assert.equal(rule.cheap, true);
});

test('wrong type: a job zone written as a word is reported on the value, naming what was found', () => {
  const f = only(exampleWith((d) => (d.occupation.jobZone = 'five')));
  assert.equal(f.pointer, '/occupation/jobZone');
  assert.deepEqual(place(f), [9, 16, 9, 22]);
  assert.equal(f.message, '`jobZone` must be a whole number from 1 to 5, found "five"');
  assert.equal(f.severity, 'error');
  assert.equal(f.category, 'schema');
});

test('range: a job zone of 7 and one of 2.5 get the same plain message', () => {
  const seven = only(exampleWith((d) => (d.occupation.jobZone = 7)));
  assert.deepEqual(place(seven), [9, 16, 9, 17]);
  assert.equal(seven.message, '`jobZone` must be a whole number from 1 to 5, found 7');
  const half = only(exampleWith((d) => (d.occupation.jobZone = 2.5)));
  assert.deepEqual(place(half), [9, 16, 9, 19]);
  assert.equal(half.message, '`jobZone` must be a whole number from 1 to 5, found 2.5');
});

test('the value is quoted as written: 1.0 stays 1.0', () => {
  const f = only(EXAMPLE_TEXT.replace('"schemaVersion":"1.0"', '"schemaVersion":1.0'));
  assert.equal(f.pointer, '/schemaVersion');
  assert.deepEqual(place(f), [1, 18, 1, 21]);
  assert.match(f.message, /^`schemaVersion` must be .*, found 1\.0$/);
});

test('missing required property: reported on the key of the object that lacks it', () => {
  const f = only(exampleWith((d) => delete d.occupation.soc));
  assert.equal(f.pointer, '/occupation');
  assert.deepEqual(place(f), [4, 3, 4, 15]);
  assert.equal(f.message, '`occupation` is missing the required property `soc`');
});

test('missing required properties of the document: reported once, on its opening brace', () => {
  const f = only(exampleWith((d) => { delete d.exportedAt; delete d.schemaVersion; }));
  assert.equal(f.pointer, '');
  assert.deepEqual(place(f), [1, 1, 1, 2]);
  assert.equal(f.message, 'The document is missing the required properties `schemaVersion` and `exportedAt`');
});

test('pattern: a SOC code without its .NN suffix', () => {
  const f = only(exampleWith((d) => (d.occupation.soc = '25-4022')));
  assert.equal(f.pointer, '/occupation/soc');
  assert.deepEqual(place(f), [5, 12, 5, 21]);
  assert.equal(f.message, '`soc` must be an O*NET-SOC code of the form NN-NNNN.NN in quotes, such as "25-4022.00", found "25-4022"');
});

test('format: a date without its time and zone is not a date-time', () => {
  const f = only(exampleWith((d) => (d.exportedAt = '2026-05-15')));
  assert.equal(f.pointer, '/exportedAt');
  assert.deepEqual(place(f), [3, 17, 3, 29]);
  assert.equal(f.message, '`exportedAt` must be an ISO 8601 date-time with a time zone, such as "2026-05-15T12:38:51.900Z", found "2026-05-15"');
  // A real date-time check, not a pattern: the 31st of February is refused too, and said so.
  const feb = only(exampleWith((d) => (d.exportedAt = '2026-02-31T10:00:00Z')));
  assert.equal(feb.pointer, '/exportedAt');
  assert.equal(feb.message, '`exportedAt` must be a real date and time, found "2026-02-31T10:00:00Z": there is no such day or time');
  assert.match(only(exampleWith((d) => (d.exportedAt = '2026-05-15T25:00:00Z'))).message, /no such day or time$/);
  assert.deepEqual(ruleFindings(exampleWith((d) => (d.exportedAt = '2026-02-28T10:00:00+01:00')), ID), []);
});

test('additional property: a misspelt key in occupation is reported on the key, with the likely name', () => {
  const f = only(exampleWith((d) => (d.occupation.jobzone = 5)));
  assert.equal(f.pointer, '/occupation/jobzone');
  assert.deepEqual(place(f), [11, 5, 11, 14]);
  assert.equal(f.message, '`occupation` has an unknown property `jobzone`: did you mean `jobZone`?');
});

test('a misspelt required key is one problem, not also a missing property', () => {
  const text = exampleWith((d) => {
    delete d.occupation.jobZone;
    d.occupation.jobzone = 5;
  });
  const f = only(text);
  assert.equal(f.pointer, '/occupation/jobzone');
  assert.match(f.message, /did you mean `jobZone`\?$/);
});

test('an unknown key with no near match lists the allowed properties', () => {
  const f = only(exampleWith((d) => (d.framework.authors = ['me'])));
  assert.equal(f.pointer, '/framework/authors');
  assert.equal(f.message, '`framework` has an unknown property `authors`; the allowed properties are `version`, `description`, `contextCovered` and `levels`');
});

test('unknown keys at the top of the document, and $schema, are allowed', () => {
  const text = exampleWith((d) => {
    d.$schema = 'https://competency-lint.dev/schemas/competency-framework.schema.json';
    d.generator = { name: 'hand-written' };
  });
  assert.deepEqual(ruleFindings(text, ID), []);
});

test('empty statements array: reported on the array', () => {
  const f = only(exampleWith((d) => (d.framework.levels.emerging.statements = [])));
  assert.equal(f.pointer, '/framework/levels/emerging/statements');
  assert.deepEqual(place(f), [19, 23, 19, 25]);
  assert.equal(f.message, '`statements` of level `emerging` must have at least one statement, found none');
});

test('empty and blank statements: reported on the string, by their number in the level', () => {
  const text = exampleWith((d) => {
    d.framework.levels.emerging.statements[2] = '';
    d.framework.levels.advanced.statements[0] = '   ';
  });
  const found = ruleFindings(text, ID);
  assert.deepEqual(found.map((f) => [f.pointer, ...place(f), f.message]), [
    ['/framework/levels/emerging/statements/2', 22, 11, 22, 13, 'Statement 3 of level `emerging` must not be empty'],
    ['/framework/levels/advanced/statements/0', 65, 11, 65, 16, 'Statement 1 of level `advanced` must not be empty'],
  ]);
});

test('empty label: reported on the string', () => {
  const f = only(exampleWith((d) => (d.framework.levels.developing.label = '')));
  assert.equal(f.pointer, '/framework/levels/developing/label');
  assert.deepEqual(place(f), [33, 18, 33, 20]);
  assert.equal(f.message, '`label` of level `developing` must not be empty');
});

test('one level only: reported on the levels key', () => {
  const f = only(exampleWith((d) => (d.framework.levels = { emerging: d.framework.levels.emerging })));
  assert.equal(f.pointer, '/framework/levels');
  assert.deepEqual(place(f), [16, 5, 16, 13]);
  assert.equal(f.message, '`levels` must have at least two levels, found 1');
});

test('a level missing its statements under a misspelt key gets one finding on the key', () => {
  const f = only(exampleWith((d) => {
    const level = d.framework.levels.proficient;
    level.statement = level.statements;
    delete level.statements;
  }));
  assert.equal(f.pointer, '/framework/levels/proficient/statement');
  assert.equal(f.message, 'Level `proficient` has an unknown property `statement`: did you mean `statements`?');
});

test('pointers escape level names with / and ~', () => {
  const f = only(exampleWith((d) => {
    d.framework.levels = { 'a/b': { label: '', statements: ['x'] }, 'c~d': { label: 'C', statements: ['y'] } };
  }));
  assert.equal(f.pointer, '/framework/levels/a~1b/label');
  assert.equal(f.message, '`label` of level `a/b` must not be empty');
});

test('an empty level key is reported on the key', () => {
  const text = '{"schemaVersion":"1.0","exportedAt":"2026-05-15T12:38:51Z","occupation":{"soc":"25-4022.00","title":"T","jobZone":5},' +
    '"framework":{"levels":{"":{"label":"A","statements":["x"]},"b":{"label":"B","statements":["y"]}}}}';
  const f = only(text);
  assert.equal(f.pointer, '/framework/levels/');
  assert.equal(text.slice(f.column - 1, f.endColumn - 1), '""');
  assert.match(f.message, /^`levels` has a level with an empty name/);
});

test('wrong types everywhere: one finding per wrong value, in document order, no crash', () => {
  const doc = {
    schemaVersion: 1,
    exportedAt: 20260515,
    occupation: { soc: 254022, title: false, group: null, sector: 61, jobZone: 'five', jobZoneInferred: 'no' },
    framework: {
      version: 26,
      description: [],
      contextCovered: {},
      levels: {
        emerging: { label: 1, statements: 'all of them' },
        advanced: { label: ['Advanced'], statements: [1, null, true, {}, 'fine'] },
      },
    },
    sources: 'O*NET',
    attribution: 0,
  };
  const text = JSON.stringify(doc, null, 2);
  const all = lintText(text);
  assert.deepEqual(all.filter((f) => /Internal error/.test(f.message)), []);
  const found = ruleFindings(text, ID);
  assert.deepEqual(found.map((f) => f.pointer), [
    '/schemaVersion',
    '/exportedAt',
    '/occupation/soc',
    '/occupation/title',
    '/occupation/group',
    '/occupation/sector',
    '/occupation/jobZone',
    '/occupation/jobZoneInferred',
    '/framework/version',
    '/framework/description',
    '/framework/contextCovered',
    '/framework/levels/emerging/label',
    '/framework/levels/emerging/statements',
    '/framework/levels/advanced/label',
    '/framework/levels/advanced/statements/0',
    '/framework/levels/advanced/statements/1',
    '/framework/levels/advanced/statements/2',
    '/framework/levels/advanced/statements/3',
    '/sources',
    '/attribution',
  ]);
  // Each finding underlines exactly the wrong value, whose text it quotes or names.
  const lines = text.split('\n');
  for (const f of found) {
    assert.equal(f.line, f.endLine, f.pointer);
    const written = lines[f.line - 1].slice(f.column - 1, f.endColumn - 1);
    assert.ok(f.message.endsWith(`found ${written}`) || /found an? /.test(f.message), `${f.pointer}: ${f.message} / ${written}`);
  }
  assert.equal(found.find((f) => f.pointer === '/framework/levels/advanced/statements/1')?.message, 'Statement 2 of level `advanced` must be a statement in double quotes, found null');
  assert.equal(found.find((f) => f.pointer === '/framework/description')?.message, '`description` must be text in double quotes, found an empty array');
});

test('a document that is not an object gets one finding on its first character', () => {
  const f = only('[1, 2, 3]\n');
  assert.equal(f.pointer, '');
  assert.deepEqual(place(f), [1, 1, 1, 10]);
  assert.match(f.message, /^The document must be a JSON object .*, found an array of 3$/);
});

test('a document with a syntax error is still checked on what parsed', () => {
  // A trailing comma in occupation: json-syntax reports it, and the schema still sees the zone.
  const text = exampleWith((d) => (d.occupation.jobZone = 'five')).replace('"jobZoneInferred": false', '"jobZoneInferred": false,');
  assert.ok(ruleFindings(text, 'json-syntax').length > 0);
  const f = only(text);
  assert.equal(f.pointer, '/occupation/jobZone');
  assert.deepEqual(place(f), [9, 16, 9, 22]);
});

test('what a syntax error cut off is left to json-syntax, not reported as missing', () => {
  const full = exampleWith((d) => (d.occupation.jobZone = 'five'));
  // Truncated inside the first level: occupation is complete, the rest never closes.
  const truncated = full.slice(0, full.indexOf('"developing"'));
  const found = ruleFindings(truncated, ID);
  assert.deepEqual(found.map((f) => f.pointer), ['/occupation/jobZone']);
  // A key without a value is a syntax error; the property is not missing and not of a wrong type.
  const noValue = exampleWith().replace('"jobZone": 5,', '"jobZone": ,');
  assert.ok(ruleFindings(noValue, 'json-syntax').length > 0);
  assert.deepEqual(ruleFindings(noValue, ID), []);
});

test('no tree, no schema findings: empty file, whitespace, deep nesting', () => {
  assert.deepEqual(ruleFindings('', ID), []);
  assert.deepEqual(ruleFindings('  \n', ID), []);
  const deep = '['.repeat(10000) + ']'.repeat(10000);
  assert.deepEqual(ruleFindings(deep, ID), []);
  assert.ok(ruleFindings(deep, 'json-syntax').length > 0);
});

test('the severity can be configured', () => {
  const text = exampleWith((d) => (d.occupation.jobZone = 0));
  const cfg = { rules: { schema: { severity: 'warning' as const, options: {} } }, levelOrders: [], suppressions: [], lexicon: {} };
  assert.deepEqual(ruleFindings(text, ID, cfg).map((f) => f.severity), ['warning']);
  const off = { ...cfg, rules: { schema: { severity: 'off' as const, options: {} } } };
  assert.deepEqual(ruleFindings(text, ID, off), []);
});

test('quiet on the example', () => {
  assert.deepEqual(ruleFindings(EXAMPLE_TEXT, ID), []);
  assert.deepEqual(ruleFindings(exampleWith(), ID), []);
});

test('quiet on all 78 ddat-dev exports', () => {
  const dir = join(ROOT, 'test/corpus/ddat-dev');
  const names = readdirSync(dir).filter((n) => n.endsWith('.json'));
  assert.equal(names.length, 78);
  const noisy = names.flatMap((n) => ruleFindings(readFileSync(join(dir, n), 'utf8'), ID).map((f) => `${n} ${f.pointer}: ${f.message}`));
  assert.deepEqual(noisy, []);
});

test('a wrong value spanning several lines is underlined at its key, a one-line one whole', () => {
  const multi = only(exampleWith((d) => (d.occupation = ['25-4022.00', 'Librarians'])));
  assert.equal(multi.pointer, '/occupation');
  assert.deepEqual(place(multi), [4, 3, 4, 15]);
  assert.match(multi.message, /^`occupation` must be an object .*, found an array of 2$/);
  const oneLine = only(EXAMPLE_TEXT.replace(/"occupation":\{[^}]*\}/, '"occupation":[]'));
  assert.equal(oneLine.pointer, '/occupation');
  assert.deepEqual([oneLine.column, oneLine.endColumn], [EXAMPLE_TEXT.indexOf('"occupation"') + 14, EXAMPLE_TEXT.indexOf('"occupation"') + 16]);
  assert.match(oneLine.message, /found an empty array$/);
});

test('a sector written as a number gets a safe fix that quotes it as written', () => {
  const text = exampleWith((d) => (d.occupation.sector = 61));
  const f = only(text);
  assert.equal(f.pointer, '/occupation/sector');
  assert.deepEqual(f.fix && { title: f.fix.title, safe: f.fix.safe }, { title: 'Put 61 in quotes: "61"', safe: true });
  const fixed = applied(text, f.fix);
  assert.equal(JSON.parse(fixed).occupation.sector, '61');
  assert.deepEqual(lintText(fixed).filter((x) => x.pointer === '/occupation/sector'), []);
});

test('a job zone written as a numeric string gets a safe fix that writes the number', () => {
  const text = exampleWith((d) => (d.occupation.jobZone = '5'));
  const f = only(text);
  assert.deepEqual(f.fix && { title: f.fix.title, safe: f.fix.safe }, { title: 'Remove the quotes: 5', safe: true });
  const fixed = applied(text, f.fix);
  assert.equal(JSON.parse(fixed).occupation.jobZone, 5);
  assert.deepEqual(ruleFindings(fixed, ID), []);
});

test('a wrong type gets no fix when the value unquoted or quoted would still be refused there', () => {
  // "7" as 7 is outside 1-5, "five" is no number, 1 as "1" is no schema version, 254022 as "254022" no SOC code.
  for (const change of [
    (d: any) => (d.occupation.jobZone = '7'),
    (d: any) => (d.occupation.jobZone = 'five'),
    (d: any) => (d.occupation.jobZone = '5.0'),
    (d: any) => (d.schemaVersion = 1),
    (d: any) => (d.occupation.soc = 254022),
  ]) {
    const f = only(exampleWith(change));
    assert.equal(f.fix, undefined, f.message);
  }
  // A number among the statements is more likely a stray than a statement.
  const stray = only(exampleWith((d) => (d.framework.levels.emerging.statements[0] = 5)));
  assert.equal(stray.fix, undefined);
});

test('a SOC code without its suffix gets the .00 code, safe when the title is O*NET\'s for it', () => {
  const text = exampleWith((d) => (d.occupation.soc = '25-4022'));
  const f = only(text);
  assert.deepEqual(f.fix && { title: f.fix.title, safe: f.fix.safe }, { title: 'Use 25-4022.00 (Librarians and Media Collections Specialists)', safe: true });
  const fixed = applied(text, f.fix);
  assert.equal(JSON.parse(fixed).occupation.soc, '25-4022.00');
  assert.deepEqual(lintText(fixed), lintText(exampleWith()));
  // Another title leaves the choice of code to the author: the occupation may be one of its other
  // O*NET codes, and the code decides what the title, group and job zone are checked against.
  const other = only(exampleWith((d) => {
    d.occupation.soc = '11-3013';
    d.occupation.title = 'Security Managers';
  }));
  assert.deepEqual(other.fix && { title: other.fix.title, safe: other.fix.safe }, { title: 'Use 11-3013.00 (Facilities Managers)', safe: false });
  // A code whose .00 occupation O*NET does not have gets no fix.
  assert.equal(only(exampleWith((d) => (d.occupation.soc = '25-4099'))).fix, undefined);
});
