/**
 * Parsing: a jsonc-parser tree that keeps every node's offsets, plus the strict-JSON problems that
 * jsonc-parser tolerates (comments, trailing commas). The tree is built from whatever parsed, so the
 * analysis still runs on a document with a syntax error.
 */
import { createScanner, parseTree, type Node, type ParseError, ParseErrorCode, SyntaxKind } from 'jsonc-parser';
import { LineIndex } from './lines';
import { strictTree } from './strictTree';
import type { Range } from '../types';

/** Deeper nesting than this is refused before building the tree, whose builder recurses. */
export const MAX_NESTING_DEPTH = 512;
/** The parser's syntax errors reported at most per document, before one that counts the rest (parseDocument). */
export const MAX_SYNTAX_PROBLEMS = 100;

export interface SyntaxProblem {
  message: string;
  range: Range;
}

export interface ParsedDocument {
  readonly text: string;
  readonly lines: LineIndex;
  /** The tree, or undefined when the text holds no value at all or nests too deeply to build. */
  readonly root: Node | undefined;
  readonly problems: SyntaxProblem[];
}

const MESSAGES: Record<number, string> = {
  [ParseErrorCode.InvalidSymbol]: 'Unexpected character: this is not valid JSON here',
  [ParseErrorCode.InvalidNumberFormat]: 'Invalid number',
  [ParseErrorCode.PropertyNameExpected]: 'A property name in double quotes is expected here',
  [ParseErrorCode.ValueExpected]: 'A value is expected here',
  [ParseErrorCode.ColonExpected]: 'A colon (:) is expected after the property name',
  [ParseErrorCode.CommaExpected]: 'A comma (,) is expected here',
  [ParseErrorCode.CloseBraceExpected]: 'A closing brace (}) is expected: the object is not closed',
  [ParseErrorCode.CloseBracketExpected]: 'A closing bracket (]) is expected: the array is not closed',
  [ParseErrorCode.EndOfFileExpected]: 'Unexpected content after the end of the JSON value',
  [ParseErrorCode.InvalidCommentToken]: 'Invalid comment',
  [ParseErrorCode.UnexpectedEndOfComment]: 'The comment is not closed',
  [ParseErrorCode.UnexpectedEndOfString]: 'The string is not closed',
  [ParseErrorCode.UnexpectedEndOfNumber]: 'The number is not complete',
  [ParseErrorCode.InvalidUnicode]: 'Invalid \\u escape in a string',
  [ParseErrorCode.InvalidEscapeCharacter]: 'Invalid escape character in a string',
  [ParseErrorCode.InvalidCharacter]: 'Invalid character in a string (control characters must be escaped)',
};

/** A jsonc-parser error code in words, for a reader rather than a program. */
export function syntaxErrorMessage(code: ParseErrorCode): string {
  return MESSAGES[code] ?? 'Invalid JSON';
}

/** The same words inside a sentence, after a colon ("not JSON: a comma (,) is expected here"). */
export function syntaxErrorPhrase(code: ParseErrorCode): string {
  const words = syntaxErrorMessage(code);
  return words[0].toLowerCase() + words.slice(1);
}

export function parseDocument(input: string): ParsedDocument {
  // A byte order mark is allowed before JSON text; it becomes a space so that offsets stay the same.
  const text = input.charCodeAt(0) === 0xfeff ? ' ' + input.slice(1) : input;
  const lines = new LineIndex(input);
  const problems: SyntaxProblem[] = [];

  if (text.trim() === '') {
    problems.push({ message: 'The file is empty: a JSON object is expected', range: { start: 0, end: input.length } });
    return { text: input, lines, root: undefined, problems };
  }

  // Strict JSON, the usual case, gets the faster builder. A tree from it means there is nothing for
  // the strictness scan to find (no comment, no trailing comma, nesting within the limit), so neither
  // that scan nor its quick check runs; anything it gives up on, jsonc-parser parses and explains.
  const strict = strictTree(text, MAX_NESTING_DEPTH);
  if (strict) return { text: input, lines, root: strict, problems };

  const deep = plainlyStrict(text) ? undefined : scanStrictness(text, problems);
  if (deep !== undefined) {
    problems.push({
      message: `The JSON nests deeper than ${MAX_NESTING_DEPTH} levels; a competency framework is only a few levels deep, so the file was not analysed further`,
      range: { start: deep, end: deep + 1 },
    });
    return { text: input, lines, root: undefined, problems };
  }

  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true });
  // A truncated document makes every open container report its missing bracket at the same end
  // offset; one message per place and kind is what a reader needs. The parser reports in the order
  // it reads, so repeats of a place are next to each other.
  //
  // Only the parser's first MAX_SYNTAX_PROBLEMS errors are made, and the rest counted in one last
  // problem: one stray quote in a one-line export turns every later string into code and every
  // word into an error, 208,000 of them in 1.5 MB, 2.2 million in 15 MB, which took the editor
  // 15-20 s to turn into diagnostics while saying nothing the first error does not. Comments and
  // trailing commas (the strictness scan's problems) are each their own, and all are kept.
  const seen = new Set<number>();
  let at = -1;
  let made = 0;
  let hidden = 0;
  let firstHidden: Range | undefined;
  for (const e of errors) {
    const start = Math.min(e.offset, input.length);
    if (start !== at) {
      at = start;
      seen.clear();
    }
    if (seen.has(e.error)) continue;
    seen.add(e.error);
    const range = { start, end: Math.min(input.length, start + Math.max(1, e.length)) };
    if (made < MAX_SYNTAX_PROBLEMS) {
      problems.push({ message: syntaxErrorMessage(e.error), range });
      made++;
    } else {
      hidden++;
      firstHidden ??= range;
    }
  }
  if (firstHidden) {
    problems.push({
      message: `${hidden.toLocaleString('en-US')} more syntax errors from here on are not shown: they most likely follow from an earlier one (a quote, comma or bracket missing or one too many); fix the first and lint again`,
      range: firstHidden,
    });
  }
  problems.sort((a, b) => a.range.start - b.range.start);
  return { text: input, lines, root, problems };
}

