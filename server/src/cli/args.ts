/**
 * Command-line arguments: node's util.parseArgs for the syntax, then the checks that turn a wrong
 * value into a usage error (exit 2) naming the option and what it accepts.
 */
import { parseArgs } from 'node:util';
import type { RuleSetting } from '../core/config/types';
import { findSetting, SETTING_IDS } from '../core/rules/index';
import { RULES_INDEX_URL, unknownRuleHint } from '../core/config/ruleNames';
import { FORMATTER_NAMES } from './formatters/index';
import { parseShard, type Shard } from './shard';
import { defaultConcurrency, DEFAULT_FILES_PER_THREAD, FILES_PER_WORKER } from './workers';

export class UsageError extends Error {}

export interface CliOptions {
  inputs: string[];
  /** Read the text from standard input (`-` or `--stdin`). */
  stdin: boolean;
  stdinFilename?: string;
  format: string;
  outputFile?: string;
  /** Exit 1 when there are more warnings than this; undefined means no limit. */
  maxWarnings?: number;
  quiet: boolean;
  configFile?: string;
  configLookup: boolean;
  rules: Record<string, RuleSetting>;
  printConfig?: string;
  fix: boolean;
  /** true/false when --color/--no-color is given; otherwise decided from the terminal. */
  color?: boolean;
  help: boolean;
  version: boolean;
  /** Threads to lint on (--concurrency), the main thread included; the default is the number of cores. */
  concurrency: number;
  /** Whether --concurrency was given: the default adds threads only for runs long enough to pay for them. */
  concurrencyGiven: boolean;
  /** This CI job's part of the files (--shard i/n). */
  shard?: Shard;
  /** The baseline file (--baseline): findings it records are not reported. */
  baseline?: string;
  /** Record this run's findings in the baseline instead (--update-baseline). */
  updateBaseline: boolean;
}

const SEVERITIES = ['off', 'info', 'warning', 'error'];

