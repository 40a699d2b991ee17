/**
 * Everything wrong with the text of a `.competency-lint.json`, in the words the CLI prints: its
 * JSONC syntax errors, or, when it parses, every problem validate.ts finds. The CLI stops at the
 * first (node/config.ts); the language server shows them all where they are written, in the
 * config's own buffer (lsp/configDocument.ts). One function for both, so that they cannot word or
 * place a problem differently.
 */
import { parse, type ParseError } from 'jsonc-parser';
import { MAX_NESTING_DEPTH, MAX_SYNTAX_PROBLEMS, scanStrictness, syntaxErrorPhrase } from '../parse/parse';
import { configProblems, type ConfigProblem, type RuleLookup } from './validate';

export interface CheckedConfig {
  /** The parsed value (an empty object for an empty text); meaningful only when there is no problem. */
  value: unknown;
  problems: ConfigProblem[];
}

/**
 * Checks a config's text. An empty text is an empty config: editors create a file before they
 * write into it (the suppression quick fix creates .competency-lint.json, and an editor that does
 * not save at once leaves it empty on disk), and as a JSON error it would stop the linting of every
 * framework below it. A byte order mark counts as a space, so that offsets stay those of `text`.
 *
 * A text with syntax errors gets only those: what parsed of it is a guess, and its shape problems
 * (a property cut off, an object left open) would be the syntax error again in other words.
 */
export function checkConfigText(input: string, lookupRule?: RuleLookup, ruleIds: readonly string[] = []): CheckedConfig {
  const text = input.charCodeAt(0) === 0xfeff ? ' ' + input.slice(1) : input;
  if (text.trim() === '') return { value: {}, problems: [] };
  // jsonc-parser reads nested values by recursion, which a config nested some thousands deep (it
  // comes with a workspace) made overflow the stack: the CLI stopped with an internal error.
  const deep = scanStrictness(text, []);
  if (deep !== undefined) {
    const problem = `the config nests deeper than ${MAX_NESTING_DEPTH} levels; a config is only a few levels deep`;
    return { value: undefined, problems: [{ message: problem, range: { start: deep, end: deep + 1 }, kind: 'semantic' }] };
  }
  const errors: ParseError[] = [];
  const value = parse(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length > 0) return { value, problems: syntaxProblems(errors, text.length) };
  return { value, problems: configProblems(value, text, lookupRule, ruleIds) };
}

/**
 * The parser's errors in words, one per place and kind (an unclosed config makes each open
 * container report its missing bracket at the same end), at most MAX_SYNTAX_PROBLEMS of them.
 */
function syntaxProblems(errors: ParseError[], length: number): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    const start = Math.min(e.offset, length);
    if (seen.has(`${start}:${e.error}`)) continue;
    seen.add(`${start}:${e.error}`);
    problems.push({
      message: `invalid JSON in config: ${syntaxErrorPhrase(e.error)}`,
      range: { start, end: Math.min(length, start + Math.max(1, e.length)) },
      kind: 'syntax',
    });
    if (problems.length === MAX_SYNTAX_PROBLEMS) break;
  }
  return problems;
}
