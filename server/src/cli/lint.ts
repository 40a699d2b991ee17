/**
 * The lint loop: expand the inputs into files, read each, resolve its config, analyse it through
 * the core façade (optionally fixing it first), and place its findings at 1-based positions (or,
 * for a format made of parts, write the file's part of the report from them).
 * A file that cannot be read, or whose config is broken, becomes a problem for standard error and
 * exit code 2; the other files are linted all the same.
 */
import { resolve } from 'node:path';
import { analyse, type AnalysisResult } from '../core/service';
import { resolvePointer } from '../core/parse/pointer';
import type { Finding } from '../core/types';
import { ConfigError } from '../node/config';
import { findCandidates, readFrameworkFiles, type Candidate, type ReadText } from '../node/files';
import type { ConfigSource } from './configs';
import { fixText, type FixOutcome } from './fix';
import { displayPath } from './formatters/paths';
import { PART_FORMATS } from './formatters/index';
import { htmlSection } from './formatters/html';
import { countBySeverity, type FileResult, type NodeKind, type PlacedMessage, type RunProblem } from './results';
import { entriesOf, withoutKnown } from '../core/baseline';
import { baselinePath, type BaselineUse } from './baseline';

export interface LintOptions {
  cwd: string;
  /** Whether the report may use colours: a format made of parts writes each file's part with it. */
  color?: boolean;
  configs: ConfigSource;
  fix: boolean;
  quiet: boolean;
  /** Render each file's section of the html page from its analysis, in the thread that linted it. */
  htmlSections?: boolean;
  /** The name of a format made of parts (PART_FORMATS): each result then carries its part, not its messages. */
  partFormat?: string;
  /**
   * Say what each finding's pointer designates (an object, an array or a value), which only SARIF
   * shows: finding it walks the tree once per pointer (28 ms of a one-thread run over the 1,000
   * bench files), which the other formats need not pay.
   */
  nodeKinds?: boolean;
  /** --baseline: the findings it records are left out, or with --update-baseline recorded. */
  baseline?: BaselineUse;
}

export interface LintRun {
  results: FileResult[];
  problems: RunProblem[];
  /** Messages for standard error that change no exit code (a file --fix left as it was, and why). */
  notices?: string[];
}

/**
 * Receives a run's answers in file order as they are ready: first the problems met finding the
 * files, then, for each file, its result and its problems. The report is written from them as the
 * run goes on (report.ts), so nothing has to keep every file's findings until the end.
 */
export type LintSink = (answer: LintRun) => void;

/**
 * Expands the inputs into the files to consider; a problem with an input goes to `found`'s
 * problems. `ignored` counts the files left out by each config's `ignore` globs.
 */
export function discoverFiles(inputs: readonly string[], options: LintOptions): { found: LintRun; candidates: Candidate[]; ignored: Map<string, number> } {
  const found: LintRun = { results: [], problems: [] };
  const { candidates, problems, ignored } = findCandidates(inputs.length ? inputs : ['.'], { cwd: options.cwd, selection: options.configs.selection });
  for (const p of problems) found.problems.push({ message: `${displayPath(p.input, options.cwd)}: ${p.message}` });
  return { found, candidates, ignored };
}

/**
 * Reads and lints the candidates in order, giving each file's answer to the sink. A broken config
 * is reported once per `reportedConfigs` set (the worker threads of server/src/cli/workers.ts each
 * pass a fresh one per file and the main thread drops the repeats, which keeps the messages in file
 * order).
 */
export function lintCandidates(candidates: Iterable<Candidate>, options: LintOptions, sink: LintSink, reportedConfigs = new Set<string>(), firstIndex = 0): void {
  let index = firstIndex;
  for (const candidate of candidates) {
    for (const file of readFrameworkFiles([candidate])) {
      const answer: LintRun = { results: [], problems: [] };
      if ('problem' in file) {
        answer.problems.push({ message: `${displayPath(file.problem.input, options.cwd)}: ${file.problem.message}` });
      } else {
        const result = lintOne(file.path, file.path, file.text, options, answer, reportedConfigs, index);
        if (result) answer.results.push(result);
      }
      sink(answer);
    }
    index++;
  }
}

/** Standard input: the config is found from --stdin-filename (or the working folder), nothing is written. */
export function lintStdin(text: string, filename: string | undefined, options: LintOptions): LintRun {
  const run: LintRun = { results: [], problems: [] };
  const configPath = resolve(options.cwd, filename ?? '<stdin>');
  const shown = filename === undefined ? '<stdin>' : configPath;
  const result = lintOne(shown, configPath, { text, encoding: 'utf8', lossy: false }, { ...options, fix: false }, run, new Set(), 0);
  if (result) run.results.push(result);
  return run;
}

/** `index` is the file's place among the run's inputs, which names its section of the html page. */
function lintOne(shownPath: string, configPath: string, input: ReadText, options: LintOptions, run: LintRun, reportedConfigs: Set<string>, index: number): FileResult | undefined {
  const result = lintAndPlace(shownPath, configPath, input, options, run, reportedConfigs, index);
  return result && withPart(result, options);
}

