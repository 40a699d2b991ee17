/**
 * Waiting on the editor's own events, never on the clock: each helper checks the current state,
 * then re-checks on every event that could change it, and gives up after a bound with a message
 * that shows what it saw last.
 */
import * as vscode from 'vscode';

export const SOURCE = 'competency-lint';

export function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

export function codeOf(d: vscode.Diagnostic): string | undefined {
  const c = d.code;
  if (c === undefined) return undefined;
  return typeof c === 'object' ? String(c.value) : String(c);
}

function describe(diags: readonly vscode.Diagnostic[]): string {
  if (diags.length === 0) return '(none)';
  return diags.map((d) => `${d.source}/${codeOf(d)} ${vscode.DiagnosticSeverity[d.severity]} ${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message.slice(0, 80)}`).join('\n  ');
}

/** Resolves with the document's diagnostics once `accept` holds for them. */
export function waitForDiagnostics(
  uri: vscode.Uri,
  accept: (all: vscode.Diagnostic[]) => boolean,
  what: string,
  timeoutMs = 45_000,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const all = vscode.languages.getDiagnostics(uri);
      if (!accept(all)) return false;
      done();
      resolve(all);
      return true;
    };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      done();
      reject(new Error(`waited ${timeoutMs} ms for ${what} in ${uri.path}; diagnostics now:\n  ${describe(vscode.languages.getDiagnostics(uri))}`));
    }, timeoutMs);
    const done = () => { sub.dispose(); clearTimeout(timer); };
    check();
  });
}

/** Our diagnostics with the given rule id, once there is at least one. */
export async function waitForRule(uri: vscode.Uri, ruleId: string, timeoutMs?: number): Promise<vscode.Diagnostic[]> {
  const all = await waitForDiagnostics(uri, (a) => a.some((d) => d.source === SOURCE && codeOf(d) === ruleId), `a ${ruleId} diagnostic`, timeoutMs);
  return all.filter((d) => d.source === SOURCE && codeOf(d) === ruleId);
}

/** Resolves once `event` fires with a value `accept` holds for. */
export function waitForEvent<T>(event: vscode.Event<T>, accept: (value: T) => boolean, what: string, timeoutMs = 30_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const sub = event((v) => {
      if (!accept(v)) return;
      sub.dispose();
      clearTimeout(timer);
      resolve(v);
    });
    const timer = setTimeout(() => { sub.dispose(); reject(new Error(`waited ${timeoutMs} ms for ${what}`)); }, timeoutMs);
  });
}

/** A position just inside the first occurrence of `needle` (plus `delta` characters). */
export function positionOf(doc: vscode.TextDocument, needle: string, delta = 1): vscode.Position {
  const at = doc.getText().indexOf(needle);
  if (at < 0) throw new Error(`"${needle}" is not in ${doc.uri.path}`);
  return doc.positionAt(at + delta);
}
