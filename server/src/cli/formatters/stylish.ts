/**
 * The default `stylish` format, for people: findings grouped by file, one line each as
 * `line:col  severity  message  rule-id` in aligned columns, then the totals. Colours only when the
 * caller says the output is a terminal that wants them.
 */
import type { Severity } from '../../core/types';
import type { FileResult } from '../results';
import type { FormatContext, Formatter, PartContext, PartFormat } from './index';
import { displayPath } from './paths';
import { terminalSafe } from './terminal';
import { emptyRunLine } from '../emptyRun';

type Paint = (s: string) => string;

function palette(color: boolean) {
  const code = (open: number, close: number): Paint => (color ? (s) => `\u001b[${open}m${s}\u001b[${close}m` : (s) => s);
  return {
    underline: code(4, 24),
    dim: code(2, 22),
    bold: code(1, 22),
    red: code(31, 39),
    yellow: code(33, 39),
    blue: code(34, 39),
    green: code(32, 39),
  };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Pads before colouring, so that escape codes never count towards a column's width. */
function pad(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - s.length));
}

export const stylish: Formatter = (results, ctx) => {
  const out: string[] = [];
  for (const r of results) out.push(fileBlock(r, ctx));
  return out.join('') + summary(results, ctx);
};

/**
 * Made of parts as well (PartFormat): each file's block where the file is linted, the totals at the
 * end from the files' counts. The parts in file order, then the totals, are byte for byte what
 * `stylish` gives.
 */
export const stylishParts: PartFormat = {
  part: (r, ctx) => encoder.encode(fileBlock(r, ctx)),
  before: () => undefined,
  end: (results, ctx) => encoder.encode(summary(results, ctx)),
};

const encoder = new TextEncoder();

/** A file's findings under its underlined name, then an empty line; nothing for a file without any. */
function fileBlock(r: FileResult, ctx: PartContext): string {
  if (r.messages.length === 0) return '';
  const c = palette(ctx.color);
  const severityPaint: Record<Severity, Paint> = { error: c.red, warning: c.yellow, info: c.blue };
  return [c.underline(terminalSafe(displayPath(r.filePath, ctx.cwd))), ...fileLines(r, c, severityPaint), ''].map((line) => line + '\n').join('');
}

/** The totals (or why there are none) and the problems --fix mended, from the files' counts. */
function summary(results: readonly FileResult[], ctx: FormatContext): string {
  const c = palette(ctx.color);
  const out: string[] = [];
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  let fixed = 0;
  for (const r of results) {
    errors += r.errorCount;
    warnings += r.warningCount;
    infos += r.infoCount;
    fixed += r.fixed;
  }
  const total = errors + warnings + infos;
  const files = plural(results.length, 'file');
  if (total > 0) {
    const line = `✖ ${plural(total, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${infos} info) in ${files}`;
    const paint = errors > 0 ? c.red : warnings > 0 ? c.yellow : c.blue;
    out.push(c.bold(paint(line)));
  } else if (results.length === 0) {
    // When inputs failed, standard error already says why nothing was linted.
    if (ctx.problems.length > 0) return '';
    out.push(emptyRunLine(ctx.emptyReason));
  } else {
    out.push(c.green(`✔ ${files} checked: no problems`));
  }
  if (fixed > 0) out.push(`${plural(fixed, 'problem')} fixed`);
  return out.map((line) => line + '\n').join('');
}

/**
 * The widest message the rule column is aligned after. A message can quote a document's text (a
 * property name of 200,000 characters), and padding every other message of the file to its width
 * made the report grow with the number of findings times that width: 6,000 findings of a 1 MB file
 * overflowed V8's longest string. A longer message is followed by the two spaces alone.
 */
export const MAX_ALIGNED_MESSAGE = 400;

function fileLines(r: FileResult, c: ReturnType<typeof palette>, severityPaint: Record<Severity, Paint>): string[] {
  const rows = r.messages.map((m) => ({ pos: `${m.line}:${m.column}`, severity: m.severity, message: terminalSafe(m.message), rule: terminalSafe(m.ruleId) }));
  // Widths by a loop: spreading 200,000 rows into Math.max's arguments overflowed the stack.
  let posWidth = 0;
  let sevWidth = 0;
  let msgWidth = 0;
  for (const x of rows) {
    posWidth = Math.max(posWidth, x.pos.length);
    sevWidth = Math.max(sevWidth, x.severity.length);
    msgWidth = Math.max(msgWidth, Math.min(x.message.length, MAX_ALIGNED_MESSAGE));
  }
  return rows.map(
    (x) => `  ${c.dim(pad(x.pos, posWidth))}  ${severityPaint[x.severity](pad(x.severity, sevWidth))}  ${pad(x.message, msgWidth)}  ${c.dim(x.rule)}`,
  );
}
