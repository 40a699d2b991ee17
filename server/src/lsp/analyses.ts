/**
 * The analysis of each open document's current version: cached per version, updated in place for an
 * edit inside one statement, and decided here whether a document is ours at all.
 *
 * Invariants kept here:
 * - A result is cached per document version; a request for the cached version gets that analysis.
 * - The analysis of an older version is let go when a newer version arrives, unless the edits since
 *   can be followed and the next analysis will update it (core/incremental.ts).
 * - JSON that is not a framework (and not selected by a `files` glob) gets no analysis.
 * - A `.competency-lint.json` is never analysed as a framework: it gets the config check instead.
 */
import type { Diagnostic } from 'vscode-languageserver/node';
import { analyse, type AnalysisResult } from '../core/service';
import { updateForEdit } from '../core/incremental';
import { EXACT_HASHES } from '../core/analysis/duplicates/index';
import { looksLikeFramework } from '../core/sniff';
import { EMPTY_CONFIG, type ResolvedConfig } from '../core/config/types';
import type { ServerConfigs, DocumentConfig } from './configs';
import type { EditTracker } from './editTracker';
import type { PieceDocument } from './pieceDocument';
import type { Settings } from './settings';
import type { SettingsSource } from './settingsSource';
import { pathOf, type Session } from './session';
import { configErrorDiagnostic, diagnosticsOf } from './diagnostics';
import { configDiagnostics, isConfigDocument } from './configDocument';
import { collectAfterEditIfGrown, collectAfterLargeDocument, collectBeforeLargeAnalysis } from './memory';

/** What a config file's own entry holds in place of the configs that govern a framework. */
const NO_CONFIG: DocumentConfig = { config: EMPTY_CONFIG, files: [], ignored: false, selected: false };

/** One analysed version of a document. */
export interface Entry {
  version: number;
  /** Distinguishes two analyses of the same version (after a config change); the pull result id. */
  stamp: number;
  /** Whether its diagnostics are ours to publish: a framework, or a config file (configDocument.ts). */
  ours: boolean;
  result?: AnalysisResult;
  config: DocumentConfig;
  diagnostics: Diagnostic[];
}

/** What a feature request works on: the analysis of the document's current version. */
export interface Analysed {
  entry: Entry;
  result: AnalysisResult;
  doc: PieceDocument;
  config: ResolvedConfig;
}

export class Analyses {
  private readonly entries = new Map<string, Entry>();
  /** Open documents that have read as frameworks: they stay ours until closed (see now()). */
  private readonly knownFrameworks = new Set<string>();
  private stamps = 0;
  /** How many analyses ran, so that a test or a user troubleshooting can see superseded versions skipped. */
  count = 0;
  /** Whether the last analysis updated the previous one for an edit instead of starting over. */
  lastIncremental = false;
  /** Milliseconds of the last collection before an analysis (memory.ts), part of the answer's time. */
  lastCollectMs = 0;

