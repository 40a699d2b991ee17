/**
 * A whole framework for a document that holds nothing yet. The language server asks only for a
 * document it lints, so an empty one gets this when a `competencyLint.files` glob selects it.
 *
 * It is the schema's own whole-document snippet (the one VS Code's JSON support offers in a
 * `*.framework.json` file), written out the way that support writes it: one property or item a
 * line, and a string that starts with `^` inserted as it is, which is how the snippet puts a choice
 * of job zones where a number goes. One body for both, so the two editors' skeletons cannot drift.
 */
import SCHEMA from '../../../../schemas/competency-framework.schema.json';
import type { CompletionItem } from './completion';

interface Snippet {
  label: string;
  description?: string;
  body: unknown;
}

const SNIPPET = (SCHEMA as unknown as { defaultSnippets: Snippet[] }).defaultSnippets[0];

/** A snippet body as text: objects and arrays one entry a line, indented by tabs. */
export function writeSnippetBody(value: unknown, eol: string, depth = 0): string {
  if (typeof value === 'string') return value.startsWith('^') ? value.slice(1) : JSON.stringify(value);
  const inner = '\t'.repeat(depth + 1);
  const close = '\t'.repeat(depth);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[${eol}${value.map((v) => inner + writeSnippetBody(v, eol, depth + 1)).join(`,${eol}`)}${eol}${close}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 0) return '{}';
    return `{${eol}${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${writeSnippetBody(v, eol, depth + 1)}`).join(`,${eol}`)}${eol}${close}}`;
  }
  return JSON.stringify(value);
}

export function skeletonItem(offset: number, eol: string): CompletionItem {
  return {
    label: SNIPPET.label,
    kind: 'value',
    detail: 'a whole framework export to fill in',
    documentation: SNIPPET.description,
    insertText: writeSnippetBody(SNIPPET.body, eol),
    snippet: true,
    range: { start: offset, end: offset },
  };
}
