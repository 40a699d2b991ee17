/** The typed model of a framework export, built from the parse tree with every node's place kept. */
import type { Node } from 'jsonc-parser';
import type { Range } from '../types';
import type { ListMarker } from './listMarker';

/** A property value of any JSON type, with where it is; rules check the type they need. */
export interface Field {
  value: unknown;
  pointer: string;
  node: Node;
  range: Range;
  /** The range of the property's key, for findings about the property as a whole. */
  keyRange: Range;
}

export interface Occupation {
  pointer: string;
  range: Range;
  soc?: Field;
  title?: Field;
  group?: Field;
  sector?: Field;
  jobZone?: Field;
  jobZoneInferred?: Field;
}

export interface Statement {
  /** Position among all statements of the document, in document order. */
  ordinal: number;
  levelKey: string;
  levelIndex: number;
  /** Position within its level. */
  index: number;
  text: string;
  pointer: string;
  /** The string literal, quotes included. */
  range: Range;
  /** True when the literal holds no escapes, so text offsets map one to one onto document offsets. */
  verbatim: boolean;
  /** The bullet or number the statement starts with, when it was copied from a list ("• ", "1. ", "E1) "). */
  marker?: ListMarker;
  /** The "Topic" of "Topic — body", when the statement has such a prefix (after any list marker). */
  topic?: string;
  /** The separator as written ("—", "–", "--" or "-"), when there is a topic. */
  separator?: string;
  /** Offsets within `text` of the separator including the spaces around it. */
  separatorSpan?: { start: number; end: number };
  /** The statement without its list marker and topic prefix. */
  body: string;
  /** Offset within `text` where the body begins. */
  bodyStart: number;
  /** Moves the statement's place for an edit elsewhere in the document (moveModel), without making a range. */
  move(map: (offset: number) => number): void;
}

export interface Level {
  key: string;
  /** Position among the levels, in document order (the order of proficiency). */
  index: number;
  pointer: string;
  keyRange: Range;
  range: Range;
  label?: Field;
  statementsField?: Field;
  statements: Statement[];
}

export interface FrameworkModel {
  /** True when the document looks like a framework export at all (it has `framework.levels`). */
  isFramework: boolean;
  occupation?: Occupation;
  fields: {
    schemaVersion?: Field;
    exportedAt?: Field;
    version?: Field;
    description?: Field;
    contextCovered?: Field;
    levels?: Field;
  };
  levels: Level[];
  statements: Statement[];
}
