/** Names shared by the client's parts; the server's `source` must match SOURCE for the filters here. */
import type { DocumentSelector } from 'vscode-languageclient';

/** The client id: vscode-languageclient reads `<id>.trace.server`, so it must be the settings prefix. */
export const CLIENT_ID = 'competencyLint';
export const CLIENT_NAME = 'Competency Lint';
/** The `source` the server puts on every diagnostic; VS Code's own JSON server reports on the same files. */
export const SOURCE = 'competency-lint';

/** The server's word on which open documents it lints (server/src/lsp/linted.ts), asked for with `lintedNotifications`. */
export const LINTED_NOTIFICATION = 'competencyLint/linted';

/**
 * Every JSON document goes to the server, which sniffs whether it is a framework. Schemes are
 * listed rather than left open so that read-only views such as git diffs are not linted twice;
 * `vscode-vfs` covers virtual workspaces, where the server still lints the text it is sent.
 */
export const DOCUMENT_SELECTOR: DocumentSelector = ['file', 'untitled', 'vscode-vfs'].flatMap((scheme) => [
  { scheme, language: 'json' },
  { scheme, language: 'jsonc' },
]);
