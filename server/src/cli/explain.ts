/**
 * `competency-lint explain FILE`: prints, level by level, how the scope model reads each statement
 * (its position, the evidence with the phrase and what it says, the level it reads as, its thread)
 * and each level's summary, so an author can see why the linter thinks what it thinks. `--format
 * json` prints the same data (the core's `explain()` result) for other tools. The config is found
 * as for a lint run (upward from the file), or given with `--config`, so the lexicon extensions and
 * level orders of the project apply.
 */
import { readTextFile } from '../node/files';
import { resolve } from 'node:path';
import { analyse } from '../core/service';
import { explain, type Explanation, type StatementExplanation } from '../core/explain';
import { ConfigError } from '../node/config';
import { ConfigSource, type ConfigMode } from './configs';
import { terminalSafe } from './formatters/terminal';
import { placer } from './lint';

const USAGE = 'usage: competency-lint explain [--format text|json] [--config FILE | --no-config] FILE\n';

export async function runExplain(args: string[]): Promise<number> {
  // A reader that stops early (`| head`) closes the pipe; that is not an error worth a stack trace.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });
  let format: 'text' | 'json' = 'text';
  let mode: ConfigMode = { kind: 'lookup' };
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--help' || a === '-h') {
      process.stdout.write(USAGE);
      return 0;
    } else if (a === '--format' || a.startsWith('--format=')) {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : args[++i];
      if (v !== 'text' && v !== 'json') {
        process.stderr.write(`competency-lint explain: --format must be "text" or "json", found ${JSON.stringify(v ?? '')}\n${USAGE}`);
        return 2;
      }
      format = v;
    } else if (a === '--config' || a.startsWith('--config=')) {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : args[++i];
      if (!v) {
        process.stderr.write(`competency-lint explain: --config needs a file\n${USAGE}`);
        return 2;
      }
      mode = { kind: 'file', path: resolve(v) };
    } else if (a === '--no-config') {
      mode = { kind: 'none' };
    } else if (a.startsWith('-')) {
      process.stderr.write(`competency-lint explain: unknown option ${a}\n${USAGE}`);
      return 2;
    } else files.push(a);
  }
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
      process.stderr.write(`${err.message}\n`);
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

function fmt(n: number | undefined): string {
  return n === undefined ? '  - ' : n.toFixed(2);
}

function statementLines(s: StatementExplanation): string[] {
  const out: string[] = [];
  const where = s.readsAs ? `reads as ${s.readsAs} (${s.offset >= 0 ? '+' : ''}${s.offset.toFixed(2)})` : 'no reading';
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
