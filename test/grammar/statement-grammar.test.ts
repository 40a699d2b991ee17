/**
 * The injection grammar, tokenised as VS Code would: on the real example (as exported, on one
 * line, and pretty-printed) every statement's topic, em dash and body get their scopes, exactly
 * where the analysis splits the statement; nothing else in the file gets them.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { findNodeAtLocation, parseTree, type Node } from 'jsonc-parser';
import { splitStatement } from '../../server/src/core/model/statementParts';
import { allHave, offsetsWith, scopesPerChar } from './tokenize';

const TOPIC = 'entity.name.type.topic.competency';
const DASH = 'punctuation.separator.topic.competency';
const BODY = 'meta.statement.body.competency';
const STATEMENT = 'meta.statement.competency';
const ESCAPE = 'constant.character.escape.json';
const MARKER = 'punctuation.definition.list.begin.competency';

const example = readFileSync(join(__dirname, '..', '..', 'examples', '25-4022.00.json'), 'utf8');

/** The string literals of `framework.levels.*.statements`, with their offsets in the text. */
function statementLiterals(text: string): { offset: number; length: number; value: string }[] {
  const root = parseTree(text);
  const levels = root && findNodeAtLocation(root, ['framework', 'levels']);
  const out: { offset: number; length: number; value: string }[] = [];
  for (const prop of levels?.children ?? []) {
    const statements = prop.children?.[1]?.children?.find((p: Node) => p.children?.[0]?.value === 'statements')?.children?.[1];
    for (const s of statements?.children ?? []) if (s.type === 'string') out.push({ offset: s.offset, length: s.length, value: s.value });
  }
  return out;
}

async function checkLayout(text: string): Promise<void> {
  const scopes = await scopesPerChar(text);
  const literals = statementLiterals(text);
  assert.ok(literals.length >= 40, `the example has its statements (${literals.length})`);
  const covered = new Set<number>();
  let checked = 0;
  for (const lit of literals) {
    const inner = lit.offset + 1; // first character after the opening quote
    const raw = text.slice(inner, lit.offset + lit.length - 1);
    const parts = splitStatement(lit.value);
    for (let i = lit.offset; i < lit.offset + lit.length; i++) covered.add(i);
    // The example has no escapes, so offsets in the value are offsets in the literal.
    assert.equal(raw, lit.value);
    if (parts.separator !== '\u2014' || !parts.separatorSpan) continue;
    checked++;
    const dash = inner + lit.value.indexOf('\u2014');
    const where = `statement at ${lit.offset}: ${lit.value.slice(0, 40)}`;
    assert.deepEqual(offsetsWith(scopes, TOPIC, lit.offset, lit.offset + lit.length), range(inner, inner + parts.separatorSpan.start), `topic of ${where}`);
    assert.deepEqual(offsetsWith(scopes, DASH, lit.offset, lit.offset + lit.length), [dash], `dash of ${where}`);
    assert.ok(allHave(scopes, inner + parts.bodyStart, inner + lit.value.length, BODY), `body of ${where}`);
    assert.ok(!allHave(scopes, lit.offset, lit.offset + 1, STATEMENT), `the opening quote is not part of ${where}`);
    assert.ok(allHave(scopes, inner, inner + raw.length, 'string.quoted.double.json'), `still a JSON string: ${where}`);
  }
  assert.equal(checked, literals.length, 'every statement of the example is written "Topic — body"');
  // Keys, the title, contextCovered and the labels get none of our scopes.
  const stray = offsetsWith(scopes, STATEMENT).filter((i) => !covered.has(i));
  assert.deepEqual(stray, [], 'no scope of ours outside statements');
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, i) => from + i);
}