  constructor(
    private readonly session: Session,
    private readonly settings: SettingsSource,
    private readonly configs: ServerConfigs,
    private readonly edits: EditTracker,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  cached(uri: string): Entry | undefined {
    return this.entries.get(uri);
  }

  /** Forgets the cached analysis, so that the next request analyses again (after a config change). */
  invalidate(uri: string): void {
    this.entries.delete(uri);
  }

  /**
   * A new version arrived. The analysis of an older version can serve no request any more: it is
   * let go now, so that a large document never has two analyses in memory. Unless the edits since
   * it can be followed: then the next analysis updates it instead of starting over.
   */
  arrive(doc: PieceDocument): void {
    const stale = this.entries.get(doc.uri);
    if (stale && stale.version !== doc.version && !(stale.result?.limited && this.edits.following(doc.uri))) stale.result = undefined;
  }

  close(uri: string): void {
    this.entries.delete(uri);
    this.knownFrameworks.delete(uri);
    this.edits.forget(uri);
  }

  /** Analyses the document's current version, or returns the cached analysis of that version. */
  now(doc: PieceDocument, settings: Settings): Entry {
    const cached = this.entries.get(doc.uri);
    if (cached && cached.version === doc.version) return cached;
    if (isConfigDocument(doc.uri)) return this.checkConfig(doc, settings);
    const text = doc.getText();
    const config = this.configs.forFile(pathOf(doc.uri), settings, this.session.folders);
    // The edits since the analysed version, when they were all followed (editTracker.ts).
    const edit = this.edits.take(doc, cached?.result ? cached.version : undefined);
    let ours = false;
    let result: AnalysisResult | undefined;
    let diagnostics: Diagnostic[] = [];
    if (settings.enable && !config.ignored) {
      // The previous analysis is updated for the edit when it lies inside one statement
      // (core/incremental.ts). Such an edit cannot make the document stop being a framework, so it
      // is not sniffed again (sniffing would read, and so copy, the whole text).
      if (cached?.ours && cached.result && edit && !config.error) {
        result = updateForEdit(cached.result, edit, text, { config: config.config });
        ours = result !== undefined;
      }
      // Given up either way: updated in place, or garbage before a full analysis.
      if (cached) cached.result = undefined;
      // Once an open document has read as a framework it stays one until it is closed: a keystroke
      // that breaks the JSON before "levels" (a stray brace, a deleted quote) would otherwise make
      // it unrecognisable, and every finding, the syntax error included, would vanish while the
      // user types. The CLI lints a file named to it whatever its content, as this does.
      // A document selected by a `files` glob only is not remembered: it is ours while the glob
      // selects it, and taking the glob out lets it go.
      if (!ours && this.knownFrameworks.has(doc.uri)) ours = true;
      else if (!ours && looksLikeFramework(text)) {
        ours = true;
        this.knownFrameworks.add(doc.uri);
      }
      ours ||= config.selected;
      if (ours && config.error) {
        diagnostics = [configErrorDiagnostic(config.error)];
      } else if (ours) {
        this.count++;
        this.lastCollectMs = 0;
        if (!result) {
          // What brought this version is garbage now: an older version's analysis, or on opening, the
          // message that carried the text (a 20 MB document arrives as some 60 MB of buffers and strings).
          this.lastCollectMs = collectBeforeLargeAnalysis(text.length);
          result = analyse(text, { config: config.config });
        }
        this.lastIncremental = result.incremental === true;
        diagnostics = diagnosticsOf(doc.uri, result);
        // Above maxFileSize only the cheap rules ran. Of what they shared, only the statements' key
        // hashes are kept (4 bytes a statement), which the next keystroke's incremental update needs;
        // no feature of a document that large needs the rest often, and one that asks recomputes it.
        if (result.limited) result = { ...result, shared: result.shared.retain([EXACT_HASHES]) };
      }
    }
    const entry: Entry = { version: doc.version, stamp: ++this.stamps, ours, result, config, diagnostics };
    this.entries.set(doc.uri, entry);
    // Told before the diagnostics that follow, so that the client counts them for a linted document.
    this.session.linted?.note(doc.uri, ours);
    return entry;
  }

  /**
   * A config file's version, checked (configDocument.ts) rather than analysed: it has diagnostics
   * of its own and no analysis, so feature requests get nothing. It is not announced as linted,
   * which the status bar takes to mean a framework whose findings it counts.
   */
  private checkConfig(doc: PieceDocument, settings: Settings): Entry {
    const diagnostics = settings.enable ? configDiagnostics(doc.getText(), this.session.clientChecksConfigSchema) : [];
    const entry: Entry = { version: doc.version, stamp: ++this.stamps, ours: settings.enable, config: NO_CONFIG, diagnostics };
    this.entries.set(doc.uri, entry);
    this.session.linted?.note(doc.uri, false);
    return entry;
  }

  /** The analysis for a feature request, or undefined for a closed, unknown or non-framework document. */
  async forRequest(uri: string): Promise<Analysed | undefined> {
    if (!this.session.documents.get(uri)) return undefined;
    const settings = await this.settings.get(uri);
    const doc = this.session.documents.get(uri);
    if (!doc) return undefined;
    const entry = this.now(doc, settings);
    if (!entry.ours || !entry.result) return undefined;
    return { entry, result: entry.result, doc, config: entry.config.config };
  }

  /**
   * Collects after the reply when the analysis left enough garbage (memory.ts): a full analysis
   * does; an incremental update leaves little, and a collection of a large heap after each
   * keystroke would only delay the next one, so keystrokes get one once their garbage adds up.
   */
  collectAfter(entry: Entry, length: number): void {
    if (entry.ours && entry.result?.incremental !== true) collectAfterLargeDocument(length);
    else if (entry.ours) collectAfterEditIfGrown(length);
  }
}
