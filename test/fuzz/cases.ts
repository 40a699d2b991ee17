/**
 * Fuzz case generators for the core, shared by the CI-sized run in `npm test` and the long run of
 * `npm run fuzz`. Each arbitrary yields a document text; `checkInvariants` says what must hold for
 * every one of them.
 */
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTree, type Node } from 'jsonc-parser';
import { analyseEdit } from '../../server/src/core/incremental';
import { analyse } from '../../server/src/core/service';
import { EMPTY_CONFIG } from '../../server/src/core/config/types';
import { parseDocument } from '../../server/src/core/parse/parse';
import { applyEdits, applySafeFixes } from '../../server/src/core/fixes/apply';
import { fixAll } from '../../server/src/core/features/codeActions';
import { renameTopic } from '../../server/src/core/features/renameTopic';
import { addOnTopicActions } from '../../server/src/core/features/addOnTopic';
import { moveStatementActions } from '../../server/src/core/features/moveStatement';
import { documentLinks } from '../../server/src/core/features/links';
import type { Finding, Range } from '../../server/src/core/types';
import { ROOT, EXAMPLE_TEXT } from '../helpers';

export const SEEDS: string[] = [
  EXAMPLE_TEXT,
  JSON.stringify(JSON.parse(EXAMPLE_TEXT), null, 2),
  ...readdirSync(join(ROOT, 'test/corpus/ddat-dev'))
    .slice(0, 8)
    .map((f) => readFileSync(join(ROOT, 'test/corpus/ddat-dev', f), 'utf8')),
];

/** Every path of a JSON value, for "wrong type at every path". */
export function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [prefix];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...paths(v, [...prefix, i])));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...prefix, k]));
  return out;
}

export function setAt(root: any, path: (string | number)[], v: unknown): any {
  if (path.length === 0) return v;
  const copy = structuredClone(root);
  let cur = copy;
  for (const seg of path.slice(0, -1)) cur = cur[seg];
  cur[path[path.length - 1]] = v;
  return copy;
}

const seed = fc.constantFrom(...SEEDS);
export const WEIRD_VALUES: unknown[] = [null, true, 0, -1, 1.5, 1e308, '', 'five', '\u0000', '\uD800', [], {}, [[[]]], { a: { b: {} } }, 'x'.repeat(5000)];
const weird = fc.constantFrom<unknown>(...WEIRD_VALUES);

export const truncation = seed.chain((s) => fc.nat({ max: s.length }).map((n) => s.slice(0, n)));
export const byteFlip = seed.chain((s) =>
  fc.tuple(fc.nat({ max: Math.max(0, s.length - 1) }), fc.integer({ min: 0, max: 0xffff })).map(([i, c]) => s.slice(0, i) + String.fromCharCode(c) + s.slice(i + 1)),
);
export const deletion = seed.chain((s) =>
  fc.tuple(fc.nat({ max: s.length }), fc.nat({ max: 200 })).map(([i, n]) => s.slice(0, i) + s.slice(i + n)),
);
export const insertion = seed.chain((s) =>
  fc.tuple(fc.nat({ max: s.length }), fc.constantFrom('{', '}', '[', ']', ',', ':', '"', '\\', '//', '/*', '\r\n', '\u2014', '\uFEFF', 'NaN', 'Infinity', '-', '1e999'))
    .map(([i, t]) => s.slice(0, i) + t + s.slice(i)),
);
/** Every property of a text's tree (key and value), for "duplicated keys at various places". */
function properties(text: string): Node[] {
  const out: Node[] = [];
  const walk = (n: Node | undefined) => {
    if (!n) return;
    if (n.type === 'property') out.push(n);
    for (const c of n.children ?? []) walk(c);
  };
  walk(parseTree(text));
  return out;
}

/**
 * A property of any object written a second time: a copy right after it, or the same key with a
 * weird value right before it, so that either the first or the last of the two is the odd one.
 */
