/**
 * The outline of a framework: the occupation, then each level with its statements named by topic or
 * first words. A very large document's outline is capped, and says so in its last entry, so the
 * editor's outline view never receives hundreds of thousands of nodes.
 */
import type { AnalysisResult } from '../service';
import type { Range } from '../types';
import { nodeRange } from '../parse/parse';
import { levelName, statementTitle, stringValue } from './locate';

export type SymbolKind = 'occupation' | 'framework' | 'level' | 'statement' | 'field' | 'note';

export interface DocumentSymbol {
  name: string;
  detail?: string;
  kind: SymbolKind;
  range: Range;
  selectionRange: Range;
  children?: DocumentSymbol[];
}

export const DEFAULT_SYMBOL_LIMIT = 5000;

export function documentSymbols(result: AnalysisResult, limit = DEFAULT_SYMBOL_LIMIT): DocumentSymbol[] {
  const { model } = result;
  const out: DocumentSymbol[] = [];
  let budget = limit;
  const occ = model.occupation;
  if (occ) {
    const code = stringValue(occ.soc);
    const title = stringValue(occ.title);
    const children: DocumentSymbol[] = [];
    for (const name of ['soc', 'title', 'group', 'sector', 'jobZone', 'jobZoneInferred'] as const) {
      const f = occ[name];
      if (!f) continue;
      children.push({ name, detail: JSON.stringify(f.value), kind: 'field', range: { start: f.keyRange.start, end: f.range.end }, selectionRange: f.keyRange });
    }
    budget -= 1 + children.length;
    // Like a level's entry, the occupation's spans its whole member and selects its key: an editor
    // selects the selection range when the entry is chosen, and the whole object is not a name.
    const key = occupationKey(result, occ.range);
    out.push({
      name: 'occupation',
      detail: [code, title].filter(Boolean).join(' '),
      kind: 'occupation',
      range: key ? { start: key.start, end: occ.range.end } : occ.range,
      selectionRange: key ?? occ.range,
      children,
    });
  }
  let omitted = 0;
  let lastEnd = 0;
  for (const level of model.levels) {
    const statements: DocumentSymbol[] = [];
    for (const s of level.statements) {
      if (budget <= 1) {
        omitted++;
        continue;
      }
      budget--;
      statements.push({ name: statementTitle(s), detail: `#${s.index + 1}`, kind: 'statement', range: s.range, selectionRange: s.range });
    }
    if (budget > 1) budget--;
    out.push({
      name: levelName(level),
      detail: `${level.key} · ${level.statements.length} statement${level.statements.length === 1 ? '' : 's'}`,
      kind: 'level',
      range: { start: level.keyRange.start, end: level.range.end },
      selectionRange: level.keyRange,
      children: statements,
    });
    lastEnd = level.range.end;
  }
  if (omitted > 0) {
    out.push({
      name: `${omitted} more statements not shown`,
      detail: `the outline stops at ${limit} entries`,
      kind: 'note',
      range: { start: lastEnd, end: lastEnd },
      selectionRange: { start: lastEnd, end: lastEnd },
    });
  }
  return out;
}

/**
 * The key of the top-level `occupation` member whose value is the model's occupation. The model
 * keeps no key range for it, and a duplicated key must not lead to the other member's key, so the
 * member is found by its value's place rather than by name.
 */
function occupationKey(result: AnalysisResult, value: Range): Range | undefined {
  const root = result.doc.root;
  if (root?.type !== 'object') return undefined;
  for (const prop of root.children ?? []) {
    const [key, node] = prop.children ?? [];
    if (key && node && node.offset === value.start && key.value === 'occupation') return nodeRange(key);
  }
  return undefined;
}
