/**
 * An open document whose text is kept as a few pieces, so that a keystroke does not copy it.
 *
 * The standard TextDocument joins the text around each change into a new string and then reads a
 * character of it, which makes V8 copy the whole text at every keystroke: 160 ms for a 20 MB
 * document on the benchmark machine, more than our whole incremental analysis (core/incremental.ts)
 * takes. Here a change on one line splits the piece it falls in and moves the line offsets after
 * it; `getText` joins the pieces lazily (V8 keeps a join as a rope until something reads it), and
 * the pieces are joined for good every MAX_PIECES changes. A change that adds or removes a line
 * break rebuilds the text and its line offsets, as the standard document does.
 *
 * Positions follow the standard document's rules exactly (test/unit/lsp/pieceDocument.test.ts
 * compares the two over random edits).
 */
import type { Position, Range, TextDocument, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { lineStarts, shiftLineStarts } from '../core/parse/lines';

/** Changes between two joins: each adds two pieces, and reading a character walks the pieces. */
const MAX_PIECES = 128;

export class PieceDocument implements TextDocument {
  private pieces: string[];
  /** The pieces joined, once asked for. */
  private joined: string | undefined;
  /**
   * Where each line starts, computed on first use as the standard document does: opening a document
   * needs none (the analysis has its own line index), the first change or position does.
   */
  private offsets: number[] | undefined;
  private length: number;

  constructor(
    readonly uri: string,
    readonly languageId: string,
    public version: number,
    content: string,
  ) {
    this.pieces = [content];
    this.joined = content;
    this.length = content.length;
  }

  static create(uri: string, languageId: string, version: number, content: string): PieceDocument {
    return new PieceDocument(uri, languageId, version, content);
  }

  get lineCount(): number {
    return this.lineOffsets.length;
  }

  private get lineOffsets(): number[] {
    // Unset only while the text is one piece (after creation or a rebuild), so this reads no rope.
    return (this.offsets ??= lineStarts(this.getText()));
  }

  getText(range?: Range): string {
    if (this.joined === undefined) {
      let text = '';
      for (const p of this.pieces) text += p;
      this.joined = text;
    }
    if (!range) return this.joined;
    return this.joined.substring(this.offsetAt(range.start), this.offsetAt(range.end));
  }

  /** The text of [start, end), read from the pieces, which never joins them. */
  slice(start: number, end: number): string {
    let out = '';
    let at = 0;
    for (const p of this.pieces) {
      const pEnd = at + p.length;
      if (pEnd > start && at < end) out += p.substring(Math.max(0, start - at), Math.min(p.length, end - at));
      at = pEnd;
    }
    return out;
  }

  /** Applies one change and sets the version. */
  apply(change: TextDocumentContentChangeEvent, version: number): void {
    this.version = version;
    if (!('range' in change)) {
      this.reset(change.text);
      return;
    }
    const [from, to] = ordered(change.range);
    const start = this.offsetAt(from);
    const end = this.offsetAt(to);
    if (from.line !== to.line || hasLineBreak(change.text) || this.charCodeAt(start - 1) === 13) {
      // Lines are added, removed or joined (a "\r" just before may pair with a "\n"): rebuilt whole.
      const text = this.getText();
      this.reset(text.substring(0, start) + change.text + text.substring(end));
      return;
    }
    this.splice(start, end, change.text);
    const delta = change.text.length - (end - start);
    shiftLineStarts(this.lineOffsets, start, delta);
    this.length += delta;
    if (this.pieces.length > MAX_PIECES) this.reset(this.getText());
  }

  positionAt(offset: number): Position {
    offset = Math.max(Math.min(offset, this.length), 0);
    const offsets = this.lineOffsets;
    let low = 0;
    let high = offsets.length;
    if (high === 0) return { line: 0, character: offset };
    while (low < high) {
      const mid = Math.floor((low + high) / 2);
      if (offsets[mid] > offset) high = mid;
      else low = mid + 1;
    }
    const line = low - 1;
    offset = this.beforeLineBreak(offset, offsets[line]);
    return { line, character: offset - offsets[line] };
  }

  offsetAt(position: Position): number {
    const offsets = this.lineOffsets;
    if (position.line >= offsets.length) return this.length;
    if (position.line < 0) return 0;
    const lineOffset = offsets[position.line];
    if (position.character <= 0) return lineOffset;
    const nextLineOffset = position.line + 1 < offsets.length ? offsets[position.line + 1] : this.length;
    const offset = Math.min(lineOffset + position.character, nextLineOffset);
    return this.beforeLineBreak(offset, lineOffset);
  }

  getLineRange(line: number): Range {
    const offsets = this.lineOffsets;
    if (line >= offsets.length) {
      const last = offsets.length - 1;
      return { start: { line: last, character: 0 }, end: { line: last, character: this.length - offsets[last] } };
    }
    if (line < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const start = offsets[line];
    const next = line + 1 < offsets.length ? offsets[line + 1] : this.length;
    return { start: { line, character: 0 }, end: { line, character: this.beforeLineBreak(next, start) - start } };
  }

  getEOLCharacters(line: number): string {
    const offsets = this.lineOffsets;
    if (line >= offsets.length || line < 0) return '';
    const next = line + 1 < offsets.length ? offsets[line + 1] : this.length;
    return this.slice(this.beforeLineBreak(next, offsets[line]), next);
  }

  private beforeLineBreak(offset: number, lineOffset: number): number {
    while (offset > lineOffset && isLineBreak(this.charCodeAt(offset - 1))) offset--;
    return offset;
  }

  /** A character read from its piece, which never joins the pieces. */
  private charCodeAt(offset: number): number {
    if (offset < 0) return NaN;
    for (const p of this.pieces) {
      if (offset < p.length) return p.charCodeAt(offset);
      offset -= p.length;
    }
    return NaN;
  }

  private splice(start: number, end: number, text: string): void {
    const out: string[] = [];
    let at = 0;
    let inserted = false;
    for (const p of this.pieces) {
      const pEnd = at + p.length;
      if (pEnd <= start || at >= end) {
        if (at >= end && !inserted) {
          if (text) out.push(text);
          inserted = true;
        }
        out.push(p);
      } else {
        if (at < start) out.push(p.substring(0, start - at));
        if (!inserted) {
          if (text) out.push(text);
          inserted = true;
        }
        if (pEnd > end) out.push(p.substring(end - at));
      }
      at = pEnd;
    }
    if (!inserted && text) out.push(text);
    this.pieces = out.filter((p) => p.length > 0);
    this.joined = undefined;
  }

  private reset(text: string): void {
    // Reading a character makes V8 flatten a rope into one string, which the pieces then share.
    text.charCodeAt(0);
    this.pieces = [text];
    this.joined = text;
    this.length = text.length;
    this.offsets = undefined;
  }
}

function ordered(r: Range): [Position, Position] {
  const { start, end } = r;
  return start.line > end.line || (start.line === end.line && start.character > end.character) ? [end, start] : [start, end];
}

function isLineBreak(c: number): boolean {
  return c === 13 || c === 10;
}

function hasLineBreak(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (isLineBreak(text.charCodeAt(i))) return true;
  return false;
}
