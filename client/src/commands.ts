/**
 * The client's commands. Anything that needs analysis is delegated to the server; the client only
 * restarts it, asks it to lint the workspace, and opens the documentation a diagnostic links to.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { SOURCE } from './constants';
import type { StatusItem } from './status';
import { LINT_WORKSPACE, lintByOpening, type WorkspaceLint } from './lintWorkspace';
import type { WorkspaceLintResult } from './workspaceSummary';
import { ruleIdsOfPages } from './rulePages';

export const COMMANDS = {
  restartServer: 'competencyLint.restartServer',
  lintWorkspace: LINT_WORKSPACE,
  openRuleDocumentation: 'competencyLint.openRuleDocumentation',
} as const;

export function registerCommands(
  context: vscode.ExtensionContext,
  client: () => LanguageClient | undefined,
  status: StatusItem,
  workspaceLint: WorkspaceLint,
): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.restartServer, async () => {
      const c = client();
      if (!c) return;
      status.restartRequested();
      workspaceLint.restartRequested();
      try {
        await c.restart();
      } catch (err) {
        status.failed(String(err));
        throw err;
      }
      // The status bar shows the new server running from the client's state (StatusItem.follow).
      // The command ends once Problems shows again what it showed before: the new server's run of
      // Lint Workspace, when it was run in this window (WorkspaceLint.follow), has ended too.
      await workspaceLint.settled();
    }),
    vscode.commands.registerCommand(COMMANDS.openRuleDocumentation, (ruleId?: unknown) =>
      openRuleDocumentation(context, typeof ruleId === 'string' ? ruleId : undefined),
    ),
  );
}

/**
 * Registers Lint Workspace once the server has said what it offers: a server that offers the
 * command under this very name has had it registered by the library already (registering it again
 * would throw; WorkspaceLint.middleware shows progress and the summary around it); one that offers
 * it under another name gets it forwarded.
 */
export function registerLintWorkspace(context: vscode.ExtensionContext, client: () => LanguageClient | undefined, workspaceLint: WorkspaceLint): void {
  const offered = client()?.initializeResult?.capabilities.executeCommandProvider?.commands ?? [];
  if (offered.includes(COMMANDS.lintWorkspace)) return;
  context.subscriptions.push(vscode.commands.registerCommand(COMMANDS.lintWorkspace, () => lintWorkspace(client(), workspaceLint)));
}

async function lintWorkspace(c: LanguageClient | undefined, workspaceLint: WorkspaceLint): Promise<WorkspaceLintResult | undefined> {
  if (!c) return undefined;
  const offered = c.initializeResult?.capabilities.executeCommandProvider?.commands ?? [];
  const serverCommand = offered.find((name) => /lint-?workspace/i.test(name));
  if (serverCommand) return workspaceLint.run(c, serverCommand);
  await lintByOpening();
  return undefined;
}

async function openRuleDocumentation(context: vscode.ExtensionContext, ruleId?: string): Promise<void> {
  let target: vscode.Uri | undefined;
  if (!ruleId) {
    const picked = await pickRule(context);
    if (!picked) return;
    ({ ruleId, target } = picked);
  }
  // The .vsix carries docs/rules/, so the page opens offline in the Markdown preview; the web
  // address the diagnostic links to is the fallback.
  const local = vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules', `${ruleId}.md`);
  try {
    await vscode.workspace.fs.stat(local);
    await vscode.commands.executeCommand('markdown.showPreview', local);
    return;
  } catch {
    // No local page: fall through to the link.
  }
  if (target) await vscode.env.openExternal(target);
  else void vscode.window.showWarningMessage(`No documentation found for the rule "${ruleId}".`);
}

interface RuleChoice extends vscode.QuickPickItem {
  ruleId: string;
  target?: vscode.Uri;
}

/** The rule of the diagnostic under the cursor, or else a choice among this document's and all rules. */
async function pickRule(context: vscode.ExtensionContext): Promise<{ ruleId: string; target?: vscode.Uri } | undefined> {
  const editor = vscode.window.activeTextEditor;
  const ours = editor ? vscode.languages.getDiagnostics(editor.document.uri).filter((d) => d.source === SOURCE) : [];
  const ruleOf = (d: vscode.Diagnostic): RuleChoice | undefined => {
    const code = d.code;
    if (code === undefined) return undefined;
    if (typeof code === 'object') return { label: String(code.value), ruleId: String(code.value), target: code.target, description: d.message };
    return { label: String(code), ruleId: String(code), description: d.message };
  };
  const atCursor = editor ? ours.filter((d) => d.range.contains(editor.selection.active)).map(ruleOf).filter(isChoice) : [];
  if (atCursor.length === 1) return atCursor[0];

  const choices = new Map<string, RuleChoice>();
  for (const c of [...atCursor, ...ours.map(ruleOf).filter(isChoice)]) if (!choices.has(c.ruleId)) choices.set(c.ruleId, c);
  try {
    const pages = await vscode.workspace.fs.readDirectory(vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules'));
    for (const id of ruleIdsOfPages(pages.map(([name]) => name))) {
      if (!choices.has(id)) choices.set(id, { label: id, ruleId: id });
    }
  } catch {
    // A build without docs still offers the rules found in the document.
  }
  return vscode.window.showQuickPick([...choices.values()], { placeHolder: 'Open the documentation of which rule?' });
}

function isChoice(c: RuleChoice | undefined): c is RuleChoice {
  return c !== undefined;
}
