/**
 * Lint Workspace: every framework under the workspace folders into Problems, with the CLI's file
 * discovery, and the findings on disk of a file that was linted this way, opened and closed again.
 */
import { pathToFileURL } from 'node:url';
import { DidChangeWatchedFilesNotification, FileChangeType, WatchKind, type CancellationToken, type FileEvent } from 'vscode-languageserver/node';
import { relative, sep } from 'node:path';
import { analyse } from '../core/service';
import { findCandidates, folderCandidate, readFrameworkFiles, SKIPPED_DIRS, type FileSelection } from '../node/files';
import { ServerConfigs } from './configs';
import { configErrorDiagnostic, diagnosticsOf } from './diagnostics';
import type { PushDiagnostics } from './push';
import type { Settings } from './settings';
import type { SettingsSource } from './settingsSource';
import { pathOf, type Session } from './session';

export interface WorkspaceLintSummary {
  files: number;
  findings: number;
  problems: string[];
}

export class WorkspaceLint {
  /**
   * Files whose findings in Problems came from disk (Lint Workspace) rather than from an open
   * document, by path, each with the URI its findings went out under. By path, because clients
   * spell file URIs their own way (session.ts): VS Code's watcher, open and close events write
   * "exports%20%282024%29" where pathToFileURL writes "exports%20(2024)", and an event keyed by
   * the URI string missed the file, whose findings then stayed after it was deleted.
   */
  private readonly fromDisk = new Map<string, string>();
  /** Whether the client has been asked to report changes to JSON files (from the first run on). */
  private watching = false;

  constructor(
    private readonly session: Session,
    private readonly settings: SettingsSource,
    private readonly configs: ServerConfigs,
    private readonly push: PushDiagnostics,
  ) {}

  /**
   * A client that pulls keeps pushed and pulled diagnostics apart: the findings Lint Workspace
   * pushed for a file would show beside the open document's, twice, and go stale at the first
   * edit. They are withdrawn when it opens; closing the file publishes its findings on disk again.
   */
  opened(uri: string): void {
    const published = this.fromDisk.get(pathOf(uri) ?? '');
    if (this.session.caps.pull && published !== undefined) void this.session.connection.sendDiagnostics({ uri: published, diagnostics: [] });
  }

  /**
   * Lints every framework under the workspace folders into Problems. Open documents are skipped:
   * their live diagnostics are already shown and are newer than disk.
   */
  async run(token: CancellationToken): Promise<WorkspaceLintSummary> {
    this.watchFiles();
    const summary: WorkspaceLintSummary = { files: 0, findings: 0, problems: [] };
    for (const folder of this.session.folders) {
      const settings = await this.settings.get(pathToFileURL(folder).toString());
      if (!settings.enable) continue;
      const { candidates, problems } = findCandidates([folder], { cwd: folder, selection: this.selection(settings) });
      summary.problems.push(...problems.map((p) => `${p.input}: ${p.message}`));
      for (const file of readFrameworkFiles(candidates)) {
        if (token.isCancellationRequested) return summary;
        if ('problem' in file) {
          summary.problems.push(`${file.problem.input}: ${file.problem.message}`);
          continue;
        }
        // Open documents keep their live findings; closed later, they go back to their findings on
        // disk like the rest of the workspace (republish), so they are noted as covered. Asked now,
        // not once at the start: a document opened while the run waited for settings or yielded
        // would otherwise get its findings on disk over (push) or beside (pull) its live ones.
        const openUri = this.openUri(file.path);
        if (openUri !== undefined) {
          this.fromDisk.set(file.path, openUri);
          continue;
        }
        const count = this.publish(file.path, file.text.text, settings);
        if (count === undefined) continue;
        summary.files++;
        summary.findings += count;
        // Yield between files so that edits and requests are still answered during a long run.
        await new Promise((r) => setImmediate(r));
      }
    }
    return summary;
  }

  /**
   * A file that Lint Workspace put in Problems and that is then opened and closed goes back to its
   * findings on disk, as its unopened neighbours show theirs, instead of leaving Problems. False
   * when the file was never linted from disk.
   */
  async republish(uri: string): Promise<boolean> {
    const path = pathOf(uri);
    if (!path || !this.fromDisk.has(path)) return false;
    const settings = await this.settings.get(uri);
    // Opened again while the settings were asked for (an editor reloading a tab): the open document's
    // diagnostics are the ones to show, and its next close publishes its findings on disk.
    if (this.openUri(path) !== undefined) return true;
    // The settings of a closed document are not kept (settingsSource.ts forgets them on close).
    this.settings.forget(uri);
    if (this.publishFromDisk(path, settings)) return true;
    // Gone, no longer a framework or selected, ignored or disabled: its findings from disk leave Problems.
    const published = this.fromDisk.get(path) ?? uri;
    this.fromDisk.delete(path);
    void this.session.connection.sendDiagnostics({ uri: published, diagnostics: [] });
    return true;
  }

