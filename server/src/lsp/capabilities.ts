/**
 * What the client can do, read once from its `initialize` request, and what the server offers in
 * return. Every handler reads the client's side from here rather than from the raw capabilities, so
 * that a missing branch of the client's object means "cannot" in one place.
 */
import { CodeActionKind, MarkupKind, TextDocumentSyncKind, type ClientCapabilities, type InitializeResult } from 'vscode-languageserver/node';
import { FIX_ALL_KIND, SOURCE } from './convert';

export const LINT_WORKSPACE_COMMAND = 'competencyLint.lintWorkspace';

export interface Capabilities {
  pull: boolean;
  refresh: boolean;
  configurationPull: boolean;
  watchedFilesDynamic: boolean;
  snippets: boolean;
  documentChanges: boolean;
  /** The client can create files in a workspace edit (a new config for a suppression). */
  createFiles: boolean;
  /** Hovers may be markdown; otherwise they are sent as plain text (eglot without markdown-mode). */
  markdown: boolean;
  /** Completion documentation may be markdown: only when the client lists it (eglot lists no format). */
  completionMarkdown: boolean;
  hierarchicalSymbols: boolean;
  /** The client asks before renaming (prepareRename), so a refusal is shown before the user types a name. */
  prepareRename: boolean;
}

export function capabilitiesOf(c: ClientCapabilities): Capabilities {
  return {
    pull: !!c.textDocument?.diagnostic,
    refresh: !!c.workspace?.diagnostics?.refreshSupport,
    configurationPull: !!c.workspace?.configuration,
    watchedFilesDynamic: !!c.workspace?.didChangeWatchedFiles?.dynamicRegistration,
    snippets: !!c.textDocument?.completion?.completionItem?.snippetSupport,
    documentChanges: !!c.workspace?.workspaceEdit?.documentChanges,
    createFiles: !!c.workspace?.workspaceEdit?.documentChanges && !!c.workspace.workspaceEdit.resourceOperations?.includes('create'),
    markdown: (c.textDocument?.hover?.contentFormat ?? [MarkupKind.Markdown]).includes(MarkupKind.Markdown),
    completionMarkdown: (c.textDocument?.completion?.completionItem?.documentationFormat ?? []).includes(MarkupKind.Markdown),
    hierarchicalSymbols: !!c.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport,
    prepareRename: !!c.textDocument?.rename?.prepareSupport,
  };
}

/** The server's answer to `initialize`: diagnostics are offered for pulling only to a client that pulls. */
export function serverCapabilities(caps: Capabilities): InitializeResult {
  const result: InitializeResult = {
    capabilities: {
      // Saves are asked for so that a config saved in a client that cannot watch files is read again.
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      completionProvider: { triggerCharacters: ['"'] },
      hoverProvider: true,
      referencesProvider: true,
      documentLinkProvider: { resolveProvider: false },
      renameProvider: caps.prepareRename ? { prepareProvider: true } : true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
      documentSymbolProvider: { label: 'Competency framework' },
      foldingRangeProvider: true,
      codeLensProvider: { resolveProvider: false },
      executeCommandProvider: { commands: [LINT_WORKSPACE_COMMAND] },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'competency-lint' },
  };
  if (caps.pull) {
    result.capabilities.diagnosticProvider = { identifier: SOURCE, interFileDependencies: false, workspaceDiagnostics: false };
  }
  return result;
}
