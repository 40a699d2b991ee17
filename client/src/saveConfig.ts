/**
 * The server's "Suppress … in .competency-lint.json" quick fix is a workspace edit of the config
 * file. VS Code applies such an edit to the file's text and leaves it unsaved (a new config is even
 * created empty on disk), while the server and the CLI read configs from disk: the finding stayed,
 * and a new empty config broke every framework under it until the user found the file and saved it.
 * So in VS Code the action also saves the configs it edited, by a command that runs after the edit.
 */
import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient/node';

export const SAVE_CONFIGS = 'competencyLint.saveEditedConfigs';
const CONFIG_NAME = '.competency-lint.json';

export function registerSaveConfigs(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(SAVE_CONFIGS, async (...uris: unknown[]) => {
      for (const u of uris) {
        if (typeof u !== 'string') continue;
        const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === u);
        if (doc?.isDirty) await doc.save();
      }
    }),
  );
}

/**
 * Adds the save to every action whose edit changes a config file, unless that config already has
 * unsaved changes: those are the user's work in progress, which a quick fix should not save (nor
 * run format-on-save over) for them; the entry then waits in the editor with them.
 */
export const saveConfigsAfterEdit: Middleware['provideCodeActions'] = async (document, range, context, token, next) => {
  const actions = await next(document, range, context, token);
  const dirty = new Set(vscode.workspace.textDocuments.filter((d) => d.isDirty).map((d) => d.uri.toString()));
  for (const a of actions ?? []) {
    if (!(a instanceof vscode.CodeAction) || !a.edit || a.command) continue;
    const configs = a.edit.entries().map(([uri]) => uri).filter((uri) => uri.path.endsWith(`/${CONFIG_NAME}`) && !dirty.has(uri.toString()));
    if (configs.length > 0) a.command = { title: 'Save the config', command: SAVE_CONFIGS, arguments: configs.map((u) => u.toString()) };
  }
  return actions;
};
