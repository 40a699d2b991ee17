/** The workspace the launcher opened and the extension under test, shared by the suites. */
import * as vscode from 'vscode';

export const EXTENSION_ID = 'competency-lint.competency-lint';

export function workspaceUri(...path: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the tests need the fixture workspace open (test/extension/workspace)');
  return vscode.Uri.joinPath(folder.uri, ...path);
}

export async function open(...path: string[]): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(workspaceUri(...path));
  return vscode.window.showTextDocument(doc, { preview: false });
}

/** The text a diagnostic's range (or any range) covers. */
export function textAt(doc: vscode.TextDocument, range: vscode.Range): string {
  return doc.getText(range);
}

/** Hover contents as plain text. */
export function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : String(c)))
    .join('\n---\n');
}

/**
 * Puts a document back to `text` and saves it, so the next test starts from the fixture. (The
 * revert command acts on the focused editor, which a headless workbench does not always have.)
 */
export async function restore(doc: vscode.TextDocument, text: string): Promise<void> {
  if (doc.getText() !== text) {
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), text);
    if (!(await vscode.workspace.applyEdit(edit))) throw new Error(`could not restore ${doc.uri.path}`);
  }
  if (doc.isDirty) await doc.save();
}
