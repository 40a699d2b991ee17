/**
 * O*NET's tasks offered as new statements: those of the document's occupation, core first, not
 * those a statement already covers, as the body of a statement with a topic to fill in; nowhere but
 * in a new statement. And the shipped task file, read as the language server reads it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyse } from '../../server/src/core/service';
import { complete } from '../../server/src/core/features/completion';
import type { OnetTask, TaskLookup } from '../../server/src/core/features/tasks';
import { onetTasks } from '../../server/src/node/onetTasks';
import { exampleWith } from '../helpers';
import { EMPTY_CONFIG } from '../../server/src/core/config/types';

const TASKS: OnetTask[] = [
  { id: 1, text: 'Maintain inventory of audio-visual equipment.', core: false },
  { id: 2, text: 'Arrange for interlibrary loans of materials not available in a particular library.', core: true },
  // The example's Circulation procedures statement covers this one.
  { id: 3, text: 'Execute check-in and check-out transactions accurately.', core: true },
  { id: 4, text: 'HTML pages: keep them current.', core: true },
];
const lookup: TaskLookup = (soc) => (soc === '25-4022.00' ? TASKS : []);

/** The example with an empty statement added at Emerging, and the offset inside it. */
function newStatement(change?: (d: any) => void): { text: string; offset: number } {
  const text = exampleWith((d) => {
    d.framework.levels.emerging.statements.push('');
    change?.(d);
  });
  return { text, offset: text.lastIndexOf('""') + 1 };
}

const tasksAt = (text: string, offset: number) => complete(analyse(text), offset, { tasks: lookup }).items.filter((i) => i.kind === 'task');

test('in a new statement: the occupation\'s uncovered tasks, core first, as a statement body with a topic to fill in', () => {
  const { text, offset } = newStatement();
  const items = tasksAt(text, offset);
  assert.deepEqual(items.map((i) => i.detail), ['O*NET task 2, core', 'O*NET task 4, core', 'O*NET task 1']);
  const loans = items[0];
  assert.equal(loans.label, 'Arrange for interlibrary loans of materials not available in a particular library');
  assert.equal(loans.insertText, '"${1:Topic} — arrange for interlibrary loans of materials not available in a particular library.$0"');
  assert.match(loans.documentation!, /O\\\*NET 29\.3 Database .* CC BY 4\.0/);
  // An acronym keeps its capitals.
  assert.match(items[1].insertText, /— HTML pages: keep them current\./);
});

test('not inside a written statement, nor for another occupation or a document without a code', () => {
  const { text } = newStatement();
  const written = text.indexOf('Circulation procedures') + 5;
  assert.deepEqual(tasksAt(text, written), []);
  const other = newStatement((d) => (d.occupation.soc = '15-1252.00'));
  assert.deepEqual(tasksAt(other.text, other.offset), []);
  const none = newStatement((d) => delete d.occupation.soc);
  assert.deepEqual(tasksAt(none.text, none.offset), []);
});

test('the shipped O*NET task file is read: the librarian\'s 30 tasks, core ones marked', () => {
  const tasks = onetTasks('25-4022.00');
  assert.equal(tasks.length, 30);
  const checkOut = tasks.find((t) => t.id === 22407);
  assert.deepEqual(checkOut, { id: 22407, text: 'Check books in and out of the library.', core: true });
  assert.ok(tasks.some((t) => !t.core), 'supplemental tasks are told apart');
  assert.deepEqual(onetTasks('99-9999.99'), []);
});

test('tasks whose wording reads nearer the level come first: supervised work for an entry level, direction for the top', () => {
  const scoped: TaskLookup = () => [
    { id: 10, text: 'Direct library-wide policy and lead strategic planning across the organization.', core: true },
    { id: 11, text: 'Shelve returned books under close supervision.', core: true },
  ];
  const at = (level: string) => {
    const text = exampleWith((d) => d.framework.levels[level].statements.push(''));
    const offset = text.lastIndexOf('""') + 1;
    return complete(analyse(text), offset, { tasks: scoped }).items.filter((i) => i.kind === 'task').map((i) => i.detail);
  };
  assert.deepEqual(at('emerging'), ['O*NET task 11, core', 'O*NET task 10, core']);
  assert.deepEqual(at('advanced'), ['O*NET task 10, core', 'O*NET task 11, core']);
});

