/**
 * The `html` format: the level matrix of every linted file on one self-contained page (inline CSS
 * and SVG, no script, nothing fetched), with an index of the files and their totals when there are
 * several. It is the only format that needs more than the placed findings: the lint loop renders
 * each file's section from its analysis in the thread that linted it (`FileResult.section`), with
 * the same findings, filtered the same way (--quiet), as the other formats; the page is those
 * sections in file order, written piece by piece, so that no page is too long for a string.
 */
import { buildMatrix, findingsOnlyView, type MatrixFindingInput } from '../../core/report/matrix';
import type { AnalysisResult } from '../../core/service';
import type { ResolvedConfig } from '../../core/config/types';
import { createHash } from 'node:crypto';
import { MATRIX_CSS, renderPagePieces, sectionOrNote, sectionPieces, summaryOf, type SectionPieces, type SectionSummary } from '../../core/report/html';
import type { FileResult, PlacedMessage } from '../results';
import type { Formatter } from './index';
import { displayPath } from './paths';
import { emptyRunLine } from '../emptyRun';

const encoder = new TextEncoder();

export const html: Formatter = (results, ctx) => {
  const summaries: SectionSummary[] = [];
  const sections: SectionPieces[] = [];
  results.forEach((r, i) => {
    const section = r.section ?? findingsOnly(r, ctx.cwd, i);
    summaries.push(section.summary);
    sections.push(section.pieces);
  });
  const problems = ctx.problems.map((p) => p.message);
  // The policy names the one style sheet by its hash, so no other style can apply even if one got in.
  const styleHash = createHash('sha256').update(MATRIX_CSS, 'utf8').digest('base64');
  return renderPagePieces(summaries, sections, { version: ctx.version, problems, styleHash, emptyMessage: emptyRunLine(ctx.emptyReason) }).map((piece) => encoder.encode(piece));
};

/**
 * The file's section of the page: its level matrix, drawn from the analysis with the findings the
 * report shows (filtered as --quiet filters them). The lint loop calls it in the thread that linted
 * the file, so that the analysis can be let go. Its element ids start with the file's place among
 * the run's inputs, which is the same whichever thread lints it.
 */
export function htmlSection(analysis: AnalysisResult, config: ResolvedConfig, result: FileResult, cwd: string, index: number): NonNullable<FileResult['section']> {
  const view = buildMatrix(analysis, { config, title: displayPath(result.filePath, cwd), idPrefix: `f${index}`, findings: matrixFindings(result.messages) });
  return { pieces: sectionOrNote(view), summary: summaryOf(view) };
}

/** The report's findings of a file as the level matrix lists them. */
function matrixFindings(messages: readonly PlacedMessage[]): MatrixFindingInput[] {
  return messages.map((m) => ({
    ruleId: m.ruleId,
    severity: m.severity,
    message: m.message,
    pointer: m.pointer,
    line: m.line,
    column: m.column,
    related: m.related.map((r) => ({ pointer: r.pointer, message: r.message, line: r.line, column: r.column })),
  }));
}

/**
 * A result the lint loop drew no section for (none in a CLI run): its findings alone, under ids of
 * their own ("r", not the lint loop's "f"), so that they cannot meet another section's.
 */
function findingsOnly(r: FileResult, cwd: string, index: number): NonNullable<FileResult['section']> {
  const view = findingsOnlyView(displayPath(r.filePath, cwd), `r${index}`, matrixFindings(r.messages));
  return { pieces: sectionPieces(view), summary: summaryOf(view) };
}
