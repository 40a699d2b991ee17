/**
 * Whether a document is a framework, for the status bar only: a clean framework has no
 * diagnostics, so the status bar cannot tell it from other JSON by them. It uses the core's own
 * cheap test (the one the server applies), memoised per document version because the status bar
 * asks on every keystroke.
 */
import type * as vscode from 'vscode';
import { looksLikeFramework } from '../../server/src/core/sniff';

const seen = new WeakMap<vscode.TextDocument, { version: number; framework: boolean }>();

export function isFrameworkDocument(doc: vscode.TextDocument): boolean {
  const hit = seen.get(doc);
  if (hit && hit.version === doc.version) return hit.framework;
  const framework = looksLikeFramework(doc.getText());
  seen.set(doc, { version: doc.version, framework });
  return framework;
}
