/**
 * Explain: why the scope model reads each statement and level as it does, as plain data. The CLI's
 * `competency-lint explain FILE` prints it, and editors can show any part of it in a hover; this
 * file knows nothing of either (no LSP, no I/O). It reuses the scope analysis the rules computed for
 * the same document, so explaining a linted document costs nothing more.
 */
import { EMPTY_CONFIG, type ResolvedConfig } from './config/types';
import { scopeAnalysis, type LevelScope, type ScopeAnalysis, type StatementScope } from './analysis/scope/analysis';
import { describeEvidence, levelAt } from './analysis/scope/describe';
import { AXIS_ORDER } from './analysis/scope/profile';
import type { ScopeAxis } from './analysis/scope/types';
import type { AnalysisResult } from './service';
import type { Range } from './types';

export interface EvidenceExplanation {
  axis: ScopeAxis;
  phrase: string;
  reading: string;
  /** Where the phrase places the statement on the 0..1 scale, and the level that is. */
  position: number;
  readsAs: string;
  weight: number;
  leading: boolean;
  /** Document offsets of the phrase, when the statement's text maps one to one onto the document. */
  range?: Range;
  /** The evidence in words, as messages word it. */
  text: string;
}

export interface StatementExplanation {
  pointer: string;
  index: number;
  text: string;
  range: Range;
  /** The 0..1 scope position from the lexicon, and how much evidence it rests on. */
  position: number | undefined;
  confidence: number;
  /** The position per axis (weighted mean of that axis's evidence). */
  axes: { axis: ScopeAxis; position: number; weight: number; readsAs: string }[];
  evidence: EvidenceExplanation[];
  /** The combined estimate, as a fractional rank and as a level name. */
  estimate: number | undefined;
  readsAs: string | undefined;
  /** The estimate minus the statement's own rank (positive: reads higher than where it sits). */
  offset: number;
  /** The level whose statements share most of its words, when any does clearly. */
  wordingLike: string | undefined;
  thread?: { id: number; name: string; levels: string[] };
  /**
   * When the statement says what is done where the rest of its (lowest) level only says what is
   * understood: the words that say so and the other statements' phrases of understanding.
   */
  register?: { doing: string; understood: string[] };
  /**
   * True when the statement is written in another language than English: the built-in lexicon,
   * which is English, does not read it (only the config's phrases do), so it has no reading of its own.
   */
  notEnglish?: true;
}

export interface LevelExplanation {
  key: string;
  name: string;
  rank: number;
  pointer: string;
  /** Mean lexicon position (0..1) of the statements with evidence. */
  position: number | undefined;
  /** The level as a whole reads as this level (mean reading of its statements). */
  reading: number | undefined;
  readsAs: string | undefined;
  measured: number;
  statements: StatementExplanation[];
  /** One line of summary in words. */
  summary: string;
}

export interface Explanation {
  levels: LevelExplanation[];
  threads: { id: number; name: string; by: 'topic' | 'content'; levels: string[]; pointers: string[] }[];
}

