/**
 * The output formats, one file each. A formatter is a pure function from the results to the text
 * of the report; adding a format is one file and one line here.
 */
import type { Category, Severity } from '../../core/types';
import type { FileResult, RunProblem } from '../results';
import { stylish, stylishParts } from './stylish';
import { json, jsonParts } from './json';
import { sarif } from './sarif';
import { github, githubParts } from './github';
import { html } from './html';
import { junit, junitParts } from './junit';
import { gitlab } from './gitlab';

/** What a format may say about a rule (the registry's entries have these and more). */
export interface RuleInfo {
  id: string;
  category: Category;
  defaultSeverity: Severity;
  description: string;
}

export interface FormatContext {
  /** Paths are shown relative to this folder where the format allows. */
  cwd: string;
  /** Whether the report may use ANSI colours (a terminal, and the user did not say NO_COLOR). */
  color: boolean;
  /** The version of competency-lint, for formats that name the tool. */
  version: string;
  /** Every rule in the registry, for formats that describe the rules (SARIF). */
  rules: readonly RuleInfo[];
  /** Inputs that could not be linted, for formats that can carry them (SARIF notifications). */
  problems: readonly RunProblem[];
  /** Why no file was linted (cli/emptyRun.ts), for the formats that say so in words. */
  emptyReason?: string;
}

/** The report's text, or its UTF-8 pieces in order when it may be longer than a string can be. */
export type Formatter = (results: readonly FileResult[], ctx: FormatContext) => string | readonly Uint8Array[];

/**
 * A format whose report is its files' parts in file order, with what the format writes before
 * each part and at the end. Each file's part is made, as UTF-8, in the thread that linted the
 * file, and written out as soon as every earlier file's part is: a run over a large catalogue
 * keeps a few counts per file instead of its findings or its text, the threads share the
 * formatting, and the report grows while the run goes on. The pieces in order must be, byte for
 * byte, what the format's Formatter gives for the same results.
 */
export interface PartFormat {
  part(result: FileResult, ctx: PartContext): Uint8Array;
  /** What comes before the part of the run's `index`-th file (0 for the first): a bracket, a separator. */
  before(index: number): Uint8Array | undefined;
  /** What ends the report once every part is written (totals, a bracket); results have no parts or messages by then. */
  end(results: readonly FileResult[], ctx: FormatContext): Uint8Array | undefined;
}

/** What a file's part may depend on: known before any file is linted, and given to every worker. */
export type PartContext = Pick<FormatContext, 'cwd' | 'color'>;

/** The formats that are made of parts, by name (each is also in FORMATTERS). */
export const PART_FORMATS: Readonly<Record<string, PartFormat>> = {
  json: jsonParts,
  stylish: stylishParts,
  github: githubParts,
  junit: junitParts,
};

export const FORMATTERS: Readonly<Record<string, Formatter>> = {
  stylish,
  json,
  sarif,
  github,
  junit,
  gitlab,
  html,
};

export const FORMATTER_NAMES: readonly string[] = Object.keys(FORMATTERS);
