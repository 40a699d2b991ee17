/**
 * The `competencyLint.*` settings of each document: pulled per document from a client that answers
 * `workspace/configuration`, else the ones it sent at start or in its last configuration change.
 * A settings entry left out (settings.ts) is shown to the user as a warning, not only logged: the
 * log is out of sight, and an override that silently does nothing looks like a rule ignoring it.
 */
import { MessageType, ShowMessageNotification } from 'vscode-languageserver/node';
import { DEFAULT_SETTINGS, normaliseSettings, type Settings } from './settings';
import type { Session } from './session';

export class SettingsSource {
  private global: Settings = DEFAULT_SETTINGS;
  private readonly cache = new Map<string, Promise<Settings>>();
  /** The settings problems shown since the settings last changed, so that each shows once, not once per document. */
  private readonly warned = new Set<string>();

  constructor(private readonly session: Session) {}

  /** The settings the client sent in its initialization options. */
  initialise(raw: unknown): void {
    this.global = normaliseSettings(raw ?? {}, this.warn);
  }

  /** Forgets every document's settings; a client that cannot be asked sends its new ones here. */
  changed(raw: unknown): void {
    this.cache.clear();
    // A problem still there after the user changed the settings is worth saying again.
    this.warned.clear();
    if (!this.session.caps.configurationPull && raw !== undefined) this.global = normaliseSettings(raw, this.warn);
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  get(uri: string): Promise<Settings> {
    if (!this.session.caps.configurationPull) return Promise.resolve(this.global);
    let p = this.cache.get(uri);
    if (!p) {
      p = this.session.connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'competencyLint' })
        .then((raw) => normaliseSettings(raw, this.warn), () => this.global);
      this.cache.set(uri, p);
    }
    return p;
  }

  private readonly warn = (problem: string): void => {
    if (this.warned.has(problem)) return;
    this.warned.add(problem);
    this.session.log(`competency-lint: ${problem}`);
    // A notification, not showWarningMessage's request: every client shows one, and it awaits no answer.
    void this.session.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: problem });
  };
}
