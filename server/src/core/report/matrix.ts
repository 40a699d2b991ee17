/**
 * The level matrix as data: what the HTML page and the VS Code webview show, built from one
 * analysis. Levels are columns in the order of proficiency, threads (the same topic carried across
 * levels, as the scope analysis aligned them) are rows, and every cell is one statement with the
 * level its wording reads as and the findings about it. Building the view is separate from
 * rendering it so that tests can check the alignment without parsing HTML, and so that nothing here
 * knows about markup or escaping.
 */
import type { ResolvedConfig } from '../config/types';
import { scopeAnalysis, threadFor, type ScopeAnalysis, type StatementScope } from '../analysis/scope/analysis';
import { levelAt } from '../analysis/scope/describe';
import type { Level, Statement } from '../model/types';
import { levelName } from '../model/levelName';
import type { AnalysisResult } from '../service';
import type { Finding, Range, Severity } from '../types';

/**
 * How a statement's reading relates to the level it sits in. The thresholds are those of the scope
 * rules: half a level off counts as one level, one and a half as two or more.
 */
export type Reading = 'fits' | 'higher' | 'much-higher' | 'lower' | 'much-lower' | 'unread';

/** A finding as the matrix needs it: the CLI passes its placed messages, the server the core's findings. */
export interface MatrixFindingInput {
  ruleId: string;
  severity: Severity;
  message: string;
  pointer: string;
  /** 1-based position to show in the findings list, when the caller has computed it. */
  line?: number;
  column?: number;
  /**
   * The other places the finding names (the other copy of a duplicate, the level below): the CLI
   * passes its placed ones, the server the core's, which carry a range instead of a line.
   */
  related?: readonly MatrixRelatedInput[];
}

export interface MatrixRelatedInput {
  pointer: string;
  message: string;
  line?: number;
  column?: number;
  range?: Range;
}

/** A place a finding names, with the cell or level header the page can link to. */
export interface MatrixRelated {
  pointer: string;
  message: string;
  line: number;
  column: number;
  /** The id of the cell or level header at that place, when there is one. */
  target?: string;
}

export interface MatrixFinding extends Omit<MatrixFindingInput, 'related'> {
  /** The finding's element id on the page. */
  id: string;
  line: number;
  column: number;
  /** The id of the cell or level header the finding is about, when it is about one. */
  target?: string;
  /** The other places it names, so that a reader can go to the other statement it is about. */
  related: MatrixRelated[];
}

export interface MatrixCell {
  id: string;
  pointer: string;
  /** Offsets of the statement's string literal in the analysed text, for revealing it in an editor. */
  start: number;
  end: number;
  levelRank: number;
  topic?: string;
  /** The statement without its topic (the whole text when there is no topic). */
  body: string;
  reading: Reading;
  /** The name of the level the statement reads as, when it could be read at all. */
  readsAs?: string;
  /** The statement's reading on its own, as a fractional rank (what the chart plots). */
  standalone?: number;
  findings: MatrixFinding[];
  /** The most severe of its findings. */
  worst?: Severity;
  thread?: number;
}

export interface MatrixLevel {
  id: string;
  key: string;
  name: string;
  rank: number;
  pointer: string;
  cells: MatrixCell[];
  /** The mean reading of the level's statements, as a fractional rank, when any could be read. */
  reading?: number;
  readsAs?: string;
  findings: MatrixFinding[];
  worst?: Severity;
}

export interface MatrixRow {
  /** A thread of the analysis, or one row of the statements that belong to no thread. */
  kind: 'thread' | 'loose';
  name?: string;
  /** One list per level, in the levels' order; a thread holds at most a few statements per level. */
  cells: MatrixCell[][];
}

export interface MatrixTotals {
  error: number;
  warning: number;
  info: number;
}

export interface MatrixView {
  /** Prefix of every element id, so that several files can share one page. */
  idPrefix: string;
  /** What the document is called on the page (a file path, or a title). */
  title: string;
  occupation: { soc?: string; title?: string; group?: string; jobZone?: string };
  isFramework: boolean;
  /** True when the scope analysis was not run (a document too large for the full analysis). */
  unread: boolean;
  levels: MatrixLevel[];
  rows: MatrixRow[];
  threadCount: number;
  findings: MatrixFinding[];
  totals: MatrixTotals;
}

export interface MatrixOptions {
  config: ResolvedConfig;
  title: string;
  idPrefix?: string;
  /** The findings to show; the analysis's own findings when omitted (the CLI passes its filtered list). */
  findings?: readonly MatrixFindingInput[];
}

