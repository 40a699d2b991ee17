/**
 * Completions keep a document JSON. For every item offered at every offset of a small framework
 * and of the pretty-printed example, applying the item as an editor does (its snippet expanded to
 * its first choices and placeholders, its additional edits applied too) must leave text that still
 * parses; an item that cannot do that must not be offered. Then the places a reviewer found broken,
 * one by one: completing over a key that a value already follows, just before a value, and past one.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parse, type ParseError } from 'jsonc-parser';
import { analyse } from '../../server/src/core/service';
import { complete, type CompletionItem } from '../../server/src/core/features/completion';
import { BUILTIN_ENTRIES } from '../../server/src/core/analysis/scope/lexicon';
import type { TextEdit } from '../../server/src/core/types';
import { EXAMPLE_TEXT } from '../helpers';
import type { TaskLookup } from '../../server/src/core/features/tasks';

/** Tasks whose text a careless insertion would break the JSON or the snippet with. */
const TRICKY_TASKS: TaskLookup = () => [
  { id: 1, text: 'Quote "sources" with a \\ path and $5 fees, in {braces}.', core: true },
  { id: 2, text: 'CPR — apply it.', core: false },
];

const SCHEMA_URL = 'https://competency-lint.dev/schemas/competency-framework.schema.json';

/** A small framework on one line, as the reviewer had it: a `$schema`, no `schemaVersion`. */
const SMALL = JSON.stringify({
  $schema: SCHEMA_URL,
  occupation: { soc: '25-4022.00', title: 'Librarians and Media Collections Specialists', jobZone: 5, jobZoneInferred: false },
  framework: {
    version: 'v1',
    levels: {
      emerging: { label: 'Emerging', statements: ['Circulation — execute check-in under guidance.'] },
      developing: { label: 'Developing', statements: ['Circulation — manage check-in independently.', ''] },
    },
  },
});

const PRETTY_EXAMPLE = JSON.stringify(JSON.parse(EXAMPLE_TEXT), null, 2) + '\n';

/**
 * A snippet as an editor inserts it when the user accepts it at once: tab stops empty, placeholders
 * their text, choices their first option. A variable (`$name`) fails the test: no completion means
 * one, and an editor would replace it (a `$schema` key written unescaped becomes `schema`).
 */
