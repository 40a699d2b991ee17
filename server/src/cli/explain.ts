/**
 * `competency-lint explain FILE`: prints, level by level, how the scope model reads each statement
 * (its position, the evidence with the phrase and what it says, the level it reads as, its thread)
 * and each level's summary, so an author can see why the linter thinks what it thinks. `--format
 * json` prints the same data (the core's `explain()` result) for other tools. The config is found
 * as for a lint run (upward from the file), or given with `--config`, so the lexicon extensions and
 * level orders of the project apply. The config options are spelt as the linter spells them
 * (`-c`, `--config`, `--no-config-lookup`), so that a command line can switch between the two;
 * `--no-config`, explain's first spelling, still works.
 */
import { readTextFile } from '../node/files';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { analyse } from '../core/service';
import { explain, type Explanation, type StatementExplanation } from '../core/explain';
import { ConfigError } from '../node/config';
import { ConfigSource, type ConfigMode } from './configs';
import { terminalSafe } from './formatters/terminal';
import { placer } from './lint';

const USAGE = 'usage: competency-lint explain [-f, --format text|json] [-c, --config FILE | --no-config-lookup] FILE\n';

const OPTIONS = {
  format: { type: 'string', short: 'f' },
  config: { type: 'string', short: 'c' },
  'no-config-lookup': { type: 'boolean' },
  'no-config': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export async function runExplain(args: string[]): Promise<number> {
  // A reader that stops early (`| head`) closes the pipe; that is not an error worth a stack trace.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });
  const usageError = (message: string): number => {
    process.stderr.write(`competency-lint explain: ${message}\n${USAGE}`);
    return 2;
  };
  let parsed: ReturnType<typeof parseExplainArgs>;
  try {
    parsed = parseExplainArgs(args);
  } catch (err) {
    // parseArgs' own messages name the option; the usage line below says what there is.
    return usageError((err as Error).message.replace(/\. To specify a positional argument.*$/s, ''));
  }
  const v = parsed.values;
  const files = parsed.positionals;
  if (v.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const format = v.format ?? 'text';
  if (format !== 'text' && format !== 'json') return usageError(`--format must be "text" or "json", found ${JSON.stringify(format)}`);
  if (v.config === '') return usageError('--config needs a file');
  const noLookup = v['no-config-lookup'] === true || v['no-config'] === true;
  if (v.config !== undefined && noLookup) return usageError('--config and --no-config-lookup cannot be used together: --config already turns off the lookup');
  const mode: ConfigMode = v.config !== undefined ? { kind: 'file', path: resolve(v.config) } : noLookup ? { kind: 'none' } : { kind: 'lookup' };
  if (files.length !== 1) {
    process.stderr.write(`competency-lint explain: give exactly one file\n${USAGE}`);
    return 2;
  }
  const file = resolve(files[0]);
  // Read as the linter reads files (UTF-16 by its mark, UTF-8 otherwise), so both see the same text.
  const read = readTextFile(file);
  if (!read.ok) {
    process.stderr.write(`competency-lint explain: cannot read ${files[0]}: ${read.message}\n`);
    return 2;
  }
  const text = read.value.text;
  let config;
  try {
    config = new ConfigSource(mode, {}).resolve(file).config;
  } catch (err) {
    if (err instanceof ConfigError) {
      // The message can quote the config (an unknown rule id), which comes with the repository.
      process.stderr.write(`${terminalSafe(err.message)}\n`);
      return 2;
    }
    throw err;
  }
  const result = analyse(text, { config });
  if (!result.model.isFramework) {
    process.stderr.write(`competency-lint explain: ${files[0]} has no framework.levels to explain\n`);
    return 2;
  }
  // An explanation of what did not parse would be of a different document than the author's.
  const problem = result.doc.problems[0];
  if (problem) {
    // Placed as the lint report places it (a byte order mark is not a column).
    const at = placer(result)(problem.range.start);
    process.stderr.write(
      `competency-lint explain: ${files[0]} is not valid JSON (${at.line}:${at.column}: ${problem.message}${result.doc.problems.length > 1 ? `, and ${result.doc.problems.length - 1} more` : ''}); \`competency-lint ${files[0]}\` lists every problem\n`,
    );
    return 2;
  }
  const explanation = explain(result, config);
  if (explanation.levels.every((l) => l.statements.length === 0)) {
    const what = explanation.levels.length === 0 ? 'no levels' : 'no statements in its levels';
    process.stderr.write(`competency-lint explain: ${files[0]} has ${what}, so there is nothing to explain\n`);
    return 2;
  }
  let out: string;
  try {
    out = format === 'json' ? JSON.stringify(explanation, null, 2) + '\n' : formatText(explanation, files[0]);
  } catch (err) {
    // V8's strings stop near 512 M characters; an explanation that long is not one anyone reads.
    if (!(err instanceof RangeError)) throw err;
    process.stderr.write(`competency-lint explain: the explanation of ${files[0]} is too long to print at once (${result.model.statements.length} statements); explain a smaller part of the framework\n`);
    return 2;
  }
  process.stdout.write(out);
  return 0;
}

function parseExplainArgs(args: string[]) {
  return parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true });
}

function fmt(n: number | undefined): string {
  return n === undefined ? '  - ' : n.toFixed(2);
}

function statementLines(s: StatementExplanation): string[] {
  const out: string[] = [];
  const where = s.readsAs ? `reads as ${s.readsAs} (${s.offset >= 0 ? '+' : ''}${s.offset.toFixed(2)})` : s.notEnglish ? 'no reading (not English)' : 'no reading';
  // Numbered from 1, as the findings name statements ("emerging #2").
  out.push(`  #${s.index + 1}  ${s.text}`);
  out.push(`      scope ${fmt(s.position)}  evidence weight ${s.confidence.toFixed(1)}  ${where}${s.wordingLike ? `; wording like ${s.wordingLike}` : ''}`);
  if (s.axes.length > 0) out.push(`      axes: ${s.axes.map((a) => `${a.axis} ${a.position.toFixed(2)} (${a.readsAs})`).join(', ')}`);
  if (s.evidence.length > 0) out.push(`      evidence: ${s.evidence.map((e) => e.text).join('; ')}`);
  if (s.thread) out.push(`      thread "${s.thread.name}": ${s.thread.levels.join(' -> ')}`);
  if (s.register) out.push(`      says what is done ('${s.register.doing}') where the rest of its level only says what is understood (${s.register.understood.map((u) => `'${u}'`).join(', ')})`);
  return out;
}

function formatText(x: Explanation, shownPath: string): string {
  const lines: string[] = [`${shownPath}: scope, level by level (0 = supervised routine work ... 1 = sets direction beyond the organisation)`, ''];
  for (const l of x.levels) {
    lines.push(`${l.name} (${l.key}) — mean scope ${fmt(l.position)}${l.readsAs ? `, reads as ${l.readsAs}` : ''}`);
    lines.push(`  ${l.summary}`);
    for (const s of l.statements) lines.push(...statementLines(s));
    lines.push('');
  }
  if (x.threads.length > 0) {
    lines.push('Threads (one topic across levels):');
    for (const t of x.threads) lines.push(`  "${t.name}" (${t.by}): ${t.levels.join(' -> ')}`);
  }
  // Each line as a terminal may show it: the document's text cannot steer the terminal (terminal.ts).
  return lines.map(terminalSafe).join('\n') + '\n';
}
