/**
 * `npm run eval`: how well the linter finds planted defects in the development corpus, and how
 * quiet it stays on the files without them. Every file is linted through the built CLI's JSON
 * output (`node dist/cli.js --format json`), exactly as a user's CI would see it, with a config that
 * only turns off the statement-format rules (the corpus has no topics).
 *
 * The dev set is split by a hash of the clean file's name into a tuning part and a held-out part;
 * both are printed, so that tuning on one and checking the other shows how the model generalises.
 *
 * `--core` lints in process through the analysis façade instead (the same rules and config, no build
 * needed), which is quicker while tuning.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');
const CORPUS = join(ROOT, 'test/corpus');
const CONFIG = join(CORPUS, 'eval.competency-lint.json');
const EXAMPLE = join(ROOT, 'examples/25-4022.00.json');

interface Message {
  ruleId: string;
  category: string;
  severity: string;
  message: string;
  line: number;
  column: number;
  pointer: string;
}
interface FileResult {
  filePath: string;
  messages: Message[];
}
interface Label {
  file: string;
  clean: string;
  kind: string;
  pointer: string;
  twin?: string;
}

const useCore = process.argv.includes('--core');

/** Lints files in batches through the built CLI (exit code 1 only means findings were reported). */
function lintWithCli(files: string[]): Map<string, Message[]> {
  const cli = join(ROOT, 'dist/cli.js');
  if (!existsSync(cli)) throw new Error('dist/cli.js is missing: run `npm run build` first (npm run eval does).');
  const out = new Map<string, Message[]>();
  const batch = 60;
  for (let i = 0; i < files.length; i += batch) {
    const chunk = files.slice(i, i + batch);
    let stdout: string;
    try {
      stdout = execFileSync(process.execPath, [cli, '--format', 'json', '--config', CONFIG, ...chunk], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    } catch (err) {
      const e = err as { status?: number; stdout?: string; stderr?: string };
      if (e.status !== 1 || !e.stdout) throw new Error(`the CLI failed (exit ${e.status}): ${e.stderr ?? ''}`);
      stdout = e.stdout;
    }
    for (const r of JSON.parse(stdout) as FileResult[]) out.set(normalisePath(r.filePath), r.messages);
  }
  return out;
}

function normalisePath(p: string): string {
  return p.startsWith('/') ? p : join(process.cwd(), p);
}

/** The same lint in process, through the core façade and the CLI's own config resolution. */
function lintWithCore(files: string[]): Map<string, Message[]> {
  // Loaded lazily so that the CLI mode needs no TypeScript sources at all.
  const { analyse } = require('../server/src/core/service') as typeof import('../server/src/core/service');
  const { EMPTY_CONFIG, normaliseRuleSetting } = require('../server/src/core/config/types') as typeof import('../server/src/core/config/types');
  const { parse } = require('jsonc-parser') as typeof import('jsonc-parser');
  const raw = parse(readFileSync(CONFIG, 'utf8')) as { rules: Record<string, import('../server/src/core/config/types').RuleSetting> };
  const rules: Record<string, import('../server/src/core/config/types').ResolvedRuleSetting> = {};
  for (const [id, s] of Object.entries(raw.rules)) rules[id] = normaliseRuleSetting(s);
  const config = { ...EMPTY_CONFIG, rules };
  const out = new Map<string, Message[]>();
  for (const f of files) {
    const result = analyse(readFileSync(f, 'utf8'), { config });
    out.set(
      f,
      result.findings.map((x) => {
        const pos = result.doc.lines.positionAt(x.range.start);
        return { ruleId: x.ruleId, category: x.category, severity: x.severity, message: x.message, line: pos.line + 1, column: pos.character + 1, pointer: x.pointer };
      }),
    );
  }
  return out;
}

/** FNV-1a: a stable hash, so that the split never changes between runs or machines. */
function fnv1a(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 16777619) >>> 0;
  }
  return h;
}

type Part = 'tune' | 'held-out';
const partOf = (cleanName: string): Part => (fnv1a(cleanName) % 3 === 0 ? 'held-out' : 'tune');

const SCOPE = (m: Message) => m.category === 'scope';
const DUPLICATE = (m: Message) => m.category === 'duplicate';
const under = (pointer: string, at: string) => pointer === at || pointer.startsWith(at + '/');

function found(label: Label, messages: Message[]): boolean {
  switch (label.kind) {
    case 'moved-up':
    case 'moved-down':
      return messages.some((m) => SCOPE(m) && m.pointer === label.pointer);
    case 'exact-dup':
    case 'near-dup':
      return messages.some((m) => DUPLICATE(m) && (m.pointer === label.pointer || m.pointer === label.twin));
    case 'level-swap':
      return messages.some((m) => SCOPE(m) && under(m.pointer, '/framework/levels'));
    default:
      return false;
  }
}

function pct(a: number, b: number): string {
  return b === 0 ? '  n/a' : `${((100 * a) / b).toFixed(1).padStart(5)}%`;
}

