/**
 * Diagnostics inside an open `.competency-lint.json`: its JSONC syntax errors and every problem the
 * config check finds (node/config.ts, which the CLI reads configs with), each on the text it is
 * about and in the words the CLI prints for it. Without them an editor other than VS Code showed
 * nothing in the config itself: a typo in a rule id surfaced only as "Not linted" on the frameworks
 * under it, once the config was saved.
 *
 * They follow the buffer, saved or not; the frameworks keep the config on disk until it is saved
 * (server.ts reads it again then), as the CLI would.
 */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import { CONFIG_FILE_NAME, configTextProblems } from '../node/config';
import { LineIndex } from '../core/parse/lines';
import { MAX_DIAGNOSTICS, SOURCE, overflowDiagnostic, toRange } from './convert';

/** The code of every config problem, here and on the frameworks a broken config leaves unlinted. */
export const CONFIG_CODE = 'config';

/**
 * Whether an open document is a config file, by its name: in any scheme, since a virtual
 * workspace's config is one too (its frameworks cannot find it on disk, but its text can be checked).
 */
export function isConfigDocument(uri: string): boolean {
  const query = uri.search(/[?#]/);
  const path = query === -1 ? uri : uri.slice(0, query);
  const name = path.slice(path.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(name) === CONFIG_FILE_NAME;
  } catch {
    return false;
  }
}

/**
 * The diagnostics of a config's text. `clientChecksSchema`: the client already reports the text's
 * syntax errors and what the config schema refuses (VS Code's JSON support, through the extension's
 * jsonValidation), so only what the schema cannot say is sent, and no problem shows twice.
 */
export function configDiagnostics(text: string, clientChecksSchema: boolean): Diagnostic[] {
  const lines = new LineIndex(text);
  const problems = configTextProblems(text).problems.filter((p) => !clientChecksSchema || p.kind === 'semantic');
  // Capped as a framework's findings are (MAX_DIAGNOSTICS): a generated config with thousands of
  // broken entries would otherwise send them all on every keystroke.
  const out: Diagnostic[] = problems
    .slice(0, MAX_DIAGNOSTICS)
    .map((p) => ({ range: toRange(lines, p.range), severity: DiagnosticSeverity.Error, source: SOURCE, code: CONFIG_CODE, message: p.message }));
  if (problems.length > MAX_DIAGNOSTICS)
    out.push(overflowDiagnostic(`${problems.length - MAX_DIAGNOSTICS} more problems are not shown here (the editor shows the first ${MAX_DIAGNOSTICS}); they show as these are mended.`));
  return out;
}
