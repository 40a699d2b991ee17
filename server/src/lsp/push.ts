/**
 * Pushed diagnostics, for clients that do not pull them: debounced per document, dropped when a
 * newer version supersedes them, and never published over a newer version's.
 */
import type { PieceDocument } from './pieceDocument';
import type { Analyses, Entry } from './analyses';
import type { AnswerClock } from './answerClock';
import type { SettingsSource } from './settingsSource';
import type { Session } from './session';

export class PushDiagnostics {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** The last version published per document, and whether it carried any diagnostics. */
  private readonly published = new Map<string, { version: number; stamp: number; empty: boolean }>();
  /** The version last scheduled per document: open and its first change event name the same version. */
  private readonly scheduled = new Map<string, number>();

  constructor(
    private readonly session: Session,
    private readonly settings: SettingsSource,
    private readonly analyses: Analyses,
    private readonly clock: AnswerClock,
  ) {}

  /** Analyses waiting out their debounce. */
  get pending(): number {
    return this.timers.size;
  }

  publish(uri: string, entry: Entry): void {
    const last = this.published.get(uri);
    if (last && (last.version > entry.version || last.stamp === entry.stamp)) return;
    const diagnostics = entry.ours ? entry.diagnostics : [];
    // A document that is not ours gets nothing, unless we had published something for it before.
    if (diagnostics.length === 0 && (!last || last.empty) && !entry.ours) return;
    this.published.set(uri, { version: entry.version, stamp: entry.stamp, empty: diagnostics.length === 0 });
    void this.session.connection.sendDiagnostics({ uri, version: entry.version, diagnostics });
    this.clock.answered(uri, entry.version);
  }

  /** Notes diagnostics sent for a file from disk, so that an open document's later ones replace them. */
  publishedFromDisk(uri: string, empty: boolean): void {
    this.published.set(uri, { version: -1, stamp: -1, empty });
  }

  /** Analyses a document's current version after the debounce, or at once (on opening). */
  schedule(uri: string, immediate: boolean): void {
    if (this.session.caps.pull) return;
    this.cancel(uri);
    const doc = this.session.documents.get(uri);
    if (!doc) return;
    const version = doc.version;
    if (this.scheduled.get(uri) === version) return;
    this.scheduled.set(uri, version);
    const run = () => {
      this.timers.delete(uri);
      void this.session.guard('validate', undefined, () => this.validate(uri, version));
    };
    if (immediate) {
      run();
      return;
    }
    void this.settings.get(uri).then((settings) => {
      // A newer edit may have been scheduled while the settings were fetched.
      if (this.session.documents.get(uri)?.version !== version || this.timers.has(uri)) return;
      this.timers.set(uri, setTimeout(run, settings.debounceMs));
    });
  }

  /** Analyses the given documents again now (after a config or settings change) and publishes. */
  async revalidate(docs: PieceDocument[]): Promise<void> {
    for (const d of docs) this.analyses.invalidate(d.uri);
    if (this.session.caps.pull) {
      if (this.session.caps.refresh) await this.session.connection.languages.diagnostics.refresh();
      return;
    }
    const settings = await Promise.all(docs.map((d) => this.settings.get(d.uri)));
    // Published together, after every setting is known, so that they arrive as one batch.
    docs.forEach((d, i) => {
      const now = this.session.documents.get(d.uri);
      if (!now) return;
      this.cancel(d.uri);
      void this.session.guard('revalidate', undefined, () => this.publish(d.uri, this.analyses.now(now, settings[i])));
    });
  }

  /** Forgets a closed document; whether the editor still shows diagnostics of ours for it. */
  close(uri: string): boolean {
    this.cancel(uri);
    this.scheduled.delete(uri);
    const last = this.published.get(uri);
    this.published.delete(uri);
    return !!last && !last.empty;
  }

  private cancel(uri: string): void {
    const t = this.timers.get(uri);
    if (t) clearTimeout(t);
    this.timers.delete(uri);
  }

  private async validate(uri: string, version: number): Promise<void> {
    const settings = await this.settings.get(uri);
    const doc = this.session.documents.get(uri);
    if (!doc || doc.version !== version) return;
    const entry = this.analyses.now(doc, settings);
    this.publish(uri, entry);
    this.analyses.collectAfter(entry, doc.getText().length);
  }
}