const OPTIONS = {
  format: { type: 'string', short: 'f' },
  'output-file': { type: 'string', short: 'o' },
  'max-warnings': { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  config: { type: 'string', short: 'c' },
  'no-config-lookup': { type: 'boolean' },
  rule: { type: 'string', multiple: true },
  // Multiple only so that a second one is refused rather than silently replace the first.
  'print-config': { type: 'string', multiple: true },
  fix: { type: 'boolean' },
  stdin: { type: 'boolean' },
  'stdin-filename': { type: 'string' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
  concurrency: { type: 'string' },
  shard: { type: 'string' },
  baseline: { type: 'string' },
  'update-baseline': { type: 'boolean' },
} as const;

function rawParse(argv: readonly string[]) {
  return parseArgs({ args: negativeValuesJoined(argv), options: OPTIONS, allowPositionals: true, strict: true });
}

/**
 * parseArgs reads "-1" after an option as another option and refuses it as ambiguous, but
 * "--max-warnings -1" is how ESLint's users say "no limit": such a value is joined to its option.
 * Nothing after "--" is touched, since those are file names.
 */
function negativeValuesJoined(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--') return out.concat(argv.slice(i));
    if (argv[i] === '--max-warnings' && /^-\d+$/.test(argv[i + 1] ?? '')) out.push(`--max-warnings=${argv[++i]}`);
    else out.push(argv[i]);
  }
  return out;
}

export function parseCliArgs(argv: readonly string[]): CliOptions {
  let parsed: ReturnType<typeof rawParse>;
  try {
    parsed = rawParse(argv);
  } catch (err) {
    // parseArgs' own messages name the option; the hint says where the list is.
    throw new UsageError(`${(err as Error).message.replace(/\. To specify a positional argument.*$/s, '')}`);
  }
  const v = parsed.values;
  const positionals = parsed.positionals;

  const format = v.format ?? 'stylish';
  if (!FORMATTER_NAMES.includes(format)) throw new UsageError(`unknown format "${format}" for --format (available: ${FORMATTER_NAMES.join(', ')})`);

  let maxWarnings: number | undefined;
  if (v['max-warnings'] !== undefined) {
    const raw = v['max-warnings'].trim();
    // -1 is the conventional "no limit", as in ESLint; another negative number means nothing.
    if (!/^(\d+|-1)$/.test(raw)) throw new UsageError(`--max-warnings takes a whole number of warnings, 0 or more, or -1 for no limit, found "${v['max-warnings']}"`);
    const n = Number(raw);
    maxWarnings = n < 0 ? undefined : n;
  }

  const rules: Record<string, RuleSetting> = {};
  for (const spec of v.rule ?? []) {
    const colon = spec.lastIndexOf(':');
    if (colon <= 0) throw new UsageError(`--rule takes id:severity (for example --rule statement-dash:off), found "${spec}"`);
    const id = spec.slice(0, colon).trim();
    const severity = spec.slice(colon + 1).trim();
    if (!findSetting(id)) throw new UsageError(`unknown rule "${id}" in --rule; ${unknownRuleHint(id, SETTING_IDS)}`);
    if (!SEVERITIES.includes(severity)) throw new UsageError(`--rule ${id}: severity must be one of ${SEVERITIES.join(', ')}, found "${severity}"`);
    rules[id] = severity as RuleSetting;
  }

  const dash = positionals.filter((p) => p === '-').length;
  const inputs = positionals.filter((p) => p !== '-');
  const stdin = dash > 0 || v.stdin === true;
  if (dash > 1) throw new UsageError('standard input ("-") can be given only once');
  if (stdin && inputs.length > 0) throw new UsageError('standard input ("-" or --stdin) cannot be combined with files; lint them in separate runs');
  if (v['stdin-filename'] !== undefined && !stdin) throw new UsageError('--stdin-filename is only used with --stdin or "-"');
  if (stdin && v.fix) throw new UsageError('--fix writes files, so it cannot be used with standard input');
  if (v.config !== undefined && v['no-config-lookup']) throw new UsageError('--config and --no-config-lookup cannot be used together: --config already turns off the lookup');
  if (v.color && v['no-color']) throw new UsageError('--color and --no-color cannot be used together');

  // The configuration of one file is printed: any other file named would be left out without a word.
  const printConfig = v['print-config'];
  if (printConfig !== undefined) {
    const others = [...printConfig.slice(1), ...inputs, ...(stdin ? ['-'] : [])];
    if (others.length > 0) throw new UsageError(`--print-config prints the configuration of one file, so "${others[0]}" would be left out; run --print-config once per file`);
  }

  let concurrency = defaultConcurrency();
  if (v.concurrency !== undefined) {
    const raw = v.concurrency.trim();
    if (!/^\d+$/.test(raw) || Number(raw) < 1) throw new UsageError(`--concurrency takes a whole number of worker threads, 1 or more, found "${v.concurrency}"`);
    concurrency = Number(raw);
  }
  let shard: Shard | undefined;
  if (v.shard !== undefined) {
    const parsed = parseShard(v.shard);
    if (typeof parsed === 'string') throw new UsageError(parsed);
    if (stdin) throw new UsageError('--shard splits the files of a run; it cannot be used with standard input');
    shard = parsed;
  }

  if (v['update-baseline'] && v.baseline === undefined) throw new UsageError('--update-baseline writes the file --baseline names; give --baseline FILE too');
  if (v.baseline !== undefined && stdin && v['update-baseline']) throw new UsageError('--update-baseline records the findings of files, so it cannot be used with standard input');

  return {
    inputs,
    stdin,
    stdinFilename: v['stdin-filename'],
    format,
    outputFile: v['output-file'],
    maxWarnings,
    quiet: v.quiet === true,
    configFile: v.config,
    configLookup: v['no-config-lookup'] !== true,
    rules,
    printConfig: printConfig?.[0],
    fix: v.fix === true,
    color: v.color ? true : v['no-color'] ? false : undefined,
    help: v.help === true,
    version: v.version === true,
    concurrency,
    concurrencyGiven: v.concurrency !== undefined,
    shard,
    baseline: v.baseline,
    updateBaseline: v['update-baseline'] === true,
  };
}

export const HELP = `Usage: competency-lint [options] [files | dirs | globs]
       competency-lint explain [-f text|json] [-c FILE | --no-config-lookup] FILE
       competency-lint --stdio

Lints competency framework exports (JSON). With no inputs, lints the current directory.
In a directory, only the .json files whose content is a framework are linted (node_modules
and .git are skipped); a file named explicitly is always linted. "-" reads standard input.

Output:
  -f, --format NAME         stylish (default), json, sarif, github (Actions annotations),
                            junit (JUnit XML), gitlab (GitLab Code Quality) or html (the
                            level matrix as one self-contained page; use with -o report.html)
  -o, --output-file FILE    write the report to FILE instead of standard output
  -q, --quiet               report errors only
      --max-warnings N      exit 1 when there are more than N warnings
      --color, --no-color   force colours on or off (default: on a terminal, unless NO_COLOR)

Configuration:
  -c, --config FILE         use this config file instead of looking for .competency-lint.json
      --no-config-lookup    use no config file at all
      --rule ID:SEVERITY    set a rule's severity: off, info, warning or error (repeatable)
      --print-config FILE   print the configuration that applies to FILE as JSON: every
                            rule with its options, the globs, the size limit (one file)

Fixing:
      --fix                 apply the safe fixes to the files (atomically; never to a file
                            that does not parse)

Baseline (adopting the linter on frameworks that already have findings):
      --baseline FILE       leave out the findings FILE records, by file, rule, and the
                            statement's level and text (or place); report and count only
                            the new ones
      --update-baseline     record this run's findings in the --baseline FILE instead (the
                            entries of files not linted in this run are kept)

Input:
      --stdin               read the text from standard input (same as "-")
      --stdin-filename F    the file name to report, and to find the config from

Parallelism:
      --concurrency N       lint on N threads (at most four per core), the main one and
                            N-1 workers, from ${FILES_PER_WORKER} files per thread; the output is the same,
                            in the same order, for any N. Default: the number of cores,
                            with one thread for each ${DEFAULT_FILES_PER_THREAD} files, since a thread's start-up
                            and warm-up cost about what it saves on fewer (measured on 2
                            cores)
      --shard I/N           lint only part I of N of the files, for a CI matrix of N
                            jobs: every file is in exactly one part, on every machine

Other:
      --stdio               start the language server on standard input and output
  -v, --version             print the version
  -h, --help                print this help

Exit codes: 0 no errors (and warnings within --max-warnings), 1 errors or too many
warnings, 2 a usage error, a broken config, an input that cannot be read, or a file
whose fixes cannot be written.
Rules: ${RULES_INDEX_URL}
`;