test('not above maxFileSize, where finding what the statements cover would read every statement at each completion', () => {
  const { text, offset } = newStatement();
  const config = { ...EMPTY_CONFIG, maxFileSize: 1000 };
  const result = analyse(text, { config });
  assert.ok(result.limited, 'the document is above the limit');
  assert.deepEqual(complete(result, offset, { config, tasks: lookup }).items.filter((i) => i.kind === 'task'), []);
  // Under the limit the same document is offered them.
  assert.ok(tasksAt(text, offset).length > 0);
});

test('not in a framework written in another language than English, which O*NET\'s English tasks would not suit', () => {
  const french = (d: any) => {
    for (const level of Object.values(d.framework.levels) as { statements: string[] }[]) {
      level.statements = level.statements.map((s, i) => s === '' ? s : `Gestion des prêts ${i} — enregistrer les prêts et les retours des documents sous la supervision des bibliothécaires.`);
    }
  };
  const { text, offset } = newStatement(french);
  assert.deepEqual(tasksAt(text, offset), []);
  // An English statement among them changes nothing.
  const mixed = newStatement((d) => {
    french(d);
    d.framework.levels.advanced.statements[0] = 'Budget tracking — approve the branch budget independently.';
  });
  assert.deepEqual(tasksAt(mixed.text, mixed.offset), []);
});

test('in a statement being typed: over what was typed while it has no topic, as the body after a typed "Topic — "', () => {
  const at = (statement: string, typed = statement) => {
    const text = exampleWith((d) => d.framework.levels.emerging.statements.push(statement));
    const offset = text.lastIndexOf(`"${statement}"`) + 1 + typed.length;
    return { text, offset, items: tasksAt(text, offset) };
  };
  const loans = (items: ReturnType<typeof tasksAt>) => items.find((i) => i.detail === 'O*NET task 2, core');
  const applied = (text: string, item: ReturnType<typeof tasksAt>[number]) =>
    text.slice(0, item.range.start) + item.insertText.replace(/\$\{1:Topic\}/, 'Topic').replace(/\$0/, '') + text.slice(item.range.end);
  const LOANS = 'arrange for interlibrary loans of materials not available in a particular library.';

  // What an explicit request, or a client that asks again at each keystroke, sends after "Arr":
  // the same items as in the empty statement, for the client to filter by what was typed.
  const arr = at('Arr');
  const whole = loans(arr.items)!;
  assert.ok(whole, `offered after "Arr": ${arr.items.map((i) => i.label).join('; ')}`);
  assert.deepEqual(whole.range, { start: arr.offset - 4, end: arr.offset + 1 });
  assert.equal(whole.filterText, '"Arrange for interlibrary loans of materials not available in a particular library');
  assert.match(applied(arr.text, whole), new RegExp(`"Topic — ${LOANS}"`));

  // After a topic: the task as the body, at the cursor, then over what was typed of the body.
  // Half the task typed is still the task being typed, not a statement that covers it.
  for (const typed of ['Loans — ', 'Loans — arr', 'Loans — arrange for interlibrary loans of materials']) {
    const t = at(typed);
    const body = loans(t.items)!;
    assert.ok(body, `offered after "${typed}"`);
    assert.deepEqual(body.range, { start: t.offset - (typed.length - 'Loans — '.length), end: t.offset });
    assert.equal(body.filterText, 'arrange for interlibrary loans of materials not available in a particular library');
    assert.match(applied(t.text, body), new RegExp(`"Loans — ${LOANS}"`));
  }

  // Text after the cursor, which replacing the statement would delete: none.
  assert.deepEqual(at('Arr and more', 'Arr').items, []);
  assert.deepEqual(at('Loans — arr and more', 'Loans — arr').items, []);
});
