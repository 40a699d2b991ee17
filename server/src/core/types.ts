/**
 * The vocabulary every part of the core shares. Positions are character offsets into the analysed
 * text; adapters turn them into lines and columns through the document's line index, so there is
 * one place where positions are computed.
 */

export type Severity = 'error' | 'warning' | 'info';
export type SeverityName = Severity | 'off';

export type Category = 'syntax' | 'schema' | 'metadata' | 'format' | 'duplicate' | 'scope' | 'coverage';

/** A half-open span of character offsets: `start` is included, `end` is not. */
export interface Range {
  start: number;
  end: number;
}

/** A replacement of the text in [start, end) by `newText`. */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

/**
 * A fix carried by a finding as data. `safe` fixes may be applied without review (fix-all and
 * `--fix`); the others are offered as quick fixes only.
 */
export interface Fix {
  title: string;
  edits: TextEdit[];
  safe: boolean;
}

/** Another place in the document that explains a finding, such as the other copy of a duplicate. */
export interface RelatedLocation {
  pointer: string;
  range: Range;
  message: string;
}

export interface Finding {
  ruleId: string;
  category: Category;
  severity: Severity;
  message: string;
  /** RFC 6901 pointer of the node the finding is about ("" for the whole document). */
  pointer: string;
  range: Range;
  related?: RelatedLocation[];
  fix?: Fix;
}
