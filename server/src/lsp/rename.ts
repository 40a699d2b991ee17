/**
 * Rename (VS Code's F2, Neovim's `vim.lsp.buf.rename()`, Emacs's `eglot-rename`) on a statement's
 * topic: the core's renameTopic as a workspace edit of the one document. Where the cursor is on a
 * statement but not on a topic, or the new name would not read as a topic, the request fails with
 * the core's reason, which editors show in place of a silent "cannot rename".
 */
import { LSPErrorCodes, ResponseError, type Range as LspRange, type WorkspaceEdit } from 'vscode-languageserver/node';
import { renameTopic, topicAt } from '../core/features/renameTopic';
import { documentEdit, toRange, toTextEdit } from './convert';
import type { Analyses } from './analyses';
import type { Session } from './session';

function refuse(reason: string): never {
  throw new ResponseError(LSPErrorCodes.RequestFailed, reason);
}

export function registerRename(session: Session, analyses: Analyses): void {
  const { connection, guard } = session;

  connection.onPrepareRename((params, token) =>
    guard('prepare rename', null, async (): Promise<{ range: LspRange; placeholder: string } | null> => {
      const a = await analyses.forRequest(params.textDocument.uri);
      if (!a || token.isCancellationRequested) return null;
      const lines = a.result.doc.lines;
      const target = topicAt(a.result, lines.offsetAt(params.position));
      if (!target) return null;
      if ('refused' in target) refuse(target.refused);
      return { range: toRange(lines, target.range), placeholder: target.topic };
    }),
  );

  connection.onRenameRequest((params, token) =>
    guard('rename', null, async (): Promise<WorkspaceEdit | null> => {
      const { uri } = params.textDocument;
      const a = await analyses.forRequest(uri);
      if (!a || token.isCancellationRequested) return null;
      const lines = a.result.doc.lines;
      const rename = renameTopic(a.result, lines.offsetAt(params.position), params.newName);
      if (!rename) return null;
      if ('refused' in rename) refuse(rename.refused);
      const edits = rename.edits.map((e) => toTextEdit(lines, e));
      // Versioned where the client can check it, so an edit made for an older text is refused.
      return documentEdit(uri, a.doc.version, edits, session.caps.documentChanges);
    }),
  );
}
