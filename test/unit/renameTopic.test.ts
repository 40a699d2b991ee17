/**
 * Renaming a topic changes it in every statement that carries it, at every level, and nothing else
 * of the statements; a name that would not read as a topic is refused with a reason.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyse } from '../../server/src/core/service';
import { renameTopic, topicAt } from '../../server/src/core/features/renameTopic';
import { literalOffset } from '../../server/src/core/parse/literalOffset';
import { applyEdits } from '../../server/src/core/fixes/apply';
import { scopeDoc } from './rules/fixtures/scope';

function statementsOf(text: string): string[] {
  return analyse(text).model.statements.map((s) => s.text);
}

test('renaming a topic renames it at every level and leaves every body as it was', () => {
  const text = scopeDoc();
  const before = statementsOf(text);
  const result = analyse(text);
  const at = text.indexOf('Circulation — manage daily') + 3;
  const rename = renameTopic(result, at, 'Lending services');
  assert.ok(rename && !('refused' in rename));
  assert.equal(rename.from, 'Circulation');
  assert.equal(rename.edits.length, 4);
  const after = statementsOf(applyEdits(text, rename.edits));
  assert.deepEqual(
    after.filter((s) => s.startsWith('Lending services — ')),
    before.filter((s) => s.startsWith('Circulation — ')).map((s) => s.replace('Circulation', 'Lending services')),
  );
  // Statements of other topics are untouched.
  assert.deepEqual(
    after.filter((s) => !s.startsWith('Lending services')),
    before.filter((s) => !s.startsWith('Circulation — ')),
  );
});

test('a topic written in another case or with other spacing is the same topic; a longer topic is not', () => {
  const text = scopeDoc((l) => {
    l.emerging.push('circulation  — shelve returned items in call-number order.');
    l.developing.push('Circulation desk — staff the desk during evening hours.');
  });
  const result = analyse(text);
  const rename = renameTopic(result, text.indexOf('Circulation — manage daily') + 1, 'Lending');
  assert.ok(rename && !('refused' in rename));
  const after = statementsOf(applyEdits(text, rename.edits));
  assert.ok(after.includes('Lending  — shelve returned items in call-number order.'), 'the separator and its spacing are kept as written');
  assert.ok(after.includes('Circulation desk — staff the desk during evening hours.'));
  assert.equal(after.filter((s) => s.startsWith('Lending')).length, 5);
});

test('a statement with escapes is renamed in place: its other escapes stay as written', () => {
  // "Circ\u0075lation" is "Circulation" with an escape inside the topic itself.
  const text = scopeDoc().replace('"Circulation — manage daily circulation', '"Circ\\u0075lation \\u2014 manage \\"daily\\" circulation');
  const result = analyse(text);
  const escaped = result.model.statements.find((s) => !s.verbatim)!;
  assert.ok(escaped, 'the fixture has a statement with escapes');
  const rename = renameTopic(result, escaped.range.start + 2, 'Lending');
  assert.ok(rename && !('refused' in rename));
  const renamed = applyEdits(text, rename.edits);
  assert.ok(renamed.includes('"Lending \\u2014 manage \\"daily\\" circulation'));
  assert.equal(statementsOf(renamed).filter((s) => s.startsWith('Lending — ')).length, 4);
});

test('a list marker stays in front of the renamed topic', () => {
  const text = scopeDoc((l) => {
    l.advanced = l.advanced.map((s, i) => `${i + 1}. ${s}`);
  });
  const result = analyse(text);
  const rename = renameTopic(result, text.indexOf('Circulation — process') + 2, 'Lending');
  assert.ok(rename && !('refused' in rename));
  assert.ok(statementsOf(applyEdits(text, rename.edits)).some((s) => /^\d\. Lending — establish/.test(s)));
});

test('prepare: the topic under the cursor and its range; elsewhere in a statement, a reason', () => {
  const text = scopeDoc();
  const result = analyse(text);
  const start = text.indexOf('Circulation — manage daily');
  const target = topicAt(result, start + 4);
  assert.ok(target && !('refused' in target));
  assert.equal(text.slice(target.range.start, target.range.end), 'Circulation');
  const onBody = topicAt(result, text.indexOf('manage daily') + 2);
  assert.ok(onBody && 'refused' in onBody);
  assert.match(onBody.refused, /put the cursor on "Circulation"/);
  assert.equal(topicAt(result, text.indexOf('"occupation"') + 2), undefined, 'not on a statement: nothing to say');
});

test('a statement without a topic has nothing to rename, and says so', () => {
  const text = scopeDoc((l) => {
    l.emerging.push('Shelve returned items in call-number order.');
  });
  const result = analyse(text);
  const target = topicAt(result, text.indexOf('Shelve returned') + 2);
  assert.ok(target && 'refused' in target);
  assert.match(target.refused, /no topic/);
});

test('a new name that would not read as a topic is refused, and nothing is renamed', () => {
  const text = scopeDoc();
  const result = analyse(text);
  const at = text.indexOf('Circulation — manage daily') + 3;
  for (const [name, reason] of [
    ['', /empty/],
    ['   ', /empty/],
    ['Lending\nservices', /one line/],
    ['Lending — services', /would not be read as a topic/],
    ['one two three four five six seven eight nine', /would not be read as a topic/],
  ] as const) {
    const rename = renameTopic(result, at, name);
    assert.ok(rename && 'refused' in rename, `refused: ${JSON.stringify(name)}`);
    assert.match(rename.refused, reason);
  }
});

test('a name with quotes or a backslash is written as JSON escapes', () => {
  const text = scopeDoc();
  const result = analyse(text);
  const rename = renameTopic(result, text.indexOf('Circulation — manage daily') + 3, 'The "lending" \\ desk');
  assert.ok(rename && !('refused' in rename));
  const renamed = applyEdits(text, rename.edits);
  assert.doesNotThrow(() => JSON.parse(renamed));
  assert.equal(statementsOf(renamed).filter((s) => s.startsWith('The "lending" \\ desk — ')).length, 4);
});

test('literalOffset walks escapes: each decodes to one unit of the value', () => {
  const text = '["a\\u2014b\\"c\\\\d"]';
  const start = text.indexOf('"');
  const value = JSON.parse(text)[0] as string;
  for (let v = 0; v <= value.length; v++) {
    const at = literalOffset(text, start, v);
    // The document text from here to the closing quote decodes to the rest of the value.
    assert.equal(JSON.parse('"' + text.slice(at, text.lastIndexOf('"')) + '"'), value.slice(v), `offset ${v}`);
  }
  assert.equal(literalOffset(text, start, 99), text.lastIndexOf('"'), 'past the end: the closing quote');
});

test('any name: refused, or every statement with the topic gets exactly that topic and nothing else changes', () => {
  // The fixture as written and as an ASCII-only export (every non-ASCII character escaped), so that
  // both verbatim literals and literals with escapes are renamed.
  const plain = scopeDoc((l) => {
    l.developing.push('• circulation — shelve returned items in call-number order.');
  });
  const escaped = plain.replace(/[\u0080-\uffff]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
  const names = ['Lending', 'Prêt et retour', 'Circulation', 'circulation', 'A "quoted" \\ name', '🙂 emoji topic', 'x', 'Check-in and check-out',
    'Lending – services', 'Lending--services', 'Lending—services', ' padded ', 'Tab\there', 'a b c d e f g h', 'a b c d e f g h i', 'L'.repeat(90), 'L'.repeat(91)];
  for (const text of [plain, escaped]) {
    const result = analyse(text);
    const before = result.model.statements;
    const topicOf = (s: { topic?: string }) => s.topic?.toLowerCase();
    for (const name of names) {
      const rename = renameTopic(result, text.indexOf('Circulation') + 2, name);
      assert.ok(rename, name);
      if ('refused' in rename) continue;
      const renamed = applyEdits(text, rename.edits);
      const after = analyse(renamed).model.statements;
      assert.equal(after.length, before.length, name);
      for (let i = 0; i < before.length; i++) {
        if (topicOf(before[i]) === 'circulation') {
          assert.equal(after[i].topic, name.trim(), `${JSON.stringify(name)}: ${after[i].text}`);
          assert.equal(after[i].body, before[i].body);
          assert.equal(after[i].separator, before[i].separator);
        } else assert.equal(after[i].text, before[i].text, name);
      }
    }
  }
});
