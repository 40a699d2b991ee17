import { test } from 'node:test';
import assert from 'node:assert/strict';
import { listMarker } from '../../server/src/core/model/listMarker';

test('bullets and list numbers copied from a document are list markers', () => {
  const cases: [string, string, number][] = [
    ['\u2022 Circulation procedures', '\u2022', 2],
    ['\u2022Circulation procedures', '\u2022', 1],
    ['\u25aa\tCirculation', '\u25aa', 2],
    ['- Circulation', '-', 2],
    ['* Circulation', '*', 2],
    ['+ Circulation', '+', 2],
    ['1. Circulation', '1.', 3],
    ['1) Circulation', '1)', 3],
    ['12.  Circulation', '12.', 5],
    ['1.2. Circulation', '1.2.', 5],
    ['1a) Circulation', '1a)', 4],
    ['(1) Circulation', '(1)', 4],
    ['(a) Circulation', '(a)', 4],
    ['(iv) Circulation', '(iv)', 5],
    ['a) Circulation', 'a)', 3],
    ['iv) Circulation', 'iv)', 4],
    ['E1) Circulation', 'E1)', 4],
    ['D3) Circulation', 'D3)', 4],
    ['  2. Circulation', '2.', 5],
  ];
  for (const [text, marker, contentStart] of cases) {
    const m = listMarker(text);
    assert.equal(m?.marker, marker, text);
    assert.equal(m?.contentStart, contentStart, text);
    assert.equal(text.slice(m!.start, m!.end), marker, text);
  }
});

test('a statement that starts with a number, a letter or a dash of its own has no list marker', () => {
  const quiet = [
    '3D printing \u2014 operate the printers.',
    '24-hour service \u2014 staff the desk.',
    '2.5 days of training \u2014 attend them.',
    '1.2 Budget tracking \u2014 an outline number without its period is too close to a version ("2.0 APIs").',
    '2019 budget \u2014 track it.',
    '2019. The year \u2014 four digits are a year.',
    'C. diff precautions \u2014 follow isolation procedures.',
    'E. coli testing \u2014 take samples.',
    '(AI) tools \u2014 use them.',
    'ABC) three letters are a word.',
    '-Topic \u2014 a hyphen touching the word.',
    '1.Topic \u2014 a number touching the word.',
    '\u2014 a dash with no topic.',
    '\u2013 an en dash with no topic.',
    '1) ',
    '\u2022',
    'Circulation procedures \u2014 execute check-in.',
    '',
  ];
  for (const text of quiet) assert.equal(listMarker(text), undefined, text);
});