export const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning', 'info'];

function worstOf(findings: readonly MatrixFinding[]): Severity | undefined {
  for (const s of SEVERITY_ORDER) if (findings.some((f) => f.severity === s)) return s;
  return undefined;
}

/** A field's value as page text: scalars as written, anything else left out rather than shown as "[object Object]". */
function scalar(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

export function readingOf(x: StatementScope | undefined): Reading {
  if (!x || x.estimate === undefined) return 'unread';
  const o = x.offset;
  if (o >= 1.5) return 'much-higher';
  if (o >= 0.5) return 'higher';
  if (o <= -1.5) return 'much-lower';
  if (o <= -0.5) return 'lower';
  return 'fits';
}

function scopeOf(result: AnalysisResult, config: ResolvedConfig): ScopeAnalysis | undefined {
  if (result.limited || !result.model.isFramework || result.model.levels.length === 0) return undefined;
  try {
    return scopeAnalysis({ shared: result.shared, model: result.model, config });
  } catch {
    // The picture is still worth showing without readings; the scope rules report their own failure.
    return undefined;
  }
}

export function buildMatrix(result: AnalysisResult, options: MatrixOptions): MatrixView {
  const prefix = options.idPrefix ?? 'm';
  const scope = scopeOf(result, options.config);
  const lines = result.doc.lines;

  const ordered: Level[] = scope ? scope.levels.map((l) => l.level) : [...result.model.levels];
  const levels: MatrixLevel[] = ordered.map((level, rank) => ({
    id: `${prefix}-l${rank}`,
    key: level.key,
    name: levelName(level),
    rank,
    pointer: level.pointer,
    cells: [],
    findings: [],
  }));
  const rankOfKey = new Map(levels.map((l) => [l.key, l.rank]));

  const cellOf = new Map<string, MatrixCell>();
  // Placeholders on a topic, by the thread they stand in for (they are not its members).
  const standIns = new Map<number, MatrixCell[]>();
  const cells: MatrixCell[] = result.model.statements.map((s: Statement) => {
    const x = scope?.byPointer.get(s.pointer);
    const rank = x?.rank ?? rankOfKey.get(s.levelKey) ?? 0;
    const reading = readingOf(x);
    const cell: MatrixCell = {
      id: `${prefix}-s${s.ordinal}`,
      pointer: s.pointer,
      start: s.range.start,
      end: s.range.end,
      levelRank: rank,
      topic: s.topic && s.topic.trim() ? s.topic.trim() : undefined,
      body: s.topic && s.topic.trim() ? s.body : s.text,
      reading,
      readsAs: scope && x?.estimate !== undefined ? levelAt(scope, x.estimate).name : undefined,
      standalone: x?.standalone,
      findings: [],
      // A placeholder on a topic sits in the row of the topic it stands in for (threadFor).
      thread: scope && x ? threadFor(scope, x)?.id : undefined,
    };
    if (cell.thread !== undefined && x?.thread === undefined) {
      const list = standIns.get(cell.thread);
      if (list) list.push(cell);
      else standIns.set(cell.thread, [cell]);
    }
    cellOf.set(s.pointer, cell);
    levels[rank]?.cells.push(cell);
    return cell;
  });
  if (scope) {
    for (const ls of scope.levels) {
      const l = levels[ls.rank];
      l.reading = ls.reading;
      l.readsAs = ls.reading !== undefined ? levelAt(scope, ls.reading).name : undefined;
    }
  }

  // Findings are attached to the statement (or level) their pointer designates or lies within.
  // A pointer is looked up, then its parents, so the cost is the pointer's depth, not the document's size.
  const levelOf = new Map(levels.map((l) => [l.pointer, l]));
  const ownerOf = (pointer: string): { cell?: MatrixCell; level?: MatrixLevel } => {
    for (let p = pointer; p !== ''; p = p.slice(0, Math.max(0, p.lastIndexOf('/')))) {
      const cell = cellOf.get(p);
      if (cell) return { cell };
      const level = levelOf.get(p);
      if (level) return { level };
    }
    return {};
  };
  // The target of a place: the id of the statement's cell, or of the level's header.
  const targetOf = (pointer: string): string | undefined => {
    const { cell, level } = ownerOf(pointer);
    return cell?.id ?? level?.id;
  };
  // A 1-based position: the caller's, or computed from the range the core gives.
  const placeOf = (at: { line?: number; column?: number; range?: Range }): { line: number; column: number } => {
    if (at.line !== undefined && at.column !== undefined) return { line: at.line, column: at.column };
    if (!at.range) return { line: at.line ?? 1, column: at.column ?? 1 };
    const p = lines.positionAt(at.range.start);
    return { line: p.line + 1, column: p.character + 1 };
  };
  const inputs: readonly MatrixFindingInput[] = options.findings ?? result.findings.map((f: Finding) => f);
  const findings: MatrixFinding[] = inputs.map((input, i) => {
    const f = input as MatrixFindingInput & Partial<Pick<Finding, 'range'>>;
    const out: MatrixFinding = {
      ruleId: input.ruleId,
      severity: input.severity,
      message: input.message,
      pointer: input.pointer,
      id: `${prefix}-f${i}`,
      ...placeOf(f),
      related: (input.related ?? []).map((r) => ({ pointer: r.pointer, message: r.message, ...placeOf(r), target: targetOf(r.pointer) })),
    };
    const { cell, level } = ownerOf(input.pointer);
    if (cell) {
      cell.findings.push(out);
      out.target = cell.id;
    } else if (level) {
      level.findings.push(out);
      out.target = level.id;
    }
    return out;
  });
  for (const c of cells) c.worst = worstOf(c.findings);
  for (const l of levels) l.worst = worstOf(l.findings);

  // Rows: one per thread, lowest first (then in document order), then the statements in no thread,
  // stacked at the bottom of their own column.
  const rows: MatrixRow[] = [];
  const emptyRow = (): MatrixCell[][] => levels.map(() => []);
  const threads = scope?.threads ?? [];
  const threadRows = threads
    .map((t) => {
      const row: MatrixRow = { kind: 'thread', name: t.name, cells: emptyRow() };
      for (const m of t.members) {
        const cell = cellOf.get(scope!.statements[m].statement.pointer);
        if (cell) row.cells[cell.levelRank]?.push(cell);
      }
      // Then the placeholders that stand in for the thread at levels it skips.
      for (const cell of standIns.get(t.id) ?? []) row.cells[cell.levelRank]?.push(cell);
      const first = t.members.map((m) => scope!.statements[m]).sort((a, b) => a.rank - b.rank || a.statement.ordinal - b.statement.ordinal)[0];
      return { row, key: [first.rank, first.statement.ordinal] };
    })
    .sort((a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1]);
  rows.push(...threadRows.map((t) => t.row));
  const loose = levels.map((l) => l.cells.filter((c) => c.thread === undefined));
  const depth = Math.max(0, ...loose.map((l) => l.length));
  for (let i = 0; i < depth; i++) rows.push({ kind: 'loose', cells: loose.map((l) => (l[i] ? [l[i]] : [])) });

  const totals: MatrixTotals = { error: 0, warning: 0, info: 0 };
  for (const f of findings) totals[f.severity]++;

  const occ = result.model.occupation;
  const jobZone = scalar(occ?.jobZone?.value);
  return {
    idPrefix: prefix,
    title: options.title,
    occupation: {
      soc: scalar(occ?.soc?.value),
      title: scalar(occ?.title?.value),
      group: scalar(occ?.group?.value),
      jobZone,
    },
    isFramework: result.model.isFramework,
    unread: !scope,
    levels,
    rows,
    threadCount: threadRows.length,
    findings,
    totals,
  };
}

/**
 * A view with no matrix, only the findings: for a result whose analysis the caller no longer has
 * (the page still lists what was found rather than dropping the file).
 */
export function findingsOnlyView(title: string, idPrefix: string, inputs: readonly MatrixFindingInput[]): MatrixView {
  // Without the analysis there are no cells to link to, but the places are still named by line.
  const findings: MatrixFinding[] = inputs.map((f, i) => ({
    ...f,
    id: `${idPrefix}-f${i}`,
    line: f.line ?? 1,
    column: f.column ?? 1,
    related: (f.related ?? []).map((r) => ({ pointer: r.pointer, message: r.message, line: r.line ?? 1, column: r.column ?? 1 })),
  }));
  const totals: MatrixTotals = { error: 0, warning: 0, info: 0 };
  for (const f of findings) totals[f.severity]++;
  return { idPrefix, title, occupation: {}, isFramework: false, unread: true, levels: [], rows: [], threadCount: 0, findings, totals };
}