function round(n: number | undefined, digits = 2): number | undefined {
  if (n === undefined) return undefined;
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

function positionName(analysis: ScopeAnalysis, position: number): string {
  return levelAt(analysis, position * Math.max(1, analysis.levels.length - 1)).name;
}

export function explainStatement(analysis: ScopeAnalysis, x: StatementScope): StatementExplanation {
  const s = x.statement;
  // Offsets inside a string literal match the document only when it holds no escapes.
  const toRange = (start: number, end: number): Range | undefined =>
    s.verbatim ? { start: s.range.start + 1 + start, end: s.range.start + 1 + end } : undefined;
  const axes = AXIS_ORDER.flatMap((axis) => {
    const a = x.profile.axes[axis];
    return a ? [{ axis, position: round(a.position) as number, weight: round(a.weight) as number, readsAs: positionName(analysis, a.position) }] : [];
  });
  const thread = x.thread !== undefined ? analysis.threads[x.thread] : undefined;
  return {
    pointer: s.pointer,
    index: s.index,
    text: s.text,
    range: s.range,
    position: round(x.profile.position),
    confidence: round(x.profile.confidence) as number,
    axes,
    evidence: x.profile.evidence.map((e) => {
      const out: EvidenceExplanation = {
        axis: e.axis,
        phrase: e.phrase,
        reading: e.reading,
        position: e.position,
        readsAs: positionName(analysis, e.position),
        weight: round(e.weight) as number,
        leading: e.leading === true,
        text: describeEvidence(e),
      };
      const range = toRange(e.start, e.end);
      if (range) out.range = range;
      return out;
    }),
    estimate: round(x.estimate),
    readsAs: x.estimate === undefined ? undefined : levelAt(analysis, x.estimate).name,
    offset: round(x.offset) as number,
    wordingLike: x.contentRank === undefined ? undefined : levelAt(analysis, x.contentRank).name,
    ...(thread ? { thread: { id: thread.id, name: thread.name, levels: thread.ranks.map((r) => analysis.levels[r].name) } } : {}),
    ...(x.register ? { register: { doing: x.register.doing.phrase, understood: x.register.understood } } : {}),
    ...(x.english ? {} : { notEnglish: true as const }),
  };
}

function summarise(analysis: ScopeAnalysis, l: LevelScope, below: LevelScope | undefined): string {
  if (l.statements.length === 0) return 'no statements';
  if (l.reading === undefined) {
    // Said outright, so that a framework in French does not look like one the model failed to read.
    const foreign = l.statements.filter((x) => !x.english).length;
    const why = foreign === 0 ? '' : `; ${foreign === l.statements.length ? 'they are' : `${foreign} are`} not written in English, the language of the scope lexicon`;
    return `${l.statements.length} statement(s), none with wording that places it on the scale of scope${why}`;
  }
  const reads = levelAt(analysis, l.reading).name;
  let text = `${l.statements.length} statement(s), ${l.measured} with scope evidence; as a whole it reads as ${reads}`;
  if (below?.reading !== undefined) {
    const d = l.reading - below.reading;
    // The level below is named as a level, not as a reading: "reads as Working, broader than
    // Working" read as a contradiction when this level's reading and the level below shared a name.
    text += d > 0 ? `, ${d.toFixed(2)} levels broader than the level below (${below.name})` : `, not broader than the level below (${below.name}: ${d.toFixed(2)} levels)`;
  }
  const off = l.statements.filter((x) => Math.abs(x.offset) >= 1).length;
  if (off > 0) text += `; ${off} statement(s) read a level or more away`;
  return text;
}

/** The whole document's scope reading, level by level. */
export function explain(result: AnalysisResult, config: ResolvedConfig = EMPTY_CONFIG): Explanation {
  if (!result.model.isFramework) return { levels: [], threads: [] };
  const analysis = scopeAnalysis({ shared: result.shared, model: result.model, config });
  return {
    levels: analysis.levels.map((l, i) => ({
      key: l.level.key,
      name: l.name,
      rank: l.rank,
      pointer: l.level.pointer,
      position: round(l.position),
      reading: round(l.reading),
      readsAs: l.reading === undefined ? undefined : levelAt(analysis, l.reading).name,
      measured: l.measured,
      statements: l.statements.map((x) => explainStatement(analysis, x)),
      summary: summarise(analysis, l, i > 0 ? analysis.levels[i - 1] : undefined),
    })),
    threads: analysis.threads.map((t) => ({
      id: t.id,
      name: t.name,
      by: t.by,
      levels: t.ranks.map((r) => analysis.levels[r].name),
      pointers: t.members.map((m) => analysis.statements[m].statement.pointer),
    })),
  };
}

/** The explanation of the statement at a pointer, for callers that hold a result and a pointer (tests, tools); the hover calls explainStatement on the analysis it already has. */
export function explainAt(result: AnalysisResult, pointer: string, config: ResolvedConfig = EMPTY_CONFIG): StatementExplanation | undefined {
  if (!result.model.isFramework) return undefined;
  const analysis = scopeAnalysis({ shared: result.shared, model: result.model, config });
  const x = analysis.byPointer.get(pointer);
  return x ? explainStatement(analysis, x) : undefined;
}
