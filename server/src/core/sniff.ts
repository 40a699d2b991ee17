/**
 * Decides cheaply whether a JSON text is a competency framework, so that a directory walk (CLI) or
 * an editor (language server) can leave other JSON alone. A framework either has an object at
 * `framework.levels` or names our schema in a top-level `$schema`.
 *
 * This runs on every `.json` file of a workspace, so it never builds a tree: a substring test
 * rejects most files at once, and the rest get one token scan that keeps only a small stack of
 * property names. The scan has no recursion, so a 10,000-deep nesting cannot overflow the stack,
 * and it tolerates syntax errors, so a half-typed or truncated framework is still recognised.
 */
import { createScanner, SyntaxKind } from 'jsonc-parser';

/** The file name that ends our schema's `$id`; a `$schema` ending with it (URL or path) names us. */
export const FRAMEWORK_SCHEMA_FILE = 'competency-framework.schema.json';

export function looksLikeFramework(text: string): boolean {
  const hasLevels = text.includes('"levels"');
  const hasSchema = text.includes(FRAMEWORK_SCHEMA_FILE);
  if (!hasLevels && !hasSchema) return false;

  const scanner = createScanner(text, true);
  // For each open container: whether it is an object, and the key it is the value of.
  const stack: { object: boolean; key: string | undefined }[] = [];
  // The key just read in the innermost object, waiting for its value.
  let pendingKey: string | undefined;
  let expectKey = false;

  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    const top = stack[stack.length - 1];
    switch (kind) {
      case SyntaxKind.OpenBraceToken:
      case SyntaxKind.OpenBracketToken: {
        const object = kind === SyntaxKind.OpenBraceToken;
        // `framework.levels` is an object: the path is root object > "framework" object > "levels".
        if (
          object &&
          pendingKey === 'levels' &&
          stack.length === 2 &&
          stack[1].key === 'framework' &&
          stack[1].object &&
          stack[0].object
        ) {
          return true;
        }
        stack.push({ object, key: pendingKey });
        pendingKey = undefined;
        expectKey = object;
        break;
      }
      case SyntaxKind.CloseBraceToken:
      case SyntaxKind.CloseBracketToken:
        stack.pop();
        pendingKey = undefined;
        expectKey = false;
        break;
      case SyntaxKind.CommaToken:
        pendingKey = undefined;
        expectKey = top?.object ?? false;
        break;
      case SyntaxKind.ColonToken:
        expectKey = false;
        break;
      case SyntaxKind.StringLiteral:
        if (expectKey && top?.object) {
          pendingKey = scanner.getTokenValue();
          expectKey = false;
        } else {
          if (hasSchema && stack.length === 1 && pendingKey === '$schema' && scanner.getTokenValue().endsWith(FRAMEWORK_SCHEMA_FILE)) {
            return true;
          }
          pendingKey = undefined;
        }
        break;
      case SyntaxKind.LineCommentTrivia:
      case SyntaxKind.BlockCommentTrivia:
        break;
      default:
        // Numbers, literals and stray tokens end a value without changing the structure.
        if (!expectKey) pendingKey = undefined;
        break;
    }
  }
  return false;
}
