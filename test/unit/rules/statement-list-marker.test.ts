import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EXAMPLE_TEXT, config, exampleWith, lintText, ruleFindings } from '../../helpers';
import { analyse } from '../../../server/src/core/service';
import { fixAll } from '../../../server/src/core/features/codeActions';
import { applyFix, ddatFiles, ddatWith } from './fixtures/format';

const ID = 'statement-list-marker';
const GOOD = 'Circulation procedures — execute check-in and check-out transactions accurately under the guidance of senior librarians in a public or academic library setting.';

function withFirst(statement: string): string {
  return exampleWith((d) => {
    d.framework.levels.emerging.statements[0] = statement;
  });
}

/** The example with every statement numbered as a document numbers a list: "E1) ", "D1) ", ... per level. */
function lettered(): string {
  return exampleWith((d) => {
    for (const [key, level] of Object.entries<any>(d.framework.levels)) {
      level.statements = level.statements.map((s: string, i: number) => `${key[0].toUpperCase()}${i + 1}) ${s}`);
    }
  });
}

// The literal opens at line 20, column 11, so the statement's first character is at column 12.
for (const [marker, kind] of [['\u2022', 'bullet'], ['-', 'bullet'], ['*', 'bullet'], ['1.', 'list number'], ['1)', 'list number'], ['a)', 'list number'], ['(a)', 'list number'], ['E1)', 'list number'], ['D3)', 'list number']] as const) {
  test(`a statement starting with "${marker} " is reported on exactly the marker and fixed`, () => {
    const text = withFirst(`${marker} ${GOOD}`);
    const found = ruleFindings(text, ID);
    assert.equal(found.length, 1);
    const [f] = found;
    assert.equal(f.pointer, '/framework/levels/emerging/statements/0');
    assert.deepEqual([f.line, f.column, f.endLine, f.endColumn], [20, 12, 20, 12 + marker.length]);
    assert.equal(f.severity, 'warning');
    assert.equal(f.message, `This statement starts with the ${kind} "${marker}"; remove it: the statements are a list already, and the ${kind} is no part of what the statement says.`);
    assert.equal(f.fix?.safe, true);
    assert.equal(applyFix(text, f.fix), exampleWith(), 'the fix gives back the example exactly');
  });
}

test('the topic is read past the marker: messages name the topic alone', () => {
  const text = withFirst(`\u2022 ${GOOD}`);
  const gap = lintText(text).find((f) => f.ruleId === 'topic-gap' && f.pointer === '/framework/levels/emerging/statements/0');
  assert.match(gap?.message ?? '', /^The topic "Circulation procedures" appears at/);
});

test('numbering that differs from level to level keeps topics and threads matching: the same topic gaps as the example', () => {
  const text = lettered();
  const gaps = (t: string) => lintText(t).filter((f) => f.ruleId === 'topic-gap').map((f) => [f.pointer, f.message]);
  assert.equal(gaps(EXAMPLE_TEXT).length, 7);
  assert.deepEqual(gaps(text), gaps(EXAMPLE_TEXT));
  const found = ruleFindings(text, ID);
  assert.equal(found.length, 40, 'every statement is reported');
  assert.equal(found[0].message.includes('"E1)"'), true);
});

test('white space before the marker stays for statement-spacing, and an escaped literal is reported whole', () => {
  const spaced = withFirst(`  1. ${GOOD}`);
  const [f] = ruleFindings(spaced, ID);
  assert.deepEqual([f.column, f.endColumn], [14, 16]);
  assert.equal(JSON.parse(applyFix(spaced, f.fix)).framework.levels.emerging.statements[0], `  ${GOOD}`);
  const literal = `"\\u2022 ${GOOD}"`;
  const escaped = exampleWith().replace(JSON.stringify(GOOD), literal);
  const [g] = ruleFindings(escaped, ID);
  assert.deepEqual([g.line, g.column, g.endColumn], [20, 11, 11 + literal.length]);
  assert.equal(applyFix(escaped, g.fix), exampleWith());
});

test('a statement that starts with a number or a letter of its own is quiet', () => {
  for (const statement of [
    '3D printing services — operate the library\'s 3D printers for patrons following established procedures.',
    '24-hour service desk — staff the overnight desk under the direction of experienced staff.',
    '2.5 hours of instruction — deliver them to small groups.',
    '1.2 Budget tracking — record expenses under supervision.',
    'C. diff precautions — follow isolation procedures under supervision.',
    '(AI) tools — use them under supervision.',
    '-Circulation procedures — a hyphen touching the word is the text\'s own.',
    GOOD,
  ]) {
    assert.deepEqual(ruleFindings(withFirst(statement), ID), [], statement);
  }
});

test('the example and every DDaT export are quiet', () => {
  assert.deepEqual(ruleFindings(EXAMPLE_TEXT, ID), []);
  for (const { name, text } of ddatFiles()) assert.deepEqual(ruleFindings(text, ID), [], name);
});

test('in a framework without topics the marker is reported, and the rest of the analysis reads the statement as without it', () => {
  // The duplicate rules compare statements as written, marker and all (see the rule's page): here
  // the scope, coverage and format rules are held to the statement without its marker.
  const findings = (text: string) =>
    lintText(text)
      .filter((f) => f.ruleId !== ID && !f.ruleId.startsWith('duplicate-'))
      .map((f) => `${f.ruleId} ${f.pointer} ${f.message}`);
  for (const name of ['accessibility.json', 'data-modelling.json']) {
    const numbered = ddatWith(name, (d) => {
      for (const level of Object.values<any>(d.framework.levels)) level.statements = level.statements.map((s: string, i: number) => `${i + 1}. ${s}`);
    });
    const found = ruleFindings(numbered, ID);
    assert.ok(found.length > 10 && found.every((f) => /^This statement starts with the list number "\d+\."/.test(f.message)), name);
    assert.deepEqual(findings(numbered), findings(ddatWith(name)), name);
  }
});

test('its fix keeps the statement\'s suppressions, so a later pass of --fix or Fix all does not apply what they hold back', () => {
  // The house style ends statements with a period; this one is kept without, by a suppression that
  // names it by its text as the editor's quick fix writes it, list number and all.
  const bare = GOOD.replace(/\.$/, '');
  const cfg = config({ suppressions: [{ pointer: '/framework/levels/emerging', statement: `1. ${bare}`, rule: 'statement-period' }] });
  const text = withFirst(`1. ${bare}`);
  const first = analyse(text, { config: cfg });
  const on = (ruleId: string) => first.findings.filter((f) => f.ruleId === ruleId && f.pointer === '/framework/levels/emerging/statements/0');
  assert.deepEqual(on('statement-period'), [], 'the suppression holds');
  assert.equal(on(ID).length, 1);
  const fixed = fixAll(first, (t) => analyse(t, { config: cfg }));
  // The list number goes; the period the suppression holds back is not added by the next pass.
  assert.equal(JSON.parse(fixed.text).framework.levels.emerging.statements[0], bare);
  assert.deepEqual(analyse(fixed.text, { config: cfg }).findings.filter((f) => f.ruleId === 'statement-period'), []);
});
