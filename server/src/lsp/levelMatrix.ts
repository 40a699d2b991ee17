/**
 * The `competencyLint/levelMatrix` request: the level matrix of an open document, rendered by the
 * core's report renderer, for the VS Code webview. The server answers with the page's body and its
 * style sheet separately, because the client owns the page around them (its Content-Security-Policy
 * and nonce); it never sends a script. Cells carry their pointer and the offsets of their statement
 * in the analysed version, which the answer names, so a click can reveal the statement.
 */
import type { Connection } from 'vscode-languageserver/node';
import type { ResolvedConfig } from '../core/config/types';
import type { AnalysisResult } from '../core/service';
import { buildMatrix } from '../core/report/matrix';
import { MATRIX_CSS, renderMatrixBody } from '../core/report/html';

export const LEVEL_MATRIX_REQUEST = 'competencyLint/levelMatrix';

export interface LevelMatrixParams {
  uri: string;
}

export interface LevelMatrixResult {
  uri: string;
  /** The document version the matrix (and the offsets in its cells) belongs to. */
  version: number;
  title: string;
  /** The HTML of the page's body: escaped markup, no script. */
  body: string;
  css: string;
}

type Analysed = { result: AnalysisResult; config: ResolvedConfig; doc: { version: number } };
type Guard = <T>(name: string, fallback: T, fn: () => T | Promise<T>) => Promise<T>;

/** The file name of a URI, for the page's heading; an untitled document keeps its whole name. */
function titleOf(uri: string): string {
  // Cut at the first '?' or '#' by position: `/[?#].*$/` retried from every '?' of a URI with a
  // line break in it, quadratic in its length (found by the regular expression audit).
  const cut = uri.search(/[?#]/);
  const path = cut < 0 ? uri : uri.slice(0, cut);
  const last = path.slice(path.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(last) || uri;
  } catch {
    return last || uri;
  }
}

/**
 * Registers the request. `analysedFor` is the server's own cache lookup, so the matrix shows
 * exactly the analysis the diagnostics came from; null answers a document that is not a framework.
 */
export function registerLevelMatrix(connection: Connection, analysedFor: (uri: string) => Promise<Analysed | undefined>, guard: Guard): void {
  connection.onRequest(LEVEL_MATRIX_REQUEST, (params: LevelMatrixParams) =>
    guard<LevelMatrixResult | null>('level matrix', null, async () => {
      if (!params || typeof params.uri !== 'string') return null;
      const a = await analysedFor(params.uri);
      if (!a) return null;
      const title = titleOf(params.uri);
      const view = buildMatrix(a.result, { config: a.config, title, idPrefix: 'm' });
      return { uri: params.uri, version: a.doc.version, title, body: renderMatrixBody(view), css: MATRIX_CSS };
    }),
  );
}