function main(): void {
  const plantedDir = join(CORPUS, 'ddat-dev-planted');
  const cleanDir = join(CORPUS, 'ddat-dev');
  const labels = readFileSync(join(plantedDir, 'labels.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Label);
  const cleanFiles = readdirSync(cleanDir).filter((f) => f.endsWith('.json')).sort();
  const files = [...labels.map((l) => join(plantedDir, l.file)), ...cleanFiles.map((f) => join(cleanDir, f)), EXAMPLE];
  const lint = useCore ? lintWithCore : lintWithCli;
  const results = lint(files);

  const kinds = ['moved-up', 'moved-down', 'exact-dup', 'near-dup', 'level-swap'];
  const tally: Record<Part, Record<string, [number, number]>> = { tune: {}, 'held-out': {} };
  const misses: string[] = [];
  for (const label of labels) {
    const messages = results.get(join(plantedDir, label.file)) ?? [];
    const t = (tally[partOf(label.clean)][label.kind] ??= [0, 0]);
    t[1]++;
    if (found(label, messages)) t[0]++;
    else if (partOf(label.clean) === 'tune') misses.push(`${label.kind} ${label.file} ${label.pointer}`);
  }
  const quiet: Record<Part, { statements: number; flagged: number; progression: number; files: number; near: number }> = {
    tune: { statements: 0, flagged: 0, progression: 0, files: 0, near: 0 },
    'held-out': { statements: 0, flagged: 0, progression: 0, files: 0, near: 0 },
  };
  const byRule = new Map<string, number>();
  for (const f of cleanFiles) {
    const path = join(cleanDir, f);
    const doc = JSON.parse(readFileSync(path, 'utf8')) as { framework: { levels: Record<string, { statements: string[] }> } };
    const q = quiet[partOf(f)];
    q.files++;
    const messages = (results.get(path) ?? []).filter(SCOPE);
    // The unplanted files have no near copies planted in them, so a near-duplicate finding there is
    // a pair the rule judged a copy that the framework's authors wrote as two statements.
    q.near += (results.get(path) ?? []).filter((m) => m.ruleId === 'duplicate-near').length;
    for (const [key, level] of Object.entries(doc.framework.levels)) {
      level.statements.forEach((_, i) => {
        const pointer = `/framework/levels/${key}/statements/${i}`;
        q.statements++;
        if (messages.some((m) => under(m.pointer, pointer))) q.flagged++;
      });
    }
    if (messages.some((m) => m.ruleId === 'level-progression')) q.progression++;
    for (const m of messages) byRule.set(m.ruleId, (byRule.get(m.ruleId) ?? 0) + 1);
    // Only the tuning part is ever listed, so that the held-out files stay unseen while tuning.
    if (process.argv.includes('--list') && partOf(f) === 'tune') for (const m of messages) console.log(`  [tune] ${f} ${m.ruleId} ${m.pointer}: ${m.message}`);
  }

  console.log(`competency-lint evaluation (${useCore ? 'in-process core' : 'built CLI, --format json'}; config ${CONFIG.slice(ROOT.length + 1)})`);
  console.log('');
  console.log('planted defects found            tune        held-out    all');
  for (const kind of kinds) {
    const a = tally.tune[kind] ?? [0, 0];
    const b = tally['held-out'][kind] ?? [0, 0];
    const row = (x: [number, number]) => `${pct(x[0], x[1])} ${`(${x[0]}/${x[1]})`.padEnd(7)}`;
    console.log(`  ${kind.padEnd(30)} ${row(a)} ${row(b)} ${row([a[0] + b[0], a[1] + b[1]])}`);
  }
  console.log('');
  console.log('unplanted files                  tune        held-out');
  const qt = quiet.tune;
  const qh = quiet['held-out'];
  console.log(`  statements with a scope diag.  ${pct(qt.flagged, qt.statements)} (${qt.flagged}/${qt.statements})  ${pct(qh.flagged, qh.statements)} (${qh.flagged}/${qh.statements})`);
  console.log(`  files with level-progression   ${pct(qt.progression, qt.files)} (${qt.progression}/${qt.files})   ${pct(qh.progression, qh.files)} (${qh.progression}/${qh.files})`);
  console.log(`  duplicate-near findings         ${String(qt.near).padStart(6)}            ${String(qh.near).padStart(6)}`);
  console.log(`  scope findings by rule: ${[...byRule].map(([id, n]) => `${id} ${n}`).join(', ') || 'none'}`);
  console.log('');
  const ex = (results.get(EXAMPLE) ?? []).filter((m) => m.category === 'scope' || m.category === 'coverage');
  console.log(`example ${EXAMPLE.slice(ROOT.length + 1)}: ${ex.length} scope/coverage findings`);
  for (const m of ex) console.log(`  ${String(m.line).padStart(3)}:${String(m.column).padEnd(3)} ${m.severity.padEnd(7)} ${m.ruleId.padEnd(18)} ${m.pointer}\n        ${m.message}`);
  if (process.argv.includes('--misses')) {
    console.log('');
    console.log('missed (tuning part only):');
    for (const m of misses) console.log(`  ${m}`);
  }
}

main();
