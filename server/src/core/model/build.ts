/** Builds the typed model from the parse tree. It never throws: missing or mistyped parts are left out. */
import type { Node } from 'jsonc-parser';
import { nodeRange } from '../parse/parse';
import { childPointer } from '../parse/pointer';
import type { FrameworkModel, Field, Level, Occupation, Statement } from './types';
import { splitStatement } from './statementParts';

/** The value node of each property of an object, the last one winning as in JSON.parse. */
function properties(node: Node | undefined): Map<string, { key: Node; value: Node }> {
  const map = new Map<string, { key: Node; value: Node }>();
  if (!node || node.type !== 'object') return map;
  for (const prop of node.children ?? []) {
    const [key, value] = prop.children ?? [];
    if (key && value && typeof key.value === 'string') map.set(key.value, { key, value });
  }
  return map;
}

function field(props: Map<string, { key: Node; value: Node }>, name: string, parentPointer: string): Field | undefined {
  const p = props.get(name);
  if (!p) return undefined;
  return { value: nodeValue(p.value), pointer: childPointer(parentPointer, name), node: p.value, range: nodeRange(p.value), keyRange: nodeRange(p.key) };
}

/** Scalars only: a container's value is not needed by any rule and would cost a copy. */
function nodeValue(node: Node): unknown {
  if (node.type === 'object') return {};
  if (node.type === 'array') return [];
  return node.value;
}

export function buildModel(root: Node | undefined, text: string): FrameworkModel {
  const model: FrameworkModel = { isFramework: false, fields: {}, levels: [], statements: [] };
  const top = properties(root);
  model.fields.schemaVersion = field(top, 'schemaVersion', '');
  model.fields.exportedAt = field(top, 'exportedAt', '');

  const occ = top.get('occupation');
  if (occ && occ.value.type === 'object') {
    const props = properties(occ.value);
    const o: Occupation = { pointer: '/occupation', range: nodeRange(occ.value) };
    for (const name of ['soc', 'title', 'group', 'sector', 'jobZone', 'jobZoneInferred'] as const) {
      o[name] = field(props, name, '/occupation');
    }
    model.occupation = o;
  }

  const fw = top.get('framework');
  if (!fw || fw.value.type !== 'object') return model;
  const fwProps = properties(fw.value);
  model.fields.version = field(fwProps, 'version', '/framework');
  model.fields.description = field(fwProps, 'description', '/framework');
  model.fields.contextCovered = field(fwProps, 'contextCovered', '/framework');
  model.fields.levels = field(fwProps, 'levels', '/framework');
  const levelsNode = fwProps.get('levels')?.value;
  if (!levelsNode || levelsNode.type !== 'object') return model;
  model.isFramework = true;

  for (const [key, { key: keyNode, value }] of properties(levelsNode)) {
    const pointer = childPointer('/framework/levels', key);
    const props = properties(value);
    const level: Level = {
      key,
      index: model.levels.length,
      pointer,
      keyRange: nodeRange(keyNode),
      range: nodeRange(value),
      label: field(props, 'label', pointer),
      statementsField: field(props, 'statements', pointer),
      statements: [],
    };
    const arr = props.get('statements')?.value;
    if (arr && arr.type === 'array') {
      (arr.children ?? []).forEach((node, index) => {
        if (node.type !== 'string' || typeof node.value !== 'string') return;
        const raw = text.slice(node.offset + 1, node.offset + node.length - 1);
        const statement = makeStatement(node, level, index, model.statements.length, raw === node.value);
        level.statements.push(statement);
        model.statements.push(statement);
      });
    }
    model.levels.push(level);
  }
  return model;
}

/** A statement from its string node; `verbatim` says whether the literal holds no escapes. */
export function makeStatement(node: Node, level: Level, index: number, ordinal: number, verbatim: boolean): Statement {
  const value = node.value as string;
  const parts = splitStatement(value);
  return {
    ordinal,
    levelKey: level.key,
    levelIndex: level.index,
    index,
    text: value,
    pointer: childPointer(level.pointer + '/statements', index),
    range: nodeRange(node),
    verbatim,
    ...parts,
  };
}

/** The document range of `text[from, to)` of a statement, or the whole literal when it holds escapes. */
export function statementSubrange(s: Statement, from: number, to: number): { start: number; end: number } {
  if (!s.verbatim) return s.range;
  return { start: s.range.start + 1 + from, end: s.range.start + 1 + Math.max(from, to) };
}
