/**
 * What every part of the server shares: the connection, the open documents, the guard around
 * handlers, and what the client told us when it started. The parts (analyses.ts, push.ts,
 * features.ts, ...) each take the session instead of reaching into one another's state.
 */
import { fileURLToPath } from 'node:url';
import { ResponseError, type Connection, type TextDocuments } from 'vscode-languageserver/node';
import { capabilitiesOf, type Capabilities } from './capabilities';
import type { LintedAnnouncer } from './linted';
import type { PieceDocument } from './pieceDocument';

/** Runs a handler; any exception becomes a log line and the fallback answer. */
export type Guard = <T>(name: string, fallback: T, fn: () => T | Promise<T>) => Promise<T>;

export class Session {
  /** What the client can do; replaced when `initialize` arrives. */
  caps: Capabilities = capabilitiesOf({});
  /** The workspace folders as paths, kept up to date as the client adds and removes folders. */
  folders: string[] = [];
  /**
   * The client's command that shows a document's level matrix, if it has one (the VS Code client
   * names it in its initialization options): a level's code lens then opens the matrix. Other
   * editors get the lens as a label, since the command is not theirs to run.
   */
  levelMatrixCommand: string | undefined;
  /**
   * The client reports the syntax errors of `.competency-lint.json` and what the config schema
   * refuses in it itself (VS Code's JSON support, through the extension's jsonValidation, says so
   * with `clientChecksConfigSchema` in its initialization options): the server then shows only the
   * problems the schema cannot express in an open config (configDocument.ts), never one twice.
   */
  clientChecksConfigSchema = false;
  /** Tells the client which open documents are linted, when it asked (linted.ts). */
  linted: LintedAnnouncer | undefined;

  constructor(
    readonly connection: Connection,
    readonly documents: TextDocuments<PieceDocument>,
  ) {}

  /**
   * The open document of a file, if it is open. Found by path: clients spell file URIs their own
   * way (VS Code percent-encodes "(", "[", "@" and a Windows drive's colon), so a URI made here
   * would miss it.
   */
  openDocumentAt(path: string): PieceDocument | undefined {
    return this.documents.all().find((d) => pathOf(d.uri) === path);
  }

  readonly log = (message: string): void => {
    try {
      this.connection.console.error(message);
    } catch {
      // Logging must never be the thing that fails.
    }
  };

  readonly guard: Guard = async (name, fallback, fn) => {
    try {
      return await fn();
    } catch (err) {
      if (err instanceof ResponseError) throw err;
      this.log(`competency-lint: ${name} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      return fallback;
    }
  };
}

/** The path of a `file:` URI; undefined for any other scheme (untitled documents, virtual files). */
export function pathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}
