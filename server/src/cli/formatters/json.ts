/**
 * The `json` format: a contract other tools (and our evaluation) read, so its shape is fixed and
 * every key is written explicitly, in this order, with nothing added.
 */
import type { Formatter } from './index';

export const json: Formatter = (results) =>
  JSON.stringify(
    results.map((r) => ({
      filePath: r.filePath,
      errorCount: r.errorCount,
      warningCount: r.warningCount,
      infoCount: r.infoCount,
      messages: r.messages.map((m) => ({
        ruleId: m.ruleId,
        category: m.category,
        severity: m.severity,
        message: m.message,
        line: m.line,
        column: m.column,
        endLine: m.endLine,
        endColumn: m.endColumn,
        pointer: m.pointer,
        related: m.related.map((r) => ({ pointer: r.pointer, line: r.line, column: r.column, message: r.message })),
      })),
    })),
    null,
    2,
  ) + '\n';
