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
} from 'vscode-languageserver/node';
import type { LineIndex } from '../core/parse/lines';
import type { Finding, Range, TextEdit } from '../core/types';
import { findingDocsUrl } from '../core/rules/index';
import type { CompletionItem as CoreCompletion, CompletionKind } from '../core/features/completion';
import type { DocumentSymbol as CoreSymbol, SymbolKind as CoreSymbolKind } from '../core/features/symbols';
import type { CodeAction as CoreAction } from '../core/features/codeActions';

export const SOURCE = 'competency-lint';
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
  opener: CompletionItemKind.Keyword,
};

export function toCompletion(lines: LineIndex, c: CoreCompletion, snippets: boolean): CompletionItem | undefined {
  if (c.snippet && !snippets) return undefined;
  const item: CompletionItem = {
    label: c.label,
    kind: COMPLETION_KIND[c.kind],
    textEdit: { range: toRange(lines, c.range), newText: c.insertText },
    insertTextFormat: c.snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    data: { kind: c.kind },
  };
  if (c.detail) item.detail = c.detail;
  if (c.documentation) item.documentation = { kind: MarkupKind.Markdown, value: c.documentation };
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
 * A versioned edit when the client supports one, so that an action computed for an older version of
 * the document is refused by the client instead of applied to the wrong text.
 */
export function toCodeAction(uri: string, lines: LineIndex, a: CoreAction, version: number, documentChanges: boolean): CodeAction {
  const edits = a.edits.map((e) => toTextEdit(lines, e));
  return {
    title: a.title,
    kind: a.kind === 'quickfix' ? CodeActionKind.QuickFix : FIX_ALL_KIND,
    diagnostics: a.findings.map((f) => toDiagnostic(uri, lines, f)),
    isPreferred: a.preferred,
    edit: documentChanges ? { documentChanges: [{ textDocument: { uri, version }, edits }] } : { changes: { [uri]: edits } },
  };
}
