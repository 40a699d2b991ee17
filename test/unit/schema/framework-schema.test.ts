/**
 * The framework JSON Schema as a file users and editors load: it is a valid draft 2020-12 schema,
 * every property explains itself, it accepts the real exports, it rejects what the format forbids,
 * and the committed generated validator is exactly what the schema compiles to today.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { EXAMPLE_TEXT, ROOT } from '../../helpers';
import { unannotated } from './annotations';
import { schemaErrors } from '../../../server/src/core/schema/validate';
import { REFERENCE } from '../../../server/src/core/data/reference';

const SCHEMA_PATH = join(ROOT, 'schemas/competency-framework.schema.json');
const schema = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8'));
const CORPUS = join(ROOT, 'test/corpus/ddat-dev');

/** The schema compiled from its file as an editor would, annotation keywords declared. */
function compileFromFile() {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  ajv.addVocabulary(['markdownDescription', 'defaultSnippets', 'patternErrorMessage', 'x-expected', 'x-item']);
  addFormats(ajv);
  return ajv.compile(schema);
}

const example = () => JSON.parse(EXAMPLE_TEXT);
const VALIDATE_FILE = compileFromFile();

test('the schema is a strict draft 2020-12 schema with an $id', () => {
  assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
  assert.equal(schema.$id, 'https://competency-lint.dev/schemas/competency-framework.schema.json');
  assert.doesNotThrow(compileFromFile);
});

test('every property has a title, a description and a markdownDescription', () => {
  assert.deepEqual(unannotated(schema), []);
});

test('snippets are offered for the whole document, the occupation and a level', () => {
  assert.ok(schema.defaultSnippets?.length, 'document skeleton');
  assert.ok(schema.$defs.occupation.defaultSnippets?.length, 'occupation');
  assert.ok(schema.$defs.level.defaultSnippets?.length, 'level');
  // The skeleton must itself be a valid framework once its placeholders keep their text, its
  // choices take their first option (a `^` string is written without quotes, as a number here),
  // and the user has filled the occupation's code, title and sector (the group may stay empty).
  const filled = JSON.parse(
    JSON.stringify(schema.defaultSnippets[0].body)
      .replace(/"\^\$\{\d+\|([^,|]*)[^}]*\}"/g, '$1')
      .replace(/\$\{\d+:([^}]*)\}/g, '$1')
      .replace(/\$\d+/g, ''),
  );
  assert.equal(filled.occupation.jobZone, 1);
  const validate = compileFromFile();
  assert.ok(!validate(filled), 'an occupation left empty is not a framework yet');
  Object.assign(filled.occupation, { soc: '29-1141.00', title: 'Registered Nurses', sector: '62' });
  assert.ok(validate(filled), JSON.stringify(validate.errors));
});

test('the snippets offer every job zone the reference data knows, and no other', () => {
  const zones = REFERENCE.jobZones.map((z) => z.zone).join(',');
  for (const body of [schema.defaultSnippets[0].body.occupation, schema.$defs.occupation.defaultSnippets[0].body]) {
    assert.match(body.jobZone, new RegExp(`^\\^\\$\\{\\d+\\|${zones}\\|\\}$`));
  }
});

test('the example export is valid, for the schema file and for the generated validator', () => {
  const validate = compileFromFile();
  assert.ok(validate(example()), JSON.stringify(validate.errors));
  assert.deepEqual(schemaErrors(example()), []);
});

test('every ddat-dev corpus file is valid (all 78)', () => {
  const files = readdirSync(CORPUS).filter((f) => f.endsWith('.json'));
  assert.equal(files.length, 78);
  const validate = compileFromFile();
  const failures: string[] = [];
  for (const f of files) {
    const doc = JSON.parse(readFileSync(join(CORPUS, f), 'utf8'));
    if (!validate(doc)) failures.push(`${f} (schema file): ${JSON.stringify(validate.errors)}`);
    const generated = schemaErrors(doc);
    if (generated.length) failures.push(`${f} (generated): ${JSON.stringify(generated)}`);
  }
  assert.deepEqual(failures, []);
});

/** Each change breaks one constraint; the schema file and the generated validator must both refuse it. */
const INVALID: [string, (d: any) => void, string][] = [
  ['SOC code without its .NN suffix', (d) => (d.occupation.soc = '25-4022'), '/occupation/soc'],
  ['job zone 0', (d) => (d.occupation.jobZone = 0), '/occupation/jobZone'],
  ['job zone 6', (d) => (d.occupation.jobZone = 6), '/occupation/jobZone'],
  ['job zone 2.5', (d) => (d.occupation.jobZone = 2.5), '/occupation/jobZone'],
  ['job zone as text', (d) => (d.occupation.jobZone = '5'), '/occupation/jobZone'],
  ['a date without time', (d) => (d.exportedAt = '2026-05-15'), '/exportedAt'],
  ['a date-time without time zone', (d) => (d.exportedAt = '2026-05-15T12:38:51'), '/exportedAt'],
  ['month 13', (d) => (d.exportedAt = '2026-13-15T12:38:51Z'), '/exportedAt'],
  ['a typo inside occupation', (d) => (d.occupation.jobzone = 5), '/occupation'],
  ['a typo inside framework', (d) => (d.framework.contextcovered = ''), '/framework'],
  ['missing soc', (d) => delete d.occupation.soc, '/occupation'],
  ['missing levels', (d) => delete d.framework.levels, '/framework'],
  ['one level only', (d) => (d.framework.levels = { emerging: d.framework.levels.emerging }), '/framework/levels'],
  ['an empty statements array', (d) => (d.framework.levels.emerging.statements = []), '/framework/levels/emerging/statements'],
  ['an empty statement', (d) => (d.framework.levels.emerging.statements[0] = ''), '/framework/levels/emerging/statements/0'],
  ['a blank statement', (d) => (d.framework.levels.emerging.statements[0] = '   '), '/framework/levels/emerging/statements/0'],
  ['an empty label', (d) => (d.framework.levels.emerging.label = ''), '/framework/levels/emerging/label'],
  ['a missing label', (d) => delete d.framework.levels.emerging.label, '/framework/levels/emerging'],
  ['jobZoneInferred as text', (d) => (d.occupation.jobZoneInferred = 'false'), '/occupation/jobZoneInferred'],
  ['a sector of one digit', (d) => (d.occupation.sector = '6'), '/occupation/sector'],
];

for (const [name, change, pointer] of INVALID) {
  test(`refuses ${name}`, () => {
    const doc = example();
    change(doc);
    const validate = VALIDATE_FILE;
    assert.equal(validate(doc), false);
    assert.ok(validate.errors!.some((e) => e.instancePath === pointer), JSON.stringify(validate.errors));
    assert.ok(schemaErrors(doc).some((e) => e.instancePath === pointer));
  });
}

test('unknown top-level keys and $schema are allowed: generators and editors add their own', () => {
  const doc = example();
  doc.$schema = 'https://competency-lint.dev/schemas/competency-framework.schema.json';
  doc.generatorNotes = { by: 'someone' };
  assert.deepEqual(schemaErrors(doc), []);
});

test('a NAICS sector range such as 31-33 is accepted', () => {
  const doc = example();
  doc.occupation.sector = '31-33';
  assert.deepEqual(schemaErrors(doc), []);
});

test('the committed generated validator is what the schema compiles to now', () => {
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts/build-schema.mjs'), '--print'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const committed = readFileSync(join(ROOT, 'server/src/core/schema/generated/validate.js'), 'utf8');
  assert.ok(r.stdout === committed, 'server/src/core/schema/generated/validate.js is stale: run `npm run build:schema`');
});
