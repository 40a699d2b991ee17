/**
 * Records the edits a document received since its last analysis, composed into one replacement of
 * the analysed text, so that the core's incremental path (core/incremental.ts) can update that
 * analysis instead of starting over. The editor sends each keystroke as a range change; between two
 * analyses (the debounce) several arrive, and as long as they stay close together they compose
 * into one span: [start, oldEnd) of the analysed text became [start, newEnd) of the current one.
 */
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import type { TextEdit } from '../core/types';
import type { PieceDocument } from './pieceDocument';

interface Span {
  /** The version of the analysed text the span is relative to. */
  base: number;
  start: number;
  oldEnd: number;
  newEnd: number;
}

export class EditTracker {
  /** A span per document, or null when a change could not be followed (a whole-text replacement). */
  private readonly spans = new Map<string, Span | null>();

  /**
   * The `update` of a TextDocuments configuration: applies the changes one by one, so that each
   * change's range can be read against the text it applies to, and composes them.
   */
  readonly update = (document: PieceDocument, changes: TextDocumentContentChangeEvent[], version: number): PieceDocument => {
    const uri = document.uri;
    for (const change of changes) {
      const span = this.spans.get(uri);
      if (span === null || !('range' in change)) {
        this.spans.set(uri, null);
      } else {
        const start = document.offsetAt(change.range.start);
        const end = document.offsetAt(change.range.end);
        this.spans.set(uri, compose(span ?? { base: document.version, start, oldEnd: start, newEnd: start }, start, end, change.text.length));
      }
      document.apply(change, version);
    }
    return document;
  };

  /**
   * The composed edit of the analysed version `base` that gives `document`'s text, if every change
   * since that version was followed; the record starts afresh for the next analysis either way.
   */
  take(document: PieceDocument, base: number | undefined): TextEdit | undefined {
    const span = this.spans.get(document.uri);
    this.spans.delete(document.uri);
    if (!span || base === undefined || span.base !== base) return undefined;
    return { start: span.start, end: span.oldEnd, newText: document.slice(span.start, span.newEnd) };
  }

  /** Whether every change since the last analysis was followed (there may be none). */
  following(uri: string): boolean {
    return this.spans.get(uri) !== null;
  }

  forget(uri: string): void {
    this.spans.delete(uri);
  }
}

/**
 * Adds a change of [start, end) of the current text to `length` new characters. Left of the span
 * the current and the analysed text agree; right of it they differ by the span's growth.
 */
function compose(span: Span, start: number, end: number, length: number): Span {
  const left = Math.min(span.start, start);
  const right = Math.max(span.newEnd, end);
  return { base: span.base, start: left, oldEnd: span.oldEnd + (right - span.newEnd), newEnd: right + length - (end - start) };
}
