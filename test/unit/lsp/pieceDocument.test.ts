/**
 * The server's document (lsp/pieceDocument.ts) must be indistinguishable from the standard
 * TextDocument: after every change of random chains (typing on one line, line breaks added and
 * removed, "\r\n" split and joined, reversed and out-of-range positions, whole-text replacements),
 * the text, the line count and every position and offset mapping are compared with it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { PieceDocument } from '../../../server/src/lsp/pieceDocument';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const TEXTS = ['a\rx\ny\rz', '{\n  "a": "b c",\r\n  "d": ["e", "f"]\r}\n', '', 'one line only', '\r\n\r\n\n\r', '{"x": "— é ✓"}\n\n'];
const INSERTS = ['x', ' ', '—', 'ab', '', '\n', '\r', '\r\n', 'a\nb', '"', '\n\n'];

test('after every change of random chains, text, lines and positions equal the standard document', () => {
  const random = rng(1128);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
  for (const initial of TEXTS) {
    const ours = PieceDocument.create('file:///a.json', 'json', 1, initial);
    let theirs = TextDocument.create('file:///a.json', 'json', 1, initial);
    for (let i = 0; i < 400; i++) {
      const lines = theirs.lineCount;
      const position = () => ({ line: Math.floor(random() * (lines + 1)) - (random() < 0.02 ? 1 : 0), character: Math.floor(random() * 12) });
      const start = position();
      // Mostly edits on one line near each other, as typing makes them.
      const end = random() < 0.7 ? { line: start.line, character: start.character + Math.floor(random() * 3) } : position();
      const change: TextDocumentContentChangeEvent = random() < 0.01 ? { text: pick(TEXTS) } : { range: { start, end }, text: pick(INSERTS) };
      const version = i + 2;
      ours.apply(change, version);
      theirs = TextDocument.update(theirs, [change], version);
      const at = `change ${i} ${JSON.stringify(change)}`;
      assert.equal(ours.getText(), theirs.getText(), at);
      assert.equal(ours.lineCount, theirs.lineCount, at);
      assert.equal(ours.version, theirs.version);
      const length = theirs.getText().length;
      for (let k = 0; k < 6; k++) {
        const offset = Math.floor(random() * (length + 3)) - 1;
        assert.deepEqual(ours.positionAt(offset), theirs.positionAt(offset), `${at} positionAt(${offset})`);
        const p = position();
        assert.equal(ours.offsetAt(p), theirs.offsetAt(p), `${at} offsetAt(${JSON.stringify(p)})`);
        const line = Math.floor(random() * (lines + 2)) - 1;
        assert.deepEqual(ours.getLineRange(line), theirs.getLineRange(line), `${at} getLineRange(${line})`);
        assert.equal(ours.getEOLCharacters(line), theirs.getEOLCharacters(line), `${at} getEOLCharacters(${line})`);
        const a = Math.floor(random() * (length + 1));
        const b = a + Math.floor(random() * 5);
        assert.equal(ours.slice(a, b), theirs.getText().slice(a, b));
      }
    }
  }
});

test('deleting the only character between a lone "\\r" and a "\\n" joins them into one line break', () => {
  const ours = PieceDocument.create('file:///b.json', 'json', 1, 'a\rx\ny');
  const change = { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 1 } }, text: '' };
  ours.apply(change, 2);
  const theirs = TextDocument.update(TextDocument.create('file:///b.json', 'json', 1, 'a\rx\ny'), [change], 2);
  assert.equal(ours.getText(), 'a\r\ny');
  assert.equal(ours.lineCount, 2);
  assert.equal(theirs.lineCount, 2);
  assert.deepEqual(ours.positionAt(3), theirs.positionAt(3));
});
