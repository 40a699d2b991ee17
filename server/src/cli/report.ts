/**
 * The report written while the run goes on: each file's answer, in file order, has its problems
 * said on standard error and, for a format made of parts, its part handed to the output at once
 * (which gathers parts into writes of about 64 KB);
 * only the file's counts are kept, for the totals and the exit code. Other formats (SARIF, html)
 * describe the whole run in one document, so they keep the results and are written at the end.
 */
import { FORMATTERS, PART_FORMATS, type FormatContext, type PartFormat } from './formatters/index';
import type { LintRun } from './lint';
import { warn, type Io, type ReportOutput } from './output';
import type { FileResult, RunProblem } from './results';

export class ReportWriter {
  readonly results: FileResult[] = [];
  readonly problems: RunProblem[] = [];
  private readonly parts: PartFormat | undefined;

  constructor(
    private readonly io: Io,
    private readonly out: ReportOutput,
    private readonly format: string,
  ) {
    this.parts = PART_FORMATS[format];
  }

  /** One answer of the run (LintSink), in file order. */
  add(answer: LintRun): void {
    for (const p of answer.problems) {
      warn(this.io, p.message);
      this.problems.push(p);
    }
    for (const notice of answer.notices ?? []) warn(this.io, notice);
    for (const result of answer.results) {
      if (this.parts) {
        const before = this.parts.before(this.results.length);
        if (before) this.out.write(before);
        // Every result carries its part in this format (lint.ts, withPart); once written it is dropped.
        this.out.write(result.part!);
        result.part = undefined;
      }
      this.results.push(result);
    }
  }

  /** Ends the report; false when it could not be written (the output said why). */
  finish(ctx: Omit<FormatContext, 'problems'>): boolean {
    const context: FormatContext = { ...ctx, problems: this.problems };
    if (this.parts) {
      const end = this.parts.end(this.results, context);
      if (end) this.out.write(end);
    } else {
      let report: ReturnType<(typeof FORMATTERS)[string]>;
      try {
        report = FORMATTERS[this.format](this.results, context);
      } catch (err) {
        // V8's strings stop near 512 M characters. The long reports are written in pieces (json and
        // SARIF by element, html by file section), but one piece can still be too long (the html
        // section of one framework of several hundred MB); say so rather than print a stack trace.
        if (!(err instanceof RangeError)) throw err;
        warn(
          this.io,
          `the ${this.format} report of ${this.results.length} file${this.results.length === 1 ? '' : 's'} is too large to make as one document; lint fewer files at a time (--shard i/n), or use --format json, which is written file by file`,
        );
        this.out.abort();
        return false;
      }
      if (typeof report === 'string') this.out.write(report);
      else for (const piece of report) this.out.write(piece);
    }
    return this.out.close();
  }
}