/**
 * True when the text certainly holds nothing that scanStrictness reports, found by jumping from
 * string to string with indexOf and looking only at the structure between them (on a 20 MB export
 * that is a tenth of the text, and a tenth of the tokenizer's time): no "/" outside strings, so no
 * comment; no comma followed by blanks and a closing bracket; no more opening brackets in all than
 * the nesting limit. A string that holds a line break, or never ends, gives false: the scanner ends
 * strings there, and only it knows what follows. False says only that the scan must look.
 */
export function plainlyStrict(text: string): boolean {
  let openers = 0;
  let nextLF = -2;
  let nextCR = -2;
  for (let at = 0; ; ) {
    const quote = text.indexOf('"', at);
    const end = quote === -1 ? text.length : quote;
    for (let i = at; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c === 47 /* / */) return false;
      if (c === 91 /* [ */ || c === 123 /* { */) {
        if (++openers > MAX_NESTING_DEPTH) return false;
      } else if (c === 44 /* , */) {
        // The scanner's trivia: spaces, tabs and line breaks.
        let j = i + 1;
        for (let b = text.charCodeAt(j); b === 32 || b === 9 || b === 10 || b === 13; b = text.charCodeAt(++j));
        const after = text.charCodeAt(j);
        if (after === 93 /* ] */ || after === 125 /* } */) return false;
      }
    }
    if (quote === -1) return true;
    let close = quote;
    do {
      close = text.indexOf('"', close + 1);
      if (close === -1) return false;
    } while (escapedAt(text, close));
    if (nextLF !== -1 && nextLF < quote) nextLF = text.indexOf('\n', quote);
    if (nextCR !== -1 && nextCR < quote) nextCR = text.indexOf('\r', quote);
    if ((nextLF !== -1 && nextLF < close) || (nextCR !== -1 && nextCR < close)) return false;
    at = close + 1;
  }
}

/** Whether the quote at `i` is escaped: an odd number of backslashes before it. */
function escapedAt(text: string, i: number): boolean {
  let k = i - 1;
  while (k >= 0 && text.charCodeAt(k) === 92) k--;
  return (i - 1 - k) % 2 === 1;
}

/**
 * One scanner pass that reports what strict JSON forbids but jsonc-parser accepts (comments and
 * trailing commas), and measures nesting depth without recursion. Returns the offset where the
 * nesting first exceeds the limit, if it does.
 */
export function scanStrictness(text: string, problems: SyntaxProblem[]): number | undefined {
  const scanner = createScanner(text, false);
  let depth = 0;
  let pendingComma: Range | undefined;
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    const start = scanner.getTokenOffset();
    // jsonc-parser counts one character past the end of a block comment left open at the end of
    // the text ("/*"), so the end is clamped to keep every range inside the document.
    const end = Math.min(text.length, start + scanner.getTokenLength());
    switch (kind) {
      case SyntaxKind.LineCommentTrivia:
      case SyntaxKind.BlockCommentTrivia:
        problems.push({ message: 'Comments are not allowed in JSON', range: { start, end } });
        continue;
      case SyntaxKind.Trivia:
      case SyntaxKind.LineBreakTrivia:
        continue;
      case SyntaxKind.OpenBraceToken:
      case SyntaxKind.OpenBracketToken:
        depth++;
        if (depth > MAX_NESTING_DEPTH) return start;
        break;
      case SyntaxKind.CloseBraceToken:
      case SyntaxKind.CloseBracketToken:
        depth = Math.max(0, depth - 1);
        if (pendingComma) problems.push({ message: 'Trailing comma: JSON does not allow a comma before a closing bracket or brace', range: pendingComma });
        break;
    }
    pendingComma = kind === SyntaxKind.CommaToken ? { start, end } : undefined;
  }
  return undefined;
}

/** The text range a node covers. */
export function nodeRange(node: Node): Range {
  return { start: node.offset, end: node.offset + node.length };
}
