/**
 * The `gitlab` format: GitLab's Code Quality report (a subset of Code Climate's issue format),
 * which a merge request shows as new and fixed findings. GitLab tells findings apart by their
 * fingerprint, so it is made from what identifies a finding rather than where it happens to be or
 * how it is worded: the file, the rule and the JSON Pointer, and, for a rule that reports one node
 * more than once, how many of its findings there came before. Lines added or removed elsewhere
 * keep a fingerprint, and so does a message whose counts change ("38 of the 40 statements");
 * a statement moved to another place in its level gets a new one, since its pointer changes.
 *
 * Not made of parts: the report is one array of every file's findings, and whether a file's first
 * element needs a comma before it depends on whether any earlier file had findings.
 */
import { createHash } from 'node:crypto';
import { BIDI_CONTROLS, codePoint } from '../../core/report/escape';
import type { Category, Severity } from '../../core/types';
import type { FileResult, PlacedMessage } from '../results';
import type { Formatter, PartContext } from './index';
import { LONG_ARRAY, prettyArrayPieces } from './longJson';
import { portablePath } from './paths';

/** Code Climate's severities, of which GitLab shows info, minor, major, critical and blocker. */
const SEVERITY: Record<Severity, 'major' | 'minor' | 'info'> = { error: 'major', warning: 'minor', info: 'info' };

/** Our categories in Code Climate's fixed list: a document that breaks its format is a risk to whoever reads it. */
const CATEGORY: Record<Category, string> = {
  syntax: 'Bug Risk',
  schema: 'Bug Risk',
  metadata: 'Bug Risk',
  format: 'Style',
  duplicate: 'Duplication',
  scope: 'Clarity',
  coverage: 'Clarity',
};

interface CodeQualityIssue {
  type: 'issue';
  check_name: string;
  description: string;
  categories: string[];
  severity: string;
  fingerprint: string;
  location: { path: string; lines: { begin: number; end: number }; positions: { begin: { line: number; column: number }; end: { line: number; column: number } } };
}

function issue(m: PlacedMessage, path: string, seen: Map<string, number>): CodeQualityIssue {
  // Counted by the identity's digest, not its text: hashing encodes the text as UTF-8, where two
  // different lone surrogates (a document can escape one) both become U+FFFD, and the count must
  // tell apart what the hash cannot.
  const identity = createHash('md5').update(`${path}\u0000${m.ruleId}\u0000${m.pointer}`).digest('hex');
  const repeat = seen.get(identity) ?? 0;
  seen.set(identity, repeat + 1);
  return {
    type: 'issue',
    check_name: m.ruleId,
    // GitLab shows the description as text; a direction override in a quoted statement would
    // reverse the rest of it, so it is shown as its code point, as the other reports show it.
    description: `${m.message} (${m.ruleId})`.replace(BIDI_CONTROLS, codePoint),
    categories: [CATEGORY[m.category]],
    severity: SEVERITY[m.severity],
    fingerprint: repeat === 0 ? identity : createHash('md5').update(`${identity}\u0000${repeat}`).digest('hex'),
    location: {
      path,
      lines: { begin: m.line, end: m.endLine },
      positions: { begin: { line: m.line, column: m.column }, end: { line: m.endLine, column: m.endColumn } },
    },
  };
}

function fileIssues(r: FileResult, ctx: PartContext): CodeQualityIssue[] {
  const path = portablePath(r.filePath, ctx.cwd);
  const seen = new Map<string, number>();
  return r.messages.map((m) => issue(m, path, seen));
}

export const gitlab: Formatter = (results, ctx) => {
  const issues = results.flatMap((r) => fileIssues(r, ctx));
  return issues.length > LONG_ARRAY ? prettyArrayPieces(issues) : JSON.stringify(issues, null, 2) + '\n';
};
