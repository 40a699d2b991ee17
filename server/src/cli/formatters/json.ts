/**
 * The `json` format: a contract other tools (and our evaluation) read, so its shape is fixed and
 * every key is written explicitly, in this order, with nothing added.
 *
 * The report is an array with one entry per file, so it is also made of parts (PartFormat): each
 * file's entry is made where the file is linted, and the parts written in file order, with the
 * brackets and commas around them, give byte for byte what the formatter gives for all the results.
 */
import type { FileResult, PlacedMessage } from '../results';
import { LONG_ARRAY, prettyJsonPieces } from './longJson';
import type { Formatter, PartFormat } from './index';

function entry(r: FileResult): object {
  return { ...header(r), messages: r.messages.map(message) };
}

function header(r: FileResult) {
  return { filePath: r.filePath, errorCount: r.errorCount, warningCount: r.warningCount, infoCount: r.infoCount };
}

function message(m: PlacedMessage): object {
  return {
    ruleId: m.ruleId,
    category: m.category,
    severity: m.severity,
    message: m.message,
    line: m.line,
    column: m.column,
    endLine: m.endLine,
    endColumn: m.endColumn,
    pointer: m.pointer,
    related: m.related.map((x) => ({ pointer: x.pointer, line: x.line, column: x.column, message: x.message })),
  };
}

export const json: Formatter = (results) => JSON.stringify(results.map(entry), null, 2) + '\n';

const encoder = new TextEncoder();
const OPEN = encoder.encode('[\n');
const BETWEEN = encoder.encode(',\n');
const CLOSE = encoder.encode('\n]\n');
const EMPTY = encoder.encode('[]\n');

export const jsonParts: PartFormat = {
  // The entry as JSON.stringify writes an array's element, indentation included: an array of that
  // one entry, without its brackets ("[\n" before, "\n]" after).
  part: (r) => (r.messages.length > LONG_ARRAY ? longEntry(r) : encoder.encode(JSON.stringify([entry(r)], null, 2).slice(2, -2))),
  before: (index) => (index === 0 ? OPEN : BETWEEN),
  end: (results) => (results.length === 0 ? EMPTY : CLOSE),
};

/**
 * A file with very many findings: its entry, at its indentation in the report, written message by
 * message (longJson.ts), since the whole of it may be longer than a string can be.
 */
function longEntry(r: FileResult): Uint8Array {
  const whole = Buffer.concat(prettyJsonPieces([{ ...header(r), messages: [] }], 'messages', 2, r.messages.map(message)));
  // Without the array's brackets, as the short way above ("[\n" before, "\n]" after).
  return whole.subarray(2, whole.length - 2);
}