export const duplicatedKey = seed.chain((s) => {
  const props = properties(s);
  return fc.tuple(fc.constantFrom(...props), weird, fc.boolean()).map(([p, w, before]) => {
    const own = s.slice(p.offset, p.offset + p.length);
    const other = `${s.slice(p.children![0].offset, p.children![0].offset + p.children![0].length)}: ${JSON.stringify(w)}`;
    const copy = before ? other : own;
    return before ? s.slice(0, p.offset) + copy + ', ' + s.slice(p.offset) : s.slice(0, p.offset + p.length) + ', ' + copy + s.slice(p.offset + p.length);
  });
});

/**
 * String literals (keys, values, statements) rewritten with JSON escapes: all as \uXXXX, every third
 * character, or the short forms (\/, \t, \") where they apply, so that offsets in a decoded string
 * differ from offsets in the text and every range mapped back must still land inside the literal.
 */
const SHORT: Record<string, string> = { '"': '\\"', '\\': '\\\\', '/': '\\/', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t' };
export const escaped = seed.chain((s) =>
  fc.tuple(fc.integer({ min: 1, max: 6 }), fc.constantFrom('u', 'short', 'mixed')).map(([every, how]) => {
    let k = 0;
    return s.replace(/"(?:[^"\\\n]|\\.)*"/g, (whole) => {
      if (k++ % every !== 0) return whole;
      const decoded: string = JSON.parse(whole);
      let out = '';
      let i = 0;
      for (const unit of decoded.split('')) {
        const code = unit.charCodeAt(0);
        const u = '\\u' + code.toString(16).padStart(4, '0');
        if (how === 'u' || (how === 'mixed' && i++ % 3 === 0)) out += u;
        else if (SHORT[unit]) out += SHORT[unit];
        else out += code < 0x20 ? u : unit;
      }
      return `"${out}"`;
    });
  }),
);

/** Statements carrying the defects that have fixes (spacing, dash, period, odd characters), written as JSON. */
const defect = fc.constantFrom('  ', ' - ', ' -- ', '\u2013', '\t', ' .', '..', '\u00a0', '\u2014', '"', '\\', '\n', '\r\n', '\uD800', '\uDC00', '\u0000', ' ', '');
export const fixable = seed.chain((s) => {
  const doc = JSON.parse(s);
  const levels = Object.values<any>(doc.framework?.levels ?? {}).filter((l) => Array.isArray(l?.statements) && l.statements.length > 0);
  if (levels.length === 0) return fc.constant(s);
  return fc
    .array(fc.tuple(fc.nat(), fc.nat(), fc.nat(), fc.array(defect, { minLength: 1, maxLength: 4 }), fc.boolean()), { minLength: 1, maxLength: 6 })
    .map((edits) => {
      const copy = structuredClone(doc);
      const ls = Object.values<any>(copy.framework.levels).filter((l) => Array.isArray(l?.statements) && l.statements.length > 0);
      for (const [li, si, at, parts, dropPeriod] of edits) {
        const list: unknown[] = ls[li % ls.length].statements;
        const i = si % list.length;
        let t = typeof list[i] === 'string' ? (list[i] as string) : 'Topic — body.';
        if (dropPeriod) t = t.replace(/\.$/, '');
        const j = at % (t.length + 1);
        list[i] = t.slice(0, j) + parts.join('') + t.slice(j);
      }
      return JSON.stringify(copy, null, 2);
    });
});
export const wrongType = seed.chain((s) => {
  const value = JSON.parse(s);
  const all = paths(value);
  return fc.tuple(fc.constantFrom(...all), weird).map(([p, w]) => JSON.stringify(setAt(value, p, w), null, 1));
});
export const crlf = seed.map((s) => JSON.stringify(JSON.parse(s), null, 2).replace(/\n/g, '\r\n'));
export const anyString = fc.string({ unit: 'binary', maxLength: 400 });
export const anyJson = fc.jsonValue({ maxDepth: 6 }).map((v) => JSON.stringify(v));
/** Arbitrary JSON shaped like a framework, so the deeper rules run on odd but plausible data. */
export const frameworkLike = fc
  .record({
    occupation: fc.dictionary(fc.constantFrom('soc', 'title', 'group', 'sector', 'jobZone', 'jobZoneInferred'), fc.jsonValue({ maxDepth: 1 })),
    levels: fc.dictionary(
      fc.string({ maxLength: 12 }),
      fc.record({ label: fc.jsonValue({ maxDepth: 1 }), statements: fc.array(fc.oneof(fc.string({ maxLength: 120 }), fc.jsonValue({ maxDepth: 1 })), { maxLength: 12 }) }),
      { maxKeys: 6 },
    ),
  })
  .map((r) => JSON.stringify({ occupation: r.occupation, framework: { levels: r.levels } }, null, 2));

