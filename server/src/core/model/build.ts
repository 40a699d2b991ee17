/** Builds the typed model from the parse tree. It never throws: missing or mistyped parts are left out. */
import type { Node } from 'jsonc-parser';
import { nodeRange } from '../parse/parse';
import { childPointer } from '../parse/pointer';
import type { FrameworkModel, Field, Level, Occupation, Statement } from './types';
import { splitStatement, type StatementParts } from './statementParts';
import type { ListMarker } from './listMarker';
import type { Range } from '../types';

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
  return new ModelStatement(ordinal, level, index, node.value as string, node.offset, node.offset + node.length, verbatim);
}

/**
 * A statement whose pointer and "Topic — body" parts are computed when first read. Above
 * maxFileSize only the cheap rules run, and none of them reads the parts, and only reported
 * statements need a pointer: computed up front they were a third of the model of a 20 MB
 * document (some 30 MB) and a fifth of the time to build it. For the same reason a statement holds
 * its level rather than the level's key, index and pointer, and its offsets rather than a range
 * object (a range is made when asked for): 48 bytes less a statement, 7 MB of a 20 MB document's
 * model, which the server keeps for as long as the document is open.
 */
class ModelStatement implements Statement {
  private parts: StatementParts | undefined = undefined;
  private ownPointer: string | undefined = undefined;

  constructor(
    readonly ordinal: number,
    private readonly level: Level,
    readonly index: number,
    readonly text: string,
    private start: number,
    private end: number,
    readonly verbatim: boolean,
  ) {}

  get levelKey(): string {
    return this.level.key;
  }

  get levelIndex(): number {
    return this.level.index;
  }

  /** A range of its own to each caller, so that no finding shares the statement's place. */
  get range(): Range {
    return { start: this.start, end: this.end };
  }

  set range(r: Range) {
    this.start = r.start;
    this.end = r.end;
  }

  move(map: (offset: number) => number): void {
    this.start = map(this.start);
    this.end = map(this.end);
  }

  get pointer(): string {
    return (this.ownPointer ??= childPointer(this.level.pointer + '/statements', this.index));
  }

  get marker(): ListMarker | undefined {
    return this.split().marker;
  }

  get topic(): string | undefined {
    return this.split().topic;
  }

  get separator(): string | undefined {
    return this.split().separator;
  }

  get separatorSpan(): { start: number; end: number } | undefined {
    return this.split().separatorSpan;
  }

  get body(): string {
    return this.split().body;
  }

  get bodyStart(): number {
    return this.split().bodyStart;
  }

  private split(): StatementParts {
    return (this.parts ??= splitStatement(this.text));
  }
}

/** The document range of `text[from, to)` of a statement, or the whole literal when it holds escapes. */
export function statementSubrange(s: Statement, from: number, to: number): { start: number; end: number } {
  if (!s.verbatim) return s.range;
  return { start: s.range.start + 1 + from, end: s.range.start + 1 + Math.max(from, to) };
}
