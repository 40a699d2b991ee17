/**
 * Finding what is under the cursor: the model element (statement, level, occupation field) or the
 * raw JSON node and its path. Every editor feature starts here, so they agree on what a position
 * means.
 */
import { findNodeAtOffset, getNodePath, type Node } from 'jsonc-parser';
import type { AnalysisResult } from '../service';
import type { Field, Level, Statement } from '../model/types';
import type { Finding, Range } from '../types';

export function contains(range: Range, offset: number): boolean {
  return range.start <= offset && offset <= range.end;
}

export function overlaps(a: Range, b: Range): boolean {
  return a.start <= b.end && b.start <= a.end;
}

/** The statement whose string literal holds the offset (quotes included). */
export function statementAt(result: AnalysisResult, offset: number): Statement | undefined {
  const list = result.model.statements;
  // Statements are in document order, so a binary search finds the candidate in a large document.
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = list[mid].range;
    if (offset < r.start) hi = mid - 1;
    else if (offset > r.end) lo = mid + 1;
    else return list[mid];
  }
  return undefined;
}

/** The level whose value (or key) holds the offset. */
export function levelAt(result: AnalysisResult, offset: number): Level | undefined {
  return result.model.levels.find((l) => contains(l.range, offset) || contains(l.keyRange, offset));
}

/** The level whose key literal holds the offset. */
export function levelKeyAt(result: AnalysisResult, offset: number): Level | undefined {
  return result.model.levels.find((l) => contains(l.keyRange, offset));
}

export interface NodeAt {
  node: Node;
  path: (string | number)[];
  /** True when the node is a property's key. */
  isKey: boolean;
}

/** The innermost JSON node at the offset, with its path; a key resolves to its property. */
export function nodeAt(result: AnalysisResult, offset: number): NodeAt | undefined {
  const root = result.doc.root;
  if (!root) return undefined;
  const node = findNodeAtOffset(root, offset, true);
  if (!node) return undefined;
  const parent = node.parent;
  const isKey = parent?.type === 'property' && parent.children?.[0] === node;
  try {
    return { node, path: isKey ? [...getNodePath(parent!), String(node.value)] : getNodePath(node), isKey };
  } catch {
    return undefined;
  }
}

/** The findings whose range touches a range, in document order. */
export function findingsIn(result: AnalysisResult, range: Range): Finding[] {
  return result.findings.filter((f) => overlaps(f.range, range));
}

/** A field's value as a string, or undefined when it is not one. */
export function stringValue(field: Field | undefined): string | undefined {
  return typeof field?.value === 'string' ? field.value : undefined;
}

export { levelName } from '../model/levelName';

/** A statement named by its topic, or by its first words when it has none. */
export function statementTitle(s: Statement, words = 6): string {
  if (s.topic) return s.topic;
  const parts = s.text.trim().split(/\s+/);
  const head = parts.slice(0, words).join(' ');
  return parts.length > words ? `${head}…` : head || '(empty statement)';
}