export const ALL_CASES = fc.oneof(truncation, byteFlip, deletion, insertion, duplicatedKey, wrongType, crlf, anyString, anyJson, frameworkLike, escaped, fixable);

/** Documents that parse and carry fixes, for the fix property. */
export const FIX_CASES = fc.oneof(fixable, escaped.chain(() => fixable), frameworkLike, wrongType, duplicatedKey);

function inside(r: Range, length: number): boolean {
  return Number.isInteger(r.start) && Number.isInteger(r.end) && r.start >= 0 && r.start <= r.end && r.end <= length;
}

/** Throws, with the reason, when a text breaks one of the core's promises. */
export function checkInvariants(text: string): void {
  const a = analyse(text);
  for (const f of a.findings) {
    if (!inside(f.range, text.length)) throw new Error(`finding outside the document: ${f.ruleId} ${JSON.stringify(f.range)}`);
    for (const r of f.related ?? []) if (!inside(r.range, text.length)) throw new Error(`related location outside the document: ${f.ruleId}`);
    for (const e of f.fix?.edits ?? []) if (!inside(e, text.length)) throw new Error(`fix edit outside the document: ${f.ruleId}`);
    if (/^Internal error/.test(f.message)) throw new Error(f.message);
  }
  const b = analyse(text);
  if (JSON.stringify(strip(a.findings)) !== JSON.stringify(strip(b.findings))) throw new Error('two analyses of the same text differ');
}

function strip(findings: Finding[]): unknown {
  return findings.map((f) => [f.ruleId, f.severity, f.message, f.pointer, f.range, f.related?.map((r) => [r.pointer, r.range])]);
}

/**
 * Fixing never breaks the JSON: when a text parses, every fix alone (safe or not), all the safe fixes
 * of one pass together, and the editor's fix-all each give a text that still parses. The guards in
 * --fix and fix-all would hide a fix that breaks the JSON by dropping it; this checks the fixes
 * themselves, so such a fix is found rather than silently skipped.
 */
export function checkFixes(text: string): void {
  const a = analyse(text);
  if (a.doc.problems.length > 0) return;
  const parses = (t: string, what: string) => {
    const problems = parseDocument(t).problems;
    if (problems.length > 0) throw new Error(`${what} made a parseable document unparseable: ${problems[0].message} in ${JSON.stringify(t.slice(Math.max(0, problems[0].range.start - 40), problems[0].range.start + 40))}`);
  };
  for (const f of a.findings) if (f.fix) parses(applyEdits(text, f.fix.edits), `the fix "${f.fix.title}" of ${f.ruleId}`);
  parses(applySafeFixes(text, a.findings).text, 'one pass of the safe fixes');
  const all = fixAll(a, (t) => analyse(t));
  parses(all.text, 'fix-all');
  if (all.edits.length > 0 && applyEdits(text, all.edits) !== all.text) throw new Error('the fix-all edit does not produce the fixed text');
}

/** Names a rename may be given: plain, accented, quoted, escaped, and ones a topic cannot take. */
const RENAMES = ['Lending', 'Prêt — retour', 'A "quoted" \\ name', '🙂', '  ', 'x\ny'];

/**
 * The editor's own edits never break a document that parses, and never throw: renaming each topic
 * (to names a topic can and cannot take), adding a statement on each topic a level skips, moving a
 * misplaced statement; and the document's links lie inside it.
 */