describe('statement grammar', () => {
  before(async () => {
    await scopesPerChar('[]'); // loads the WASM once
  });

  test('the example as exported (one line): topic, em dash and body of every statement', async () => {
    assert.equal(example.trim().split('\n').length, 1);
    await checkLayout(example);
  });

  test('the example pretty-printed: the same scopes on every statement line', async () => {
    await checkLayout(JSON.stringify(JSON.parse(example), null, 2));
  });

  test('the scopes of one statement, token by token', async () => {
    const text = '{"framework":{"levels":{"a":{"statements":["Circulation procedures — execute check-in accurately."]}}}}';
    const scopes = await scopesPerChar(text);
    const at = (s: string) => scopes[text.indexOf(s)];
    assert.ok(at('Circulation').includes(TOPIC));
    assert.ok(at('procedures').includes(TOPIC));
    assert.ok(!at(' \u2014').includes(TOPIC), 'the space before the dash belongs to the separator');
    assert.ok(at('\u2014').includes(DASH));
    assert.ok(at('execute').includes(BODY) && !at('execute').includes(TOPIC));
    assert.ok(at('check-in').includes(BODY), 'a hyphen in the body is not a separator');
    assert.ok(!scopes[text.lastIndexOf('"')].includes(BODY), 'the closing quote ends the body');
  });

  test('an escape in the body keeps its JSON escape scope inside the body', async () => {
    const text = '["Topic \u2014 say \\"hello\\" and go."]';
    const scopes = await scopesPerChar(text);
    const esc = text.indexOf('\\"');
    assert.ok(scopes[esc].includes(ESCAPE) && scopes[esc].includes(BODY));
    assert.ok(scopes[text.indexOf('and')].includes(BODY), 'the body goes on after an escaped quote');
  });

  test('strings that are not "Topic — body" statements get nothing', async () => {
    const quiet = [
      '["No separator in this statement."]',
      '["Hyphen - is a look-alike left to the statement-dash rule."]',
      '["\u2014 a dash with no topic"]',
      '["Topic \u2014"]',
      `["${'x'.repeat(91)} \u2014 a topic longer than the analysis allows"]`,
      '{"description": "Outside an array \u2014 not a statement"}',
      '{"title \u2014 key": 1}',
    ];
    for (const text of quiet) {
      const scopes = await scopesPerChar(text);
      assert.deepEqual(offsetsWith(scopes, STATEMENT), [], text);
    }
  });

  test('the topic it colours is the topic the analysis reads, on real statements and on the edge cases', async () => {
    const words = (n: number) => Array.from({ length: n }, (_, i) => `w${i}`).join(' ');
    const edge = [
      `${words(8)} \u2014 eight words are a topic.`,
      `${words(9)} \u2014 nine words are a sentence with a dash in it.`,
      '   Leading spaces \u2014 are not part of the topic.',
      '\u00a0Leading no-break space \u2014 is not part of the topic.',
      'Tabs\t\u2014\tround the dash.',
      'Tight\u2014dash.',
      'Wide  \u2014  dash.',
      `${'x'.repeat(90)} \u2014 a topic of 90 characters.`,
      `${'x'.repeat(91)} \u2014 a topic of 91 characters.`,
      'A - B \u2014 a spaced hyphen first.',
      'A \u2013 B \u2014 an en dash first.',
      'A -- B \u2014 a double hyphen first.',
      'Check-in desk \u2014 a hyphen inside a word.',
      'First \u2014 second \u2014 third.',
      '\u2022 Bulleted topic \u2014 a bullet is no part of the topic.',
      '\u2022Touching bullet \u2014 a bullet may touch the topic.',
      '- Markdown bullet \u2014 a hyphen and a space.',
      '-Hyphen touching \u2014 part of the topic.',
      '1. Numbered topic \u2014 a number and a period.',
      '  12) Numbered topic \u2014 after leading spaces.',
      'E1) Lettered topic \u2014 a letter, a number and a parenthesis.',
      '(iv) Roman topic \u2014 in parentheses.',
      '1. one two three four five six seven eight \u2014 eight words after the number.',
      '3D printing \u2014 a number of its own.',
      '24-hour service \u2014 a number of its own.',
      'C. diff precautions \u2014 a letter and a period are the text\'s own.',
      '1.2 Outline \u2014 an outline number without its period is the text\'s own.',
      'Topic \u2014',
      'No separator at all.',
    ];
    const dir = join(__dirname, '..', 'corpus', 'ddat-dev');
    const corpus = readdirSync(dir).filter((n) => n.endsWith('.json')).flatMap((n) => {
      const levels = JSON.parse(readFileSync(join(dir, n), 'utf8')).framework.levels as Record<string, { statements: string[] }>;
      return Object.values(levels).flatMap((l) => l.statements);
    });
    const real = statementLiterals(example).map((l) => l.value);
    let topics = 0;
    for (const value of [...edge, ...real, ...corpus]) {
      if (/["\\]/.test(value)) continue;
      const text = `["${value}"]`;
      const scopes = await scopesPerChar(text);
      const parts = splitStatement(value);
      let expected: number[] = [];
      if (parts.separator === '\u2014' && parts.topic !== undefined) {
        const start = 2 + value.indexOf(parts.topic, parts.marker?.contentStart ?? 0);
        expected = range(start, start + parts.topic.length);
        topics++;
      }
      assert.deepEqual(offsetsWith(scopes, TOPIC), expected, value);
    }
    assert.ok(topics >= 45, `${topics} topics compared`);
  });

  test('a leading list marker gets a scope of its own, outside the topic, as the analysis reads it', async () => {
    for (const marker of ['\u2022', '-', '1.', 'a)', 'E1)', 'D3)']) {
      const text = `["${marker} Circulation procedures \u2014 execute check-in."]`;
      const scopes = await scopesPerChar(text);
      const at = text.indexOf(marker, 1);
      assert.deepEqual(offsetsWith(scopes, MARKER), range(at, at + marker.length), marker);
      assert.deepEqual(offsetsWith(scopes, TOPIC), range(text.indexOf('Circulation'), text.indexOf(' \u2014')), marker);
      assert.equal(splitStatement(JSON.parse(text)[0]).topic, 'Circulation procedures');
    }
    // Without a topic the grammar colours nothing, as for any statement without one.
    const plain = '["1. execute check-in."]';
    assert.deepEqual(offsetsWith(await scopesPerChar(plain), STATEMENT), []);
  });

  test('also injected into JSON with comments', async () => {
    const text = '// config\n["Topic \u2014 body."]';
    const scopes = await scopesPerChar(text, 'source.json.comments');
    assert.ok(scopes[text.indexOf('Topic')].includes(TOPIC));
    assert.ok(scopes[text.indexOf('body')].includes(BODY));
  });
});
