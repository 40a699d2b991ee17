/**
 * The `html` format: the level matrix of every linted file on one self-contained page (inline CSS
 * and SVG, no script, nothing fetched), with an index of the files and their totals when there are
 * several. It is the only format that needs more than the placed findings: the lint loop keeps each
 * file's analysis for it (`FileResult.analysis`), and the page shows the same findings, filtered the
 * same way (--quiet), as the other formats.
 */
import { buildMatrix, findingsOnlyView, type MatrixFindingInput, type MatrixView } from '../../core/report/matrix';
import { createHash } from 'node:crypto';
import { MATRIX_CSS, renderPage } from '../../core/report/html';
import type { Formatter } from './index';
import { displayPath } from './paths';

export const html: Formatter = (results, ctx) => {
  const views: MatrixView[] = results.map((r, i) => {
    const title = displayPath(r.filePath, ctx.cwd);
    const idPrefix = `f${i}`;
    const findings: MatrixFindingInput[] = r.messages.map((m) => ({
      ruleId: m.ruleId,
      severity: m.severity,
      message: m.message,
      pointer: m.pointer,
      line: m.line,
      column: m.column,
    }));
    if (!r.analysis) return findingsOnlyView(title, idPrefix, findings);
    return buildMatrix(r.analysis.result, { config: r.analysis.config, title, idPrefix, findings });
  });
  const problems = ctx.problems.map((p) => p.message);
  // The policy names the one style sheet by its hash, so no other style can apply even if one got in.
  const styleHash = createHash('sha256').update(MATRIX_CSS, 'utf8').digest('base64');
  return renderPage(views, { version: ctx.version, problems, styleHash });
};
