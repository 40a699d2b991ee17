/**
 * The `competencyLint/linted` notification: whether the server lints an open document. Only the
 * server can say (a config's `ignore` and `files` globs, the `files` and `enable` settings, the
 * sniff), so a client that shows the state of the active document, as the VS Code status bar does,
 * follows this instead of guessing. It is sent only to a client that asks for it with
 * `lintedNotifications: true` in its initialization options: other editors would log it as unknown.
 */
import type { Connection } from 'vscode-languageserver/node';

export const LINTED_NOTIFICATION = 'competencyLint/linted';

export interface LintedParams {
  uri: string;
  linted: boolean;
}

/** Tells the client of each open document's decision when it is first made and whenever it changes. */
export class LintedAnnouncer {
  private readonly told = new Map<string, boolean>();

  constructor(private readonly connection: Connection) {}

  note(uri: string, linted: boolean): void {
    if (this.told.get(uri) === linted) return;
    this.told.set(uri, linted);
    const params: LintedParams = { uri, linted };
    void this.connection.sendNotification(LINTED_NOTIFICATION, params);
  }

  /** A closed document is forgotten, so that it is told again when it is opened again. */
  forget(uri: string): void {
    this.told.delete(uri);
  }
}
