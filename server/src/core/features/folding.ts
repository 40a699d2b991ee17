/**
 * Folding ranges: every object and array, and the run of a level's statements. Offsets only; the
 * language server keeps those that span more than one line, since only it maps offsets to lines.
 */
import type { Node } from 'jsonc-parser';
import type { AnalysisResult } from '../service';
import type { Range } from '../types';

export const DEFAULT_FOLDING_LIMIT = 5000;

export function foldingRanges(result: AnalysisResult, limit = DEFAULT_FOLDING_LIMIT): Range[] {
  const out: Range[] = [];
  const root = result.doc.root;
  if (!root) return out;
  // An explicit stack instead of recursion: a 10,000-deep document must not overflow the call stack.
  const stack: Node[] = [root];
  while (stack.length > 0 && out.length < limit) {
    const node = stack.pop()!;
    if (node.type === 'object' || node.type === 'array') out.push({ start: node.offset, end: node.offset + node.length });
    const children = node.children ?? [];
    for (let i = children.length - 1; i >= 0; i--) {
      const c = children[i];
      if (c.type === 'object' || c.type === 'array' || c.type === 'property') stack.push(c);
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
