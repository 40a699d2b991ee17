/**
 * Arranges the workbench for the README screenshot with the *packaged* extension (installed from
 * the .vsix, not loaded from the source tree): the planted framework open at its duplicate, the
 * Problems panel showing our findings. Once our diagnostics are there it signals the launcher and
 * waits, with the extension host still up, until the picture is taken.
 */
import * as vscode from 'vscode';
import { signal, waitForSignal } from '../handshake';
import { codeOf, ours, waitForRule } from '../suite/wait';

export async function run(): Promise<void> {
  const ext = vscode.extensions.getExtension('competency-lint.competency-lint');
  if (!ext) throw new Error('the packaged extension is not installed');
  if (!/[\\/]extensions[\\/]competency-lint\.competency-lint-/.test(ext.extensionPath)) {
    throw new Error(`expected the extension installed from the .vsix, found it at ${ext.extensionPath}`);
  }
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder');
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, 'planted.framework.json'));
  await vscode.window.showTextDocument(doc, { preview: false });
  const [dup] = await waitForRule(doc.uri, 'duplicate-exact', 90_000);
  await waitForRule(doc.uri, 'statement-dash');
  await vscode.commands.executeCommand('workbench.action.closeSidebar');
  await vscode.commands.executeCommand('workbench.actions.view.problems');
  await vscode.commands.executeCommand('notifications.clearAll');
  // Focus back on the editor, at the start of the duplicate's line so the view is not scrolled sideways.
  const shown = await vscode.window.showTextDocument(doc, { preview: false, preserveFocus: false });
  const at = new vscode.Position(dup.range.start.line, 0);
  shown.selection = new vscode.Selection(at, at);
  shown.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenter);
  console.log(`screenshot driver: ${ours(doc.uri).length} findings (${[...new Set(ours(doc.uri).map(codeOf))].join(', ')})`);
  const dir = process.env.COMPETENCY_LINT_SHOT_DIR;
  if (!dir) throw new Error('COMPETENCY_LINT_SHOT_DIR is not set');
  signal(dir, 'ready');
  await waitForSignal(dir, 'done', 120_000);
}
