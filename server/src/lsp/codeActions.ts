/**
 * Code actions: the core's quick fixes, statement moves and statements added on a topic a level lacks
 * for the findings under the cursor, then
 * the suppressions in `.competency-lint.json` as the last resort, and the fix-all source action.
 */
import { CodeActionKind, type CodeAction } from 'vscode-languageserver/node';
import { analyse, statementTexts } from '../core/service';
import { findingsAt, fixAll, quickFixes, type CodeAction as CoreAction } from '../core/features/codeActions';
import { moveStatementActions } from '../core/features/moveStatement';
import { addOnTopicActions } from '../core/features/addOnTopic';
import { FIX_ALL_KIND, fromRange, toCodeAction } from './convert';
import { suppressionActions } from './suppress';
import type { Range } from '../core/types';
import type { Analyses, Analysed } from './analyses';
import { pathOf, type Session } from './session';

/** Whether the client's `only` filter admits a kind: a listed kind admits its sub-kinds. */
function kindIncluded(only: string[] | undefined, kind: string): boolean {
  if (!only || only.length === 0) return true;
  return only.some((k) => kind === k || kind.startsWith(k + '.'));
}

export function registerCodeActions(session: Session, analyses: Analyses): void {
  const { connection, guard } = session;

  /** The suppression entries offered for the findings in a range, when the document is a file with a working config. */
  function suppressions(a: Analysed, uri: string, range: Range): CodeAction[] {
    const path = pathOf(uri);
    if (!path || a.entry.config.error) return [];
    return suppressionActions(findingsAt(a.result, range), {
      uri,
      path,
      lines: a.result.doc.lines,
      configFiles: a.entry.config.files,
      folders: session.folders,
      openText: (file) => {
        const d = session.openDocumentAt(file);
        return d ? { uri: d.uri, text: d.getText(), version: d.version } : undefined;
      },
      documentChanges: session.caps.documentChanges,
      canCreate: session.caps.createFiles,
      statementText: statementTexts(a.result.model),
    });
  }

  connection.onCodeAction((params, token) =>
    guard('code actions', [] as CodeAction[], async () => {
      const uri = params.textDocument.uri;
      const a = await analyses.forRequest(uri);
      if (!a || token.isCancellationRequested) return [];
      const lines = a.result.doc.lines;
      const only = params.context.only;
      const actions: CoreAction[] = [];
      let suppress: CodeAction[] = [];
      if (kindIncluded(only, CodeActionKind.QuickFix)) {
        const range = fromRange(lines, params.range);
        actions.push(...quickFixes(a.result, range), ...moveStatementActions(a.result, range, a.config), ...addOnTopicActions(a.result, range, a.config));
        suppress = suppressions(a, uri, range);
      }
      if (kindIncluded(only, FIX_ALL_KIND)) {
        const fixed = fixAll(a.result, (text) => analyse(text, { config: a.config }));
        if (fixed.edits.length > 0) {
          actions.push({
            // The findings it mends, as the Problems list counts them, not the fixes it applies.
            title: `Fix all safe competency-lint problems (${fixed.mended})`,
            kind: 'source.fixAll',
            edits: fixed.edits,
            findings: [],
            preferred: false,
          });
        }
      }
      // The fixes first: a suppression is the last resort, after what would mend the finding.
      return [...actions.map((x) => toCodeAction(uri, lines, x, a.doc.version, session.caps.documentChanges)), ...suppress];
    }),
  );
}
