/**
 * The quick fix "Suppress <rule> for this statement in .competency-lint.json". A reviewer who
 * decides that a finding is intended (a scope reading that is right for this occupation, a topic
 * that honestly ends early) records that in the config the CLI reads too, so CI agrees with the
 * editor. The entry names the file (relative to the config's folder, as a glob that matches only
 * it), the statement by its level and text for a rule that judges its words (otherwise, and for
 * a level or a field, the finding's JSON Pointer) and the rule; it goes into the nearest config that applies to the
 * document, or into a new one at the root of the document's workspace folder.
 */
import { lstatSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CodeActionKind, type CodeAction, type TextEdit as LspTextEdit, type WorkspaceEdit } from 'vscode-languageserver/node';
import { LineIndex } from '../core/parse/lines';
import { LARGE_FILE_NOTICE } from '../core/limits';
import { addSuppressionEdits, literalGlob, newConfigWithSuppression } from '../core/config/suppressionEdit';
import { globProblem } from '../core/config/globs';
import type { Suppression } from '../core/config/types';
import type { Finding } from '../core/types';
import { suppressionKey } from '../core/service';
import { CONFIG_FILE_NAME, matchesGlob } from '../node/config';
import { ServerConfigs } from './configs';
import { documentEdit, toDiagnostic, toRange } from './convert';

/** Findings that a suppression should not hide: a document that does not parse is no framework yet. */
const NOT_SUPPRESSIBLE = new Set(['json-syntax', LARGE_FILE_NOTICE]);

export interface SuppressionContext {
  uri: string;
  path: string;
  lines: LineIndex;
  /** The config files that apply to the document, farthest first (DocumentConfig.files). */
  configFiles: readonly string[];
  folders: readonly string[];
  /** The text and version of a config that is open in the editor, which is newer than the disk. */
  openText(path: string): { uri: string; text: string; version: number } | undefined;
  documentChanges: boolean;
  /** Whether the client can create files in a workspace edit. */
  canCreate: boolean;
  /** The text of the statement a pointer designates (service.ts statementTexts). */
  statementText(pointer: string): string | undefined;
}

export function suppressionActions(findings: readonly Finding[], ctx: SuppressionContext): CodeAction[] {
  const target = targetConfig(ctx);
  if (!target) return [];
  // The entry's file: a glob that selects this file and not one of the same name below it, and that
  // the config check accepts; the same for every finding.
  const base = dirname(target.file);
  const rel = relative(base, ctx.path);
  const glob = literalGlob(rel.split(sep).join('/'));
  if (glob === undefined || globProblem(glob) || !matchesGlob(resolve(ctx.path), base, glob) || matchesGlob(join(base, 'below', rel), base, glob)) return [];
  const seen = new Set<string>();
  const out: CodeAction[] = [];
  for (const f of findings) {
    // A finding about the whole document (pointer "") would be suppressed with every other finding
    // of its rule in the file, which is more than a quick fix on one finding should do.
    if (NOT_SUPPRESSIBLE.has(f.ruleId) || f.pointer === '') continue;
    const key = `${f.ruleId}\u0000${f.pointer}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const s: Suppression = entryFor(f, glob, ctx.statementText(f.pointer));
    const edit = target.edit(s);
    if (!edit) continue;
    out.push({
      title: `Suppress ${f.ruleId} for ${what(f.pointer)} in ${target.shown}`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [toDiagnostic(ctx.uri, ctx.lines, f)],
      isPreferred: false,
      edit,
    });
  }
  return out;
}

/**
 * The rules that judge a statement by its own words: their findings follow the words, so an entry
 * names the statement by its text (within its level, so that the verdict does not travel with the
 * text to another level) and follows it when statements are inserted or moved. The others judge
 * a statement by its place or its neighbours (duplicates, topic gaps, threads), and are named by
 * their pointer, as are levels and fields.
 */
const BY_WORDS = new Set(['scope-outlier', 'scope-misplaced', 'statement-topic', 'statement-period', 'statement-dash', 'statement-spacing', 'statement-list-marker']);

function entryFor(f: Finding, file: string, text: string | undefined): Suppression {
  const level = /^(\/framework\/levels\/[^/]*)\/statements\/\d+$/.exec(f.pointer)?.[1];
  // A text with no words (empty, blanks, punctuation) would name every such statement of the level.
  if (text !== undefined && level !== undefined && BY_WORDS.has(f.ruleId) && suppressionKey(text) !== '') {
    return { file, pointer: level, statement: text, rule: f.ruleId };
  }
  return { file, pointer: f.pointer, rule: f.ruleId };
}

/** What the pointer designates, in the words of the title. */
function what(pointer: string): string {
  if (/\/statements\/\d+$/.test(pointer)) return 'this statement';
  if (/^\/framework\/levels\/[^/]+(?:\/statements)?$/.test(pointer)) return 'this level';
  // level-order points at a label when the levels are told apart by their labels.
  if (/^\/framework\/levels\/[^/]+\/label$/.test(pointer)) return "this level's label";
  return pointer;
}

interface Target {
  file: string;
  /** The config as the title names it: relative to the workspace folder. */
  shown: string;
  edit(s: Suppression): WorkspaceEdit | undefined;
}

function targetConfig(ctx: SuppressionContext): Target | undefined {
  const nearest = ctx.configFiles[ctx.configFiles.length - 1];
  if (nearest) {
    const open = ctx.openText(nearest);
    let text: string;
    try {
      text = open?.text ?? readFileSync(nearest, 'utf8');
    } catch {
      return undefined;
    }
    // Editors hide a byte order mark and count positions after it; so do the edits.
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    const lines = new LineIndex(text);
    // The open document's own URI when there is one, as the client spells it.
    const uri = open?.uri ?? pathToFileURL(nearest).toString();
    return {
      file: nearest,
      shown: shownPath(nearest, ctx.folders),
      edit: (s) => {
        const edits = addSuppressionEdits(text, s);
        if (!edits) return undefined;
        const lsp: LspTextEdit[] = edits.map((e) => ({ range: toRange(lines, { start: e.start, end: e.end }), newText: e.newText }));
        return documentEdit(uri, open?.version ?? null, lsp, ctx.documentChanges);
      },
    };
  }
  if (!ctx.canCreate) return undefined;
  // No config applies: a new one at the root of the workspace folder that holds the document (the
  // deepest, for nested folders), or beside the document outside any folder.
  const file = join(ServerConfigs.folderOf(ctx.path, ctx.folders) ?? dirname(ctx.path), CONFIG_FILE_NAME);
  // Something is there that the lookup did not read as a config: a dangling link (which an editor's
  // create would follow, writing wherever a repository pointed it), a folder, a file it cannot read.
  // A config is not created over any of these.
  if (occupied(file)) return undefined;
  const uri = pathToFileURL(file).toString();
  return {
    file,
    shown: `a new ${shownPath(file, ctx.folders)}`,
    // The creation fails rather than overwrite a config that appeared since the lookup.
    edit: (s) => ({
      documentChanges: [
        { kind: 'create', uri, options: { overwrite: false, ignoreIfExists: false } },
        { textDocument: { uri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: newConfigWithSuppression(s) }] },
      ],
    }),
  };
}

function occupied(file: string): boolean {
  try {
    lstatSync(file);
    return true;
  } catch {
    return false;
  }
}

function shownPath(file: string, folders: readonly string[]): string {
  const folder = ServerConfigs.folderOf(file, folders);
  return folder ? relative(folder, file).split(sep).join('/') : file;
}