export function checkEditorEdits(text: string): void {
  const a = analyse(text);
  for (const l of documentLinks(a)) if (!inside(l.range, text.length)) throw new Error('a document link outside the document');
  if (a.doc.problems.length > 0) return;
  const parses = (t: string, what: string) => {
    const problems = parseDocument(t).problems;
    if (problems.length > 0) throw new Error(`${what} made a parseable document unparseable: ${problems[0].message}`);
  };
  const topics = new Set<string>();
  for (const s of a.model.statements) {
    if (s.topic === undefined || topics.has(s.topic) || topics.size >= 5) continue;
    topics.add(s.topic);
    for (const name of RENAMES) {
      const r = renameTopic(a, s.range.start + 1, name);
      if (r && !('refused' in r)) parses(applyEdits(text, r.edits), `renaming "${s.topic}" to ${JSON.stringify(name)}`);
    }
  }
  const whole = { start: 0, end: text.length };
  for (const action of [...addOnTopicActions(a, whole, EMPTY_CONFIG), ...moveStatementActions(a, whole, EMPTY_CONFIG)]) parses(applyEdits(text, action.edits), `"${action.title}"`);
}

/** A document and edits to it: offsets as fractions of where they land, so that they fit any text. */
export const EDIT_CASES = fc.record({
  // Mostly documents that parse, where edits inside statements can take the incremental path.
  text: fc.oneof({ arbitrary: ALL_CASES, weight: 1 }, { arbitrary: fc.oneof(frameworkLike, fixable, crlf, escaped, duplicatedKey), weight: 3 }),
  edits: fc.array(
    fc.record({
      inStatement: fc.double({ min: 0, max: 1, noNaN: true }).map((x) => x < 0.85),
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      span: fc.nat({ max: 6 }),
      // Mostly what typing inserts; sometimes a quote, a backslash or a line break, which the fast path must refuse.
      insert: fc.oneof(
        { arbitrary: fc.constantFrom('', 'e', ' ', '—', 'É', 'x y', '.', ' — ', 'independently'), weight: 6 },
        { arbitrary: fc.constantFrom('"', '\\', '\n', '\u0001'), weight: 1 },
        { arbitrary: fc.string({ maxLength: 8 }), weight: 2 },
      ),
    }),
    { minLength: 1, maxLength: 8 },
  ),
});

const AS_LARGE = { ...EMPTY_CONFIG, maxFileSize: 10 };

/**
 * The editor's incremental path gives what a fresh analysis gives: each edit of the chain (mostly
 * inside a statement, where the fast path applies) is applied to the previous result with
 * analyseEdit and compared with analyse of the new text, the text analysed as a large one.
 */
export function checkEdits(c: { text: string; edits: { inStatement: boolean; at: number; span: number; insert: string }[] }): void {
  let result = analyse(c.text, { config: AS_LARGE });
  for (const e of c.edits) {
    const old = result.doc.text;
    const statements = result.model.statements;
    let start = Math.floor(e.at * old.length);
    if (e.inStatement && statements.length > 0) {
      const s = statements[Math.floor(e.at * statements.length) % statements.length];
      start = s.range.start + 1 + Math.floor(e.at * Math.max(0, s.range.end - s.range.start - 1));
    }
    const end = Math.min(old.length, start + e.span);
    const text = old.slice(0, start) + e.insert + old.slice(end);
    const next = analyseEdit(result, { start, end, newText: e.insert }, text, { config: AS_LARGE });
    const fresh = analyse(text, { config: AS_LARGE });
    const seen = (r: typeof next) => JSON.stringify([strip(r.findings), r.model.statements.map((st) => [st.pointer, st.text, st.range]), r.doc.lines.lineCount]);
    if (seen(next) !== seen(fresh)) throw new Error(`the incremental result differs from a fresh analysis after the edit ${JSON.stringify({ start, end, insert: e.insert })}`);
    result = next;
  }
}
