/**
 * One run of the linter, from arguments to an exit code: 0 no errors (and warnings within
 * --max-warnings), 1 errors or too many warnings, 2 a usage error, a broken config or an input that
 * could not be read (the other inputs are still linted and reported).
 */
import { version } from '../../../package.json';
import { SETTINGS } from '../core/rules/index';
import { ConfigError } from '../node/config';
import { decodeText } from '../node/files';
import { HELP, parseCliArgs, UsageError, type CliOptions } from './args';
import { ConfigSource, configModeFrom } from './configs';
import { PART_FORMATS } from './formatters/index';
import { displayPath } from './formatters/paths';
import { lintStdin } from './lint';
import { ReportWriter } from './report';
import { DEFAULT_FILES_PER_THREAD, FILES_PER_WORKER, lintFilesInParallel } from './workers';
import { openReport, useColor, warn, PROGRAM, type Io } from './output';
import { printConfig } from './printConfig';
import { emptyRunNotice, emptyRunReason, FORMATS_SAYING_WHY_EMPTY } from './emptyRun';
import { BaselineTally, loadBaseline } from './baseline';
import type { LintRun } from './lint';

export const VERSION: string = version;

export async function run(argv: readonly string[], io: Io): Promise<number> {
  let options: CliOptions;
  try {
    options = parseCliArgs(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    warn(io, err.message);
    io.writeStderr(`Run "${PROGRAM} --help" for the options.\n`);
    return 2;
  }
  if (options.help) {
    io.writeStdout(HELP);
    return 0;
  }
  if (options.version) {
    io.writeStdout(`${VERSION}\n`);
    return 0;
  }

  const configs = new ConfigSource(configModeFrom(options, io.cwd), options.rules);
  const configProblem = (err: unknown): number => {
    if (!(err instanceof ConfigError)) throw err;
    warn(io, `${displayPath(err.file, io.cwd)}:${err.line}:${err.column}: ${err.detail}`);
    return 2;
  };

  if (options.printConfig !== undefined) {
    try {
      io.writeStdout(printConfig(options.printConfig, io.cwd, configs));
      return 0;
    } catch (err) {
      return configProblem(err);
    }
  }

  // A config given with --config governs every file, so a broken one stops the run before it starts.
  if (options.configFile !== undefined) {
    try {
      configs.configsFor(io.cwd);
    } catch (err) {
      return configProblem(err);
    }
  }

  const baseline = options.baseline === undefined ? undefined : loadBaseline(options.baseline, io.cwd, options.updateBaseline);
  if (typeof baseline === 'string') {
    warn(io, baseline);
    return 2;
  }

  // Known before any file is linted, since a format made of parts writes each file's part with it.
  const color = useColor(io, options.color, options.outputFile !== undefined);
  const lintOptions = {
    cwd: io.cwd,
    color,
    configs,
    fix: options.fix,
    quiet: options.quiet,
    htmlSections: options.format === 'html',
    nodeKinds: options.format === 'sarif',
    partFormat: options.format in PART_FORMATS ? options.format : undefined,
    baseline,
  };
  let stdinText: string | undefined;
  if (options.stdin) {
    const decoded = decodeText(await io.readStdin());
    if (!decoded.ok) {
      warn(io, `standard input: ${decoded.message}`);
      return 2;
    }
    stdinText = decoded.value.text;
  }
  const out = openReport(io, options.outputFile);
  if (!out) return 2;
  const report = new ReportWriter(io, out, options.format);
  const tally = new BaselineTally();
  const add = (answer: LintRun) => {
    tally.add(answer);
    report.add(answer);
  };
  let written: boolean;
  let emptyReason: string | undefined;
  try {
    if (stdinText !== undefined) {
      add(lintStdin(stdinText, options.stdinFilename, lintOptions));
    } else {
      const coverage = await lintFilesInParallel(
        options.inputs,
        lintOptions,
        {
          concurrency: options.concurrency,
          filesPerThread: options.concurrencyGiven ? FILES_PER_WORKER : DEFAULT_FILES_PER_THREAD,
          shard: options.shard,
          configMode: configModeFrom(options, io.cwd),
          overrides: options.rules,
        },
        add,
      );
      if (report.results.length === 0) emptyReason = emptyRunReason(coverage, options.shard, io.cwd);
    }
    // A turn of the event loop before the report is completed: a signal that came while the last
    // files were linted (synchronously) is handled now, and stops the run before the commit.
    await new Promise((resolve) => setImmediate(resolve));
    written = report.finish({ cwd: io.cwd, color, version: VERSION, rules: SETTINGS, emptyReason });
  } catch (err) {
    // An internal error leaves no temporary report file behind.
    out.abort();
    throw err;
  }

  // When inputs failed, standard error already says why nothing was linted (as in stylish).
  if (stdinText === undefined && report.results.length === 0 && report.problems.length === 0 && !FORMATS_SAYING_WHY_EMPTY.has(options.format)) {
    warn(io, emptyRunNotice(emptyReason));
  }

  if (baseline && options.baseline !== undefined) {
    const said = tally.finish(options.baseline, io.cwd, baseline);
    for (const line of said.notices) warn(io, line);
    if (said.problem) {
      warn(io, said.problem);
      return 2;
    }
  }

  const errors = report.results.reduce((n, r) => n + r.errorCount, 0);
  const warnings = report.results.reduce((n, r) => n + r.warningCount, 0);
  if (report.problems.length > 0 || !written) return 2;
  if (errors > 0) return 1;
  if (options.maxWarnings !== undefined && warnings > options.maxWarnings) {
    warn(io, `too many warnings: ${warnings} found, --max-warnings allows ${options.maxWarnings}`);
    return 1;
  }
  return 0;
}
