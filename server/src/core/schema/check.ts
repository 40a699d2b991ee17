/**
 * The schema check of a parsed document: the tree's value (whatever parsed, so a document with a
 * syntax error is still checked) validated, and the errors turned into positioned problems.
 */
import { getNodeValue } from 'jsonc-parser';
import type { ParsedDocument } from '../parse/parse';
import { schemaProblems, type SchemaProblem } from './messages';
import { schemaErrors } from './validate';

export type { SchemaProblem } from './messages';

export function checkSchema(doc: ParsedDocument): SchemaProblem[] {
  // Without a tree (an empty file, or nesting too deep to build) there is nothing to validate,
  // and the syntax rule has already said why.
  if (!doc.root) return [];
  const errors = schemaErrors(getNodeValue(doc.root));
  return errors.length === 0 ? [] : schemaProblems(errors, doc.root, doc.text);
}
