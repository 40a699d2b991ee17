/**
 * Updates a model for an edit inside one statement (see parse/moveTree.ts): every range after the
 * edit moves by it, every range around it grows, and the statement is rebuilt from its new text.
 * Ranges are changed in place, so findings that share them must be moved first (incremental.ts
 * makes new ones); a statement gives each caller a range of its own, and its offsets are moved.
 */
import type { Node } from 'jsonc-parser';
import type { Range } from '../types';
import type { Field, FrameworkModel, Statement } from './types';
import { makeStatement } from './build';

/** Where an offset of the old text is in the new one; offsets inside the replaced span go to its start. */
export type OffsetMap = (offset: number) => number;

export function offsetMap(start: number, end: number, delta: number): OffsetMap {
  return (p) => (p <= start ? p : p >= end ? p + delta : start);
}

export function moveRange(r: Range, map: OffsetMap): Range {
  return { start: map(r.start), end: map(r.end) };
}

/** In place: the model's ranges are its own (nodeRange makes a new one for every place). */
function move(r: Range, map: OffsetMap): void {
  r.start = map(r.start);
  r.end = map(r.end);
}

function moveField(f: Field | undefined, map: OffsetMap): void {
  if (!f) return;
  move(f.range, map);
  move(f.keyRange, map);
}

/**
 * Moves every range of the model and replaces `statement` with one built from `literal`, whose
 * node already holds the new text (moveTree ran first). Returns the new statement.
 */
export function moveModel(model: FrameworkModel, statement: Statement, literal: Node, map: OffsetMap): Statement {
  const occ = model.occupation;
  if (occ) {
    move(occ.range, map);
    for (const name of ['soc', 'title', 'group', 'sector', 'jobZone', 'jobZoneInferred'] as const) moveField(occ[name], map);
  }
  for (const f of Object.values(model.fields)) moveField(f, map);
  for (const level of model.levels) {
    move(level.keyRange, map);
    move(level.range, map);
    moveField(level.label, map);
    moveField(level.statementsField, map);
  }
  // A statement's range is made when read; its offsets are moved without making one (145,000 a keystroke at 20 MB).
  for (const s of model.statements) if (s !== statement) s.move(map);
  const level = model.levels[statement.levelIndex];
  // The edit added no escape to a literal that had none (incremental.ts checks both).
  const after = makeStatement(literal, level, statement.index, statement.ordinal, true);
  level.statements[level.statements.indexOf(statement)] = after;
  model.statements[statement.ordinal] = after;
  return after;
}
