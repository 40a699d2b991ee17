/**
 * Findings as the editor's diagnostics, for open documents and for files linted from disk alike.
 */
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver/node';
import type { AnalysisResult } from '../core/service';
import type { ConfigError } from '../node/config';
import { MAX_DIAGNOSTICS, SOURCE, overflowDiagnostic, toDiagnostic } from './convert';
import { CONFIG_CODE } from './configDocument';

export { MAX_DIAGNOSTICS };

/**
 * The diagnostics of an analysis, capped: tens of thousands of markers make the Problems view
 * unusable and their serialisation costs more than the analysis. Errors and warnings come first;
 * the last diagnostic says how many were left out and where to see them all.
 */
export function diagnosticsOf(uri: string, result: AnalysisResult): Diagnostic[] {
  const lines = result.doc.lines;
  let findings = result.findings;
  const total = findings.length;
  if (total > MAX_DIAGNOSTICS) {
    const rank = { error: 0, warning: 1, info: 2 } as const;
    findings = [...findings].sort((a, b) => rank[a.severity] - rank[b.severity] || a.range.start - b.range.start).slice(0, MAX_DIAGNOSTICS);
    findings.sort((a, b) => a.range.start - b.range.start);
  }
  const out = findings.map((f) => toDiagnostic(uri, lines, f));
  if (total > MAX_DIAGNOSTICS) {
    out.push(overflowDiagnostic(`${total - MAX_DIAGNOSTICS} more findings are not shown here (the editor shows the first ${MAX_DIAGNOSTICS}, errors and warnings first); run competency-lint on this file to see all ${total}.`));
  }
  return out;
}

/** The one diagnostic of a document whose config is broken: it is not linted, and this says where to look. */
export function configErrorDiagnostic(err: ConfigError): Diagnostic {
  const at = { line: Math.max(0, err.line - 1), character: Math.max(0, err.column - 1) };
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: 1,
    source: SOURCE,
    code: CONFIG_CODE,
    message: `Not linted: the config ${err.file} is broken at ${err.line}:${err.column}: ${err.detail}`,
    relatedInformation: [{ location: { uri: pathToFileURL(err.file).toString(), range: { start: at, end: at } }, message: err.detail }],
  };
}
