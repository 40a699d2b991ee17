/**
 * The generated parts of the documentation: the rules table of the README and the index of
 * docs/rules/README.md, both rendered from the rule registry. `npm run docs` writes them and
 * test/unit/docs.test.ts compares them, so the tables cannot drift from the code.
 */
import type { RuleMeta } from '../../server/src/core/rules/types';

export const START_MARKER = '<!-- rules:start -->';
export const END_MARKER = '<!-- rules:end -->';

/** The files holding a generated table, and where their links to the rule pages start from. */
export const GENERATED_TABLES = [
  { file: 'README.md', pageBase: 'docs/rules/' },
  { file: 'docs/rules/README.md', pageBase: '' },
] as const;

/** What a new README holds until someone writes the rest of it around the markers. */
export const MINIMAL_README = `# competency-lint\n\n## Rules\n\n${START_MARKER}\n${END_MARKER}\n`;

const FIX_WORDS: Record<string, string> = { safe: 'yes', review: 'quick fix only' };

/** A Markdown table of the rules in registry order; `pageBase` is the path from the file to docs/rules/. */
export function renderRulesTable(rules: readonly RuleMeta[], pageBase: string): string {
  const rows = rules.map((r) =>
    [`[${r.id}](${pageBase}${r.id}.md)`, r.category, r.defaultSeverity, FIX_WORDS[r.fixable ?? ''] ?? 'no', cell(r.description)],
  );
  return [
    '| Rule | Category | Default severity | Fix | Description |',
    '| --- | --- | --- | --- | --- |',
    ...rows.map((cells) => `| ${cells.join(' | ')} |`),
  ].join('\n');
}

/** A table cell must stay on one line and must not end the cell early. */
function cell(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|');
}

/** The text between the markers, or undefined when the markers are missing or out of order. */
export function generatedRegion(text: string): string | undefined {
  const start = text.indexOf(START_MARKER);
  const end = text.indexOf(END_MARKER, start + START_MARKER.length);
  if (start < 0 || end < 0) return undefined;
  return text.slice(start + START_MARKER.length, end);
}

/** The text with the region between the markers replaced by `content`; nothing else is touched. */
export function replaceRegion(text: string, content: string): string | undefined {
  const start = text.indexOf(START_MARKER);
  const end = text.indexOf(END_MARKER, start + START_MARKER.length);
  if (start < 0 || end < 0) return undefined;
  return text.slice(0, start + START_MARKER.length) + regionContent(content) + text.slice(end);
}

/** How a table sits between the markers: on lines of its own. */
export function regionContent(table: string): string {
  return `\n${table}\n`;
}
