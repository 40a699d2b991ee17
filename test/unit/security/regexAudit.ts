/**
 * The regular expression audit, run as a child process by regex.test.ts so that a regular
 * expression that backtracks for ever is killed by the parent's timeout instead of hanging the
 * suite (a running RegExp cannot be interrupted from its own thread).
 *
 * Every regular expression literal and every `new RegExp(...)` in server/src and client/src is
 * found with the TypeScript parser, so a new one is audited without anyone listing it. Each is run
 * on short adversarial strings made from its own characters (one character repeated, a prefix
 * and a repeated character, a repeated pair, each followed by a character that makes the match
 * fail, which is what makes backtracking explode); the slowest strings per expression are then run
 * at 100,000 characters. Prints one JSON line per expression: where it is, its source, the slowest
 * long case and its time. Before each long run it prints which one starts, so a run killed by the
 * timeout names the culprit.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

const ROOT = join(__dirname, '../../..');
const LONG = 100_000;
// Long enough that a quadratic case (16 million steps) stands well above timing noise when the slowest are picked.
const SHORT = 4_000;
const KEEP = 4;

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sources(p));
    else if (/\.(ts|js|mjs)$/.test(name) && !name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

export interface Found {
  where: string;
  regex: RegExp;
}

/** Every regular expression in the source, compiled; a `new RegExp` whose argument is not self-contained is reported as such. */
export function findRegexes(): { found: Found[]; unresolved: string[] } {
  const found: Found[] = [];
  const unresolved: string[] = [];
  for (const file of [...sources(join(ROOT, 'server/src')), ...sources(join(ROOT, 'client/src'))]) {
    const text = readFileSync(file, 'utf8');
    const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const where = (n: ts.Node) => `${relative(ROOT, file)}:${sf.getLineAndCharacterOfPosition(n.getStart()).line + 1}`;
    const visit = (n: ts.Node) => {
      if (n.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const lit = n.getText();
        const slash = lit.lastIndexOf('/');
        found.push({ where: where(n), regex: new RegExp(lit.slice(1, slash), lit.slice(slash + 1)) });
      } else if ((ts.isNewExpression(n) || ts.isCallExpression(n)) && ts.isIdentifier(n.expression) && n.expression.text === 'RegExp') {
        // Our constructed expressions are built from literals (lists joined), so their text evaluates on its own.
        try {
          const value = new Function(`return ${n.getText()}`)();
          found.push({ where: where(n), regex: value as RegExp });
        } catch {
          unresolved.push(where(n));
        }
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return { found, unresolved };
}

/** Characters worth repeating for one expression: those it names, those its classes stand for, and a few always. */
function alphabet(source: string): string[] {
  const set = new Set<string>([' ', '\t', '\n', 'a', 'A', 'z', '1', '-', '.', '/', '~', '\u2014', '\u00e9', '\\']);
  for (const m of source.matchAll(/\\u\{?([0-9a-fA-F]{4,5})\}?|\\x([0-9a-fA-F]{2})/g)) set.add(String.fromCodePoint(parseInt(m[1] ?? m[2], 16)));
  for (const ch of source.replace(/\\[ux][0-9a-fA-F{}]+/g, '')) if (ch >= ' ') set.add(ch);
  return [...set];
}

/** Words the expression spells out ("not", "etc"), since a word then a long run is a classic trap. */
function words(source: string): string[] {
  return [...new Set(source.match(/[A-Za-z]{2,}/g) ?? [])].slice(0, 40);
}

const FAIL = ['\u0000', '!', 'x'];

/** The adversarial cases for one expression, each a function of the length of its repeated part. */
function cases(source: string): ((n: number) => string)[] {
  const abc = alphabet(source);
  const out: ((n: number) => string)[] = [];
  for (const c of abc) for (const f of FAIL) out.push((n) => c.repeat(n) + f);
  for (const c of abc) {
    for (const d of abc) {
      if (c === d) continue;
      out.push((n) => c + d.repeat(n) + '\u0000', (n) => (c + d).repeat(n / 2) + '\u0000', (n) => d.repeat(n) + c);
    }
  }
  for (const w of words(source)) {
    out.push((n) => w + ' '.repeat(n) + 'x', (n) => (w + ' ').repeat(Math.ceil(n / (w.length + 1))) + '\u0000', (n) => w.toLowerCase() + ' '.repeat(n) + '.');
  }
  return out;
}

/** All the work a use of the expression can do: every match of a global search, and one exec. */
function exercise(re: RegExp, s: string): void {
  const global = new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g');
  s.replace(global, '');
  new RegExp(re.source, re.flags.replace(/[gy]/g, '')).exec(s);
}

function time(re: RegExp, s: string): number {
  const t = process.hrtime.bigint();
  exercise(re, s);
  return Number(process.hrtime.bigint() - t) / 1e6;
}

/** Runs one expression's cases: the slowest few at short length, then those at 100,000 characters. */
function audit(where: string, regex: RegExp): void {
  const all = cases(regex.source);
  const timed = all.map((make, i) => ({ i, ms: time(regex, make(SHORT)) })).sort((a, b) => b.ms - a.ms).slice(0, KEEP);
  let worst = { ms: 0, sample: '' };
  for (const { i } of timed) {
    const s = all[i](LONG);
    const sample = JSON.stringify(s.slice(0, 12)) + `… (${s.length} chars)`;
    console.log(JSON.stringify({ where, start: regex.toString(), sample }));
    const ms = time(regex, s);
    if (ms >= worst.ms) worst = { ms, sample };
  }
  console.log(JSON.stringify({ where, regex: regex.toString(), worstMs: Math.round(worst.ms * 10) / 10, sample: worst.sample }));
}

if (require.main === module) {
  // `--source S --flags F` audits one expression (the test shows the audit catches a known bad one).
  const at = process.argv.indexOf('--source');
  if (at > 0) {
    const flags = process.argv[process.argv.indexOf('--flags') + 1] ?? '';
    audit('(given)', new RegExp(process.argv[at + 1], flags));
  } else {
    const { found, unresolved } = findRegexes();
    for (const u of unresolved) console.log(JSON.stringify({ where: u, unresolved: true }));
    // The same expression in several places (the generated validator's `/\//g`) is audited once.
    const seen = new Set<string>();
    for (const { where, regex } of found) {
      if (seen.has(regex.toString())) continue;
      seen.add(regex.toString());
      audit(where, regex);
    }
    console.log(JSON.stringify({ done: found.length, distinct: seen.size }));
  }
}