function expandSnippet(snippet: string): string {
  let i = 0;
  const body = (inPlaceholder: boolean): string => {
    let out = '';
    while (i < snippet.length) {
      const c = snippet[i];
      if (c === '\\' && '$}\\'.includes(snippet[i + 1] ?? '')) {
        out += snippet[i + 1];
        i += 2;
      } else if (c === '}' && inPlaceholder) {
        return out;
      } else if (c === '$') {
        out += dollar();
      } else {
        out += c;
        i++;
      }
    }
    if (inPlaceholder) throw new Error(`an unclosed placeholder in ${JSON.stringify(snippet)}`);
    return out;
  };
  const dollar = (): string => {
    const rest = snippet.slice(i);
    let m = /^\$(?:\d+|\{\d+\})/.exec(rest);
    if (m) {
      i += m[0].length;
      return '';
    }
    m = /^\$\{\d+\|((?:\\.|[^,|\\])*)(?:,(?:\\.|[^,|\\])*)*\|\}/.exec(rest);
    if (m) {
      i += m[0].length;
      return m[1].replace(/\\(.)/g, '$1');
    }
    m = /^\$\{\d+:/.exec(rest);
    if (m) {
      i += m[0].length;
      const inner = body(true);
      i++;
      return inner;
    }
    if (/^\$\{?[A-Za-z_]/.test(rest)) throw new Error(`a snippet variable in ${JSON.stringify(snippet)}`);
    i++;
    return '$';
  };
  return body(false);
}

function insertedText(item: CompletionItem): string {
  return item.snippet ? expandSnippet(item.insertText) : item.insertText;
}

function applyEdits(text: string, edits: TextEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

/** The text after accepting an item: its own edit and the edits that come with it. */
function accept(text: string, item: CompletionItem): string {
  return applyEdits(text, [{ ...item.range, newText: insertedText(item) }, ...(item.additionalEdits ?? [])]);
}

function parseErrors(text: string): ParseError[] {
  const errors: ParseError[] = [];
  parse(text, errors, { allowTrailingComma: false, disallowComments: true });
  return errors;
}

/**
 * What is wrong with an item offered at `offset`, or undefined. Besides keeping the JSON, its edit
 * must be what LSP allows: one line that holds the cursor, with no additional edit overlapping it.
 */
function problemWith(text: string, offset: number, item: CompletionItem): string | undefined {
  const { start, end } = item.range;
  if (start > offset || offset > end) return 'its range does not hold the cursor';
  if (/[\r\n]/.test(text.slice(start, end))) return 'its range spans lines';
  if ((item.additionalEdits ?? []).some((e) => e.start < end && start < e.end)) return 'an additional edit overlaps its range';
  let after: string;
  try {
    after = accept(text, item);
  } catch (e) {
    return (e as Error).message;
  }
  const errors = parseErrors(after);
  if (errors.length > 0) return `JSON breaks: ${JSON.stringify(after.slice(Math.max(0, start - 20), start + insertedText(item).length + 20))}`;
  return undefined;
}

describe('every completion item keeps a valid document valid', () => {
  const documents: [string, string][] = [
    ['the small framework', SMALL],
    ['the small framework, pretty-printed', JSON.stringify(JSON.parse(SMALL), null, 2) + '\n'],
    ['the example, pretty-printed', PRETTY_EXAMPLE],
  ];
  for (const [name, text] of documents) {
    test(name, () => {
      assert.deepEqual(parseErrors(text), [], 'the document itself is valid');
      const result = analyse(text);
      let offered = 0;
      const broken: string[] = [];
      for (let offset = 0; offset <= text.length; offset++) {
        for (const item of complete(result, offset, { tasks: TRICKY_TASKS }).items) {
          offered++;
          const problem = problemWith(text, offset, item);
          if (problem) broken.push(`at ${offset}, ${item.kind} ${JSON.stringify(item.label)}: ${problem}`);
        }
      }
      assert.ok(offered > 0, 'items are offered somewhere');
      assert.equal(broken.length, 0, `${broken.length} of ${offered} items break the document, such as:\n${broken.slice(0, 10).join('\n')}`);
    });
  }
});

/** The offset just after `needle`'s nth occurrence (throws when missing, so a test cannot pass vacuously). */
function after(text: string, needle: string, nth = 0): number {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`${JSON.stringify(needle)} not found`);
  }
  return at + needle.length;
}

function itemsAt(text: string, offset: number): CompletionItem[] {
  return complete(analyse(text), offset).items;
}

describe('completing over a key that a value already follows replaces the key alone', () => {
  test('inside "$schema", schemaVersion takes the key and keeps the value', () => {
    const item = itemsAt(SMALL, 3).find((i) => i.label === 'schemaVersion');
    assert.ok(item, 'schemaVersion is offered');
    assert.equal(item.insertText, '"schemaVersion"');
    assert.deepEqual(item.range, { start: 1, end: 10 });
    const doc = JSON.parse(accept(SMALL, item));
    assert.equal(doc.schemaVersion, SCHEMA_URL);
    assert.equal(doc.$schema, undefined);
  });

  test('inside a level key, another level takes the key and keeps the level body', () => {
    const at = after(SMALL, '"emer');
    const item = itemsAt(SMALL, at).find((i) => i.label === 'proficient');
    assert.ok(item, 'proficient is offered');
    assert.equal(item.insertText, '"proficient"');
    const levels = JSON.parse(accept(SMALL, item)).framework.levels;
    assert.deepEqual(Object.keys(levels), ['proficient', 'developing']);
    assert.deepEqual(levels.proficient, JSON.parse(SMALL).framework.levels.emerging);
  });

  test('a key written as a snippet escapes its dollar sign', () => {
    const text = SMALL.replace(`"$schema":"${SCHEMA_URL}",`, '');
    const item = itemsAt(text, 1).find((i) => i.label === '$schema');
    assert.ok(item, '$schema is offered');
    assert.equal(item.snippet, true);
    assert.equal(JSON.parse(accept(text, item)).$schema, '');
  });

  test('between a key and its colon nothing is offered', () => {
    const text = SMALL.replace('"version":', '"version" :');
    assert.deepEqual(itemsAt(text, after(text, '"version" ')), []);
  });
});

describe('just before a value, a completion replaces it', () => {
  const cases: [string, (string | number)[]][] = [
    ['"soc":', ['occupation', 'soc']],
    ['"title":', ['occupation', 'title']],
    ['"group":', ['occupation', 'group']],
    ['"sector":', ['occupation', 'sector']],
    ['"jobZone":', ['occupation', 'jobZone']],
    ['"version":', ['framework', 'version']],
    ['"label":', ['framework', 'levels', 'emerging', 'label']],
  ];
  const at = (doc: any, path: (string | number)[]) => path.reduce((v, k) => v?.[k], doc);
  for (const [key, path] of cases) {
    test(`after ${key}, before its value and before the space`, () => {
      for (const offset of [after(PRETTY_EXAMPLE, key), after(PRETTY_EXAMPLE, `${key} `)]) {
        const items = itemsAt(PRETTY_EXAMPLE, offset);
        assert.ok(items.length > 0, `items are offered at ${offset}`);
        for (const item of items) {
          const doc = JSON.parse(accept(PRETTY_EXAMPLE, item));
          assert.deepEqual(at(doc, path), JSON.parse(insertedText(item)), `${item.label} replaces the value`);
        }
      }
    });
  }

  test('the spaces before the value stay', () => {
    const item = itemsAt(PRETTY_EXAMPLE, after(PRETTY_EXAMPLE, '"soc":')).find((i) => i.label.startsWith('11-1011.00 '));
    assert.ok(item);
    assert.match(accept(PRETTY_EXAMPLE, item), /"soc": "11-1011\.00",\n/);
  });
});

describe('past a finished value no value is offered', () => {
  test('on the line after "jobZoneInferred": false', () => {
    const offset = after(PRETTY_EXAMPLE, '"jobZoneInferred": false\n');
    const items = itemsAt(PRETTY_EXAMPLE, offset);
    assert.ok(items.every((i) => i.kind === 'property'), items.map((i) => i.label).join('; '));
  });

  test('a property offered there brings the comma the value before it needs', () => {
    const text = PRETTY_EXAMPLE.replace(/\n {4}"sector": "61",/, '');
    const items = itemsAt(text, after(text, '"jobZoneInferred": false\n  '));
    assert.deepEqual(items.map((i) => i.label), ['sector']);
    const fixed = accept(text, items[0]);
    // No sector follows from the SOC code, and the schema's example is some other occupation's.
    assert.match(fixed, /"jobZoneInferred": false,\n {2}"sector": ""},/);
    assert.equal(JSON.parse(fixed).occupation.sector, '');
  });

  test('right after the closing quote of a statement, openers do not write outside the quotes', () => {
    const offset = after(PRETTY_EXAMPLE, 'in a public or academic library setting."');
    const items = itemsAt(PRETTY_EXAMPLE, offset);
    assert.ok(items.length > 0, 'new statements are offered');
    for (const item of items) assert.equal(item.range.start, offset, `${item.label} is a new statement, not text after the quote`);
    for (const item of items) assert.ok(insertedText(item).startsWith(', "'), `${item.label}: ${insertedText(item)}`);
  });
});

