/**
 * The editor features that read an open framework's analysis: completion, hover, a statement's
 * references (its thread and its copies), the SOC code's link to O*NET OnLine, outline, folding and
 * the levels' code lenses. Each is the core feature's answer converted to LSP; a request for a
 * document that is closed, unknown or not a framework gets an empty answer.
 */
import { CompletionTriggerKind, MarkupKind, type DocumentLink, type FoldingRange, type Location, type SymbolInformation } from 'vscode-languageserver/node';
import { complete } from '../core/features/completion';
import { hover } from '../core/features/hover';
import { documentSymbols } from '../core/features/symbols';
import { foldingRanges } from '../core/features/folding';
import { levelLenses } from '../core/features/codeLens';
import { statementReferences } from '../core/features/references';
import { documentLinks } from '../core/features/links';
import { onetTasks } from '../node/onetTasks';
import { markdownToPlain, toCompletion, toRange, toSymbol } from './convert';
import type { Analyses } from './analyses';
import type { Session } from './session';

export function registerFeatures(session: Session, analyses: Analyses): void {
  const { connection, guard } = session;

  connection.onCompletion((params, token) =>
    guard('completion', null, async () => {
      const a = await analyses.forRequest(params.textDocument.uri);
      if (!a || token.isCancellationRequested) return null;
      const lines = a.result.doc.lines;
      // The trigger character tells the core whether a typed quote opened or closed a string.
      const trigger = params.context?.triggerKind === CompletionTriggerKind.TriggerCharacter ? params.context.triggerCharacter : undefined;
      const list = complete(a.result, lines.offsetAt(params.position), { config: a.config, triggerCharacter: trigger, tasks: onetTasks });
      const items = list.items.map((c) => toCompletion(lines, c, session.caps.snippets, session.caps.completionMarkdown));
      return { isIncomplete: list.isIncomplete, items };
    }),
  );

  connection.onHover((params, token) =>
    guard('hover', null, async () => {
      const a = await analyses.forRequest(params.textDocument.uri);
      if (!a || token.isCancellationRequested) return null;
      const lines = a.result.doc.lines;
      const h = hover(a.result, lines.offsetAt(params.position), { config: a.config });
      if (!h) return null;
      const contents = session.caps.markdown ? { kind: MarkupKind.Markdown, value: h.markdown } : { kind: MarkupKind.PlainText, value: markdownToPlain(h.markdown) };
      return { contents, range: toRange(lines, h.range) };
    }),
  );

  connection.onReferences((params, token) =>
    guard('references', [] as Location[], async () => {
      const a = await analyses.forRequest(params.textDocument.uri);
      if (!a || token.isCancellationRequested) return [];
      const lines = a.result.doc.lines;
      const refs = statementReferences(a.result, lines.offsetAt(params.position), { config: a.config });
      if (!refs) return [];
      const { uri } = params.textDocument;
      const here = params.context.includeDeclaration ? [refs.statement] : [];
      // The thread first (lowest level first), then any copy not already in it.
      const seen = new Set(here.concat(refs.thread));
      const all = [...here, ...refs.thread, ...refs.copies.filter((c) => !seen.has(c))];
      return all.map((s) => ({ uri, range: toRange(lines, s.range) }));
    }),
  );

  connection.onDocumentLinks((params, token) =>
    guard('document links', [] as DocumentLink[], async () => {
      const a = await analyses.forRequest(params.textDocument.uri);
      if (!a || token.isCancellationRequested) return [];
      const lines = a.result.doc.lines;
      return documentLinks(a.result).map((l) => ({ range: toRange(lines, l.range), target: l.target, tooltip: l.tooltip }));
    }),
  );

  connection.onDocumentSymbol((params, token) =>
    guard('symbols', [], async () => {
      const a = await analyses.forRequest(params.textDocument.uri);
      if (!a || token.isCancellationRequested) return [];
      const lines = a.result.doc.lines;
      const symbols = documentSymbols(a.result).map((s) => toSymbol(lines, s));
      if (session.caps.hierarchicalSymbols) return symbols;
      // Flat SymbolInformation for clients without the outline tree.
      const flat: SymbolInformation[] = [];
      const walk = (list: typeof symbols, container?: string) => {
        for (const s of list) {
          flat.push({ name: s.name, kind: s.kind, location: { uri: params.textDocument.uri, range: s.range }, containerName: container });
          if (s.children) walk(s.children, s.name);
        }
      };
      walk(symbols);
      return flat;
    }),
  );

  connection.onFoldingRanges((params, token) =>
    guard('folding', [] as FoldingRange[], async () => {
      const a = await analyses.forRequest(params.textDocument.uri);
      if (!a || token.isCancellationRequested) return [];
      const lines = a.result.doc.lines;
      const text = a.result.doc.text;
      const out: FoldingRange[] = [];
      for (const r of foldingRanges(a.result)) {
        const startLine = lines.positionAt(r.start).line;
        const close = lines.positionAt(Math.max(r.start, r.end - 1));
        // Keep the closing bracket visible when it starts its own line, as VS Code's JSON support does.
        const ownLine = /^\s*$/.test(text.slice(lines.lineStart(close.line), r.end - 1));
        const endLine = ownLine ? close.line - 1 : close.line;
        if (endLine > startLine) out.push({ startLine, endLine });
      }
      return out;
    }),
  );

  connection.onCodeLens((params, token) =>
    guard('code lens', [], async () => {
      const a = await analyses.forRequest(params.textDocument.uri);
      if (!a || token.isCancellationRequested) return [];
      const lines = a.result.doc.lines;
      const matrix = session.levelMatrixCommand;
      // A lens without a command id is shown as a label: it informs and does nothing when clicked.
      const command = (title: string) => (matrix ? { title, command: matrix, arguments: [params.textDocument.uri] } : { title, command: '' });
      return levelLenses(a.result, { config: a.config }).map((l) => ({ range: toRange(lines, l.range), command: command(l.title), data: { pointer: l.pointer } }));
    }),
  );
}
