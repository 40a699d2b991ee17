/**
 * Conversions from the core's plain results (character offsets) to LSP types (lines and UTF-16
 * columns). Positions go through the analysed text's own line index, the same one the CLI uses, so
 * the editor and the CLI place a finding on the same line and column.
 */
import {
  CodeActionKind,
  CompletionItemKind,
  DiagnosticSeverity,
  DiagnosticTag,
  InsertTextFormat,
  MarkupKind,
  SymbolKind,
  type CodeAction,
  type CompletionItem,
  type Diagnostic,
  type DocumentSymbol,
  type Range as LspRange,
  type TextEdit as LspTextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import type { LineIndex } from '../core/parse/lines';
import type { Finding, Range, TextEdit } from '../core/types';
import { findingDocsUrl } from '../core/rules/index';
import type { CompletionItem as CoreCompletion, CompletionKind } from '../core/features/completion';
import type { DocumentSymbol as CoreSymbol, SymbolKind as CoreSymbolKind } from '../core/features/symbols';
import type { CodeAction as CoreAction } from '../core/features/codeActions';

export const SOURCE = 'competency-lint';

/** The most diagnostics published for one document; the rest are counted in one last diagnostic. */
export const MAX_DIAGNOSTICS = 5000;

/**
 * The last diagnostic of a list capped at MAX_DIAGNOSTICS (a framework's findings, a config's
 * problems): at the document's start, as information, saying what was left out and why.
 */
export function overflowDiagnostic(message: string): Diagnostic {
  return { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: DiagnosticSeverity.Information, source: SOURCE, code: 'too-many-findings', message };
}
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.competencyLint`;

export function toRange(lines: LineIndex, r: Range): LspRange {
  return { start: lines.positionAt(r.start), end: lines.positionAt(r.end) };
}

export function fromRange(lines: LineIndex, r: LspRange): Range {
  const a = lines.offsetAt(r.start);
  const b = lines.offsetAt(r.end);
  return { start: Math.min(a, b), end: Math.max(a, b) };
}

export function toTextEdit(lines: LineIndex, e: TextEdit): LspTextEdit {
  return { range: toRange(lines, e), newText: e.newText };
}

const SEVERITY: Record<Finding['severity'], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/** Rules whose findings are about text that could simply go (drawn faded by the editor). */
const UNNECESSARY = new Set(['duplicate-exact']);

export function toDiagnostic(uri: string, lines: LineIndex, f: Finding): Diagnostic {
  const d: Diagnostic = {
    range: toRange(lines, f.range),
    severity: SEVERITY[f.severity],
    source: SOURCE,
    code: f.ruleId,
    message: f.message,
    data: { pointer: f.pointer },
  };
  d.codeDescription = { href: findingDocsUrl(f.ruleId) };
  if (UNNECESSARY.has(f.ruleId)) d.tags = [DiagnosticTag.Unnecessary];
  if (f.related && f.related.length > 0) {
    d.relatedInformation = f.related.map((r) => ({ location: { uri, range: toRange(lines, r.range) }, message: r.message }));
  }
  return d;
}

const COMPLETION_KIND: Record<CompletionKind, CompletionItemKind> = {
  property: CompletionItemKind.Property,
  value: CompletionItemKind.Value,
  level: CompletionItemKind.Module,
  occupation: CompletionItemKind.Reference,
  jobZone: CompletionItemKind.EnumMember,
  sector: CompletionItemKind.EnumMember,
  topic: CompletionItemKind.Text,
  task: CompletionItemKind.Text,
  opener: CompletionItemKind.Keyword,
};

/**
 * The plain text a snippet stands for, for a client that cannot expand snippets (Neovim's built-in
 * client, eglot without yasnippet): each placeholder's default (`${1:Topic}` gives "Topic"), a
 * choice's first value, an empty tab stop for `$1` or `${1}`, and escapes undone. Those clients
 * were sent no item at all where a snippet was the answer (a new statement, a missing member, a
 * topic's openers), so their completion list was empty in most places of a framework.
 */
export function snippetToPlain(snippet: string): string {
  let i = 0;
  // Reads up to the unescaped `stop` character (or the end), expanding what it meets.
  const read = (stop: string): string => {
    let out = '';
    while (i < snippet.length) {
      const ch = snippet[i];
      if (ch === '\\' && '$}\\,|'.includes(snippet[i + 1] ?? 'x')) {
        out += snippet[i + 1];
        i += 2;
      } else if (stop.includes(ch)) {
        return out;
      } else if (ch === '$' && /\d/.test(snippet[i + 1] ?? '')) {
        i++;
        while (/\d/.test(snippet[i] ?? '')) i++;
      } else if (ch === '$' && snippet[i + 1] === '{') {
        i += 2;
        while (/\d/.test(snippet[i] ?? '')) i++;
        if (snippet[i] === ':') {
          i++;
          out += read('}');
        } else if (snippet[i] === '|') {
          i++;
          const first = read(',|');
          while (i < snippet.length && snippet[i] !== '|') {
            i++;
            read(',|');
          }
          i++;
          out += first;
        }
        i++; // the closing brace
      } else {
        out += ch;
        i++;
      }
    }
    return out;
  };
  return read('');
}

/**
 * Markdown as the plain text it reads as, for a client that shows plain text only (eglot without
 * markdown-mode asks for it): without it such a client showed "**Working**", "O\\*NET" and
 * backquoted rule ids as they were written. Emphasis and code marks go, escapes are undone, a link
 * keeps its address in brackets; lists, paragraphs and rules stay as they are.
 */
export function markdownToPlain(markdown: string): string {
  const escaped: string[] = [];
  // Escaped characters are set aside first, so that an escaped `*` is not taken for emphasis.
  let text = markdown.replace(/\\([\\`*_{}[\]()<>#+\-.!|])/g, (_, c: string) => `\u0000${escaped.push(c) - 1}\u0000`);
  text = text
    .replace(/`([^`\n]*)`/g, '$1')
    // Neither part may hold the bracket that opens it: each `[` (or `(`) then scans only to the next
    // one, where `[^\]]*` scanned to the end of the text from every `[` of "[[[[…" (the regex audit).
    .replace(/\[([^[\]\n]*)\]\(([^()[\]\s]*)\)/g, '$1 ($2)')
    .replace(/\*\*(?=\S)([^\n]*?\S)\*\*/g, '$1')
    .replace(/(^|[^\w*])\*(\S(?:[^*\n]*?\S)?)\*(?![\w*])/g, '$1$2')
    .replace(/(^|[^\w])_(\S(?:[^_\n]*?\S)?)_(?!\w)/g, '$1$2');
  return text.replace(/\u0000(\d+)\u0000/g, (_, i: string) => escaped[Number(i)]);
}

export function toCompletion(lines: LineIndex, c: CoreCompletion, snippets: boolean, markdown = true): CompletionItem {
  const asSnippet = c.snippet && snippets;
  const item: CompletionItem = {
    label: c.label,
    kind: COMPLETION_KIND[c.kind],
    textEdit: { range: toRange(lines, c.range), newText: c.snippet && !snippets ? snippetToPlain(c.insertText) : c.insertText },
    insertTextFormat: asSnippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    data: { kind: c.kind },
  };
  if (c.detail) item.detail = c.detail;
  if (c.documentation) item.documentation = markdown ? { kind: MarkupKind.Markdown, value: c.documentation } : { kind: MarkupKind.PlainText, value: markdownToPlain(c.documentation) };
  if (c.filterText) item.filterText = c.filterText;
  if (c.sortText) item.sortText = c.sortText;
  if (c.additionalEdits && c.additionalEdits.length > 0) item.additionalTextEdits = c.additionalEdits.map((e) => toTextEdit(lines, e));
  return item;
}

const SYMBOL_KIND: Record<CoreSymbolKind, SymbolKind> = {
  occupation: SymbolKind.Class,
  framework: SymbolKind.Module,
  level: SymbolKind.Namespace,
  statement: SymbolKind.String,
  field: SymbolKind.Property,
  note: SymbolKind.Null,
};

export function toSymbol(lines: LineIndex, s: CoreSymbol): DocumentSymbol {
  const out: DocumentSymbol = {
    name: s.name || '(unnamed)',
    kind: SYMBOL_KIND[s.kind],
    range: toRange(lines, s.range),
    selectionRange: toRange(lines, s.selectionRange),
  };
  if (s.detail) out.detail = s.detail;
  if (s.children) out.children = s.children.map((c) => toSymbol(lines, c));
  return out;
}

/**
 * A workspace edit of one document: versioned when the client supports it, so that an edit computed
 * for an older version of the document is refused by the client instead of applied to the wrong
 * text (a null version: the document as it is on disk).
 */
export function documentEdit(uri: string, version: number | null, edits: LspTextEdit[], documentChanges: boolean): WorkspaceEdit {
  return documentChanges ? { documentChanges: [{ textDocument: { uri, version }, edits }] } : { changes: { [uri]: edits } };
}

/** A core action as an LSP code action, its edit versioned as documentEdit makes it. */
export function toCodeAction(uri: string, lines: LineIndex, a: CoreAction, version: number, documentChanges: boolean): CodeAction {
  const edits = a.edits.map((e) => toTextEdit(lines, e));
  return {
    title: a.title,
    kind: a.kind === 'quickfix' ? CodeActionKind.QuickFix : FIX_ALL_KIND,
    diagnostics: a.findings.map((f) => toDiagnostic(uri, lines, f)),
    isPreferred: a.preferred,
    edit: documentEdit(uri, version, edits, documentChanges),
  };
}