  /**
   * Files changed or deleted on disk (a checkout, a pull, a file removed in the explorer): those
   * whose findings in Problems came from disk are linted again as they are now, or leave Problems
   * when they are gone. Before, a deleted framework's findings stayed until the next run.
   */
  async filesChanged(changes: readonly FileEvent[]): Promise<void> {
    for (const change of changes) {
      const path = pathOf(change.uri);
      if (!path || this.openUri(path) !== undefined) continue;
      if (this.fromDisk.has(path)) await this.republish(change.uri);
      else if (change.type === FileChangeType.Created) await this.created(path, change.uri);
    }
  }

  /**
   * A JSON file created under a workspace folder after the run (a new export saved, a branch
   * checked out) is linted as the run would have linted it, so Problems does not hold every
   * framework but the newest. Folders a walk skips (node_modules, .git) are skipped here too, and
   * a file that is not a framework, or that a config ignores, publishes nothing.
   */
  private async created(path: string, uri: string): Promise<void> {
    const folder = ServerConfigs.folderOf(path, this.session.folders);
    if (!folder || relative(folder, path).split(sep).some((part) => SKIPPED_DIRS.has(part))) return;
    const settings = await this.settings.get(uri);
    this.settings.forget(uri);
    if (this.openUri(path) !== undefined || this.fromDisk.has(path)) return;
    this.publishFromDisk(path, settings);
  }

  /**
   * Lints one file as it is on disk and publishes its findings, decided as Lint Workspace decides
   * (folderCandidate, selection): a file a config's `files` glob selects is ours whatever its
   * content, and sniffing it instead took its findings away. False when nothing was published (the
   * file is gone or unreadable, not a framework, not selected, ignored, or linting is disabled).
   */
  private publishFromDisk(path: string, settings: Settings): boolean {
    const candidate = settings.enable ? folderCandidate(path, this.selection(settings)) : undefined;
    if (!candidate) return false;
    for (const file of readFrameworkFiles([candidate])) {
      if ('problem' in file) return false;
      if (this.publish(path, file.text.text, settings) !== undefined) return true;
    }
    return false;
  }

  /**
   * Asks the client, once, to report JSON files created, changed and deleted: only a window that
   * has run Lint Workspace has findings on disk to keep true, so only it pays for the events.
   */
  private watchFiles(): void {
    if (this.watching || !this.session.caps.watchedFilesDynamic) return;
    this.watching = true;
    void this.session.connection.client
      .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.json', kind: WatchKind.Create | WatchKind.Change | WatchKind.Delete }] })
      .catch((err) => this.session.log(`competency-lint: could not watch the workspace's JSON files: ${String(err)}`));
  }

  /**
   * Workspace folders were removed: the findings on disk of their files leave Problems, since no
   * later run reaches them to bring them up to date (a file still under another folder keeps its
   * own). An open document keeps its live diagnostics; closed, it is no longer published from disk.
   */
  foldersRemoved(removed: readonly string[]): void {
    if (removed.length === 0) return;
    for (const [path, uri] of [...this.fromDisk]) {
      if (ServerConfigs.folderOf(path, removed) === undefined || ServerConfigs.folderOf(path, this.session.folders) !== undefined) continue;
      this.fromDisk.delete(path);
      if (this.openUri(path) !== undefined) continue;
      this.push.close(uri);
      void this.session.connection.sendDiagnostics({ uri, diagnostics: [] });
    }
  }

  /** The URI of the open document of a file, if it is open. */
  private openUri(path: string): string | undefined {
    return this.session.openDocumentAt(path)?.uri;
  }

  /** What the configs and the `files` setting say about a file on disk. */
  private selection(settings: Settings): FileSelection {
    return (file) => {
      const c = this.configs.forFile(file, settings, this.session.folders);
      return { ignored: c.ignored, selected: c.selected };
    };
  }

  /** Lints a file as it is on disk and publishes its findings; their number, or undefined when the config ignores the file. */
  private publish(path: string, text: string, settings: Settings): number | undefined {
    const c = this.configs.forFile(path, settings, this.session.folders);
    if (c.ignored) return undefined;
    const uri = pathToFileURL(path).toString();
    const diagnostics = c.error ? [configErrorDiagnostic(c.error)] : diagnosticsOf(uri, analyse(text, { config: c.config }));
    this.push.publishedFromDisk(uri, diagnostics.length === 0);
    this.fromDisk.set(path, uri);
    void this.session.connection.sendDiagnostics({ uri, diagnostics });
    return diagnostics.length;
  }
}
