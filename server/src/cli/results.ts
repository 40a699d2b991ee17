/**
 * What the lint loop hands to the formatters: per file, the findings placed at 1-based lines and
 * columns (end exclusive), as every output format shows them.
 */
import type { Category, Severity } from '../core/types';
import type { SectionPieces, SectionSummary } from '../core/report/html';

export interface PlacedRelated {
  pointer: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
  /** Only when the format shows it (SARIF's logical locations; LintOptions.nodeKinds). */
  nodeKind?: NodeKind;
}

/** What a pointer designates, for SARIF's logical locations (its kinds for JSON). */
export type NodeKind = 'object' | 'array' | 'value';

export interface PlacedMessage {
  ruleId: string;
  category: Category;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  pointer: string;
  /** Only when the format shows it (SARIF's logical locations; LintOptions.nodeKinds). */
  nodeKind?: NodeKind;
  related: PlacedRelated[];
}

export interface FileResult {
  /** Absolute path, or "<stdin>" for standard input without --stdin-filename. */
  filePath: string;
  messages: PlacedMessage[];
  errorCount: number;
  warningCount: number;
  infoCount: number;
  /** How many of this file's findings --fix mended (0 without --fix), as the editor's fix-all counts them. */
  fixed: number;
  /**
   * The file's part of the report, for a format made of parts (formatters/index.ts, PartFormat):
   * `messages` is then empty, since the part already says everything the report says of them.
   */
  part?: Uint8Array;
  /**
   * The file's section of the html page, rendered in the thread that linted the file (its level
   * matrix needs the whole analysis, which is let go once the section is made), and what the
   * page's header and index say of it; `messages` is then empty, as with a part. The page puts
   * the section's pieces together, since how (its legend, whether it is folded) depends on how
   * many files the page shows.
   */
  section?: { pieces: SectionPieces; summary: SectionSummary };
  /**
   * With --baseline: the file's key in it, how many of its findings it knew (and so were left
   * out) and how many it records that no longer occur; with --update-baseline, what to record.
   */
  baseline?: { path: string; known: number; unused: number; entries?: Record<string, Record<string, number>> };
}

/** A message for standard error that made the run fail with exit code 2 (usage or unreadable input). */
export interface RunProblem {
  message: string;
}

export function countBySeverity(messages: readonly PlacedMessage[]): Pick<FileResult, 'errorCount' | 'warningCount' | 'infoCount'> {
  let errorCount = 0;
  let warningCount = 0;
  let infoCount = 0;
  for (const m of messages) {
    if (m.severity === 'error') errorCount++;
    else if (m.severity === 'warning') warningCount++;
    else infoCount++;
  }
  return { errorCount, warningCount, infoCount };
}