describe('a key begun on a new line after an object\'s last member, before its comma is typed', () => {
  // As VS Code users add a member: Enter after the last value, then `"` (auto-closed to `""`,
  // which triggers completion), then perhaps a few letters. The comma comes with the item.
  const cases: { name: string; text: string; last: string; indent: string; key: string; path: string[] }[] = [
    {
      name: 'the occupation',
      text: PRETTY_EXAMPLE.replace(/\n {4}"group": "[^"]*",/, ''),
      last: '"jobZoneInferred": false',
      indent: '\n    ',
      key: 'group',
      path: ['occupation', 'group'],
    },
    {
      name: 'the root object',
      text: PRETTY_EXAMPLE.replace(/,\n {2}"attribution": "[^"]*"/, ''),
      last: '"generator": "LER.me"\n  }',
      indent: '\n  ',
      key: 'attribution',
      path: ['attribution'],
    },
    {
      name: 'a level',
      text: PRETTY_EXAMPLE.replace(/\n {8}"label": "Emerging",/, ''),
      last: 'shift coordination under administrative supervision."\n        ]',
      indent: '\n        ',
      key: 'label',
      path: ['framework', 'levels', 'emerging', 'label'],
    },
  ];
  for (const c of cases) {
    for (const typed of ['""', '"', `"${c.key.slice(0, 2)}"`, `"${c.key.slice(0, 2)}`]) {
      test(`at the end of ${c.name}, after typing ${typed}`, () => {
        assert.ok(c.text.includes(c.last), `${c.name}: ${c.last} is in the text`);
        const valueEnd = after(c.text, c.last);
        const text = c.text.slice(0, valueEnd) + c.indent + typed + c.text.slice(valueEnd);
        const keyStart = valueEnd + c.indent.length;
        const cursor = keyStart + 1 + typed.replace(/"/g, '').length;
        const item = itemsAt(text, cursor).find((i) => i.label === c.key);
        assert.ok(item, `${c.key} is offered; offered: ${itemsAt(text, cursor).map((i) => i.label).join(', ')}`);
        assert.deepEqual(item.range, { start: keyStart, end: keyStart + typed.length }, 'the typed key is replaced');
        assert.deepEqual(item.additionalEdits, [{ start: valueEnd, end: valueEnd, newText: ',' }], 'the comma goes after the value before');
        const accepted = accept(text, item);
        assert.deepEqual(parseErrors(accepted), [], accepted.slice(valueEnd - 30, keyStart + 60));
        const value = c.path.reduce((v: any, k) => v?.[k], JSON.parse(accepted));
        assert.notEqual(value, undefined, `${c.path.join('.')} is set`);
      });
    }
  }

  test('over a key that a value follows, the key alone is replaced and the comma still comes', () => {
    const text = PRETTY_EXAMPLE.replace(/\n {4}"group": "[^"]*",/, '').replace('"jobZoneInferred": false', '"jobZoneInferred": false\n    "gr": "x"');
    const item = itemsAt(text, after(text, '"gr')).find((i) => i.label === 'group');
    assert.ok(item);
    assert.equal(item.insertText, '"group"');
    assert.equal(JSON.parse(accept(text, item)).occupation.group, 'x');
  });
});

describe('openers typical of a level', () => {
  /** How far along the lexicon's scale an opener's documentation places it, in percent. */
  const percent = (item: CompletionItem) => Number(/\((\d+)% of the way/.exec(String(item.documentation))?.[1]);
  /** The example with only the given levels, and an empty statement to complete in the first. */
  function withLevels(keys: string[]): { text: string; offset: number } {
    const doc = JSON.parse(PRETTY_EXAMPLE);
    const levels = doc.framework.levels;
    for (const key of Object.keys(levels)) if (!keys.includes(key)) delete levels[key];
    levels[keys[0]].statements.push('(here)');
    const marked = JSON.stringify(doc, null, 2);
    return { text: marked.replace('"(here)"', '""'), offset: marked.indexOf('"(here)"') + 1 };
  }

  test('in a document with one level, a known vocabulary places it', () => {
    // Emerging is the first of four (0%) and Developing the second (33%), not halfway (50%).
    for (const [key, low, high] of [['emerging', 0, 13], ['developing', 20, 46]] as const) {
      const { text, offset } = withLevels([key]);
      const openers = itemsAt(text, offset).filter((i) => i.kind === 'opener');
      assert.ok(openers.length > 0, `${key}: openers are offered`);
      for (const item of openers) {
        const at = percent(item);
        assert.ok(low <= at && at <= high, `${key}: ${item.label} is ${at}% of the way (${item.detail})`);
      }
    }
  });

  test('in a document with some of a vocabulary\'s levels, each keeps its place in it', () => {
    const { text, offset } = withLevels(['proficient', 'advanced']);
    const openers = itemsAt(text, offset).filter((i) => i.kind === 'opener');
    assert.ok(openers.length > 0);
    // Proficient is the third of four (67%), not the first of the document's two (0%).
    for (const item of openers) assert.ok(percent(item) >= 54 && percent(item) <= 80, `${item.label}: ${percent(item)}%`);
  });

  test('only verbs are offered as verbs, fresh or after "Topic — "', () => {
    const phrases = (anywhere: boolean) =>
      new Set(BUILTIN_ENTRIES.filter((e) => e.axis === 'verb' && !!e.anywhere === anywhere).map((e) => e.phrase.split(/\s+/).map((t) => t.split('|')[0].replace(/~$/, '')).join(' ')));
    const nonVerbs = phrases(true);
    const text = PRETTY_EXAMPLE.replace('"statements": [\n          "Circulation', '"statements": [\n          "Shelving — ", "Circulation');
    for (const offset of [after(text, '"Shelving — '), after(text, '"statements": [\n          "Shelving — "')]) {
      const verbs = itemsAt(text, offset).filter((i) => i.kind === 'opener' && /^verb /.test(i.detail ?? ''));
      assert.ok(verbs.length > 0, 'verbs are offered');
      for (const item of verbs) assert.ok(!nonVerbs.has(item.label), `${item.label} is not a verb`);
    }
  });
});

describe('a quote typed as a trigger character', () => {
  const trigger = (text: string, offset: number) => complete(analyse(text), offset, { triggerCharacter: '"' }).items;

  test('closing a statement, a key or a value asks for nothing', () => {
    const statementEnd = after(PRETTY_EXAMPLE, 'in a public or academic library setting."');
    assert.ok(itemsAt(PRETTY_EXAMPLE, statementEnd).length > 0, 'Ctrl+Space there still offers new statements');
    for (const offset of [statementEnd, after(PRETTY_EXAMPLE, '"description"'), after(PRETTY_EXAMPLE, '"description": ""'), after(PRETTY_EXAMPLE, '"soc": "25-4022.00"')]) {
      assert.deepEqual(trigger(PRETTY_EXAMPLE, offset).map((i) => i.label), [], `at ${JSON.stringify(PRETTY_EXAMPLE.slice(offset - 20, offset))}`);
    }
  });

  test('opening a string, auto-closed or not, still asks', () => {
    const auto = PRETTY_EXAMPLE.replace('"statements": [\n          "Circulation', '"statements": [\n          "", "Circulation');
    assert.ok(trigger(auto, after(auto, '"statements": [\n          "')).length > 0, 'between the quotes of ""');
    const open = PRETTY_EXAMPLE.replace('    "group": "Educational Instruction & Library",\n', '').replace('"jobZoneInferred": false', '"jobZoneInferred": false,\n    "');
    assert.ok(trigger(open, after(open, 'false,\n    "')).some((i) => i.label === 'group'), 'after a lone opening quote');
  });
});

describe('at the start of a written statement, completion inserts at the cursor', () => {
  test('no item replaces the statement, and accepting any keeps it; in front of it, a phrase would precede its topic', () => {
    const statement = after(PRETTY_EXAMPLE, '"Circulation procedures — ') - 'Circulation procedures — '.length;
    const end = PRETTY_EXAMPLE.indexOf('"', statement);
    const literal = PRETTY_EXAMPLE.slice(statement - 1, end + 1);
    assert.ok(itemsAt(PRETTY_EXAMPLE, after(PRETTY_EXAMPLE, '"Circ')).length > 0, 'phrases are offered further in');
    for (const offset of [statement, after(PRETTY_EXAMPLE, '"Circ')]) {
      const items = itemsAt(PRETTY_EXAMPLE, offset);
      for (const item of items) {
        assert.deepEqual(item.range, { start: offset, end: offset }, `${item.kind} ${item.label} inserts at the cursor`);
        const accepted = accept(PRETTY_EXAMPLE, item);
        assert.ok(accepted.includes(literal.slice(offset - statement + 1)), `${item.label} keeps the statement`);
      }
    }
    assert.deepEqual(itemsAt(PRETTY_EXAMPLE, statement).map((i) => i.label), []);
  });

  test('before a statement without a topic, a missing thread\'s topic goes in front of it', () => {
    // Developing loses its "Information literacy" statement and gains one without a topic.
    const doc = JSON.parse(PRETTY_EXAMPLE);
    const dev: string[] = doc.framework.levels.developing.statements;
    dev.splice(dev.findIndex((s) => s.startsWith('Information literacy')), 1);
    dev.push('teach patrons to judge the sources they find.');
    const text = JSON.stringify(doc, null, 2);
    const offset = after(text, '"teach patrons');
    const start = offset - 'teach patrons'.length;
    const items = itemsAt(text, start);
    const topic = items.find((i) => i.kind === 'topic' && i.label.startsWith('Information literacy'));
    assert.ok(topic, `topics: ${items.filter((i) => i.kind === 'topic').map((i) => i.label).join('; ')}`);
    assert.deepEqual(topic.range, { start, end: start });
    const written = JSON.parse(accept(text, topic)).framework.levels.developing.statements.at(-1);
    assert.equal(written, `${topic.label}teach patrons to judge the sources they find.`);
    // Further in, or before a statement that has a topic, no topic is offered.
    assert.ok(!itemsAt(text, offset).some((i) => i.kind === 'topic'));
    assert.ok(!itemsAt(text, after(text, '"Circulation and') - 'Circulation and'.length).some((i) => i.kind === 'topic'));
  });

  test('a literal of spaces alone is still a fresh statement, replaced whole', () => {
    const text = PRETTY_EXAMPLE.replace('"Circulation procedures — ', '"  ", "Circulation procedures — ');
    const at = after(text, '"  ') - 1;
    const items = itemsAt(text, at);
    assert.ok(items.some((i) => i.kind === 'topic' || i.kind === 'opener'));
    for (const item of items) assert.deepEqual(item.range, { start: at - 2, end: at + 2 }, item.label);
  });
});

describe('occupation properties are written from the document\'s own SOC code', () => {
  /** The example turned into a nurses' framework, with only `soc` (when given) and `sector` in its occupation. */
  function nurses(soc: string | undefined): string {
    const doc = JSON.parse(PRETTY_EXAMPLE);
    doc.occupation = { ...(soc === undefined ? {} : { soc }), sector: '62' };
    doc.framework.contextCovered = 'This framework covers Registered Nurses (SOC 29-1141.00).';
    return JSON.stringify(doc, null, 2).replace('"sector": "62"', '"sector": "62",\n    ');
  }
  const cursorIn = (text: string) => after(text, '"sector": "62",\n    ');
  const occupationFindings = (text: string) =>
    analyse(text).findings.filter((f) => ['occupation-title', 'occupation-group', 'job-zone'].includes(f.ruleId)).map((f) => f.message);

  test('with a known code, title, group and jobZone are O*NET\'s for it, and the linter agrees', () => {
    const text = nurses('29-1141.00');
    const items = itemsAt(text, cursorIn(text));
    const written: Record<string, unknown> = {};
    for (const name of ['title', 'group', 'jobZone']) {
      const item = items.find((i) => i.label === name);
      assert.ok(item, `${name} is offered`);
      const accepted = accept(text, item);
      written[name] = JSON.parse(accepted).occupation[name];
      assert.deepEqual(occupationFindings(accepted), [], `${name}: nothing to say about what it wrote`);
    }
    assert.deepEqual(written, { title: 'Registered Nurses', group: 'Healthcare Practitioners & Technical', jobZone: 4 });
  });

  test('without a code, none of the example occupation\'s values is written', () => {
    const text = nurses(undefined);
    const items = itemsAt(text, cursorIn(text));
    for (const name of ['soc', 'title', 'group', 'jobZone']) {
      const item = items.find((i) => i.label === name);
      assert.ok(item, `${name} is offered`);
      assert.doesNotMatch(item.insertText, /Librar|25-4022|Educational Instruction/, `${name}: ${item.insertText}`);
      assert.doesNotMatch(item.insertText, /\$\{1:5\}/, `${name}: the librarian's zone is not the placeholder`);
    }
    assert.equal(JSON.parse(accept(text, items.find((i) => i.label === 'title')!)).occupation.title, '');
    assert.match(items.find((i) => i.label === 'jobZone')!.insertText, /\$\{1\|1,2,3,4,5\|\}/, 'the job zone is a choice of all five');
  });

  test('a code O*NET knows without a job zone offers jobZoneInferred as true first', () => {
    const text = nurses('15-1299.00');
    const item = itemsAt(text, cursorIn(text)).find((i) => i.label === 'jobZoneInferred');
    assert.ok(item);
    assert.equal(JSON.parse(accept(text, item)).occupation.jobZoneInferred, true);
  });

  test('on a title or group value, only the code\'s own is offered, and nothing without a code', () => {
    for (const [soc, title, group] of [
      ['29-1141.00', ['"Registered Nurses"'], ['"Healthcare Practitioners & Technical"']],
      [undefined, [], []],
    ] as const) {
      const text = nurses(soc).replace('"sector": "62",\n    ', '"sector": "62",\n    "title": "",\n    "group": ""');
      assert.deepEqual(itemsAt(text, after(text, '"title": "')).map((i) => i.label), title, `title with soc ${soc}`);
      assert.deepEqual(itemsAt(text, after(text, '"group": "')).map((i) => i.label), group, `group with soc ${soc}`);
    }
  });
});

describe('an empty document', () => {
  test('is offered a whole framework to fill, with no other occupation\'s data', () => {
    for (const [text, offset] of [['', 0], ['\n\n', 1], ['  \r\n', 2]] as const) {
      const items = itemsAt(text, offset);
      assert.deepEqual(items.map((i) => i.label), ['Competency framework'], JSON.stringify(text));
      const filled = accept(text, items[0]);
      assert.deepEqual(parseErrors(filled), [], filled);
      const doc = JSON.parse(filled);
      assert.deepEqual(Object.keys(doc.framework.levels), ['emerging', 'developing', 'proficient', 'advanced']);
      assert.doesNotMatch(filled, /Librar|25-4022|Educational/);
      assert.equal(filled.includes('\r\n'), text.includes('\r\n'), 'the document\'s line ends');
      // Completing the code then fills the rest of the occupation, as the item's documentation says.
      const typed = filled.replace('"soc": ""', '"soc": "29-1141"');
      const code = itemsAt(typed, after(typed, '"soc": "29-1141')).find((i) => i.label.startsWith('29-1141.00 '));
      assert.ok(code);
      const occupation = JSON.parse(accept(typed, code)).occupation;
      assert.deepEqual([occupation.title, occupation.group, occupation.jobZone], ['Registered Nurses', 'Healthcare Practitioners & Technical', 4]);
    }
  });
});

describe('choosing an occupation brings the metadata O*NET has for it', () => {
  /** The example with the first characters of `code` typed as its soc, and the item for `code`. */
  function typed(code: string, inferred = false): { text: string; item: CompletionItem } {
    const prefix = code.slice(0, 6);
    let text = PRETTY_EXAMPLE.replace('"soc": "25-4022.00"', `"soc": "${prefix}"`);
    if (inferred) text = text.replace('"jobZoneInferred": false', '"jobZoneInferred": true');
    const item = itemsAt(text, after(text, `"soc": "${prefix}`)).find((i) => i.label.startsWith(`${code} `));
    assert.ok(item, code);
    return { text, item };
  }

  test('a code with no O*NET job zone marks the zone that stays as inferred, and says so', () => {
    for (const code of ['15-1299.00', '55-3016.00']) {
      const { text, item } = typed(code);
      assert.match(String(item.documentation), /gives this occupation no job zone: `jobZoneInferred` is set to true/);
      const occupation = JSON.parse(accept(text, item)).occupation;
      assert.deepEqual([occupation.soc, occupation.jobZone, occupation.jobZoneInferred], [code, 5, true]);
      // The linter agrees: nothing to say about the zone any more.
      const findings = analyse(accept(text, item)).findings.filter((f) => f.ruleId.startsWith('job-zone'));
      assert.deepEqual(findings, [], code);
    }
  });

  test('a code with a zone sets it, and clears an inferred mark', () => {
    const { text, item } = typed('11-1011.00', true);
    const occupation = JSON.parse(accept(text, item)).occupation;
    assert.deepEqual([occupation.jobZone, occupation.jobZoneInferred], [5, false]);
  });
});