function lintAndPlace(
  shownPath: string,
  configPath: string,
  input: ReadText,
  options: LintOptions,
  run: LintRun,
  reportedConfigs: Set<string>,
  index: number,
): FileResult | undefined {
  let config;
  try {
    config = options.configs.resolve(configPath).config;
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    if (!reportedConfigs.has(err.file)) {
      reportedConfigs.add(err.file);
      run.problems.push({ message: `${displayPath(err.file, options.cwd)}:${err.line}:${err.column}: ${err.detail}` });
    }
    run.problems.push({ message: `${displayPath(shownPath, options.cwd)}: not linted, because its config ${displayPath(err.file, options.cwd)} is broken` });
    return undefined;
  }

  let analysis = analyse(input.text, { config });
  let fixed = 0;
  if (options.fix) {
    const outcome: FixOutcome = fixText(configPath, input, analysis, config, placer(analysis));
    analysis = outcome.analysis;
    fixed = outcome.mended;
    if (outcome.problem) run.problems.push({ message: `${displayPath(shownPath, options.cwd)}: ${outcome.problem}` });
    if (outcome.notice) (run.notices ??= []).push(`${displayPath(shownPath, options.cwd)}: ${outcome.notice}`);
  }

  let baseline: FileResult['baseline'];
  if (options.baseline) {
    // Before --quiet: the baseline records and knows every finding, whatever this run shows.
    const b = options.baseline;
    const path = baselinePath(b.root, configPath);
    if (b.update) {
      baseline = { path, known: analysis.findings.length, unused: 0, entries: entriesOf(analysis.findings, analysis.model) };
      analysis = { ...analysis, findings: [] };
    } else {
      const { kept, known, unused } = withoutKnown(analysis.findings, analysis.model, b.files[path]);
      baseline = { path, known, unused };
      // The html section reads the findings from the analysis: it shows the new ones only, as the other formats do.
      analysis = { ...analysis, findings: kept };
    }
  }

  let findings: readonly Finding[] = analysis.findings;
  if (options.quiet) findings = findings.filter((f) => f.severity === 'error');
  const kindOf = options.nodeKinds ? nodeKinds(analysis) : noKind;
  const at = placer(analysis);
  const messages = findings.map((f) => place(f, at, kindOf));
  const result: FileResult = { filePath: shownPath, messages, ...countBySeverity(messages), fixed, ...(baseline ? { baseline } : {}) };
  if (options.htmlSections) {
    result.section = htmlSection(analysis, config, result, options.cwd, index);
    // The section says all the page says of them, as a part does for the other formats.
    result.messages = [];
  }
  return result;
}

/**
 * For a format made of parts, the file's part of the report in place of its messages. It is made
 * here, once lintAndPlace has returned, so that a large file's analysis can be collected while its
 * part is written rather than be in memory beside it.
 */
function withPart(result: FileResult, options: LintOptions): FileResult {
  const parts = options.partFormat === undefined ? undefined : PART_FORMATS[options.partFormat];
  if (parts) {
    result.part = parts.part(result, { cwd: options.cwd, color: options.color === true });
    result.messages = [];
  }
  return result;
}

function nodeKind(analysis: AnalysisResult, pointer: string): NodeKind {
  const { node, exact } = resolvePointer(analysis.doc.root, pointer);
  if (!exact || !node) return 'value';
  return node.type === 'object' ? 'object' : node.type === 'array' ? 'array' : 'value';
}

/**
 * What each pointer of one file designates, resolved once per pointer: a file's findings and their
 * related locations name the same few statements and levels many times over (the scope rules
 * relate each statement to its neighbours), and each resolution walks the tree from the root.
 */
function nodeKinds(analysis: AnalysisResult): (pointer: string) => NodeKind {
  const known = new Map<string, NodeKind>();
  return (pointer) => {
    let kind = known.get(pointer);
    if (kind === undefined) {
      kind = nodeKind(analysis, pointer);
      known.set(pointer, kind);
    }
    return kind;
  };
}

const noKind = (): undefined => undefined;

function place(f: Finding, at: Placer, kindOf: (pointer: string) => NodeKind | undefined): PlacedMessage {
  const s = at(f.range.start);
  const e = at(f.range.end);
  return {
    ruleId: f.ruleId,
    category: f.category,
    severity: f.severity,
    message: f.message,
    line: s.line,
    column: s.column,
    endLine: e.line,
    endColumn: e.column,
    pointer: f.pointer,
    nodeKind: kindOf(f.pointer),
    related: (f.related ?? []).map((r) => {
      const rs = at(r.range.start);
      const re = at(r.range.end);
      return {
        pointer: r.pointer,
        line: rs.line,
        column: rs.column,
        endLine: re.line,
        endColumn: re.column,
        message: r.message,
        nodeKind: kindOf(r.pointer),
      };
    }),
  };
}

/** An offset's 1-based line and column in one analysed document (see placer). */
type Placer = (offset: number) => { line: number; column: number };

/**
 * 1-based line and column of an offset, as an editor shows them. A byte order mark stays in the
 * text (so that --fix writes it back), but editors do not show it as a character: the columns of
 * the first line are counted after it, or the CLI and the editor would disagree on exports that
 * are one long line.
 */
export function placer(analysis: AnalysisResult): Placer {
  const lines = analysis.doc.lines;
  const bom = analysis.doc.text.charCodeAt(0) === 0xfeff ? 1 : 0;
  return (offset) => {
    const p = lines.positionAt(offset);
    return { line: p.line + 1, column: p.line === 0 && p.character > 0 ? p.character + 1 - bom : p.character + 1 };
  };
}
