/**
 * The `sarif` format: SARIF 2.1.0, which GitHub code scanning and other tools import. The driver
 * lists every rule with its page (helpUri) and default level, so results can point at rules by
 * index; each result has a 1-based region in UTF-16 columns (as JavaScript strings count them),
 * the JSON Pointer as a logical location, and related locations for the other places it names,
 * each linked from the message as SARIF's embedded links (`[text](id)`): GitHub code scanning shows a
 * related location only where the message links to it.
 * Paths inside the working folder are relative to %SRCROOT%, which is what code scanning expects.
 */
import { pathToFileURL } from 'node:url';
import { findingDocsUrl } from '../../core/rules/index';
import type { Severity } from '../../core/types';
import type { PlacedMessage } from '../results';
import type { Formatter } from './index';
import { LONG_ARRAY, prettyJsonPieces } from './longJson';
import { portablePath } from './paths';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };
const SRCROOT = '%SRCROOT%';
const INFORMATION_URI = 'https://github.com/competency-lint/competency-lint';

interface SarifRule {
  id: string;
  name?: string;
  shortDescription: { text: string };
  helpUri: string;
  defaultConfiguration: { level: 'error' | 'warning' | 'note' };
  properties: { category: string; tags: string[] };
}

/** SARIF rule names are PascalCase identifiers; ours are kebab-case ids. */
function ruleName(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('');
}

/** A relative path as a URI reference: each segment percent-encoded, slashes kept. */
function relativeUri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

export const sarif: Formatter = (results, ctx) => {
  const rules: SarifRule[] = [];
  const index = new Map<string, number>();
  const addRule = (id: string, description: string, level: Severity, category: string) => {
    index.set(id, rules.length);
    // SARIF wants a name that differs from the id (ignoring case), or none.
    const name = ruleName(id);
    rules.push({
      id,
      ...(name.toLowerCase() !== id.toLowerCase() ? { name } : {}),
      shortDescription: { text: description },
      helpUri: findingDocsUrl(id),
      defaultConfiguration: { level: LEVEL[level] },
      properties: { category, tags: [category] },
    });
  };
  for (const r of ctx.rules) addRule(r.id, r.description, r.defaultSeverity, r.category);

  const location = (filePath: string) => {
    const rel = portablePath(filePath, ctx.cwd);
    if (filePath === rel) return { uri: filePath.startsWith('/') || /^[A-Za-z]:/.test(filePath) ? pathToFileURL(filePath).href : relativeUri(filePath) };
    return { uri: relativeUri(rel), uriBaseId: SRCROOT };
  };

  const sarifResults = [];
  for (const file of results) {
    const artifactLocation = location(file.filePath);
    for (const m of file.messages) {
      // A finding from outside the registry (a rule's internal error) still gets a rule entry; the
      // large-file notice has its own, from its setting (rules/index.ts SETTINGS).
      if (!index.has(m.ruleId)) addRule(m.ruleId, m.message, m.severity, m.category);
      sarifResults.push(result(m, index.get(m.ruleId)!, artifactLocation));
    }
  }

  const cwdUri = pathToFileURL(ctx.cwd).href.replace(/\/?$/, '/');
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'competency-lint',
            semanticVersion: ctx.version,
            version: ctx.version,
            informationUri: INFORMATION_URI,
            rules,
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: cwdUri } },
        invocations: [
          {
            executionSuccessful: ctx.problems.length === 0,
            toolExecutionNotifications: ctx.problems.map((p) => ({ level: 'error', message: { text: p.message } })),
          },
        ],
        results: sarifResults.length > LONG_ARRAY ? [] : sarifResults,
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
  if (sarifResults.length <= LONG_ARRAY) return JSON.stringify(log, null, 2) + '\n';
  // Very many results may make a log longer than a string can be: they are written one by one.
  return [...prettyJsonPieces(log, 'results', 3, sarifResults), NEWLINE];
};

const NEWLINE = new TextEncoder().encode('\n');

/**
 * Literal square brackets are escaped with a backslash, as SARIF asks of a message with embedded
 * links (3.11.6), so that a statement quoted in a message cannot read as a link.
 */
function escapeLinkText(text: string): string {
  return text.replace(/[[\]]/g, (c) => `\\${c}`);
}

/** The finding's message, followed by a link to each related location by its id. */
function messageText(m: PlacedMessage): string {
  if (m.related.length === 0) return m.message;
  const links = m.related.map((r, i) => `[${escapeLinkText(r.message.replace(/\.$/, ''))}](${i + 1})`);
  return `${escapeLinkText(m.message)} See: ${links.join('; ')}.`;
}

function result(m: PlacedMessage, ruleIndex: number, artifactLocation: { uri: string; uriBaseId?: string }) {
  const region = { startLine: m.line, startColumn: m.column, endLine: m.endLine, endColumn: m.endColumn };
  const out: Record<string, unknown> = {
    ruleId: m.ruleId,
    ruleIndex,
    level: LEVEL[m.severity],
    message: { text: messageText(m) },
    locations: [
      {
        physicalLocation: { artifactLocation, region },
        // The pointer of the whole document is "", which is not a useful name; the region says it all.
        ...(m.pointer !== '' ? { logicalLocations: [{ fullyQualifiedName: m.pointer, kind: m.nodeKind }] } : {}),
      },
    ],
  };
  if (m.related.length > 0) {
    out.relatedLocations = m.related.map((r, i) => ({
      id: i + 1,
      message: { text: r.message },
      physicalLocation: {
        artifactLocation,
        region: { startLine: r.line, startColumn: r.column, endLine: r.endLine, endColumn: r.endColumn },
      },
      ...(r.pointer !== '' ? { logicalLocations: [{ fullyQualifiedName: r.pointer, kind: r.nodeKind }] } : {}),
    }));
  }
  return out;
}
