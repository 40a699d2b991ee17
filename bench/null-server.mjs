/**
 * The transport floor: a language server built on the same library as both measured servers
 * (vscode-languageserver) that keeps the documents and answers every pull with one fixed
 * diagnostic, analysing nothing. Its didOpen → diagnostics time is what receiving a document over
 * JSON-RPC costs before any server looks at it; bench/run.ts reports both servers beside it.
 */
import { createConnection, ProposedFeatures, TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
connection.onInitialize(() => ({ capabilities: { textDocumentSync: 2, diagnosticProvider: { interFileDependencies: false, workspaceDiagnostics: false } } }));
const one = [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: 'transport floor', severity: 3 }];
connection.languages.diagnostics.on((params) => ({ kind: 'full', items: documents.get(params.textDocument.uri) ? one : [] }));
documents.listen(connection);
connection.listen();
